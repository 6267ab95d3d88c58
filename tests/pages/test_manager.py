from surveys import setup
from surveys.manager_auth import FREE_ATTEMPTS, LoginThrottle
from tests.conftest import app_store
from tests.pages.helpers import button, log_in, texts


def test_logged_out_visitor_sees_the_login_and_nothing_else(app):
    app.run()
    assert not app.exception
    assert texts(app.title) == ["Afterward"]
    links = app.get("link_button")
    assert [b.proto.label for b in links] == ["Log in"]
    assert links[0].proto.url.startswith("/manager/login?next=")
    assert not app.button  # no sample-data or any other manager button
    assert not app.dataframe
    assert not app.get("plotly_chart")


def test_repeated_wrong_passwords_are_slowed_down():
    throttle = LoginThrottle()
    for _ in range(FREE_ATTEMPTS - 1):
        throttle.record(False, now=100.0)
    assert throttle.wait_seconds(now=100.0) == 0
    throttle.record(False, now=100.0)
    assert throttle.wait_seconds(now=100.0) == 1.0
    throttle.record(False, now=101.0)
    assert throttle.wait_seconds(now=101.0) == 2.0
    throttle.record(True, now=200.0)
    assert throttle.wait_seconds(now=200.0) == 0


# The password form, wrong passwords and the throttle at the route: tests/test_http.py.


def surveys_page(app):
    log_in(app)
    assert texts(app.title) == ["Overview"]  # where a manager lands
    app.switch_page("app_pages/manager/surveys.py").run()
    assert not app.exception
    return app


def test_manager_creates_a_survey_and_gets_links(app):
    surveys_page(app)
    assert texts(app.title) == ["Projects and surveys"]
    assert any("No surveys yet" in i for i in texts(app.info))

    app.text_input[0].input("Lighthouse App")
    app.selectbox[0].set_value("incident-postmortem")
    app.text_input[2].input("2026Q2")
    app.number_input[0].set_value(5)  # a shareable link needs a threshold of 5 or more
    button(app, "Create survey").click().run()
    assert not app.exception
    assert any("Survey created" in s for s in texts(app.success))
    overview = app_store().surveys_overview()
    assert list(overview["project"]) == ["Lighthouse App"]
    assert list(overview["quarter"]) == ["2026Q2"]

    button(app, "Make shareable link").click().run()
    assert app.code[0].value.startswith("http://localhost:8501/?t=")
    app.number_input[1].set_value(3)
    button(app, "Create invitation links").click().run()
    assert app_store().surveys_overview()["invitations"].iloc[0] == 3
    assert len(app.get("download_button")) == 1

    button(app, "Close survey").click().run()
    assert app_store().surveys_overview()["status"].iloc[0] == "closed"


def test_bad_quarter_gets_a_message_not_a_traceback(app):
    surveys_page(app)
    app.text_input[0].input("P")
    app.text_input[2].input("last spring")
    button(app, "Create survey").click().run()
    assert not app.exception
    assert any("should look like 2026Q3" in e for e in texts(app.error))
    assert app_store().surveys_overview().empty


def test_broken_questionnaire_is_listed_and_the_page_still_works(app, monkeypatch, tmp_path):
    import surveys.questionnaire as questionnaire

    (tmp_path / "broken.yaml").write_text(
        "id: broken\ntitle: B\nquestions:\n  - id: a\n    kind: x\n"
    )
    for name in ("sprint-retro",):
        (tmp_path / f"{name}.yaml").write_text(
            (questionnaire.TEMPLATES_DIR / f"{name}.yaml").read_text()
        )
    monkeypatch.setattr(questionnaire, "TEMPLATES_DIR", tmp_path)
    monkeypatch.setattr(questionnaire.load_templates, "__defaults__", (tmp_path,))
    surveys_page(app)
    assert not app.exception
    assert any("broken.yaml:5" in w for w in texts(app.warning))
    # Only the valid template is offered (shown as "title (id)").
    assert list(app.selectbox[0].options) == ["Sprint retrospective (sprint-retro)"]


def test_survey_list_shows_progress(app):
    surveys_page(app)
    store = app_store()
    setup.create_survey(store, project="Alpha", template_id="sprint-retro")
    app.run()
    frame = app.dataframe[0].value
    assert list(frame["project"]) == ["Alpha"]
    assert frame["responses"].iloc[0] == 0


def test_roster_names_are_always_redacted_from_later_answers(app):
    from afterward.services.responding import stored_form, validate
    from surveys import links
    from surveys.links import LinkState
    from surveys.setup import questionnaire_of

    surveys_page(app)
    store = app_store()
    survey_id = setup.create_survey(store, project="Roster", template_id="sprint-retro")
    app.run()
    app.text_area(key=f"roster_{store.survey(survey_id).project_id}").input("Quill Ashdown").run()
    button(app, "Save roster").click().run()
    project = store.project(store.survey(survey_id).project_id)
    assert project.roster == ("Quill Ashdown",)
    questionnaire = questionnaire_of(store.survey(survey_id))
    checked = validate(
        questionnaire,
        {
            "sprint_goal_met": "Yes",
            "workload_sustainable": 3,
            "goals_clear": 3,
            "sprint_rating": 5,
            "stop": "quill kept the release notes to himself",
        },
    )
    assert stored_form(questionnaire, checked.answers, project.roster)["stop"].startswith("[name]")
    assert links.resolve(store, "nothing") == LinkState("unavailable")

"""The one-click sample: complete, believable, anonymous-looking, deterministic and removable."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta

import pandas as pd
import pytest

import clock
from analysis.redaction import redact
from analysis.taxonomy import load_taxonomy
from clock import today
from surveys import sample
from surveys.links import OPEN_LINK_MIN_THRESHOLD
from surveys.store import AnswerRow, Scope, Store
from tests.conftest import ROOT, stored_rows

TEMPLATES = {"project-postmortem", "incident-postmortem", "sprint-retro", "client-feedback"}
EMAIL = re.compile(r"\S+@\S+\.\w+")


@pytest.fixture
def loaded(store: Store) -> sample.SampleSummary:
    return sample.load_sample(store)


def _surveys(store: Store) -> pd.DataFrame:
    return store.surveys_overview()


def _answers_by_kind(store: Store) -> pd.DataFrame:
    answers = stored_rows(store, "answers")
    questions = store.table_rows("survey_questions")[["survey_id", "question_id", "kind"]]
    return answers.merge(questions, on=["survey_id", "question_id"], how="left")


def test_sample_covers_six_projects_eight_quarters_and_every_template(store, loaded):
    projects = store.projects()
    assert len(projects) == loaded.projects >= 6
    assert projects["is_sample"].all()
    surveys = _surveys(store)
    assert len(surveys) == loaded.surveys
    assert set(surveys["template_id"]) == TEMPLATES
    assert len(loaded.quarters) == 8
    assert tuple(sorted(surveys["quarter"].unique())) == loaded.quarters
    assert loaded.quarters[-1] == clock.check_quarter(
        f"{today().year}Q{(today().month - 1) // 3 + 1}"
    )
    assert loaded.responses == len(stored_rows(store, "responses"))


def test_survey_windows_sit_inside_their_quarter_and_only_the_current_one_is_open(store, loaded):
    bounds = {label: (start, end) for label, start, end in sample.sample_quarters()}
    surveys = _surveys(store)
    for row in surveys.itertuples():
        start, end = bounds[row.quarter]
        assert start <= row.opens_on.date() <= row.closes_on.date() <= end
        expected = "open" if row.quarter == loaded.quarters[-1] else "closed"
        assert row.status == expected, row
    current = surveys[surveys["status"] == "open"]
    assert len(current) >= 1
    assert (current["invitations"] > 0).all()
    for survey_id in current["survey_id"]:
        assert store.survey(survey_id).is_open()

    windows = surveys[["survey_id", "opens_on", "closes_on"]].astype({"survey_id": str})
    responses = stored_rows(store, "responses").astype({"survey_id": str}).merge(windows)
    assert len(responses) == loaded.responses
    submitted = pd.to_datetime(responses["submitted_on"])
    assert (submitted >= responses["opens_on"]).all()
    assert (submitted <= responses["closes_on"]).all()
    assert (submitted.dt.date <= today()).all()


def test_response_counts_with_a_deliberately_small_survey(store, loaded):
    surveys = _surveys(store)
    stored = surveys["responses"] + surveys["waiting"]  # released, or waiting for release
    small = surveys[stored < surveys["anonymity_threshold"]]
    assert 1 <= len(small) <= 2 == loaded.below_threshold
    assert stored.drop(small.index).between(5, 14).all()


def test_answers_of_every_kind_follow_the_storage_conventions(store, loaded):
    answers = _answers_by_kind(store)
    assert answers["kind"].notna().all()
    assert set(answers["kind"]) == {
        "likert", "rating", "single_choice", "multiple_choice", "yes_no", "text"
    }  # fmt: skip
    by = dict(tuple(answers.groupby("kind")))
    assert by["likert"]["value_number"].between(1, 5).all()
    assert by["rating"]["value_number"].between(0, 10).all()
    assert (by["likert"]["value_number"] % 1 == 0).all()
    yes_no = by["yes_no"]
    assert set(zip(yes_no["value_number"], yes_no["value_choice"], strict=True)) == {
        (1.0, "Yes"), (0.0, "No")
    }  # fmt: skip
    assert by["single_choice"]["value_choice"].notna().all()
    assert by["text"]["value_text"].str.strip().str.len().gt(0).all()
    picks = by["multiple_choice"].groupby(["response_id", "question_id"]).size()
    assert picks.max() > 1  # one row per picked option
    assert loaded.answers == len(answers)
    assert loaded.texts == len(by["text"])


def test_roles_include_small_groups(store, loaded):
    answers = stored_rows(store, "answers")
    roles = answers[answers["question_id"] == "role"]
    assert roles["value_choice"].nunique() >= 6
    per_survey = roles.groupby(["survey_id", "value_choice"]).size()
    assert (per_survey < 3).sum() >= 10  # groups small enough to need merging
    assert (per_survey >= 5).sum() >= 10


def test_ratings_tell_a_story(store, loaded):
    answers = _answers_by_kind(store)
    surveys = _surveys(store)[["survey_id", "project", "quarter"]]
    surveys["survey_id"] = surveys["survey_id"].astype(str)
    answers["survey_id"] = answers["survey_id"].astype(str)
    rows = answers.merge(surveys, on="survey_id")
    first, last = loaded.quarters[:3], loaded.quarters[-3:]

    def mean(project: str, question: str, quarters: tuple[str, ...]) -> float:
        pick = rows[(rows["project"] == project) & (rows["question_id"] == question)]
        return pick[pick["quarter"].isin(quarters)]["value_number"].mean()

    assert (
        mean("Lighthouse mobile app", "schedule_realistic", last)
        > mean("Lighthouse mobile app", "schedule_realistic", first) + 1
    )
    assert (
        mean("Orchard web shop", "communication", last)
        < mean("Orchard web shop", "communication", first) - 1.5
    )


def test_recurring_problems_rise_and_fall_across_projects(store, loaded):
    answers = stored_rows(store, "answers").astype({"survey_id": str})
    surveys = _surveys(store)[["survey_id", "project", "quarter"]].astype({"survey_id": str})
    texts = answers.dropna(subset=["value_text"]).merge(surveys, on="survey_id")
    lowered = texts["value_text"].str.lower()

    flaky = texts[lowered.str.contains("flak")]
    assert flaky["project"].nunique() >= 3

    # Certificate renewal was automated in the third quarter: expiry talk fades afterwards.
    payments = texts[texts["project"] == "Payments platform"]
    certs = payments["value_text"].str.lower().str.contains("cert")
    early = certs[payments["quarter"].isin(loaded.quarters[:3])].mean()
    late = certs[payments["quarter"].isin(loaded.quarters[4:])].mean()
    assert early > 2 * late


def test_texts_are_varied_and_already_redacted(store, loaded):
    texts = stored_rows(store, "answers")["value_text"].dropna().tolist()
    assert len(set(texts)) > 300
    assert any(t == t.lower() for t in texts)
    assert any("[name]" in t for t in texts)
    for text in texts:
        assert redact(text) == text, text
        assert not EMAIL.search(text), text
    actions = store.actions(Scope())
    for text in [*actions["title"], *actions["owner"], *actions["status_reason"]]:
        assert redact(text) == text, text
        assert not EMAIL.search(text), text


def test_every_written_sentence_is_in_stored_form():
    corpus = [
        text
        for theme in sample.THEMES.values()
        for text in (*theme.complaints, *theme.fixes, *theme.stories)
    ]
    corpus += [*sample.TEAM_POSITIVES, *sample.CLIENT_POSITIVES]
    corpus += [text for texts in sample.STOPS.values() for text in texts]
    assert len(corpus) > 200
    assert [t for t in corpus if redact(t) != t or EMAIL.search(t)] == []


def test_actions_mix_statuses_and_link_known_categories(store, loaded):
    actions = store.actions(Scope())
    assert len(actions) == loaded.actions
    assert {"open", "in_progress", "done", "not_doing"} <= set(actions["status"])
    assert actions["overdue"].any()
    assert (actions[actions["status"] == "not_doing"]["status_reason"].str.len() > 0).all()
    assert set(actions["category"]) <= set(load_taxonomy())
    assert set(actions["quarter"]) <= set(loaded.quarters)


def test_done_actions_were_done_on_past_days_after_open_and_in_progress(store, loaded):
    actions = store.actions(Scope())
    done = actions[actions["is_done"]]
    assert len(done) >= 5
    assert (done["done_on"].dt.date <= today()).all()
    assert (done["done_on"].dt.date < today() - timedelta(days=60)).sum() >= 4
    assert (done["created_on"] <= done["done_on"]).all()
    history = store.action_history()
    for action_id in done["action_id"]:
        steps = history[history["action_id"] == action_id]
        assert steps["changed_on"].is_monotonic_increasing
        assert steps["status"].iloc[-1] == "done"
        assert steps["changed_on"].iloc[-1] == done.set_index("action_id").loc[action_id, "done_on"]
    # The older ones went open -> in progress -> done, each on its own day.
    past = done[done["done_on"].dt.date < today() - timedelta(days=60)]
    for action_id in past["action_id"]:
        steps = history[history["action_id"] == action_id]
        assert steps["status"].tolist() == ["open", "in_progress", "done"], action_id
        assert steps["changed_on"].is_unique
    # Statuses stored on the action agree with the last step of its history.
    last = history.groupby("action_id")["status"].last()
    assert (actions.set_index("action_id")["status"] == last.reindex(actions["action_id"])).all()


def test_post_mortem_actions_name_their_survey(store, loaded):
    actions = store.actions(Scope())
    surveys = _surveys(store).astype({"survey_id": str}).set_index("survey_id")
    linked = actions[actions["survey_id"].notna()]
    assert len(linked) >= 8
    for row in linked.itertuples():
        survey = surveys.loc[row.survey_id]
        assert survey["project"] == row.project
        assert survey["quarter"] == row.quarter
        assert survey["template_id"] in sample.POSTMORTEM_TEMPLATES
    # Sprint retros and client feedback decide actions too, without a post-mortem.
    assert actions["survey_id"].isna().any()


def test_a_post_mortem_in_each_status_on_surveys_with_results(store, loaded):
    from surveys.store.records import POSTMORTEM_STATUSES

    postmortems = store.postmortems()
    assert len(postmortems) == loaded.postmortems
    assert set(postmortems["status"]) == set(POSTMORTEM_STATUSES)
    assert postmortems["owner"].str.contains(" ").all()  # a (made-up) full name
    surveys = _surveys(store).astype({"survey_id": str}).set_index("survey_id")
    for survey_id in postmortems["survey_id"]:
        survey = surveys.loc[survey_id]
        assert survey["template_id"] in sample.POSTMORTEM_TEMPLATES
        assert survey["status"] == "closed" and survey["responses"] >= survey["anonymity_threshold"]
        stored = store.postmortem(survey_id)
        # Summaries belong to the document's sections, so the page and exports show them.
        from afterward.services.postmortem import SECTION_IDS

        assert stored.summaries and set(stored.summaries) <= set(SECTION_IDS)
        assert all(10 < len(text) < 200 for text in stored.summaries.values())


def test_did_it_work_gives_every_kind_of_verdict_after_the_analysis(tmp_path):
    """As in the app: the store releases answers by the gate's rule as they arrive (so some
    of this quarter's wait), the load publishes what is due, the analysis runs over it all."""
    from afterward.services import analysis_upkeep, publishing
    from afterward.services.manager_views import compute_view

    with publishing.open_store(tmp_path / "app.duckdb") as store:
        sample.load_sample(store)
        publishing.publish_due(store)
        analysis_upkeep.refresh_analysis(store)
        effect = compute_view("action_effect", store, Scope())
    verdicts = dict(zip(effect["title"], effect["verdict"], strict=True))
    by_kind = {
        kind: [title for title, verdict in verdicts.items() if verdict.startswith(kind)]
        for kind in ("Not raised since", "Still raised", "Too early", "Raised less", "Unclear")
    }
    assert all(by_kind.values()), verdicts
    assert (
        "Automate certificate renewal and alert 30 days before expiry"
        in by_kind["Not raised since"]
    )
    worked = effect[effect["verdict"].str.startswith("Not raised since")].iloc[0]
    assert worked["answers_before"] > 0 and worked["quarters_after"] >= 2
    assert worked["answers_after"] == 0


def _content(store: Store) -> list[tuple]:
    """Everything stored except the random ids, in a stable order."""
    surveys = _surveys(store)[["survey_id", "project", "title", "quarter", "opens_on"]]
    surveys["survey_id"] = surveys["survey_id"].astype(str)
    answers = stored_rows(store, "answers").astype({"survey_id": str})
    rows = answers.merge(surveys, on="survey_id").drop(columns=["survey_id", "response_id"])
    rows = rows.fillna({"value_number": -1, "value_text": "", "value_choice": ""})
    return sorted(rows.itertuples(index=False, name=None))


def test_loading_is_deterministic_by_seed(tmp_path):
    contents = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        with Store(tmp_path / f"{name}.duckdb") as store:
            sample.load_sample(store, seed=seed)
            contents.append(_content(store))
    assert contents[0] == contents[1]
    assert contents[0] != contents[2]


def test_refuses_a_second_load(store, loaded):
    with pytest.raises(ValueError, match="already loaded"):
        sample.load_sample(store)
    assert len(store.projects()) == loaded.projects


def test_remove_sample_keeps_a_real_project(store, survey_id):
    store.record_response(survey_id, [AnswerRow("went_well", value_text="the demo went fine")])
    store.save_postmortem(survey_id, owner="Real Owner", status="in_review")
    real = store.project_by_name("Harbour Website").project_id
    kept = store.create_action(project_id=real, title="Real", owner="Me", quarter="2026Q3")
    store.set_action_status(kept, "in_progress")
    sample.load_sample(store)
    assert len(store.postmortems()) > 1 and store.action_history()["action_id"].nunique() > 1
    store.remove_sample()
    assert not store.has_sample()
    assert store.projects()["name"].tolist() == ["Harbour Website"]
    assert _surveys(store)["survey_id"].tolist() == [survey_id]
    assert len(stored_rows(store, "responses")) == 1
    assert stored_rows(store, "answers")["value_text"].tolist() == ["the demo went fine"]
    for table in ("links", "survey_questions"):
        rows = store.table_rows(table)
        assert set(rows["survey_id"].astype(str)) <= {survey_id}, table
    assert store.actions(Scope())["action_id"].tolist() == [kept]
    assert set(store.action_history()["action_id"]) == {kept}
    assert store.postmortems()[["survey_id", "owner"]].values.tolist() == [
        [survey_id, "Real Owner"]
    ]
    sample.load_sample(store)  # and it can be loaded again
    assert store.has_sample()


def test_a_real_project_with_a_sample_name_blocks_the_load(store):
    store.create_project("Orchard web shop")
    with pytest.raises(ValueError, match="Orchard web shop"):
        sample.load_sample(store)
    assert not store.has_sample()


def test_the_summary_counts_what_was_stored(store):
    summary = sample.load_sample(store)
    assert store.has_sample()
    surveys = _surveys(store)
    assert summary.projects == len(store.projects())
    assert summary.surveys == len(surveys)
    assert summary.responses == len(stored_rows(store, "responses"))
    assert summary.answers == len(stored_rows(store, "answers"))
    assert summary.actions == len(store.table_rows("action_items"))
    links = store.table_rows("links")
    assert summary.invitations == (links["kind"] == "invitation").sum() > 0
    assert summary.invitations == surveys["invitations"].sum()
    # A shareable link only where the threshold allows one (5+): the sample's open surveys
    # (threshold 3) are answered through invitations, and `afterward links` refuses them.
    open_links = set(links.loc[links["kind"] == "open", "survey_id"])
    allowed = {
        sid
        for sid in surveys.loc[surveys["status"] == "open", "survey_id"]
        if store.survey(sid).anonymity_threshold >= OPEN_LINK_MIN_THRESHOLD
    }
    assert open_links == allowed


def test_sample_quarters_end_with_the_current_quarter():
    quarters = sample.sample_quarters(today())
    assert len(quarters) == 8
    for (_, _, end), (_, start, _) in zip(quarters, quarters[1:], strict=False):
        assert start == end + timedelta(days=1)
    assert quarters[-1][1] <= today() <= quarters[-1][2]
    december = sample.sample_quarters(today().replace(year=2026, month=12, day=31))
    assert [q[0] for q in december] == [f"{y}Q{q}" for y in (2025, 2026) for q in (1, 2, 3, 4)]


def test_cli_demo_loads_refuses_twice_and_removes(tmp_path):
    env = {**os.environ, "AFTERWARD_DB": str(tmp_path / "demo.duckdb")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "afterward.cli", "demo", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    loaded = run()
    assert loaded.returncode == 0, loaded.stderr
    lines = loaded.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Loaded the sample: 6 projects")
    again = run()
    assert again.returncode == 2
    assert "already loaded" in again.stderr
    removed = run("--remove")
    assert removed.returncode == 0, removed.stderr
    assert "Removed" in removed.stdout
    with Store(tmp_path / "demo.duckdb") as store:
        assert not store.has_sample()
        assert store.projects().empty

"""Post-mortem records and action-item editing, deletion and history (migration 8)."""

from datetime import date

import pytest

from surveys.setup import create_survey
from surveys.store import MIGRATIONS, Store
from surveys.store import base as store_base


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "pm.duckdb") as s:
        yield s


def _survey(store):
    survey_id = create_survey(store, project="Web shop", template_id="project-postmortem")
    return store.survey(survey_id)


def test_postmortem_owner_status_and_summaries_round_trip(store):
    survey = _survey(store)
    assert store.postmortem(survey.survey_id) is None
    saved = store.save_postmortem(
        survey.survey_id, owner=" Ana Ruiz ", summaries={"went_wrong": " late scope ", "x": " "}
    )
    assert (saved.owner, saved.status, saved.summaries) == (
        "Ana Ruiz",
        "draft",
        {"went_wrong": "late scope"},
    )
    # Changing only the status keeps the summaries.
    again = store.save_postmortem(survey.survey_id, owner="Ana Ruiz", status="in_review")
    assert again.summaries == {"went_wrong": "late scope"}
    listing = store.postmortems()
    assert listing[["project", "owner", "status"]].values.tolist() == [
        ["Web shop", "Ana Ruiz", "in_review"]
    ]


@pytest.mark.parametrize(
    ("owner", "status", "survey_id", "message"),
    [
        (" ", "draft", None, "owner"),
        ("Ana", "finished", None, "Unknown status"),
        ("Ana", "draft", "not-a-survey", "No survey"),
    ],
)
def test_postmortem_refuses_bad_input_and_keeps_what_is_stored(
    store, owner, status, survey_id, message
):
    survey = _survey(store)
    store.save_postmortem(survey.survey_id, owner="Kept", summaries={"a": "b"})
    with pytest.raises(ValueError, match=message):
        store.save_postmortem(survey_id or survey.survey_id, owner=owner, status=status)
    assert store.postmortem(survey.survey_id).owner == "Kept"


def test_action_edit_delete_and_history_by_day(store):
    survey = _survey(store)
    project_id = survey.project_id
    action_id = store.create_action(
        project_id=project_id,
        title="Estimate with the team",
        owner="Lead",
        quarter="2026Q1",
        survey_id=survey.survey_id,
        created_on=date(2026, 1, 10),
    )
    store.set_action_status(action_id, "in_progress", on=date(2026, 1, 20))
    store.set_action_status(action_id, "open", on=date(2026, 1, 20))  # same day: kept too
    store.set_action_status(action_id, "done", on=date(2026, 2, 1))
    history = store.action_history(action_id)
    assert history["status"].tolist() == ["open", "in_progress", "open", "done"]
    assert history["seq"].tolist() == [1, 2, 3, 4]
    assert [d.date() for d in history["changed_on"]] == [
        date(2026, 1, 10),
        date(2026, 1, 20),
        date(2026, 1, 20),
        date(2026, 2, 1),
    ]
    store.edit_action(
        action_id, title="Estimate together", owner="PM", due_on=None, theme_id=3, category=None
    )
    row = store.actions(store_scope()).set_index("action_id").loc[action_id]
    assert (row["title"], row["owner"], row["theme_id"], row["survey_id"]) == (
        "Estimate together",
        "PM",
        3,
        survey.survey_id,
    )
    assert row["done_on"].date() == date(2026, 2, 1)
    with pytest.raises(ValueError, match="owner"):
        store.edit_action(
            action_id, title="x", owner=" ", due_on=None, theme_id=None, category=None
        )
    store.delete_action(action_id)
    assert store.actions(store_scope()).empty
    assert store.action_history(action_id).empty
    with pytest.raises(ValueError, match="Unknown action"):
        store.delete_action(action_id)


def store_scope():
    from surveys.store import Scope

    return Scope()


def test_migration_8_backfills_history_from_existing_actions(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    monkeypatch.setattr(store_base, "MIGRATIONS", MIGRATIONS[:7])
    with Store(path) as old:
        survey = _survey(old)
        with old._transaction() as cur:
            cur.execute(
                "INSERT INTO action_items (action_id, project_id, title, owner, status, "
                "quarter, created_on, done_on) VALUES "
                "(uuid(), ?, 'a', 'o', 'done', '2026Q1', DATE '2026-01-05', DATE '2026-02-01'),"
                "(uuid(), ?, 'b', 'o', 'open', '2026Q1', DATE '2026-01-05', NULL)",
                [survey.project_id, survey.project_id],
            )
    monkeypatch.setattr(store_base, "MIGRATIONS", MIGRATIONS)
    with Store(path) as new:
        assert new.schema_version() == len(MIGRATIONS)
        history = new.action_history().merge(new.actions(store_scope())[["action_id", "title"]])
        got = sorted(
            (t, s, d.date()) for t, s, d in history[["title", "status", "changed_on"]].values
        )
        assert got == [
            ("a", "done", date(2026, 2, 1)),
            ("a", "open", date(2026, 1, 5)),
            ("b", "open", date(2026, 1, 5)),
        ]


def test_data_version_follows_action_edits_and_postmortems(store):
    """Cached manager views are keyed by data_version: an edit that changes no count must
    still change it, or other pages keep showing the old title/owner."""
    survey = _survey(store)
    action_id = store.create_action(
        project_id=survey.project_id, title="t", owner="o", quarter="2026Q4"
    )
    before = store.data_version()
    store.edit_action(action_id, title="t2", owner="o", due_on=None, theme_id=None, category=None)
    edited = store.data_version()
    assert edited != before
    store.save_postmortem(survey.survey_id, owner="Ana")
    started = store.data_version()
    assert started != edited
    store.save_postmortem(survey.survey_id, owner="Ana", status="published")
    assert store.data_version() != started

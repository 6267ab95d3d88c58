"""Action items service and the completion chart: topics, edits, readable tables, and
"no actions" never drawn like 0%."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from afterward.output import charts
from afterward.services import action_items as items
from analysis.actions import completion_rates
from surveys.store import Scope, Store


def _action(store: Store, **extra) -> str:
    project = store.project_by_name("Harbour Website") or store.create_project("Harbour Website")
    fields = {"title": "Freeze scope", "owner": "Lead", "quarter": "2026Q2", **extra}
    return store.create_action(project_id=project.project_id, **fields)


def test_no_actions_and_zero_percent_look_different():
    actions = pd.DataFrame(
        {
            "project": ["A", "A", "B"],
            "quarter": ["2026Q1", "2026Q2", "2026Q2"],
            "is_done": [False, True, True],
            "committed": [True, True, True],
        }
    )
    fig = charts.action_completion_chart(completion_rates(actions))
    (grid,) = fig.data
    assert list(grid.x) == ["2026Q1", "2026Q2"]
    cell = {(y, x): (grid.z[r][c], grid.text[r][c], grid.customdata[r][c])
            for r, y in enumerate(grid.y) for c, x in enumerate(grid.x)}  # fmt: skip
    # A decided one action in Q1 and none is done: a coloured cell reading 0/1.
    assert cell["A", "2026Q1"] == (0.0, "0/1", "A, 2026Q1: 0 of 1 done (0%)")
    # B decided nothing in Q1: a blank cell (no colour, no text).
    assert cell["B", "2026Q1"] == (None, "", "B, 2026Q1: no action items decided")
    assert cell["A", "2026Q2"][:2] == cell["B", "2026Q2"][:2] == (1.0, "1/1")
    assert grid.zmin == 0 and grid.hoverongaps is False
    assert "Blank: none decided" in fig.layout.title.subtitle.text
    fig.to_json()


def test_chart_without_count_columns_shows_the_share():
    frame = pd.DataFrame({"project": ["A"], "quarter": ["2026Q1"], "completion_rate": [0.0]})
    grid = charts.action_completion_chart(frame).data[0]
    assert (grid.z[0][0], grid.text[0][0]) == (0.0, "0%")


def test_chart_draws_in_the_pdf_report():
    from afterward.output.static_charts import figure_png

    frame = completion_rates(
        pd.DataFrame(
            {"project": ["A", "B"], "quarter": ["2026Q1", "2026Q2"], "is_done": [False, True],
             "committed": [True, True]}
        )
    )  # fmt: skip
    assert figure_png(charts.action_completion_chart(frame)).startswith(b"\x89PNG")


def test_topic_keys_round_trip_and_unknown_ones_are_refused(store):
    assert items.topic_key("testing_quality", 4) == "category:testing_quality"
    assert items.topic_key(None, 4.0) == "theme:4"
    assert items.topic_key(None, float("nan")) == items.NO_TOPIC
    assert items.parse_topic(store, "category:testing_quality") == ("testing_quality", None)
    assert items.parse_topic(store, "") == (None, None)
    for bad in ("category:nonsense", "theme:99", "theme:x", "whatever"):
        with pytest.raises(ValueError, match="Unknown problem"):
            items.parse_topic(store, bad)
    choices = items.topic_choices(store, "theme:7")
    assert choices["theme:7"] == "Theme: Theme 7"  # a theme with no name any more stays listed
    assert choices["category:testing_quality"].startswith("Root cause: ")


def test_a_refused_edit_stores_nothing(store):
    action_id = _action(store, due_on=date(2026, 6, 1), category="estimation_schedule")
    with pytest.raises(ValueError):
        items.edit(store, action_id, title="New", owner="X", due_on=None, topic="category:zzz")
    with pytest.raises(ValueError, match="description"):
        items.edit(store, action_id, title=" ", owner="X", due_on=None, topic="")
    row = store.actions(Scope()).iloc[0]
    assert (row["title"], row["owner"], row["category"]) == (
        "Freeze scope",
        "Lead",
        "estimation_schedule",
    )
    assert row["due_on"].date() == date(2026, 6, 1)
    items.edit(store, action_id, title="New", owner="X", due_on=None, topic="")
    row = store.actions(Scope()).iloc[0]
    assert row["title"] == "New" and pd.isna(row["category"]) and pd.isna(row["theme_id"])
    assert pd.isna(row["due_on"])


def test_history_table_is_newest_first_with_labels(store):
    action_id = _action(store, created_on=date(2026, 4, 2))
    store.set_action_status(action_id, "not_doing", "No budget", on=date(2026, 5, 3))
    table = items.history_table(store, action_id)
    assert table.values.tolist() == [
        [date(2026, 5, 3), "Not doing", "No budget"],
        [date(2026, 4, 2), "Open", ""],
    ]


def test_effect_table_puts_the_verdict_first_and_counts_in_words():
    effect = pd.DataFrame(
        {
            "verdict": ["Not raised since: looks like it worked."],
            "title": ["Automate renewal"],
            "topic": ["Deployment and configuration"],
            "project": ["Payments"],
            "done_on": [date(2026, 2, 1)],
            "answers_before": [12],
            "quarters_before": [3],
            "answers_after": [0],
            "quarters_after": [1],
            "hidden_before": [False],
            "hidden_after": [False],
        }
    )
    table = items.effect_table(effect)
    assert list(table.columns)[:3] == ["Verdict", "Action", "Detail"]
    assert table.iloc[0][["Verdict", "Detail"]].tolist() == [
        "Not raised since",
        "Looks like it worked",
    ]
    assert items.verdict_parts("Raised less often since.") == ("Raised less often since", "")
    assert table.iloc[0]["Raised before"] == "12 in 3 quarters"
    assert table.iloc[0]["Raised after"] == "0 in 1 quarter"


def test_effect_table_shows_hidden_counts_as_hidden_never_as_zero():
    effect = pd.DataFrame(
        {
            "verdict": ["Unclear: later answers are too few to show."] * 2,
            "title": ["Acceptance tests", "Nightly suite"],
            "topic": ["Testing and quality"] * 2,
            "project": ["Lighthouse"] * 2,
            "done_on": [date(2025, 11, 18)] * 2,
            "answers_before": [23, 25],
            "quarters_before": [4, 5],
            "answers_after": [0, 17],
            "quarters_after": [4, 3],
            "hidden_before": [False, True],
            "hidden_after": [True, True],
        }
    )
    table = items.effect_table(effect)
    assert table["Raised after"].tolist() == ["hidden in 4 quarters", "at least 17 in 3 quarters"]
    assert table["Raised before"].tolist() == ["23 in 4 quarters", "at least 25 in 5 quarters"]
    assert table["Verdict"].tolist() == ["Unclear", "Unclear"]


@pytest.mark.parametrize("bad_id", ["nope", "", "1; DROP TABLE action_items"])
def test_an_id_that_is_not_an_action_is_refused_clearly(store, bad_id):
    # A stale or hand-made id (not even a UUID) is "unknown", like a deleted one: a
    # ValueError with a message, never the database's conversion error.
    kept = _action(store)
    with pytest.raises(ValueError, match="Unknown action"):
        items.edit(store, bad_id, title="T", owner="O", due_on=None, topic=items.NO_TOPIC)
    with pytest.raises(ValueError, match="Unknown action"):
        items.delete(store, bad_id)
    with pytest.raises(ValueError, match="Unknown action"):
        store.set_action_status(bad_id, "done")
    assert items.history_table(store, bad_id).empty
    assert store.action_history(kept)["status"].tolist() == ["open"]


def test_a_reason_belongs_only_to_not_doing(store):
    # Marked "not doing" with a reason, later done: the reason goes, in the action and in the
    # history row of "done"; it stays on the "not doing" row it was given with.
    action_id = _action(store, created_on=date(2026, 4, 2))
    store.set_action_status(action_id, "not_doing", "  No budget ", on=date(2026, 5, 3))
    assert store.actions(Scope()).iloc[0]["status_reason"] == "No budget"
    store.set_action_status(action_id, "done", on=date(2026, 6, 1))
    row = store.actions(Scope()).iloc[0]
    assert (row["status"], row["status_reason"]) == ("done", "")
    assert items.history_table(store, action_id).values.tolist() == [
        [date(2026, 6, 1), "Done", ""],
        [date(2026, 5, 3), "Not doing", "No budget"],
        [date(2026, 4, 2), "Open", ""],
    ]
    # A reason typed with another status is not kept either.
    store.set_action_status(action_id, "in_progress", "Typed by mistake", on=date(2026, 6, 2))
    assert store.actions(Scope()).iloc[0]["status_reason"] == ""
    assert store.action_history(action_id)["reason"].tolist()[-1] == ""
    assert items.action_table(store.actions(Scope()).assign(topic=""), {})["Reason"].tolist() == [
        ""
    ]


def test_history_keeps_every_change_of_a_day_in_order(store):
    action_id = _action(store, created_on=date(2026, 4, 2))
    day = date(2026, 4, 9)
    assert store.set_action_status(action_id, "in_progress", on=day)
    assert store.set_action_status(action_id, "not_doing", "Superseded", on=day)
    assert store.set_action_status(action_id, "open", on=day)
    # Saving what it already is changes nothing and adds no row.
    assert not store.set_action_status(action_id, "open", on=day)
    history = store.action_history(action_id)
    assert history["seq"].tolist() == [1, 2, 3, 4]
    assert history["status"].tolist() == ["open", "in_progress", "not_doing", "open"]
    assert history["reason"].tolist() == ["", "", "Superseded", ""]
    # Days only: every change of that day reads as that day, at midnight.
    assert {d.date() for d in history["changed_on"][1:]} == {day}
    assert all(d == d.normalize() for d in history["changed_on"])
    assert items.history_table(store, action_id)["Status"].tolist() == [
        "Open",
        "Not doing",
        "In progress",
        "Open",
    ]
    # The sequence counts per action: another action starts at 1.
    other = _action(store, title="Another")
    store.set_action_status(other, "done", on=day)
    assert store.action_history(other)["seq"].tolist() == [1, 2]


def test_migration_12_numbers_old_history_and_clears_stray_reasons(tmp_path, monkeypatch):
    from surveys.store import MIGRATIONS
    from surveys.store import base as store_base

    path = tmp_path / "old.duckdb"
    monkeypatch.setattr(store_base, "MIGRATIONS", MIGRATIONS[:11])
    with Store(path) as old:
        project_id = old.create_project("Harbour Website").project_id
        action_id = "6c0b3c52-0000-4000-8000-000000000001"
        with old._transaction() as cur:  # as the old code left it: "done" with a reason
            cur.execute(
                "INSERT INTO action_items (action_id, project_id, title, owner, status, "
                "status_reason, quarter, created_on, done_on) VALUES (?, ?, 'T', 'O', 'done', "
                "'No budget', '2026Q2', DATE '2026-04-02', DATE '2026-06-01')",
                [action_id, project_id],
            )
            cur.execute(
                "INSERT INTO action_status_history VALUES (?, DATE '2026-04-02', 'open', ''), "
                "(?, DATE '2026-05-03', 'not_doing', 'No budget'), "
                "(?, DATE '2026-06-01', 'done', 'No budget')",
                [action_id] * 3,
            )
    monkeypatch.setattr(store_base, "MIGRATIONS", MIGRATIONS)
    with Store(path) as new:
        assert new.schema_version() == len(MIGRATIONS)
        history = new.action_history(action_id)
        assert history["seq"].tolist() == [1, 2, 3]
        assert history["status"].tolist() == ["open", "not_doing", "done"]
        assert history["reason"].tolist() == ["", "No budget", ""]
        assert new.actions(Scope()).iloc[0]["status_reason"] == ""
        new.set_action_status(action_id, "open", on=date(2026, 6, 1))
        assert new.action_history(action_id)["seq"].tolist() == [1, 2, 3, 4]


def test_due_dates_before_today_are_refused_by_one_rule(store, monkeypatch):
    monkeypatch.setattr(items, "today", lambda: date(2026, 6, 10))
    store.create_project("Harbour Website")
    with pytest.raises(ValueError, match=r"9 Jun 2026 is in the past \(today is 10 Jun 2026\)"):
        items.create(store, "Harbour Website", "T", "O", date(2026, 6, 9), items.NO_TOPIC)
    assert store.actions(Scope()).empty
    made = items.create(store, "Harbour Website", "T", "O", date(2026, 6, 10), items.NO_TOPIC)
    items.create(store, "Harbour Website", "No date", "O", None, items.NO_TOPIC)
    # An action already overdue keeps its due date through an edit of anything else...
    overdue = _action(store, due_on=date(2026, 5, 1))
    items.edit(store, overdue, title="Freeze scope", owner="PM", due_on=date(2026, 5, 1), topic="")
    assert store.actions(Scope()).set_index("action_id").loc[overdue, "owner"] == "PM"
    # ...but gets no other past day, and neither does one due today.
    for action_id in (overdue, made):
        with pytest.raises(ValueError, match="in the past"):
            items.edit(store, action_id, title="X", owner="Y", due_on=date(2026, 5, 2), topic="")
    rows = store.actions(Scope()).set_index("action_id")
    assert rows.loc[overdue, "due_on"].date() == date(2026, 5, 1)
    assert rows.loc[made, ["title", "owner"]].tolist() == ["T", "O"]
    items.check_due(None)
    items.check_due(date(2026, 5, 1), kept=date(2026, 5, 1))

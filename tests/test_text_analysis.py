import uuid
from datetime import date

import pandas as pd
import pytest

from afterward.services.analysis_upkeep import (
    merge_themes,
    refresh_analysis,
    rename_theme,
    split_theme,
    theme_catalogue,
)
from surveys import setup

TOPICS = [
    "CI pipeline is flaky and tests fail at random",
    "the build on CI is slow and flaky",
    "deadline was unrealistic with no buffer at all",
    "our estimates were far too optimistic, we overcommitted",
    "client changed requirements late again",
    "scope creep every sprint, no change control",
    "alerts were noisy so we missed the real page",
    "no monitoring on the payment queue",
    "certificate expired in production",
    "DNS misconfiguration during the release",
]


def load(store, survey_id, texts, day=date(2026, 7, 5)):
    responses = pd.DataFrame(
        {
            "response_id": [str(uuid.uuid4()) for _ in texts],
            "survey_id": survey_id,
            "submitted_on": day,
        }
    )
    answers = pd.DataFrame(
        {
            "response_id": responses["response_id"],
            "survey_id": survey_id,
            "question_id": "went_wrong",
            "value_number": None,
            "value_text": texts,
            "value_choice": None,
        }
    )
    store.bulk_load(responses, answers)
    return responses["response_id"].tolist()


@pytest.fixture
def analysed(store):
    survey_id = setup.create_survey(
        store,
        project="P",
        template_id="project-postmortem",
        quarter="2026Q3",
        opens_on=date(2026, 7, 1),
    )
    load(store, survey_id, TOPICS * 5)
    refresh_analysis(store)
    return survey_id


def test_every_text_gets_a_category_and_most_a_theme(store, analysed):
    rows = store.analysed_texts()
    assert len(rows) == 50
    assert rows["category"].notna().all()
    assert (rows["theme_id"] >= 0).mean() >= 0.8
    assert set(store.category_counts([analysed])["category"]) >= {
        "estimation_schedule",
        "monitoring_alerting",
    }


def test_a_rerun_with_nothing_new_does_nothing(store, analysed):
    result = refresh_analysis(store)
    assert result.classified == 0 and result.rows_written == 0


def test_new_answers_join_existing_themes_and_old_ids_stay(store, analysed):
    before = store.analysed_texts().set_index("response_id")["theme_id"]
    ids = load(
        store,
        analysed,
        [
            "the CI pipeline is flaky and tests fail at random again",
            "still no monitoring on the payment queue",
        ],
    )
    result = refresh_analysis(store)
    assert result.classified == 2
    after = store.analysed_texts().set_index("response_id")["theme_id"]
    assert (after.loc[before.index] == before).all()
    assert after.loc[ids].ge(0).all()


def test_a_manager_review_retrains_and_is_kept(store, analysed):
    row = store.analysed_texts().iloc[0]
    store.correct_category(row["response_id"], row["question_id"], "staffing_resources")
    result = refresh_analysis(store)
    assert result.classified == 50  # reviews change the model: everything is re-classified
    assert "staffing_resources" in set(store.category_counts([analysed])["category"])


def test_rename_merge_split_persist_through_new_answers(store, analysed):
    catalogue = theme_catalogue(store)
    first, second = (int(t) for t in catalogue["theme_id"].iloc[:2])
    rename_theme(store, first, "Flaky CI")
    assert theme_catalogue(store).set_index("theme_id").loc[first, "theme_label"] == "Flaky CI"
    merge_themes(store, second, first)
    assert second not in set(theme_catalogue(store)["theme_id"])
    load(store, analysed, ["the CI build failed at random again"])
    refresh_analysis(store)
    labels = theme_catalogue(store).set_index("theme_id")["theme_label"]
    assert labels.loc[first] == "Flaky CI" and second not in labels.index
    biggest = int(store.analysed_texts()["theme_id"].value_counts().index[0])
    split_theme(store, biggest)
    assert biggest not in set(theme_catalogue(store)["theme_id"])


def test_representative_quotes_are_closest_to_the_theme(store, analysed):
    from afterward.services.analysis_upkeep import representative_quotes

    rows = store.analysed_texts()
    theme_id = int(rows["theme_id"].value_counts().index[0])
    members = rows.loc[rows["theme_id"] == theme_id, "text"].tolist()
    quotes = representative_quotes(store, theme_id, members + ["completely unrelated lunch menu"])
    assert quotes and "completely unrelated lunch menu" not in quotes
    assert len(quotes) == len(set(quotes)) <= 3


def test_new_answers_are_analysed_without_reading_earlier_ones_back(store, analysed, monkeypatch):
    before = store.analysed_texts()

    def no_full_read():
        raise AssertionError("an incremental update must not reload every analysed answer")

    monkeypatch.setattr(store, "analysed_texts", no_full_read)
    load(store, analysed, ["the CI pipeline is flaky and tests fail at random, again"])
    result = refresh_analysis(store)
    assert result.classified == 1
    monkeypatch.undo()
    after = store.analysed_texts().set_index("response_id")
    assert (
        after.loc[before["response_id"], "theme_id"].to_numpy() == before["theme_id"].to_numpy()
    ).all()


def test_non_answers_are_in_no_count_theme_or_review(store):
    from afterward.services import manager_views
    from analysis.insights import root_cause_cells
    from analysis.taxonomy import NO_ROOT_CAUSE
    from surveys.store import Scope

    survey_id = setup.create_survey(
        store, project="P", template_id="project-postmortem", quarter="2026Q3",
        opens_on=date(2026, 7, 1),
    )  # fmt: skip
    silent = ["N/A", "-", "nothing", "no comment", "n/a."] * 4
    praise = ["Lovely bunch of people, thank you all", "really enjoyed it, great fun"] * 4
    load(store, survey_id, TOPICS * 5 + silent + praise)
    refresh_analysis(store)
    rows = store.analysed_texts()
    flagged = rows[rows["non_answer"]]
    assert sorted(flagged["text"]) == sorted(silent)
    assert (flagged["category"] == NO_ROOT_CAUSE).all() and (flagged["theme_id"] == -1).all()
    counts = store.category_counts([survey_id])
    assert counts["answers"].sum() == len(rows) - len(silent)  # non-answers never counted
    categories, none = root_cause_cells(counts)
    assert NO_ROOT_CAUSE not in set(categories["category"])
    assert none["answers"].sum() >= len(praise) // 2  # praise naming no practice
    queue = manager_views.correction_queue(store, Scope(), limit=500)
    assert not set(queue["text"]) & set(silent)
    themes = store.theme_counts([survey_id])
    assert themes["answers"].sum() <= len(rows) - len(silent)


def test_a_theme_nobody_named_enough_is_called_after_its_root_cause() -> None:
    from afterward.services.analysis_upkeep import _unnamed
    from analysis.taxonomy import category_label

    assert (
        _unnamed("communication_gaps", 18) == f"{category_label('communication_gaps')} (theme 18)"
    )
    assert _unnamed("none", 3) == "No root cause (theme 3)"
    assert _unnamed("", 4) == "Theme 4"

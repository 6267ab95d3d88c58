"""The free-text quote rule (`afterward.services.gates.question_quoted`) as its three callers
apply it: the row-level export, the results page's free-text browser (and `afterward results
--json`) and the post-mortem document must agree on which question's answers may be shown."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from afterward.services import exports
from afterward.services.gates import question_quoted
from afterward.services.postmortem import Quotes, postmortem_document
from afterward.services.survey_results import quoted_questions, survey_results, survey_texts
from surveys import setup
from surveys.store import Store
from tests.pages.data import bulk_rows

# Six responses at threshold 3: the survey reaches the quote threshold (6). Everyone says
# something about what went wrong; about what went well four do and two write a placeholder,
# so that question's own answers (4) stay below the quote threshold.
WRONG = [f"The handover to operations slipped by {n} days" for n in range(2, 8)]
WELL = ["Pairing on the parser", "Weekly demos", "Clear owner per ticket", "Short standups"]
WELL += ["N/A", "-"]


def _closed_survey(store: Store) -> str:
    survey_id = setup.create_survey(
        store,
        project="Harbour Website",
        template_id="project-postmortem",
        quarter="2026Q3",
        threshold=3,
        opens_on=date(2026, 8, 1),
    )
    responses, answers = [], []
    for wrong, well in zip(WRONG, WELL, strict=True):
        rid = str(uuid.uuid4())
        responses.append((rid, survey_id, date(2026, 8, 3)))
        answers += [
            (rid, survey_id, "goals_clear", 4.0, None, None),
            (rid, survey_id, "went_wrong", None, wrong, None),
            (rid, survey_id, "went_well", None, well, None),
        ]
    bulk_rows(store, responses, answers)
    store.set_survey_status(survey_id, "closed")
    return survey_id


def test_export_browser_json_and_postmortem_agree_on_which_question_is_quoted(store):
    survey_id = _closed_survey(store)

    export = exports.survey_export(store, survey_id)
    assert sorted(export.texts["went_wrong"]["went_wrong"]) == sorted(WRONG)
    assert export.texts["went_well"].empty
    assert any("went_well" in n and "fewer than 6 people" in n for n in export.notes)

    assert quoted_questions(store, survey_id) == {"went_wrong"}
    listed = survey_texts(store, survey_id)
    assert set(listed["question_id"]) == {"went_wrong"}
    assert "Weekly demos" not in set(listed["text"])
    by_id = {q["id"]: q["n"] for q in survey_results(store, survey_id)["questions"]}
    assert by_id["went_wrong"] == 6 and by_id["went_well"] is None

    doc = postmortem_document(store, survey_id)
    wrong = doc.section("went_wrong").blocks
    quoted = {t for b in wrong if isinstance(b, Quotes) for t, _ in b.quotes}
    assert quoted and quoted <= set(WRONG)  # at most MAX_QUOTES per theme
    well = doc.section("went_well").blocks
    assert not any(isinstance(b, Quotes) for b in well)
    assert "fewer than 6 people answered this question" in well[0].text


@pytest.mark.parametrize(
    ("texts", "answers", "quoted"),
    [
        (["a real answer"] * 6, None, True),
        (["a real answer"] * 5 + ["N/A"], None, False),  # placeholders do not count
        (["one wording", "another wording"], [4, 2], True),  # distinct wordings with counts
        (["one wording", "n/a"], [5, 3], False),
    ],
)
def test_question_quoted_counts_answers_that_say_something(texts, answers, quoted):
    assert question_quoted(texts, 3, answers) is quoted


def test_question_quoted_refuses_counts_that_do_not_match_the_texts():
    with pytest.raises(ValueError, match="2 counts for 1 texts"):
        question_quoted(["a real answer"], 3, [4, 2])

"""A free-text question too few people answered is explained in one wording everywhere: the
results page, the post-mortem and the row-level export's notes say the same sentence
(`survey_results.FEW_TEXTS`), never the exact count."""

from __future__ import annotations

from afterward.services import exports, survey_results
from tests.test_export_anonymity import imported_with_blanks

PAGE_SENTENCE = (
    "Fewer than 6 people answered this question; answers are quoted once 6 have, to protect "
    "anonymity."
)


def test_the_export_note_and_the_results_page_say_the_same_sentence(store):
    survey_id = imported_with_blanks(store)  # threshold 3: quote threshold 6; went_well: 5
    view = survey_results.survey_results_view(store, survey_id)
    page = {q.question_id: q.hidden for q in view.questions}
    assert page["went_well"] == PAGE_SENTENCE
    assert page["went_wrong"] == ""  # six wrote something: listed
    notes = [n for n in exports.survey_export(store, survey_id).notes if "went_well" in n]
    sentence = "f" + PAGE_SENTENCE[1:]  # the same sentence after the question's name
    assert notes == [f"Free-text question went_well: {sentence} Its table is left empty."]
    assert not any("went_wrong" in n for n in exports.survey_export(store, survey_id).notes)
    assert survey_results.text_question_note(3, quoted=False) == PAGE_SENTENCE
    assert survey_results.text_question_note(3, quoted=True) == ""
    assert "5" not in notes[0]  # never the exact count

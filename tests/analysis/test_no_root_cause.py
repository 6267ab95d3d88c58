"""'No root cause': non-answers by rule, praise and logistics learnt, real causes kept.

Every line here is written for these tests (none from the evaluation files), and none of
them is in the training corpus: they measure how the class generalises.
"""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.no_root_cause import is_non_answer, no_root_cause_examples
from analysis.root_causes import classify_root_causes, classify_with_confidence, load_corpus
from analysis.taxonomy import NO_ROOT_CAUSE, _parse

NON_ANSWERS = [
    "N/A", "n/a", "N.A.", "na", "-", "--", "—", "...", "?", "", "   ", "nothing",
    "Nothing.", "nothing really", "None", "none at all", "no comment", "No comments.",
    "nothing to add", "Nothing to add here", "not sure", "idk", "no", "Nope.", "[name]",
    # openings with no content, "no issues", and other languages (a fresh reviewer's finds)
    "I have nothing to add.", "There were no issues.", "No problems at all!",
    "From my side: no comments", "We had no complaints", "Rien à signaler", "nichts",
    "Nada que añadir.",
    # clauses that each say nothing, strengthened stock phrases, other languages (a second
    # fresh reviewer's finds)
    "Nope, nothing from me", "Not really, no", "nothing more to add", "no further comments",
    "n/a - see above", "idk tbh", "Nothing springs to mind", "Same as above", "+1",
    "cannot think of anything", "ничего", "特になし", "없음", "ingen kommentar", "Keine Ahnung",
]  # fmt: skip

NO_CAUSE = [
    "Lovely people to work with, would happily do it again.",
    "Really enjoyed the whole thing!",
    "The lunch on day two was excellent.",
    "Coffee ran out before ten both mornings.",
    "Everyone was kind and patient with me.",
    "What a fun group.",
    "Parking near the office was a nightmare.",
    "Thank you all, truly.",
]

REAL_CAUSES = [
    "The alert for the queue backlog never fired.",
    "We promised the client a date before anyone estimated the work.",
    "Thanks to the canary release we caught the broken build before customers did.",
    "Nobody told support the API was changing.",
    "Requirements changed three times after sign-off.",
    "Only one person knew how to run the migration and she was on leave.",
    "The flaky integration tests hid a real failure.",
    "Config drift between staging and production broke the deploy.",
    "Great teamwork during the outage, the incident channel kept everyone informed.",
    "Write a runbook for restarting the payment workers.",
]


def test_public_contract():
    assert analysis.NO_ROOT_CAUSE == NO_ROOT_CAUSE == "none"


@pytest.mark.parametrize("text", NON_ANSWERS)
def test_non_answers_are_recognised_and_given_none(text):
    assert is_non_answer(text)
    found = classify_with_confidence([text]).iloc[0]
    assert found["category"] == NO_ROOT_CAUSE and found["confidence"] == 1.0
    assert found["second_category"] is None


@pytest.mark.parametrize(
    "text",
    [
        "no tests",
        "None of the alerts fired",
        "N/A for this release: no deploys",
        "nobody",
        "We had no issues with the vendor",
        "No issues with deploys but the tests were slow",
        "I have no idea why the cache filled up",
        "Nothing, the release went smoothly",
        "No, the deploy broke",
        "Not much testing",
        "No more manual deploys",
        "Same bug as last time",
        "Test more",
        "More test",
        "NIC",
    ],
)
def test_short_answers_with_content_are_not_non_answers(text):
    assert not is_non_answer(text)


def test_most_no_cause_lines_get_none_and_real_causes_keep_theirs():
    given = classify_root_causes(NO_CAUSE)
    assert sum(g == NO_ROOT_CAUSE for g in given) >= len(NO_CAUSE) // 2, given
    kept = classify_root_causes(REAL_CAUSES)
    assert sum(k == NO_ROOT_CAUSE for k in kept) <= 1, list(zip(REAL_CAUSES, kept, strict=True))


def test_held_out_lines_are_not_in_the_corpus():
    trained = set(load_corpus()["text"]) | set(no_root_cause_examples())
    assert not (set(NO_CAUSE) | set(REAL_CAUSES)) & trained


def test_a_manager_can_say_no_root_cause():
    text = "The team photo came out blurry."
    corrections = pd.DataFrame({"text": [text], "category": [NO_ROOT_CAUSE]})
    assert classify_root_causes([text], corrections=corrections) == [NO_ROOT_CAUSE]


def test_taxonomy_may_not_claim_the_reserved_id(tmp_path):
    raw = {
        "categories": [
            {"id": "none", "description": "x"},
            {"id": "other_thing", "description": "y"},
        ]
    }
    with pytest.raises(ValueError, match="reserved"):
        _parse(raw, tmp_path / "t.yaml")

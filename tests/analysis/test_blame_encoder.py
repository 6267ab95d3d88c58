"""The fine-tuned blame encoder (`analysis.blame_encoder`) and the decision it has in
`blame_phrases`: shipped files in step with the corpus, figures with floors under the
measured ones, behaviour on invented answers of shapes no rule reads, and the fall-back to
the rules when the model files are missing.

Every sentence here is invented for these tests; none comes from an evaluation file or a
helper-written blind batch.
"""

from __future__ import annotations

import json

import pytest

from analysis import blame_encoder, redact
from analysis.blame import blame_phrases, rule_and_reader_phrases
from tests.analysis.test_blame import EVAL, HELDOUT_BLAME, REAL

# Floors a margin under the figures measured as shipped (bench/RESULTS.md, sessions of
# 2026-12-03 from 11:52 and 15:18): held-out sentences 141 of 152 blaming found (the rules
# alone, which were written beside them, find 147) and 1 of 170 flagged; team dev set 15 of 15.
FLOOR_HELDOUT_RECALL = 0.88
FLOOR_HELDOUT_FALSE = 0.02
FLOOR_TEAM_RECALL = 0.9


def _figures(rows: list[tuple[str, bool]]) -> tuple[float, float]:
    flags = [(bool(blame_phrases(t)), b) for t, b in rows]
    yes = [f for f, b in flags if b]
    no = [f for f, b in flags if not b]
    return sum(yes) / len(yes), sum(no) / len(no)


def test_shipped_model_matches_the_corpus_and_its_settings() -> None:
    """Retrain with `python -m analysis.blame_encoder_fit` (the ``train`` extra) after
    changing the blame or ordinary corpora or the recipe."""
    settings = json.loads(blame_encoder.SETTINGS_FILE.read_text(encoding="utf-8"))
    assert settings["corpus_key"] == blame_encoder.corpus_key()
    assert settings["model_sha256"] == blame_encoder.model_digests()
    assert sorted(settings["model_sha256"]) == [p.name for p in blame_encoder.model_files()]
    assert settings["threshold"] == blame_encoder.THRESHOLD
    assert settings["confirm_threshold"] == blame_encoder.CONFIRM_THRESHOLD
    assert blame_encoder.available()


def test_probability_is_a_probability_and_empty_text_is_zero() -> None:
    assert blame_encoder.probability("") == 0.0
    assert blame_encoder.probability("   ") == 0.0
    chances = blame_encoder.probabilities(["We shipped on time.", "It was all Ingrid's fault."])
    assert ((chances >= 0.0) & (chances <= 1.0)).all()
    assert chances[1] > chances[0]


def test_a_long_answer_is_read_from_its_first_word_pieces() -> None:
    text = "The rollout went fine and the dashboards stayed green. " * 200
    assert 0.0 <= blame_encoder.probability(text) < blame_encoder.THRESHOLD
    assert blame_phrases(text) == []


def test_without_the_model_files_the_rules_decide(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(blame_encoder, "MODEL_DIR", tmp_path)
    blame_encoder._runtime.cache_clear()
    blame_encoder.probability.cache_clear()
    try:
        assert not blame_encoder.available()
        for text in ("Tomasz broke prod on Friday.", "Thanks Ana for the runbook."):
            assert blame_phrases(text) == rule_and_reader_phrases(text)
    finally:
        monkeypatch.undo()
        blame_encoder._runtime.cache_clear()
        blame_encoder.probability.cache_clear()
    assert blame_encoder.available()


def test_held_out_sentences_as_shipped() -> None:
    recall, false_alarms = _figures(HELDOUT_BLAME)
    assert recall >= FLOOR_HELDOUT_RECALL, recall
    assert false_alarms <= FLOOR_HELDOUT_FALSE, false_alarms


def test_dev_sets_as_shipped() -> None:
    if not (EVAL.exists() and REAL.exists()):
        pytest.skip("evaluation files not found")
    team = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]
    recall, false_alarms = _figures([(r["text"], r["blaming"]) for r in team])
    assert recall >= FLOOR_TEAM_RECALL, recall
    assert false_alarms <= 0.03, false_alarms
    real = [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines()]
    flagged = [r["text"] for r in real if not r["blaming"] and blame_phrases(r["text"])]
    assert flagged == []


def test_the_encoder_flags_blame_no_rule_reads_and_names_its_sentence() -> None:
    text = "One word: Bartholomew. That is the whole retrospective."
    assert rule_and_reader_phrases(text) == []
    assert blame_phrases(text) == ["One word: Bartholomew."]


@pytest.mark.parametrize(
    "text",
    [
        # the rules read a failing; the encoder reads the repair or the duty it is
        "Ruth rewrote the deploy script after it broke twice, and it hasn't failed since.",
        "Our tester kept asking awkward questions, which is exactly her job.",
    ],
)
def test_the_encoder_overrules_the_rules_below_its_confirming_bar(text: str) -> None:
    assert rule_and_reader_phrases(text) != []
    assert blame_encoder.probability(text) < blame_encoder.CONFIRM_THRESHOLD
    assert blame_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ottilie treats every code review as optional and we all pay for it later.",
        "If you want to know why the release slipped, ask the person who signed off the plan "
        "without reading it.",
        "Our architect designed the queue, refused every change to it, and it fell over on "
        "launch day.",
        "Leopold promised the client a feature we had never even scoped.",
    ],
)
def test_what_the_rules_find_stands_when_the_encoder_agrees(text: str) -> None:
    assert blame_encoder.probability(text) >= blame_encoder.CONFIRM_THRESHOLD
    assert blame_phrases(text) == rule_and_reader_phrases(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Grateful to Ottilie for staying late to rerun the migration with me.",
        "The vendor's API changed without notice and our retries hid it for a week.",
        "Nobody owned the release checklist, so steps were skipped. That's a process gap, "
        "not a person.",
        "Leopold was on holiday when the certificate expired; the renewal reminder went to "
        "his inbox only.",
        "Ottilie walked the new starters through the on-call runbook on their first day.",
        "We all underestimated the data migration.",
        "I was the one who merged it, but the CI was green and the review passed.",
        "Leila cancelled the launch party when the release slipped, which was the right call.",
        "Magnus deleted the old dashboards, as agreed in the cleanup ticket.",
    ],
)
def test_mentions_thanks_and_system_causes_stay_unflagged(text: str) -> None:
    assert blame_phrases(text) == []


def test_a_two_sentence_answer_names_only_the_blaming_sentence() -> None:
    text = (
        "The launch went fine overall. Leopold promised the client a feature we had never scoped."
    )
    assert blame_phrases(text) == ["Leopold promised the client a feature we had never scoped"]


@pytest.mark.parametrize("text", ["Tomasz broke prod on Friday.", "Kemal took the site down."])
def test_short_plain_blame_the_rules_find_stands_whatever_the_encoder_says(text: str) -> None:
    assert blame_encoder.probability(text) < blame_encoder.CONFIRM_THRESHOLD
    assert blame_phrases(text) == rule_and_reader_phrases(text) != []


def test_concurrent_previews_get_the_same_scores_as_one_at_a_time() -> None:
    import threading

    texts = [
        f"Leopold promised the client feature {i} that we had never scoped." for i in range(40)
    ]
    blame_encoder.probability.cache_clear()
    alone = [blame_encoder.probability(t) for t in texts]
    blame_encoder.probability.cache_clear()
    together: dict[str, float] = {}

    def score(share: list[str]) -> None:
        for text in share:
            together[text] = blame_encoder.probability(text)

    threads = [threading.Thread(target=score, args=(texts[k::4],)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [together[t] for t in texts] == pytest.approx(alone, abs=1e-9)


# The app checks the answer after redaction (`afterward.services.responding`), so names
# reach the encoder as "[name]". Invented for this test, in the redacted form.
REDACTED_BLAMING = [
    "[name] knew the lift had failed its inspection and told nobody for a fortnight.",
    "[name] left the freezer door open overnight and we binned the whole delivery.",
    "Honestly [name] is the reason the audit failed, he never files anything.",
    "Who lets [name] sign off the rota when she never checks who is on leave?",
    "[name] gave the patient the wrong discharge letter and didn't tell the ward.",
    "Great job [name], booking the coach for the wrong Saturday 🙄",
    "If [name] had read the handover we would not have double-booked the hall.",
    "[name] sat on the supplier's price rise for a month and the budget is now blown.",
]
REDACTED_NOT_BLAMING = [
    "The overnight backup failed; [name] restored everything before the morning shift.",
    "[name] was never given the door code and waited outside for forty minutes.",
    "The card machines went down on Saturday and [name] took payments by phone all day.",
    "[name] had to cover two shifts after the agency cancelled.",
    "Thanks [name] for rebuilding the guest list by hand when the booking site crashed.",
    "[name] was left off the email about the room change, so she went to the old venue.",
    "[name] to update the stock checklist before the next delivery.",
    "The printer vendor shipped the wrong toner again; [name] chased it for a week.",
]


def test_redacted_answers_are_read_as_the_app_sees_them() -> None:
    """A floor, not every sentence: measured on blind batches in bench/RESULTS.md."""
    found = sum(bool(blame_phrases(text)) for text in REDACTED_BLAMING)
    alarms = [text for text in REDACTED_NOT_BLAMING if blame_phrases(text)]
    assert found >= len(REDACTED_BLAMING) - 1, found
    assert len(alarms) <= 1, alarms


# Known false alarms, each a strict xfail so that a model which mends it is noticed:
# - the writer late because of the trains reads as owning a fault (the encoder, 0.998 with
#   the first one, 0.999 now);
# - since the indirect-blame lines (handovers left undone) were learned on 2026-12-03, the
#   linear reader gives a finished handover 0.92 and the encoder 0.73, so the reader's find
#   stands. A retrain with 520 lines of people who finished and left, or were late through
#   no fault, mended both but flagged a real non-blaming answer (bench/RESULTS.md).
KNOWN_FALSE_ALARMS = [
    "Me again 🙄 late to standup because of the trains. Ana kept it going.",
    "Ana finished the handover notes and went home.",
]


@pytest.mark.xfail(strict=True, reason="a known false alarm (KNOWN_FALSE_ALARMS)")
@pytest.mark.parametrize("text", KNOWN_FALSE_ALARMS)
def test_known_false_alarms_are_no_blame(text: str) -> None:
    assert blame_phrases(text) == []


# Indirect blame, the way people who do not mean to sound harsh place fault: hedged, as a
# "should" aimed at one role, on a predecessor's handover, buried in a longer account, or
# owned in hindsight; and the same shapes without fault. Invented here, none from a batch.
INDIRECT_BLAMING = [
    "Probably the outgoing treasurer never forwarded the insurance renewal, so it lapsed. [mkoval]",
    "Kasia: the room lead should have checked the projector before people arrived (i.e. not "
    "ten minutes into the talk)",
    "Not sure, but I think the night dispatcher just ignored the second alarm.",
    "In hindsight I should have told the kitchen about the allergy list myself instead of "
    "assuming.",
    "Handover from the previous coordinator was basically nothing, she left no notes on the "
    "supplier contracts. (2)",
    "Launch went fine overall. The only outage came when the intern's cron job wiped the cache "
    "at noon, which he'd been told not to run on weekdays.",
    "Next time the editor needs to actually read the piece before approving it +3",
    "seems like the lab manager ordered the wrong reagent again, that's the second batch lost",
]
INDIRECT_NOT_BLAMING = [
    "Probably the supplier's courier, the parcels all arrived a day late. [mkoval]",
    "Kasia: the room lead will test the projector 30 min before doors from now on",
    "The previous coordinator left great notes, the handover took an hour. (2)",
    "We should check the allergy list with the kitchen the day before.",
    "Not sure, but I think the alarm panel firmware is flaky after power cuts.",
    "Tomasz to draft the volunteer FAQ +2",
    "Our new editor is still learning the CMS, pairing her with Ines helped a lot.",
    "i guess the schedule was just too tight for two launches in one week",
]


@pytest.mark.parametrize("redacted", [False, True])
def test_indirect_blame_is_read_and_its_look_alikes_are_not(redacted: bool) -> None:
    """A floor: the shipped models before the indirect-blame corpus lines found 7 of 8 (the
    editor who "needs to actually read" was missed); measured on blind batches 117-118 in
    bench/RESULTS.md."""
    form = redact if redacted else str
    found = [text for text in INDIRECT_BLAMING if blame_phrases(form(text))]
    alarms = [text for text in INDIRECT_NOT_BLAMING if blame_phrases(form(text))]
    assert len(found) == len(INDIRECT_BLAMING), set(INDIRECT_BLAMING) - set(found)
    assert alarms == []


def test_exasperation_after_a_bare_possessive_is_blame() -> None:
    """The linear reader's refits moved this one back and forth; the shipped reading holds."""
    assert blame_phrases("Marek's script. That's it, that's the retro.")

"""Theme vectors carry topics: no names, handles, links, tags or numbers, and words common in
any English text ("great", "example", "people") weigh less than topic words.

All sentences are invented for these tests. Names are found by the redaction gazetteer
(capitalised given names); a name it does not know can still enter a vector, which is why
answers are also redacted when stored.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.label_terms import name_terms, supported_name
from analysis.themes import ThemeFinder, analyze, background_weight, tokens

# Two topics; the same two people and the same praise words turn up in both, so a model
# that let names or "great"/"thanks" into its vectors would glue the topics together.
MIGRATION = [
    "Priya said the schema migration locked the orders table for an hour.",
    "Great that Wilhelmina caught the migration lock on the orders table early.",
    "Thanks Priya, the schema migration still held a table lock during peak traffic.",
    "The orders table migration took a long lock and writes queued up, great work Wilhelmina.",
    "Schema migration locks on big tables stalled checkout, Priya said.",
    "Wilhelmina: run table migrations without long locks next time, thanks.",
]
VENUE = [
    "Priya booked the venue but the wifi dropped every hour.",
    "Great venue, Wilhelmina, though the catering ran out before lunch ended.",
    "Thanks Priya for the venue, the wifi and the catering were the weak spots.",
    "The venue wifi kept dropping and catering was late, great effort Wilhelmina.",
    "Catering queues and venue wifi need a better plan, Priya agreed.",
    "Wilhelmina: pick a venue with stable wifi and catering on site next time, thanks.",
]


def test_tokens_leave_out_names_handles_links_tags_and_numbers() -> None:
    words = tokens(
        "Thanks Priya and Tomás: see https://example.org/runbook or ops@example.com, "
        "ping @jdoe [jdoe] about the 2019 outage at 3pm that cost 20m"
    )
    for gone in ("priya", "tomas", "tomás", "example", "org", "com", "jdoe", "ops"):
        assert gone not in words, gone
    assert not any(w[0].isdigit() for w in words), words
    assert "runbook" not in words  # part of the URL, not of the sentence
    assert "outage" in words and "cost" in words


def test_tokens_keep_tools_and_words_that_are_not_names() -> None:
    words = tokens("Jenkins and k8s jobs wrote to S3; Mark the flaky suites in Grafana.")
    assert {"jenkins", "kubernetes", "s3", "flaky", "grafana", "mark"} <= set(words)
    # A lower-case word is never taken for a name, whatever the gazetteer says.
    assert "rose" in tokens("latency rose after the deploy")


def test_words_common_in_any_english_weigh_less_than_topic_words() -> None:
    weights = dict(
        zip(
            ["great", "thanks", "example", "people", "rollout", "flaky", "deadline"],
            background_weight(
                ["great", "thanks", "example", "people", "rollout", "flaky", "deadline"]
            ),
            strict=True,
        )
    )
    for generic in ("great", "thanks", "example", "people"):
        for topical in ("rollout", "flaky", "deadline"):
            assert weights[generic] < weights[topical], (generic, topical, weights)
    assert all(0 < w <= 1 for w in weights.values())
    # A typo or unknown token weighs no more than a rare real word.
    assert background_weight(["qxzvbl"])[0] == background_weight(["flaky"])[0] == 1.0
    assert background_weight(["flaky deadline"])[0] == pytest.approx(
        (weights["flaky"] + weights["deadline"]) / 2
    )


def test_generic_words_weigh_less_in_the_fitted_idf() -> None:
    # "example" and "rollout" each appear in two of four answers: same corpus idf, but the
    # word common in all English weighs less in the model.
    model = ThemeFinder(random_state=0).fit(
        [
            "for example the rollout stalled",
            "the rollout needed a canary",
            "one example: database locks",
            "database locks again",
        ]
    )
    idf = dict(zip(model.terms_, model.idf_, strict=True))
    assert idf["example"] < idf["rollout"]


def test_themes_follow_topics_not_the_people_or_praise_that_recur() -> None:
    texts = MIGRATION + VENUE
    truth = ["migration"] * len(MIGRATION) + ["venue"] * len(VENUE)
    model = ThemeFinder(random_state=0, min_theme_size=3).fit(texts)
    frame = pd.DataFrame({"truth": truth, "theme": model.labels_})
    assigned = frame[frame["theme"] != -1]
    assert len(assigned) >= 10
    # Every theme holds one topic only.
    assert (assigned.groupby("theme")["truth"].nunique() == 1).all()
    table = model.themes()
    shown = (
        " ".join(table["theme_label"]).lower()
        + " "
        + " ".join(t for terms in table["top_terms"] for t in terms)
    )
    for word in ("priya", "wilhelmina", "great", "thank"):
        assert word not in shown, (word, shown)
    assert not any(t.startswith(("priya", "wilhelmina")) for t in model.vocabulary_)


def test_renaming_the_people_moves_no_answer() -> None:
    texts = MIGRATION + VENUE
    renamed = [t.replace("Priya", "Kasimir").replace("Wilhelmina", "Ingeborg") for t in texts]
    model = ThemeFinder(random_state=0).fit(texts)
    assert (model.predict(renamed) == model.labels_).all()
    out = model.transform(renamed)
    assert out["similarity"].to_numpy() == pytest.approx(model.transform(texts)["similarity"])
    assert ThemeFinder(random_state=0).fit(renamed).vocabulary_ == model.vocabulary_


def test_a_saved_name_with_a_word_that_is_no_term_now_needs_its_support() -> None:
    # A name saved by an older model may hold a word the model no longer counts (a given
    # name, a number): it stands for itself, nobody's answer supports it, and the shorter
    # name is used instead (fails closed).
    assert name_terms("Priya rollout plan") == ["priya", "rollout", "plan"]
    assert name_terms("sprint 42 rollout") == ["sprint", "42", "rollout"]
    support = {"priya": 9, "42": 9, "rollout": 9, "plan": 9, "sprint": 9}
    analysed = set(analyze("Priya said the rollout plan for sprint 42 slipped"))
    assert not {"priya", "42"} & analysed  # so term_support never counts them
    names = ["Priya rollout plan", "sprint 42 rollout", "rollout plan"]
    supported = {t: n for t, n in support.items() if t in analysed}
    assert supported_name(names, supported, 3) == "rollout plan"
    assert name_terms("tests in CI") == ["test", "ci"]


def test_an_answer_sharing_no_word_with_its_group_joins_no_theme() -> None:
    lone = "Parking near the office was scarce on Mondays."
    texts = [*MIGRATION, lone]
    model = ThemeFinder(random_state=0).fit(texts)
    labels = dict(zip(texts, model.labels_, strict=True))
    assert labels[lone] == -1
    assert all(labels[t] != -1 for t in MIGRATION)
    # Centroids (and so keywords) hold only words at least two answers wrote.
    for tid in model.theme_ids_:
        for term in model.theme_terms(int(tid)):
            assert sum(term in analyze(t) for t in texts) >= 2, term


def test_shared_words_rule_holds_inside_each_group() -> None:
    # Within one group the lone answer shares nothing; the other group's answers share
    # its words, but themes never cross groups, so it still joins no theme.
    lone = "Venue wifi kept dropping during the demo."
    texts = [*MIGRATION, lone, *VENUE]
    groups = {t: "db" for t in [*MIGRATION, lone]} | {t: "event" for t in VENUE}
    model = ThemeFinder(grouping=lambda batch: [groups[t] for t in batch], random_state=0)
    labels = dict(zip(texts, model.fit(texts).labels_, strict=True))
    assert labels[lone] == -1
    assert all(labels[t] != -1 for t in MIGRATION + VENUE)


def _grouped(groups: dict[str, str]) -> ThemeFinder:
    return ThemeFinder(grouping=lambda batch: [groups[t] for t in batch], random_state=0)


def test_a_one_word_answer_joins_its_group_through_a_shared_word() -> None:
    # Real retros are often fragments: inside a group, one word others wrote is enough.
    fragment = "Catering!"
    lone = "Gardening."
    texts = [*VENUE, fragment, lone]
    groups = {t: "event" for t in texts}
    labels = dict(zip(texts, _grouped(groups).fit(texts).labels_, strict=True))
    assert labels[fragment] != -1
    assert labels[fragment] == labels[VENUE[1]]  # the catering answers' theme
    assert labels[lone] == -1  # a word nobody else in the group wrote joins nothing


def test_one_word_is_not_enough_without_grouping() -> None:
    # Across all answers one shared word is too ambiguous: the old rule (two terms) holds.
    fragment = "Catering!"
    texts = [*MIGRATION, *VENUE, fragment]
    labels = dict(zip(texts, ThemeFinder(random_state=0).fit(texts).labels_, strict=True))
    assert labels[fragment] == -1


@pytest.mark.parametrize("non_answer", ["no comment", "N/A", "nothing to add", "-"])
def test_a_non_answer_joins_no_theme_even_through_a_shared_word(non_answer: str) -> None:
    # "comment" is a word the group shares: a non-answer still joins no theme (issue 12).
    talk = [
        "Review comment threads on the design doc went unanswered for weeks.",
        "Every design doc comment needs an owner before the review closes.",
        "Unresolved comment threads blocked the design review twice.",
        "Design review comments arrived after the doc was approved.",
    ]
    texts = [*talk, non_answer]
    groups = {t: "communication" for t in texts}
    model = _grouped(groups).fit(texts)
    labels = dict(zip(texts, model.labels_, strict=True))
    assert all(labels[t] != -1 for t in talk)
    assert labels[non_answer] == -1
    assert model.predict([non_answer])[0] == -1
    assert model.partial_fit([non_answer]).labels_[0] == -1

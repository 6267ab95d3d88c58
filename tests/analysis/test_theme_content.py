"""Theme vectors carry topics only: no names, handles, links, numbers or praise words.

All sentences are invented for these tests. Names are found by the redaction gazetteer
(capitalised given names); a name it does not know can still enter a vector, which is why
answers are also redacted when stored.
"""

from __future__ import annotations

import pandas as pd
from sklearn.metrics import adjusted_rand_score

from analysis.themes import ThemeFinder, analyze, tokens

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


def test_tokens_leave_out_praise_valence_and_hedges() -> None:
    words = tokens("Thanks, great job! The release notes were awesome but the rollout was hard")
    assert not {"thank", "thanks", "great", "awesome", "hard"} & set(words)
    assert {"release", "note", "rollout"} <= set(words)
    assert "great release" not in analyze("great release notes")


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


def test_themes_do_not_depend_on_which_names_people_used() -> None:
    texts = MIGRATION + VENUE
    renamed = [t.replace("Priya", "Kasimir").replace("Wilhelmina", "Ingeborg") for t in texts]
    a = ThemeFinder(random_state=0).fit(texts)
    b = ThemeFinder(random_state=0).fit(renamed)
    # The same partition (ids may differ: fitting orders the texts) and the same names.
    assert adjusted_rand_score(a.labels_, b.labels_) == 1.0
    assert [a.label(int(t)) for t in a.labels_] == [b.label(int(t)) for t in b.labels_]


def test_a_saved_name_with_a_word_that_is_no_term_now_needs_its_support() -> None:
    from analysis.label_terms import name_terms, supported_name

    # A name saved before praise words left the vectors: "great" is no term now, so no
    # answer can support it and the shorter name is used instead (fails closed).
    assert "great" in name_terms("great release notes")
    support = {"release": 9, "note": 9, "release note": 9}
    assert supported_name(["great release notes", "release notes"], support, 3) == ("release notes")
    assert name_terms("tests in CI") == ["test", "ci"]

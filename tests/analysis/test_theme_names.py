"""Theme names: phrases people wrote, free of names and debris, gated, and stable."""

from __future__ import annotations

import json
import random
import re

import pandas as pd

from analysis.label_terms import name_terms, supported_name, term_support
from analysis.theme_phrases import surface_chunks
from analysis.themes import ThemeFinder

# Invented answers (not from any eval set).
DEPLOYS = [
    "Priya rolled back the release candidate twice, see https://github.com/acme/deploy/pull/99",
    "The release candidate failed smoke tests on staging again 99 99",
    "We shipped the release candidate without smoke tests and [name] had to roll back",
    "Smoke tests on staging caught nothing, the release candidate broke checkout at acme.com",
    "Ask Priya about the release candidate, smoke tests on staging were skipped",
    "A release candidate went out on Friday with no smoke tests, mail ops@acme.com",
    "The release candidate was tagged late and smoke tests on staging timed out 2024",
    "Release candidate builds kept failing smoke tests, Tomasz Nowak fixed it at 3am",
]
MEETINGS = [
    "The daily standup ran over thirty minutes every day",
    "Daily standup turned into status reporting for the manager",
    "Too many meetings, the daily standup and three syncs ate the morning",
    "Our daily standup was a status meeting nobody listened to",
    "The daily standup went long because people debated designs",
    "We should timebox the daily standup, it dragged on",
    "Daily standup at nine clashed with school drop off for half the team",
    "Meetings after the daily standup left no focus time",
]
TEXTS = DEPLOYS + MEETINGS
FORBIDDEN = {"priya", "tomasz", "nowak", "https", "github", "com", "acme", "name", "ops"}


def _names(model: ThemeFinder) -> list[str]:
    return [name for names in model.theme_phrases_.values() for name in names]


def test_names_are_phrases_without_names_urls_numbers_or_placeholders() -> None:
    model = ThemeFinder(random_state=0, min_theme_size=3).fit(TEXTS)
    labels = set(model.theme_labels_.values())
    assert len(labels) == 2
    assert any(" " in label for label in labels)  # a phrase, not one stemmed keyword
    assert {"release candidate", "daily standup"} <= {
        n for n in _names(model) if n in ("release candidate", "daily standup")
    }
    for name in _names(model):
        words = re.findall(r"[\w\[\]@./:]+", name.lower())
        assert not FORBIDDEN & set(words), name
        assert not any(w.isdigit() for w in words), name
        assert "[" not in name and "://" not in name and "@" not in name, name
        assert "·" not in name


def test_surface_chunks_break_at_names_urls_numbers_and_placeholders() -> None:
    chunks = surface_chunks(
        "Priya said see https://x.io/a, 99 smoke tests [name] failed at acme.com"
    )
    words = {w.lower() for run in chunks for w in run}
    assert words.isdisjoint({"priya", "https", "99", "name", "acme", "com", "io"})
    assert ["smoke", "tests"] in chunks


def test_a_term_too_few_responses_wrote_never_names_a_theme() -> None:
    support = {"flaky": 9, "canary": 2, "test": 9, "ci": 1}
    names = ["flaky canary tests", "flaky tests in CI", "flaky tests", "flaky"]
    assert supported_name(names, support, threshold=3) == "flaky tests"
    assert supported_name(["canary"], support, threshold=3) is None
    assert name_terms("flaky tests in CI") == ["flaky", "test", "ci"]
    assert supported_name(["deploy · canary"], {"deploy": 9}, 3) == "deploy"  # old labels
    # A ticket id one person wrote: the terms drop its digits, the name may not.
    assert supported_name(["ticket OPS-4101", "ticket"], {"ticket": 9, "ops": 9}, 3) == "ticket"


def test_identifiers_break_a_phrase_and_tech_words_with_digits_do_not() -> None:
    chunks = surface_chunks("Ticket OPS-4101 still open after the v2 release")
    words = {w.lower() for run in chunks for w in run}
    assert words.isdisjoint({"ops-4101", "v2"}) and ["still", "open", "after", "the"] in chunks
    assert ["The", "S3", "bucket", "was", "public"] in surface_chunks("The S3 bucket was public")
    assert name_terms("k8s upgrades") == ["kubernetes", "upgrade"]


def test_gated_names_only_use_words_enough_responses_wrote() -> None:
    # "quokka" is written by two responses only: it may never appear in a name.
    texts = [*MEETINGS, *DEPLOYS[:6], *(t + " quokka deploy" for t in DEPLOYS[6:])]
    model = ThemeFinder(random_state=0, min_theme_size=3).fit(texts)
    rows = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(texts))],
            "theme_id": model.labels_,
            "text": texts,
        }
    )
    rows = rows[rows["theme_id"] != -1]
    candidates = {
        int(t): sorted({w for n in model.theme_phrases_.get(int(t), []) for w in name_terms(n)})
        for t in model.theme_ids_
    }
    support = term_support(rows, candidates)
    named = 0
    for tid in model.theme_ids_:
        counts = dict(
            support.loc[support["theme_id"] == int(tid), ["term", "responses"]].itertuples(
                index=False
            )
        )
        name = supported_name(model.theme_phrases_.get(int(tid), []), counts, threshold=2)
        named += name is not None
        if name is not None:
            assert "quokka" not in name
            assert all(counts.get(t, 0) >= 5 for t in name_terms(name))  # quote threshold
    assert named == 2


def test_same_texts_give_same_themes_and_names_in_any_order_and_after_reload() -> None:
    first = ThemeFinder(random_state=0, min_theme_size=3).fit(TEXTS)
    order = list(range(len(TEXTS)))
    random.Random(3).shuffle(order)
    second = ThemeFinder(random_state=0, min_theme_size=3).fit([TEXTS[i] for i in order])
    back = [0] * len(TEXTS)
    for pos, i in enumerate(order):
        back[i] = int(second.labels_[pos])
    assert back == first.labels_.tolist()
    assert second.theme_labels_ == first.theme_labels_
    assert second.theme_phrases_ == first.theme_phrases_
    loaded = ThemeFinder.from_dict(json.loads(json.dumps(first.to_dict())))
    assert loaded.predict(TEXTS).tolist() == first.labels_.tolist()
    assert loaded.theme_labels_ == first.theme_labels_
    assert loaded.theme_phrases_ == first.theme_phrases_
    refit = ThemeFinder(random_state=0, min_theme_size=3).fit(list(reversed(TEXTS)))
    assert refit.theme_labels_ == first.theme_labels_


def test_a_topical_word_goes_before_a_generic_one_among_one_word_names() -> None:
    # No phrase repeats, so the theme falls back to single words. "sure" is written more
    # often, but a word that common in any English text names no topic.
    from analysis.theme_phrases import rank_phrases

    texts = {
        0: [
            "not sure the rota works, sure it was fine",
            "sure, the rota again",
            "honestly not sure about any of it",
        ]
    }

    def relevance(theme, forms):
        return [1.0] * len(forms)

    def terms(text):
        return [w for w in re.findall(r"[a-z]+", text.lower()) if w in {"sure", "rota"}]

    names = rank_phrases(texts, relevance, terms)[0]
    singles = [n for n in names if " " not in n]
    # "sure" is only ever an adjective or adverb: no name at all, not even a fall-back.
    assert singles[:1] == ["rota"] and "sure" not in names, names


def test_phrases_do_not_run_an_article_on_from_a_noun_or_end_in_a_possessive() -> None:
    # Invented: a reviewer saw names like "change log the client" and "collaboration
    # with the client's" on the sample data.
    from analysis.theme_phrases import PhraseScorer
    from analysis.themes import tokens

    scorer = PhraseScorer(tokens)
    found = set(scorer.phrases("we never updated the change log the client reads").values())
    assert "change log" in found and not any("log the" in f for f in found)
    found = set(scorer.phrases("better collaboration with the client's design team").values())
    assert not any(f.endswith("client's") for f in found)
    assert "tests in the CI" in set(scorer.phrases("flaky tests in the CI pipeline").values())


def test_phrases_hold_no_verb_in_the_third_person_and_close_on_no_adjective() -> None:
    # Invented: a reviewer saw a verb-plus-quantifier fragment name a theme of real retros.
    from analysis.theme_phrases import PhraseScorer
    from analysis.themes import tokens

    scorer = PhraseScorer(tokens)
    found = set(scorer.phrases("the rollout involves approvals from finance").values())
    assert "approvals from finance" in found and not any("involves" in f for f in found)
    found = set(scorer.phrases("release notes late again").values())
    assert "release notes" in found and not any(" " in f and f.endswith("late") for f in found)

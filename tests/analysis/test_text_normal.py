"""One text normaliser for root causes and themes: rules, sharing and cache keys."""

from __future__ import annotations

import logging

import pytest

from analysis import root_causes, text_normal, themes
from analysis.text_normal import (
    CONTRACTIONS,
    JARGON,
    NORMALISER_KEY,
    SPELLING,
    WORD_MAP,
    normalise_text,
    singular,
    split_words,
)
from analysis.themes import ThemeFinder, find_themes, tokens


def test_tables_share_no_word_and_make_up_the_word_map() -> None:
    assert not set(SPELLING) & set(JARGON)
    assert not set(SPELLING) & set(CONTRACTIONS)
    assert not set(JARGON) & set(CONTRACTIONS)
    assert dict(WORD_MAP) == {**SPELLING, **JARGON, **CONTRACTIONS}
    with pytest.raises(TypeError):
        WORD_MAP["colour"] = "x"  # read-only: the cache key could not follow a change


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colours and behaviours", "colors and behaviors"),
        ("We prioritised the organisation's backlog", "we prioritized the organization backlog"),
        ("containerisation", "containerization"),
        ("improvisation", "improvisation"),  # not a British spelling
        ("sceptical of the catalogue", "skeptical of the catalog"),
        ("k8s configs on prod", "kubernetes configuration on production"),
        ("tbh the PRs were late", "the pull requests were late"),
        ("we didn’t and they won't", "we did not and they will not"),
        ("we'll see, I'm sure", "we will see i am sure"),
        ("[name] told [email] nothing", "told nothing"),
        ("c++ and c# builds", "c++ and c# builds"),
    ],
)
def test_normalise_text(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_normalise_text_never_raises() -> None:
    assert normalise_text(None) == ""
    assert normalise_text(float("nan")) == ""
    assert normalise_text(42) == "42"
    assert split_words(None) == []


def test_singular() -> None:
    assert singular("estimates") == "estimate"
    assert singular("stories") == "story"
    assert singular("status") == "status"
    assert singular("process") == "process"
    assert singular("bus") == "bus"


def test_root_causes_and_themes_use_the_one_normaliser() -> None:
    assert root_causes.normalise_text is text_normal.normalise_text
    text = "Our k8s configs: the colour of the prioritised PRs, tbh [name] didn’t care"
    normalised = normalise_text(text).split()
    # Theme terms are the normalised words minus stop words, made singular.
    assert tokens(text) == [
        singular(w) for w in normalised if w not in themes.STOP_WORDS and len(w) > 1
    ]
    assert "kubernetes" in tokens(text) and "configuration" in tokens(text)
    assert "color" in tokens(text) and "prioritized" in tokens(text)
    assert "name" not in tokens(text) and "tbh" not in tokens(text)


def test_theme_state_records_the_normaliser(caplog: pytest.LogCaptureFixture) -> None:
    texts = [f"flaky build number {i} broke the pipeline again" for i in range(6)]
    texts += [f"the vendor missed delivery date {i} for the parts" for i in range(6)]
    state = ThemeFinder(random_state=0).fit(texts).to_dict()
    assert state["normaliser"] == NORMALISER_KEY
    with caplog.at_level(logging.WARNING, logger="analysis.themes"):
        ThemeFinder.from_dict(state)
    assert not caplog.records
    with caplog.at_level(logging.WARNING, logger="analysis.themes"):
        again = ThemeFinder.from_dict({**state, "normaliser": "older rules"})
    assert "normalisation" in caplog.text
    assert again.to_dict()["normaliser"] == "older rules"  # stays stale until a refit


def test_find_themes_cache_tells_groupings_apart() -> None:
    texts = [f"flaky build {i} broke the pipeline" for i in range(5)]
    texts += [f"vendor missed delivery {i} of parts" for i in range(5)]

    def make(labels: list[str]):
        def grouping(batch: list[str]) -> list[str]:  # same qualified name every time
            return labels[: len(batch)]

        return grouping

    themes._CACHE.clear()
    one = find_themes(texts, grouping=make(["a"] * 10))
    split = find_themes(texts, grouping=make(["a"] * 5 + ["b"] * 5))
    assert len(themes._CACHE) == 2  # a closure's name alone would have shared one entry
    first, second = set(split["theme_id"][:5]) - {-1}, set(split["theme_id"][5:]) - {-1}
    assert not first & second  # themes never cross the two groups
    assert find_themes(texts, grouping=make(["a"] * 10)).equals(one)
    assert len(themes._CACHE) == 2  # same labels: served from the cache


def test_find_themes_rejects_unknown_grouping_names() -> None:
    with pytest.raises(ValueError, match="grouping"):
        find_themes(["some text"], grouping="categories")

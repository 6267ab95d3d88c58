"""The one service that keeps the stored analysis of free-text answers current: root causes
and themes. Every consumer (pages, the CLI report, exports) calls `ensure_current` first.

Incremental: only answers without analysis (or analysed before the latest manager
reviews) are classified; new answers join existing themes before new themes form; nothing
runs when nothing changed. Theme edits are stored and re-applied after every update.
"""

from __future__ import annotations

import hashlib
import json
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from afterward.services.gates import hidden_themes, quoted_questions
from analysis import theme_edits
from analysis.anonymity import supported_terms
from analysis.label_terms import name_terms, supported_name, term_support
from analysis.no_root_cause import corpus_key, non_answer_mask
from analysis.root_causes import classifier_key, classify_with_confidence
from analysis.sentence_embeddings import embeddings_key
from analysis.taxonomy import category_label, taxonomy_key
from analysis.text_normal import normaliser_key
from analysis.themes import ThemeFinder
from surveys.store import TEXT_ANALYSIS_COLUMNS, Scope, Store

Progress = Callable[[float, str], None]
COLUMNS = list(TEXT_ANALYSIS_COLUMNS)


@dataclass(frozen=True)
class RefreshResult:
    classified: int
    rows_written: int
    total_texts: int


def model_key(corrections: pd.DataFrame) -> str:
    """Identifies the classifier in effect: the taxonomy file, the text normaliser's rules,
    the root-cause corpus and settings, the no-root-cause corpus, whether sentence
    embeddings are on, and the manager reviews. Stored analysis made under another key is
    redone."""
    digest = hashlib.sha256(
        f"{taxonomy_key()}\x1f{normaliser_key()}\x1f{classifier_key()}\x1f{corpus_key()}"
        f"\x1f{embeddings_key()}".encode()
    )
    for text, category in zip(corrections["text"], corrections["category"], strict=True):
        digest.update(f"{text}\x1f{category}\x1e".encode())
    return digest.hexdigest()[:16]


def _grouping(texts: Sequence[str], categories: Sequence[str]) -> Callable:
    """Themes nest inside root causes: look up each text's stored category."""
    known = dict(zip(texts, categories, strict=True))

    def grouping(batch: Sequence[str]) -> list[str]:
        missing = [t for t in dict.fromkeys(batch) if t not in known]
        if missing:
            predicted = classify_with_confidence(missing)["category"]
            known.update(zip(missing, predicted, strict=True))
        return [known[t] for t in batch]

    return grouping


def analysis_pending(store: Store) -> bool:
    """Whether some answer lacks analysis or was analysed before the latest reviews."""
    return store.analysis_backlog(model_key(store.category_corrections())) != (0, 0)


# Store -> analysis_key() when it was last made current. Weak keys: a closed store's entry
# goes with it, so a later store that happens to get the same id() (a fresh database with
# the same counts) is never taken for one already analysed.
_CURRENT: weakref.WeakKeyDictionary[Store, tuple] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def ensure_current(store: Store, progress: Progress | None = None) -> RefreshResult | None:
    """Bring the stored analysis up to date when answers, reviews or theme edits changed.

    Once per change for the whole process: a call with nothing new costs one count query
    and returns None. Concurrent callers wait for the one analysis in progress. `progress`
    gets (fraction 0-1, message) while it runs. Returns what was done otherwise.
    """
    if not needs_refresh(store):
        return None
    with _LOCK:
        if not needs_refresh(store):  # another caller finished it while this one waited
            return None
        result = refresh_analysis(store, progress)
        _CURRENT[store] = store.analysis_key()
        return result


def needs_refresh(store: Store) -> bool:
    """Whether `ensure_current` has work to do (cheap: one or two count queries)."""
    key = store.analysis_key()
    if _CURRENT.get(store) == key:
        return False
    if not analysis_pending(store):
        _CURRENT[store] = key
        return False
    return True


def forget_current(store: Store) -> None:
    """Make the next `ensure_current` check again (after data was removed or replaced)."""
    _CURRENT.pop(store, None)


def refresh_analysis(store: Store, progress: Progress | None = None) -> RefreshResult:
    """Classify and theme every answer that lacks analysis (or was analysed by an older
    model); incremental when only new answers arrived. Prefer `ensure_current`."""
    report = progress or (lambda fraction, message: None)
    corrections = store.category_corrections()
    key = model_key(corrections)
    unanalysed, stale_rows = store.analysis_backlog(key)
    if (unanalysed, stale_rows) == (0, 0):
        return RefreshResult(0, 0, 0)  # nothing new: no need to read every text back
    state = store.theme_state()
    if stale_rows == 0 and state is not None:
        return _analyse_new_answers(store, key, corrections, state, report)
    # First analysis, or reviews changed the classifier: (re)classify and re-theme all.
    done = store.analysed_texts()
    new = store.texts_to_analyse()
    stale = done["model_key"] != key
    if new.empty and not stale.any():
        return RefreshResult(0, 0, len(done))

    todo = pd.concat(
        [new, done.loc[stale, ["response_id", "question_id", "survey_id", "text"]]],
        ignore_index=True,
    )
    # No counts in progress: the page shows it, and a count of new answers over every
    # question, less what the results pages list, tells who answered a hidden question.
    report(0.1, "Finding root causes in the answers")
    todo = _classified(todo, key, corrections)
    rows = pd.concat([done[~stale], todo], ignore_index=True)
    rows["non_answer"] = rows["non_answer"].astype(bool)
    previous_theme = rows["theme_id"].fillna(-2).astype(int).to_numpy()

    report(0.5, "Grouping answers into themes")
    texts = rows["text"].tolist()
    grouping = _grouping(texts, rows["category"].tolist())
    # Non-answers take no part in themes: ThemeFinder leaves them out (one rule, one place).
    if state is None:
        model = ThemeFinder(grouping=grouping, random_state=0).fit(texts)
    else:
        model = ThemeFinder.from_dict(json.loads(state), grouping=grouping)
        if not new.empty:
            model.partial_fit(new["text"].tolist())
    model = theme_edits.apply_edits(model, [json.loads(e) for e in store.theme_edits()])
    rows["theme_id"] = _themes_of(model, rows)

    report(0.8, "Saving the analysis")
    # New and reclassified rows have no previous theme (-2), so they are always written.
    changed = rows[rows["theme_id"].to_numpy() != previous_theme]
    store.save_text_analysis(changed[COLUMNS])
    store.save_theme_state(json.dumps(model.to_dict()))
    store.save_theme_term_support(_support(store, rows, model), replace=True)
    report(1.0, "Analysis up to date")
    return RefreshResult(len(todo), len(changed), len(rows))


def _analyse_new_answers(
    store: Store, key: str, corrections: pd.DataFrame, state: str, report: Progress
) -> RefreshResult:
    """Only the new answers: classify them, let them join themes (or form new ones).

    Earlier answers keep their analysis untouched: theme ids never move on an update, and
    manager edits were applied to every answer when they were made.
    """
    new = store.texts_to_analyse()
    report(0.1, "Finding root causes in the new answers")  # no count: see refresh_analysis
    rows = _classified(new, key, corrections)
    report(0.5, "Placing new answers in themes")
    texts = rows["text"].tolist()
    model = ThemeFinder.from_dict(
        json.loads(state), grouping=_grouping(texts, rows["category"].tolist())
    )
    model.partial_fit(texts)
    model = theme_edits.apply_edits(model, [json.loads(e) for e in store.theme_edits()])
    rows["theme_id"] = _themes_of(model, rows)
    report(0.8, "Saving the analysis")
    store.save_text_analysis(rows[COLUMNS])
    store.save_theme_state(json.dumps(model.to_dict()))
    # Earlier answers keep their themes, and their themes keep their names: count only the
    # new responses (a response is released whole, so distinct counts add up).
    store.save_theme_term_support(_support(store, rows, model), replace=False)
    report(1.0, "Analysis up to date")
    return RefreshResult(len(rows), len(rows), len(rows))


def _classified(todo: pd.DataFrame, key: str, corrections: pd.DataFrame) -> pd.DataFrame:
    """`todo` (with `text`) plus category, confidence, second_category, model_key and
    non_answer (a non-answer gets NO_ROOT_CAUSE from the classifier)."""
    predicted = classify_with_confidence(todo["text"].tolist(), corrections)
    done = pd.concat(
        [todo.reset_index(drop=True), predicted[["category", "confidence", "second_category"]]],
        axis=1,
    )
    return done.assign(model_key=key, non_answer=non_answer_mask(done["text"].tolist()))


def _support(store: Store, rows: pd.DataFrame, model: ThemeFinder) -> pd.DataFrame:
    """`label_terms.term_support` of the rows whose question may be quoted now
    (`gates.quoted_questions`: the survey and the question's own answers reach the
    quote threshold) and whose survey's own breakdown shows the row's theme
    (`gates.hidden_themes`). A theme's name and keywords are words; an answer no view may
    quote (an optional question one person answered) must not tip a word over the
    threshold, or importing a few answers with a guessed word would tell whether that
    person wrote it; nor may the answers of a survey that hides the theme (whether a word
    names the theme would tell their hidden count). An answer whose question becomes
    quotable, or whose survey comes to show its theme, later counts from the next full
    analysis (a theme edit or a new model): fewer words until then, never more."""
    pairs = set(quoted_questions(store, Scope()))
    hidden = hidden_themes(store, sorted({s for s, _ in pairs}))
    keys = zip(
        rows["survey_id"].astype(str),
        rows["question_id"].astype(str),
        rows["theme_id"].astype(int),
        strict=True,
    )
    quotable = rows[[(s, q) in pairs and t not in hidden[s] for s, q, t in keys]]
    return term_support(quotable, label_candidates(model))


def _themes_of(model: ThemeFinder, rows: pd.DataFrame) -> np.ndarray:
    """Theme id per row (`text`); a non-answer never joins a theme (``ThemeFinder``)."""
    return np.asarray(model.predict(rows["text"].tolist()))


@lru_cache(maxsize=2)
def _saved_model(state: str) -> ThemeFinder:
    """The stored theme model, rebuilt once per saved state (read-only: never mutate it)."""
    return ThemeFinder.from_dict(json.loads(state))


KEYWORDS = 5  # shown per theme
CANDIDATE_TERMS = 10  # heaviest centroid terms a theme's keywords are chosen from


def theme_names(model: ThemeFinder, theme_id: int, label: str) -> list[str]:
    """A theme's candidate names, best first: its ranked phrases (the label first, then
    shorter fall-backs), or only its label when a manager edit replaced the generated one."""
    phrases = list(getattr(model, "theme_phrases_", {}).get(theme_id, []))
    return phrases if phrases and phrases[0] == label else [label]


def label_candidates(model: ThemeFinder) -> dict[int, list[str]]:
    """Per live theme: the terms any of its candidate names needs, plus its heaviest
    centroid terms (its keywords)."""
    themes = model.themes()
    return {
        int(tid): list(
            dict.fromkeys(
                [
                    *(t for name in theme_names(model, int(tid), label) for t in name_terms(name)),
                    *model.theme_terms(int(tid), n=CANDIDATE_TERMS),
                ]
            )
        )
        for tid, label in zip(themes["theme_id"], themes["theme_label"], strict=True)
    }


_WEB_DEBRIS = frozenset(
    "http https www com org net io co uk html htm php github gitlab mailto url".split()
)


def _keyword_ok(term: str) -> bool:
    """A keyword may not be numbers only or URL debris ("99 99", "com jupyterhub")."""
    words = term.split()
    return bool(words) and all(any(c.isalpha() for c in w) and w not in _WEB_DEBRIS for w in words)


def theme_catalogue(store: Store) -> pd.DataFrame:
    """Live themes: theme_id, theme_label, group (root cause), size (answers), top_terms.

    Names and keywords use only terms that at least the quote threshold of distinct
    responses wrote (`anonymity.supported_terms`, against the highest threshold of any
    survey): the first of the theme's ranked phrases whose every content word is so
    supported (`label_terms.supported_name`), else its first shown keyword, else its root
    cause and number ("Communication gaps (theme 18)"; "Theme 18" without a group). A name
    a manager gave is theirs and kept. Keywords that are numbers only or URL debris are
    left out.
    """
    state = store.theme_state()
    if state is None:
        return pd.DataFrame(columns=["theme_id", "theme_label", "group", "size", "top_terms"])
    model = _saved_model(state)
    themes = model.themes()
    support = store.theme_term_support()
    by_theme = {
        int(tid): dict(zip(part["term"], part["responses"], strict=True))
        for tid, part in support.groupby("theme_id")
    }
    threshold = store.highest_threshold()
    given = {json.loads(e).get("label", "") for e in store.theme_edits()} - {""}
    labels, keywords = [], []
    rows = zip(themes["theme_id"].astype(int), themes["theme_label"], themes["group"], strict=True)
    for tid, label, group in rows:
        counts = by_theme.get(tid, {})
        terms = [t for t in model.theme_terms(tid, n=CANDIDATE_TERMS) if _keyword_ok(t)]
        shown = supported_terms(terms, counts, threshold)[:KEYWORDS]
        keywords.append(shown)
        if label in given:
            labels.append(label)
            continue
        name = supported_name(theme_names(model, tid, label), counts, threshold)
        labels.append(name or (shown[0] if shown else _unnamed(group, tid)))
    return themes.assign(theme_label=labels, top_terms=keywords)


def _unnamed(group: object, theme_id: int) -> str:
    """The name of a theme none of whose words enough people wrote: its root cause and
    number, or "Theme N" when themes are not grouped."""
    if not group or not isinstance(group, str):
        return f"Theme {theme_id}"
    return f"{category_label(group)} (theme {theme_id})"


def representative_quotes(
    store: Store, theme_id: int, texts: Sequence[str], n: int = 3
) -> list[str]:
    """The `n` distinct texts closest to the theme's centroid (the caller gates them)."""
    state = store.theme_state()
    if state is None or not texts:
        return []
    model = _saved_model(state)
    if theme_id not in set(model.theme_ids_.tolist()):
        return list(dict.fromkeys(texts))[:n]
    similarity = model.similarity_to(theme_id, texts)
    order = np.argsort(-similarity, kind="stable")
    return list(dict.fromkeys(texts[i] for i in order if similarity[i] > 0))[:n]


def rename_theme(store: Store, theme_id: int, label: str) -> None:
    """Give theme `theme_id` the name `label` (trimmed). Raises ValueError with a message for
    the manager when the name is blank or another theme already goes by it (as the
    catalogue names it, `theme_edits.check_new_name`), or there are no themes yet."""
    catalogue = theme_catalogue(store)
    names = dict(zip(catalogue["theme_id"].astype(int), catalogue["theme_label"], strict=True))
    _record_edit(
        store, lambda model, texts: theme_edits.rename(model, theme_id, label, names=names)
    )


def merge_themes(store: Store, theme_id: int, into_id: int) -> None:
    _record_edit(store, lambda model, texts: theme_edits.merge(model, theme_id, into_id))


def split_theme(store: Store, theme_id: int) -> None:
    _record_edit(
        store,
        lambda model, texts: theme_edits.split(
            model, theme_id, texts.loc[texts["theme_id"] == theme_id, "text"].tolist()
        ),
    )


def _record_edit(store: Store, make_edit: Callable) -> None:
    """Make the edit against the saved model, store it, and re-apply all edits at once."""
    state = store.theme_state()
    if state is None:
        raise ValueError("There are no themes yet.")
    rows = store.analysed_texts()
    model = ThemeFinder.from_dict(
        json.loads(state), grouping=_grouping(rows["text"].tolist(), rows["category"].tolist())
    )
    edit = make_edit(model, rows)
    store.add_theme_edit(json.dumps(edit.to_dict()))
    model = theme_edits.apply_edits(model, [json.loads(e) for e in store.theme_edits()])
    theme_ids = _themes_of(model, rows)
    changed = rows[rows["theme_id"].to_numpy() != theme_ids].copy()
    changed["theme_id"] = theme_ids[rows["theme_id"].to_numpy() != theme_ids]
    store.save_text_analysis(changed[COLUMNS])
    store.save_theme_state(json.dumps(model.to_dict()))
    store.save_theme_term_support(
        _support(store, rows.assign(theme_id=theme_ids), model), replace=True
    )


@dataclass
class AnalysisProgress:
    """What the background analysis is doing: `running`, `fraction` (0-1), `message`, and
    `error` (the last failure's message, or "")."""

    running: bool = False
    fraction: float = 0.0
    message: str = ""
    error: str = ""


class BackgroundAnalysis:
    """Keeps the stored analysis current in a thread of its own, so no request waits for it.

    The server starts one per store (`start_background`); it checks every `interval_s`
    seconds (one or two count queries) and at once when `wake()` is called, and runs
    `ensure_current` when answers, reviews or theme edits changed. Pages read `progress`.
    """

    def __init__(self, store: Store, interval_s: float = 30.0) -> None:
        self.store = store
        self.interval_s = interval_s
        self.progress = AnalysisProgress()
        self.giving_way = False  # waiting for respondents to pause (never shown as such)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="afterward-analysis", daemon=True)

    def start(self) -> BackgroundAnalysis:
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout_s)

    def wake(self) -> None:
        """Check for new work now rather than at the next interval."""
        self._wake.set()

    def _report(self, fraction: float, message: str) -> None:
        self.progress.fraction, self.progress.message = fraction, message

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if needs_refresh(self.store):
                    self._give_way_to_respondents()
                    self.progress = AnalysisProgress(running=True, message="Starting")
                    ensure_current(self.store, self._report)
                self.progress = AnalysisProgress()
            except Exception as exc:  # keep serving; the page says what went wrong
                self.progress = AnalysisProgress(error=str(exc) or type(exc).__name__)
            self._wake.wait(self.interval_s)
            self._wake.clear()

    def _give_way_to_respondents(self) -> None:
        """Wait while respondents are submitting (a batch stored within QUIET_SECONDS), at
        most MAX_WAIT_SECONDS: the analysis takes seconds of CPU that would otherwise sit in
        front of their submissions (measured: a refresh during bench_respondent_load.py at
        320 tasks/s stretched batches from ~20 ms to 110-250 ms for four seconds)."""
        waited = 0.0
        while waited < MAX_WAIT_SECONDS and not self._stop.is_set():
            quiet_for = self.store.seconds_since_last_submission()
            if quiet_for >= QUIET_SECONDS:
                break
            # Shown as an ordinary start: a message of its own would tell a manager watching
            # the page that someone submitted within the last seconds.
            self.progress = AnalysisProgress(running=True, message="Starting")
            self.giving_way = True
            pause = QUIET_SECONDS - quiet_for
            self._stop.wait(pause)
            waited += pause
        self.giving_way = False


QUIET_SECONDS = 2.0
MAX_WAIT_SECONDS = 120.0

# Store -> its running worker. Keyed by the store itself (weak keys, as `_CURRENT`), never
# by id(store), a number a later store can get once this one is gone. The worker holds its
# store, so the entry (and the store) live until `stop_background` pops it.
_WORKERS: weakref.WeakKeyDictionary[Store, BackgroundAnalysis] = weakref.WeakKeyDictionary()


def start_background(store: Store, interval_s: float = 30.0) -> BackgroundAnalysis:
    """Start (once per store) the background analysis; returns it."""
    with _LOCK:
        worker = _WORKERS.get(store)
        if worker is None:
            worker = _WORKERS[store] = BackgroundAnalysis(store, interval_s).start()
        return worker


def background_of(store: Store) -> BackgroundAnalysis | None:
    """The store's background analysis, or None where none runs (tests, the CLI): callers
    then run `ensure_current` themselves."""
    return _WORKERS.get(store)


def stop_background(store: Store) -> None:
    """Stop the store's background analysis (at shut-down)."""
    worker = _WORKERS.pop(store, None)
    if worker is not None:
        worker.stop()

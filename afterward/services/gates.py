"""The wiring layer's rules of when a survey's results may be shown, beyond the counts that
`analysis.anonymity` gates, each kept here once for every view that applies it: the exports
(`exports`), the results page and its free-text browser (`survey_results`), the post-mortem
(`postmortem`) and the manager views (`manager_views`).

- `still_collecting`: whether a survey may still take answers. While it does, two moments'
  views could differ by a few people, so row-level exports and every view by role wait.
- `BY_ROLE_WAITS`: what a view by role says while it waits.
- `by_role_shown` / `by_role_note`: whether views by role may show a survey (closed, and
  never reopened after closing with released responses: `BY_ROLE_REOPENED`), and why not.
- `question_quoted`: whether one free-text question's answers may be shown (listed,
  quoted, exported): its own answers that say something must reach the quote threshold,
  not only the survey's responses.
- `shown_survey_ids`, `counted_questions`, `quoted_questions`: which surveys, and which of
  their free-text questions, views over several surveys may count or quote;
  `category_counts` / `theme_counts`: the counts every root-cause and theme view starts
  from; `hidden_categories` / `hidden_themes`: per survey, the cells its own breakdown
  hides, which no view may name beside its answers or count towards quotes and theme
  words. Kept here (not in `manager_views`) so that the analysis (`analysis_upkeep`, which
  `manager_views` imports) applies the same rules without an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

import pandas as pd

from analysis.anonymity import quotes_visibility, shown_surveys, suppress_groups, visibility
from analysis.no_root_cause import non_answer_mask
from clock import today
from surveys.store import Scope, Store, Survey


def still_collecting(survey: Survey) -> bool:
    """Whether the survey may take more answers: open by hand and its closing day (if any)
    not yet past. A survey whose first day is still ahead counts as collecting."""
    return survey.is_open(max(today(), survey.opens_on))


# Results by stakeholder role cross a role with every rating. While a survey collects, each
# release adds a group of at least the threshold, but the group splits over roles: two
# moments' role cells could differ by one person, whose role and rating then show. So every
# view by role (summary export, dashboard, post-mortem) waits until the survey takes no more
# answers (`still_collecting`), like row-level exports.
BY_ROLE_WAITS = (
    "Results by role are shown once the survey has closed: while it collects, two moments' "
    "role groups could differ by one person."
)
# A survey reopened after it closed would close a second time, and its role groups then
# could differ from the first closing's by one person (a role merged with another group the
# first time, with a third the second time: subtracting gives that person's rating).
BY_ROLE_REOPENED = (
    "Results by role are not shown for a survey reopened after it had closed: its role "
    "groups at the two closings could differ by one person."
)


def by_role_shown(survey: Survey, reopened: Collection[str]) -> bool:
    """Whether views by role (role counts, ratings by role) may show this survey: it takes
    no more answers (`still_collecting`) and was never reopened after closing with released
    responses (its id is not in `reopened`, `Store.reopened_surveys()`). Every view by role
    (summary export, dashboard, results page and `results --json`, post-mortem) asks this."""
    return not still_collecting(survey) and str(survey.survey_id) not in reopened


def by_role_note(survey: Survey, reopened: Collection[str]) -> str:
    """Why views by role do not show this survey ("" when they do): BY_ROLE_WAITS or
    BY_ROLE_REOPENED."""
    if still_collecting(survey):
        return BY_ROLE_WAITS
    return BY_ROLE_REOPENED if str(survey.survey_id) in reopened else ""


def question_quoted(
    texts: Sequence[str], threshold: int, answers: Sequence[int] | None = None
) -> bool:
    """Whether one free-text question's answers may be shown: its answers that say something
    (non-answers such as "N/A" or "-" left out, by `analysis.no_root_cause.non_answer_mask`)
    reach the quote threshold of the survey's anonymity `threshold`
    (`analysis.anonymity.quotes_visibility`, max(5, 2 × threshold) answers).

    `texts`: the question's non-blank answers, or its distinct wordings; `answers`: how many
    answers each text stands for (default 1 each). Whether the survey itself may quote (its
    responses against the quote threshold) is decided before, by the caller. Raises
    ValueError when `answers` is not as long as `texts`.
    """
    texts = list(texts)
    counts = [1] * len(texts) if answers is None else [int(n) for n in answers]
    if len(counts) != len(texts):
        raise ValueError(f"{len(counts)} counts for {len(texts)} texts.")
    silent = non_answer_mask(texts)
    said = sum(n for n, quiet in zip(counts, silent, strict=True) if not quiet)
    return quotes_visibility(said, threshold).visible


def shown_survey_ids(store: Store, scope: Scope, *, quotes: bool = False) -> list[str]:
    """Ids of the surveys in `scope` whose results the gate lets through
    (`analysis.anonymity.shown_surveys`; with `quotes`, those that may also show free-text
    quotes)."""
    gated = shown_surveys(store.participation(scope), quotes=quotes)
    return gated.loc[gated["shown"], "survey_id"].tolist()


def counted_questions(store: Store, survey_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(survey_id, question_id) of the free-text questions of `survey_ids` whose answers
    root-cause and theme counts may include: at least the survey's threshold of the
    question's analysed answers say something (`analysis.anonymity.visibility`), as a rating
    question fewer answered is in no sum. Else a question one person answered would be the
    difference between the survey's category (or theme) cells and its free-text list, which
    leaves that question out: that one answer's category and theme would show.

    In a survey whose results page lists free text (a question of it is in
    `quoted_questions`), only the listed questions count: a question enough people answered
    to count but too few to list would otherwise be that same difference (the monitoring
    cell 7, the listed monitoring answers 6: one of the question's few answers was about
    monitoring)."""
    counts = store.quotable_answers(survey_ids)
    counted = _questions(counts, visibility)
    quoting = set(shown_survey_ids(store, Scope(), quotes=True))
    listed = {(s, q) for s, q in _questions(counts, quotes_visibility) if s in quoting}
    lists = {s for s, _ in listed}
    return [(s, q) for s, q in counted if s not in lists or (s, q) in listed]


def quoted_questions(store: Store, scope: Scope) -> list[tuple[str, str]]:
    """(survey_id, question_id) of the free-text questions in `scope` whose wording a view
    may quote: the survey may show quotes (`shown_survey_ids(..., quotes=True)`) and the
    question's own analysed answers that say something reach the quote threshold
    (`analysis.anonymity.quotes_visibility`), as its results page and export require. An
    optional question one person answered is a quote of that person: no view over several
    surveys (review queue, theme quotes, theme names) may show what the survey's own page
    withholds."""
    counts = store.quotable_answers(shown_survey_ids(store, scope, quotes=True))
    return _questions(counts, quotes_visibility)


def _questions(counts: pd.DataFrame, rule: Callable[[int, int], Any]) -> list[tuple[str, str]]:
    """The (survey_id, question_id) pairs of `Store.quotable_answers` rows that `rule`
    (a gate function of responses and threshold) lets through."""
    rows = zip(
        counts["survey_id"],
        counts["question_id"],
        counts["responses"],
        counts["threshold"],
        strict=True,
    )
    return [(str(s), str(q)) for s, q, n, t in rows if rule(int(n), int(t)).visible]


def category_counts(store: Store, survey_ids: Sequence[str]) -> pd.DataFrame:
    """`Store.category_counts` of `survey_ids` (the gate chose them) over their
    `counted_questions` only: what every root-cause view is computed from."""
    ids = list(survey_ids)
    return store.category_counts(ids, questions=counted_questions(store, ids))


def theme_counts(store: Store, survey_ids: Sequence[str]) -> pd.DataFrame:
    """`Store.theme_counts` of `survey_ids` over their `counted_questions` only: what every
    theme view is computed from."""
    ids = list(survey_ids)
    return store.theme_counts(ids, questions=counted_questions(store, ids))


def hidden_categories(store: Store, survey_ids: Sequence[str]) -> dict[str, frozenset[str]]:
    """Per survey of `survey_ids` (str id -> categories): the root-cause categories ("none"
    included, one breakdown as in `analysis.insights.root_cause_cells`) its own breakdown
    of `category_counts` hides, as its results page gates them. No view may name one of
    them beside an answer of that survey. A category the survey has no answer in is not
    listed (there is no count to hide)."""
    return _hidden(survey_ids, category_counts(store, [str(s) for s in survey_ids]), "category")


def hidden_themes(store: Store, survey_ids: Sequence[str]) -> dict[str, frozenset[int]]:
    """Per survey of `survey_ids` (str id -> theme ids): the themes its own breakdown of
    `theme_counts` hides, as its results page gates them. No view may name one of them
    beside an answer of that survey, nor count its answers towards a theme's quotes or
    words."""
    hidden = _hidden(survey_ids, theme_counts(store, [str(s) for s in survey_ids]), "theme_id")
    return {s: frozenset(int(t) for t in themes) for s, themes in hidden.items()}


def _hidden(survey_ids: Sequence[str], counts: pd.DataFrame, key: str) -> dict[str, frozenset]:
    """Per survey: the `key` values of `counts` (per survey and key: responses, threshold)
    that its breakdown hides. The per-survey step of `analysis.insights.gated_cells`
    (each survey's cells one breakdown, `anonymity.suppress_groups` by survey), without
    its sums over projects, which cost a Python call per cell (0.6 s for 2,400 surveys)."""
    hidden: dict[str, frozenset] = dict.fromkeys((str(s) for s in survey_ids), frozenset())
    if counts.empty:
        return hidden
    gated = suppress_groups(counts, ["survey_id"], "threshold", value_columns=["answers"])
    suppressed = gated[gated["suppressed"].astype(bool)]
    for survey_id, part in suppressed.groupby("survey_id"):
        hidden[str(survey_id)] = frozenset(part[key])
    return hidden

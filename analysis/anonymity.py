"""The anonymity gate: the one place that decides whether a slice of responses may be shown.

Every number, chart, table, quote, theme and export computed from responses goes through
these functions. Three rules:

1. A slice with fewer responses than the survey's threshold is hidden.
2. Complementary suppression: when hiding groups of a breakdown whose total is shown, hide
   more groups (smallest first) until the hidden groups together reach the threshold, so no
   hidden group can be recovered by subtracting the visible ones from the total.
3. Free-text quotes need a higher threshold of their own.

Rules 1 and 2 are the threshold rule and secondary (complementary) cell suppression of
statistical disclosure control for tables (Hundepool et al., "Statistical Disclosure
Control", Wiley 2012).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

MERGED_GROUP = "Other roles"
NOT_GIVEN = "Not given"


QUOTE_FLOOR, QUOTE_FACTOR = 5, 2


def quote_threshold(threshold: int) -> int:
    """Quotes carry wording, which identifies more than a number: they need
    max(5, 2 × threshold) responses."""
    return int(_quote_limits(np.array([int(threshold)]))[0])


def _quote_limits(threshold: np.ndarray) -> np.ndarray:
    return np.maximum(QUOTE_FLOOR, QUOTE_FACTOR * threshold)


@dataclass(frozen=True)
class Visibility:
    """Whether a slice may be shown: `visible`, its `responses` (count) and `needed`, the
    further responses before it may be (0 when visible)."""

    visible: bool
    responses: int
    needed: int  # further responses needed before it can be shown (0 when visible)

    @property
    def message(self) -> str:
        """What a hidden slice shows instead of results ("" when visible)."""
        if self.visible:
            return ""
        return (
            f"Hidden to protect anonymity: {self.responses} response(s) so far, "
            f"{self.needed} more needed before results can be shown."
        )


def _needed(responses: np.ndarray, threshold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rule itself, vectorised: (visible, further responses needed) per slice."""
    needed = np.maximum(0, threshold - responses)
    return (needed == 0) & (responses > 0), needed


def visibility(responses: int, threshold: int) -> Visibility:
    """Whether a slice of `responses` responses may be shown under `threshold` (both
    counts): at least `threshold` responses, and at least one."""
    visible, needed = _needed(np.array([int(responses)]), np.array([int(threshold)]))
    return Visibility(bool(visible[0]), int(responses), int(needed[0]))


def quotes_visibility(responses: int, threshold: int) -> Visibility:
    """`visibility` under the quote threshold (see `quote_threshold`)."""
    return visibility(responses, quote_threshold(threshold))


def due_releases(pending: pd.DataFrame) -> list[str]:
    """Surveys whose waiting responses may be released now, as one group each.

    `pending` has survey_id, threshold, released and pending (counts of responses). A release
    is due when at least `threshold` responses wait, or when nothing is shown yet (released
    below the threshold) and released plus waiting reach it: then the first view shows the
    whole group at once. Either way two views at different moments differ by at least
    `threshold` people. A smaller remainder waits, also after the survey closes. Returns
    the due `survey_id` values as str.
    """
    if pending.empty:
        return []
    waiting = pending["pending"].to_numpy(dtype=np.int64)
    released = pending["released"].to_numpy(dtype=np.int64)
    threshold = pending["threshold"].to_numpy(dtype=np.int64)
    group_large_enough, _ = _needed(waiting, threshold)
    nothing_shown_yet = ~_needed(released, threshold)[0]
    first_release, _ = _needed(released + waiting, threshold)
    due = group_large_enough | (nothing_shown_yet & first_release)
    return pending.loc[due, "survey_id"].astype(str).tolist()


def shown_surveys(participation: pd.DataFrame, *, quotes: bool = False) -> pd.DataFrame:
    """`participation` (one row per survey with `responses` and `threshold`, both counts)
    with two columns added: `shown` (bool: its results may be shown) and `needed` (int:
    further responses before they may). With `quotes`, the quote threshold applies.

    Every view decides which surveys it may draw on through this function.
    """
    responses = participation["responses"].fillna(0).to_numpy(dtype=np.int64)
    threshold = participation["threshold"].to_numpy(dtype=np.int64)
    if quotes:
        threshold = _quote_limits(threshold)
    visible, needed = _needed(responses, threshold)
    return participation.assign(shown=visible, needed=needed)


def merge_small_groups(
    counts: Mapping[str, int], threshold: int, merged_label: str = MERGED_GROUP
) -> dict[str, str]:
    """Map each group to the label it is shown under: groups below the threshold are merged.

    `counts` maps a group to its responses (count); merged groups map to `merged_label`,
    the others to themselves. A lone small group is merged with the next smallest, so a
    merged group never stands for exactly one original group.
    """
    groups = list(counts)
    merge = _merge_mask(
        np.array([int(counts[g]) for g in groups], dtype=np.int64),
        np.full(len(groups), int(threshold), dtype=np.int64),
        np.zeros(len(groups), dtype=np.int64),
        np.array([str(g) for g in groups], dtype=object),
    )
    return {g: merged_label if m else g for g, m in zip(groups, merge, strict=True)}


def _merge_mask(
    counts: np.ndarray, limits: np.ndarray, keys: np.ndarray, labels: np.ndarray
) -> np.ndarray:
    """The merge rule, for every breakdown (`keys`) at once: groups below their limit are
    merged, and a lone small group takes the smallest other group (ties: label order)."""
    small = counts < limits
    n_small = pd.Series(small).groupby(keys).transform("sum").to_numpy()
    n_groups = pd.Series(keys).groupby(keys).transform("size").to_numpy()
    order = np.lexsort((labels.astype(str), counts, keys))
    candidates = order[~small[order]]
    first = np.zeros(len(counts), dtype=bool)
    if len(candidates):
        ordered_keys = keys[candidates]
        starts = np.r_[True, ordered_keys[1:] != ordered_keys[:-1]]
        first[candidates[starts]] = True
    return small | ((n_small == 1) & (n_groups > 1) & first)


def suppress(
    frame: pd.DataFrame,
    threshold: int,
    *,
    count_column: str = "responses",
    value_columns: Sequence[str] = (),
    total_shown: bool = True,
) -> pd.DataFrame:
    """Copy of `frame` with a `suppressed` column (bool); hidden rows lose their count and
    values (`count_column` and `value_columns` become float, NaN where hidden).

    Rows below `threshold` (a count) are hidden. With `total_shown`, complementary
    suppression (statistical disclosure control) continues hiding, smallest groups
    first, until the hidden groups together have at least `threshold` responses, with at
    least two of them hidden, or everything is hidden.
    """
    return suppress_groups(
        frame,
        (),
        threshold,
        count_column=count_column,
        value_columns=value_columns,
        total_shown=total_shown,
    )


def suppress_groups(
    frame: pd.DataFrame,
    by: Sequence[str],
    threshold: int | str,
    *,
    count_column: str = "responses",
    value_columns: Sequence[str] = (),
    total_shown: bool = True,
) -> pd.DataFrame:
    """`suppress` applied to every breakdown `by` names, all at once.

    Returns `frame`'s columns plus `suppressed`, as `suppress` does. `threshold` is a
    number or the name of a column (each breakdown uses its largest value). Within a
    group, rows sorted by count are hidden as a prefix: every row below the threshold,
    then further smallest rows until the hidden ones reach the threshold with at least two
    hidden (or all are). One sort and grouped cumulative sums: no loop over groups.
    """
    result = frame.copy()
    n = len(result)
    counts = result[count_column].fillna(0).to_numpy(dtype=np.int64)
    if by:
        group = result.groupby(list(by), sort=False, dropna=False).ngroup().to_numpy()
    else:
        group = np.zeros(n, dtype=np.int64)
    if isinstance(threshold, str):
        limit = result.groupby(group)[threshold].transform("max").to_numpy(dtype=np.int64)
    else:
        limit = np.full(n, int(threshold), dtype=np.int64)
    hidden = counts < limit
    if total_shown and n:
        order = np.lexsort((np.arange(n), counts, group))
        g, c, t = group[order], counts[order], limit[order]
        starts = np.r_[0, np.flatnonzero(np.diff(g)) + 1]
        sizes = np.diff(np.r_[starts, n])
        length = np.arange(n) - np.repeat(starts, sizes) + 1
        running = np.cumsum(c)
        cumulative = running - np.repeat(running[starts] - c[starts], sizes)
        below = np.add.reduceat((c < t).astype(np.int64), starts)
        enough = (cumulative >= t) & (length >= 2) & (length >= np.repeat(below, sizes))
        stop = np.minimum.reduceat(np.where(enough, length, np.repeat(sizes, sizes)), starts)
        stop = np.where(below == 0, 0, stop)
        hidden_sorted = length <= np.repeat(stop, sizes)
        hidden = np.empty(n, dtype=bool)
        hidden[order] = hidden_sorted
    result["suppressed"] = hidden
    columns = [count_column, *value_columns]
    result[columns] = result[columns].astype("float64")
    result.loc[hidden, columns] = float("nan")
    return result


def breakdown(
    frame: pd.DataFrame,
    group_column: str,
    threshold: int,
    *,
    sum_columns: Sequence[str] = (),
    count_column: str = "responses",
) -> pd.DataFrame:
    """Merge small groups, re-aggregate, then suppress what is still too small.

    `frame` has one row per group with `count_column` and additive `sum_columns`
    (sums, not means, so merging stays exact). Returns `group_column`, `count_column`,
    `sum_columns` and `suppressed` (hidden rows have NaN counts and sums).
    """
    result = breakdown_groups(
        frame.assign(_threshold=int(threshold)),
        (),
        group_column,
        "_threshold",
        sum_columns=sum_columns,
        count_column=count_column,
    )
    return result.drop(columns="_threshold").sort_values(group_column).reset_index(drop=True)


def breakdown_groups(
    frame: pd.DataFrame,
    by: Sequence[str],
    group_column: str,
    threshold_column: str,
    *,
    sum_columns: Sequence[str] = (),
    count_column: str = "responses",
) -> pd.DataFrame:
    """`breakdown` for every breakdown `by` names at once (e.g. per survey and question).

    Within each breakdown, groups below its threshold (the largest `threshold_column` value
    of the breakdown) are merged under MERGED_GROUP; a lone small group takes the next
    smallest with it (`merge_small_groups`); then complementary suppression (`suppress`)
    hides what is still too small. Deciding the merge per survey, never per view, keeps two
    views under different filters from differing by a re-merged group. Returns `by`,
    `group_column`, `count_column`, `sum_columns`, `threshold_column` and `suppressed`.
    """
    by = list(by)
    columns = [*by, group_column, count_column, *sum_columns, threshold_column]
    if frame.empty:
        return frame.reindex(columns=columns).assign(suppressed=pd.Series(dtype=bool))
    work = frame.assign(**{group_column: frame[group_column].fillna(NOT_GIVEN)})
    if not by:
        work = work.assign(_all=0)
    keys = by or ["_all"]
    work = work.groupby([*keys, group_column], as_index=False, sort=False).agg(
        {count_column: "sum", **dict.fromkeys(sum_columns, "sum"), threshold_column: "max"}
    )
    key = work.groupby(keys, sort=False).ngroup().to_numpy()
    merge = _merge_mask(
        work[count_column].to_numpy(dtype=np.int64),
        work.groupby(key)[threshold_column].transform("max").to_numpy(dtype=np.int64),
        key,
        work[group_column].astype(str).to_numpy(dtype=object),
    )
    work[group_column] = np.where(merge, MERGED_GROUP, work[group_column].astype(object))
    merged = work.groupby([*keys, group_column], as_index=False, sort=True).agg(
        {count_column: "sum", **dict.fromkeys(sum_columns, "sum"), threshold_column: "max"}
    )
    gated = suppress_groups(
        merged, keys, threshold_column, count_column=count_column, value_columns=sum_columns
    )
    return gated.drop(columns=[c for c in ("_all",) if c in gated.columns])


def supported_terms(terms: Sequence[str], support: Mapping[str, int], threshold: int) -> list[str]:
    """The `terms` (in order) that at least the quote threshold of distinct responses wrote:
    words fewer people used could point at them, so they never name or describe a theme.

    `support` maps a term to its count of distinct responses (`label_terms.term_support`);
    a term missing from it has none.
    """
    counts = np.array([int(support.get(t, 0)) for t in terms], dtype=np.int64)
    limit = np.full(len(terms), quote_threshold(threshold), dtype=np.int64)
    visible, _ = _needed(counts, limit)
    return [t for t, keep in zip(terms, visible, strict=True) if keep]


def visible_quotes(texts: Sequence[str], responses: int, threshold: int) -> list[str]:
    """The non-empty quotes of a slice, or none when its `responses` (count) are below the
    quote threshold for `threshold` (see `quote_threshold`)."""
    if not quotes_visibility(responses, threshold).visible:
        return []
    return [t for t in texts if t]

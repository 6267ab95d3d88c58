"""Recurrence and trends of themes or root-cause categories across projects and quarters.

Input is a long frame with one row per (key, project, quarter) and a ``count`` of answers
(rows without ``count`` count as one answer each), where the key column is ``theme_id``
or ``category``.  Two questions are answered per key:

* does it recur?  In how many projects and quarters it appears, and whether it appeared
  in enough of the most recent projects to call it recurring ("appeared in 4 of the last
  6 projects").
* is it rising or falling?  The least-squares slope, per quarter, of its share of all
  answers in that quarter; only reported with enough support, otherwise "too little data".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

RECURRENCE_COLUMNS = [
    "n_projects",
    "n_quarters",
    "answers",
    "recent_projects",
    "of_recent",
    "recurring",
    "sentence",
]
TREND_COLUMNS = ["quarters", "answers", "first_share", "last_share", "slope", "trend"]


def _counted(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    missing = {by, "project", "quarter"} - set(frame.columns)
    if missing:
        raise ValueError(f"frame lacks columns: {sorted(missing)}")
    out = frame[[by, "project", "quarter"]].copy()
    out["count"] = frame["count"] if "count" in frame.columns else 1
    out["count"] = pd.to_numeric(out["count"]).fillna(0)
    out["quarter"] = pd.PeriodIndex(out["quarter"].astype(str), freq="Q")
    return out[out["count"] > 0]


def _project_order(data: pd.DataFrame) -> list[str]:
    # A project's place in time is its latest quarter (ties: earliest start, then name).
    span = data.groupby("project")["quarter"].agg(["min", "max"]).reset_index()
    span = span.sort_values(["max", "min", "project"], kind="stable")
    return span["project"].tolist()


def recurrence(
    frame: pd.DataFrame,
    by: str = "theme_id",
    last_n_projects: int = 6,
    min_projects: int = 3,
    min_share: float = 0.5,
) -> pd.DataFrame:
    """Per key: projects and quarters it appears in, and whether it recurs.

    ``frame`` has ``by`` (the key), ``project``, ``quarter`` (anything ``pd.Period``
    parses as a quarter, e.g. "2025Q1") and optionally ``count`` (answers). A key is
    *recurring* when it appears in at least ``min_projects`` of the last
    ``last_n_projects`` projects (ordered by their latest quarter) and in at least
    ``min_share`` (0-1) of them. Index: the key; columns ``n_projects``, ``n_quarters``,
    ``answers``, ``recent_projects`` (counts), ``of_recent`` (how many recent projects),
    ``recurring`` (bool), ``sentence`` ("appeared in 4 of the last 6 projects"); sorted
    by recent projects, then answers. Raises ValueError when ``frame`` lacks ``by``,
    ``project`` or ``quarter``, or a quarter does not parse.
    """
    data = _counted(frame, by)
    if data.empty:
        return pd.DataFrame(columns=RECURRENCE_COLUMNS).rename_axis(by)
    projects = _project_order(data)
    recent = projects[-last_n_projects:]
    n_recent = len(recent)
    # "of the last 6 projects" only when there were at least that many to pick from.
    scope = f"the last {n_recent}" if len(projects) >= last_n_projects else f"{n_recent}"
    grouped = data.groupby(by)
    out = pd.DataFrame(
        {
            "n_projects": grouped["project"].nunique(),
            "n_quarters": grouped["quarter"].nunique(),
            "answers": grouped["count"].sum(),
            "recent_projects": data[data["project"].isin(recent)].groupby(by)["project"].nunique(),
        }
    )
    out["recent_projects"] = out["recent_projects"].fillna(0).astype(int)
    out["of_recent"] = n_recent
    out["recurring"] = (out["recent_projects"] >= min_projects) & (
        out["recent_projects"] >= min_share * n_recent
    )
    noun = "project" if n_recent == 1 else "projects"
    out["sentence"] = [f"appeared in {k} of {scope} {noun}" for k in out["recent_projects"]]
    out = out.sort_values(["recent_projects", "answers"], ascending=False, kind="stable")
    return out[RECURRENCE_COLUMNS]


def trends(
    frame: pd.DataFrame,
    by: str = "theme_id",
    min_answers: int = 5,
    min_quarters: int = 3,
    min_slope: float | pd.Series = 0.02,
    unknown: pd.DataFrame | None = None,
    min_t: float = 0.0,
) -> pd.DataFrame:
    """Per key: slope of its share of answers per quarter, and rising/falling/flat.

    ``frame`` as in ``recurrence``. Shares (0-1) are taken over every quarter in the data
    between the first and the last that has answers (a quarter without the key counts as
    share 0); the slope is the ordinary least-squares slope of share on quarter number.
    Keys with fewer than ``min_answers`` answers, or with a known share (see ``unknown``) in
    fewer than ``min_quarters`` quarters with answers, are "too little data"; otherwise a slope of at
    least ``min_slope`` (share per quarter, e.g. 0.02 = 2 points; a number, or a Series of
    numbers by key for thresholds of their own) is rising, at most ``-min_slope`` falling,
    else flat; with ``min_t`` > 0 the slope must also be at least ``min_t`` standard errors
    of itself (a line through noise is flat, however steep). ``unknown`` (columns ``by``,
    ``quarter`` and optionally ``project``) lists cells whose count is not known, e.g. hidden by the anonymity gate. With ``project``,
    that project's answers in that quarter are left out of the key's share (its count and
    its total alike), so the other projects of the quarter still give the key a share; a
    key-quarter with no project left (or ``unknown`` without ``project``) is a gap in the
    key's line (NaN share), never a share of 0. Index: the key; columns ``quarters``
    (count with the key), ``answers`` (count), ``first_share``, ``last_share`` (0-1, NaN
    when unknown), ``slope``, ``trend``. Raises ValueError when ``frame`` lacks ``by``,
    ``project`` or ``quarter``, or a quarter does not parse.
    """
    data = _counted(frame, by)
    if data.empty:
        return pd.DataFrame(columns=TREND_COLUMNS).rename_axis(by)
    quarters = pd.period_range(data["quarter"].min(), data["quarter"].max(), freq="Q")
    totals = data.groupby("quarter")["count"].sum().reindex(quarters, fill_value=0)
    table = data.pivot_table(index=by, columns="quarter", values="count", aggfunc="sum")
    table = table.reindex(columns=quarters, fill_value=0).fillna(0)
    # Quarters with no answers at all say nothing about shares: leave them out.
    observed = totals.to_numpy() > 0
    # Each key's share is over the answers whose project-quarter says what the key's count
    # is: a project hiding the key's cell leaves that quarter's total too.
    denominators = np.tile(totals.to_numpy()[observed].astype(float), (len(table), 1))
    if unknown is not None and len(unknown):
        denominators -= _unknown_totals(data, unknown, by, table.index, quarters[observed])
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(denominators > 0, table.to_numpy()[:, observed] / denominators, np.nan)
    x = np.arange(len(quarters))[observed].astype(float)
    fits = np.array([_fit(x, row) for row in shares]).reshape(-1, 2)
    slopes, errors = fits[:, 0], fits[:, 1]
    answers = table.sum(axis=1).to_numpy()
    if isinstance(min_slope, pd.Series):
        min_slope = min_slope.reindex(table.index).to_numpy(dtype=float)
    known = (~np.isnan(shares)).sum(axis=1) if len(table) else np.zeros(0, dtype=int)
    # Enough answers, and enough quarters whose share is known (hidden ones are not).
    enough = (answers >= min_answers) & (known >= min_quarters)
    trend = np.where(
        ~enough,
        "too little data",
        np.where(
            np.abs(slopes) < min_t * errors if min_t > 0 else False,
            "flat",
            np.where(
                slopes >= min_slope, "rising", np.where(slopes <= -min_slope, "falling", "flat")
            ),
        ),
    )
    out = pd.DataFrame(
        {
            "quarters": (table.to_numpy() > 0).sum(axis=1),
            "answers": answers,
            "first_share": shares[:, 0],
            "last_share": shares[:, -1],
            "slope": slopes,
            "trend": trend,
        },
        index=table.index,
    )
    return out[TREND_COLUMNS]


def _unknown_totals(
    data: pd.DataFrame,
    unknown: pd.DataFrame,
    by: str,
    keys: pd.Index,
    quarters: pd.PeriodIndex,
) -> np.ndarray:
    """Per key (rows, as `keys`) and quarter (columns, as `quarters`): the answers of the
    project-quarters where the key's count is unknown, i.e. what leaves its share's total.
    Without a ``project`` column in `unknown`, the quarter's whole total."""
    gaps = pd.DataFrame(
        {by: unknown[by], "quarter": pd.PeriodIndex(unknown["quarter"].astype(str), freq="Q")}
    )
    if "project" in unknown.columns:
        gaps["project"] = unknown["project"].to_numpy()
        per_project = data.groupby(["project", "quarter"])["count"].sum()
        gaps = gaps.drop_duplicates([by, "project", "quarter"])
        index = pd.MultiIndex.from_frame(gaps[["project", "quarter"]])
        gaps["total"] = per_project.reindex(index).fillna(0).to_numpy()
    else:
        gaps = gaps.drop_duplicates([by, "quarter"])
        gaps["total"] = np.inf  # the whole quarter is unknown for the key
    out = np.zeros((len(keys), len(quarters)))
    rows = keys.get_indexer(gaps[by])
    cols = pd.Index(quarters).get_indexer(gaps["quarter"])
    keep = (rows >= 0) & (cols >= 0)
    np.add.at(out, (rows[keep], cols[keep]), gaps["total"].to_numpy()[keep])
    return out


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Ordinary least-squares slope of `y` on `x` over the points where `y` is known, and
    its standard error (inf with fewer than three points: no error can be estimated)."""
    known = ~np.isnan(y)
    n = int(known.sum())
    if n < 2:
        return 0.0, np.inf
    xc = x[known] - x[known].mean()
    yc = y[known] - y[known].mean()
    slope = float(yc @ xc / (xc @ xc))
    if n < 3:
        return slope, np.inf
    residuals = yc - slope * xc
    return slope, float(np.sqrt(residuals @ residuals / (n - 2) / (xc @ xc)))


def recurrence_report(frame: pd.DataFrame, by: str = "theme_id", **kwargs: float) -> pd.DataFrame:
    """``recurrence`` and ``trends`` side by side (keyword arguments go to either).

    Index: the key; the ``recurrence`` columns, then the ``trends`` columns but
    ``answers``. Raises ValueError when ``frame`` lacks ``by``, ``project`` or
    ``quarter``, or a quarter does not parse.
    """
    rec_keys = {"last_n_projects", "min_projects", "min_share"}
    rec = recurrence(frame, by, **{k: v for k, v in kwargs.items() if k in rec_keys})
    trd = trends(frame, by, **{k: v for k, v in kwargs.items() if k not in rec_keys})
    return rec.join(trd.drop(columns="answers"), how="left")

"""Action items as data: completion rates. Statuses are defined by the store, which hands
out the flags `is_open`, `is_done` and `committed` computed from that one definition."""

from __future__ import annotations

import pandas as pd


def completion_rates(actions: pd.DataFrame) -> pd.DataFrame:
    """Per project and quarter decided: actions, done, and the share done (0-1).

    `actions` has project, quarter, is_done and committed (bool). Actions not committed to
    ("not doing": a decision, with a reason) are left out rather than counted as unfinished.
    Returns project, quarter, actions and done (counts), completion_rate (share 0-1).
    """
    columns = ["project", "quarter", "actions", "done", "completion_rate"]
    counted = actions[actions["committed"].astype(bool)] if len(actions) else actions
    if counted.empty:
        return pd.DataFrame(columns=columns)
    grouped = counted.assign(is_done=counted["is_done"].astype(bool)).groupby(
        ["project", "quarter"]
    )
    result = grouped.agg(actions=("is_done", "size"), done=("is_done", "sum")).reset_index()
    result["completion_rate"] = result["done"] / result["actions"]
    return result[columns]

"""Action items as data: status names and completion rates."""

from __future__ import annotations

import pandas as pd

STATUS_LABELS = {
    "open": "Open",
    "in_progress": "In progress",
    "done": "Done",
    "not_doing": "Not doing",
}


def completion_rates(actions: pd.DataFrame) -> pd.DataFrame:
    """Per project and quarter decided: actions, done, and the share done.

    "Not doing" (a decision, with a reason) is left out rather than counted as unfinished.
    """
    columns = ["project", "quarter", "actions", "done", "completion_rate"]
    counted = actions[actions["status"] != "not_doing"] if len(actions) else actions
    if counted.empty:
        return pd.DataFrame(columns=columns)
    grouped = counted.assign(is_done=counted["status"] == "done").groupby(["project", "quarter"])
    result = grouped.agg(actions=("is_done", "size"), done=("is_done", "sum")).reset_index()
    result["completion_rate"] = result["done"] / result["actions"]
    return result[columns]

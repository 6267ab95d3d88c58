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
    """Share of each project's actions of a quarter that are done ("not doing" excluded)."""
    if actions.empty:
        return pd.DataFrame(columns=["project", "quarter", "completion_rate", "actions"])
    counted = actions[actions["status"] != "not_doing"]
    grouped = counted.groupby(["project", "quarter"])["status"]
    return pd.DataFrame({
        "completion_rate": grouped.apply(lambda s: (s == "done").mean()),
        "actions": grouped.size(),
    }).reset_index()

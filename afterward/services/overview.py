"""The Overview page's data beyond the gated views: which surveys still take answers.

A survey's stored status is what a manager set ("open"/"closed"); a survey with a closing
day stops taking answers after that day while its status still says "open" (the recurring
scheduler closes its own surveys at its next run, an hourly one; a survey created with a
closing day is never closed by hand). The overview's chart says "No responses" or "hidden:
too few" for a survey that takes no more answers and "N more needed" for one that does, so
it asks the one rule (`gates.still_collecting`, on the one clock) rather than the status.
"""

from __future__ import annotations

import pandas as pd

from afterward.services.gates import still_collecting
from surveys.store import Store

OPEN, CLOSED = "open", "closed"


def with_collecting_status(store: Store, participation: pd.DataFrame) -> pd.DataFrame:
    """`participation` (rows with survey_id and status, as `manager_views.gated_participation`
    gives them) with `status` "closed" for every survey that takes no more answers today
    (closed by hand, or its closing day past: `gates.still_collecting` on `clock.today()`)
    and "open" for the others. A copy; other columns unchanged. Only surveys whose stored
    status is "open" are read (one lookup each). Raises the store's StoreError or
    StorageUnavailable when the database cannot be read.
    """
    if participation.empty:
        return participation.copy()
    status = []
    for survey_id, stored in zip(participation["survey_id"], participation["status"], strict=True):
        if stored != OPEN:
            status.append(CLOSED)
            continue
        survey = store.survey(str(survey_id))
        status.append(OPEN if survey is not None and still_collecting(survey) else CLOSED)
    return participation.assign(status=status)

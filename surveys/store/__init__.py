"""The one package that talks to DuckDB: schema, migrations, connections and every SQL statement.

One `Store` per process holds one DuckDB connection; every operation runs on its own
cursor (DuckDB loses writes when threads share one connection object). Every value is
bound as a parameter. Callers get domain objects and small DataFrames, never cursors.
The store is split by subject into mixins; `Store` puts them together.
"""

from surveys.store.aggregates import AggregatesMixin
from surveys.store.answers import AnswersMixin
from surveys.store.base import StoreBase
from surveys.store.bulk import BulkMixin
from surveys.store.collect import CollectMixin
from surveys.store.followup import ActionsMixin
from surveys.store.invitations import InvitationsMixin
from surveys.store.postmortems import Postmortem, PostmortemsMixin
from surveys.store.records import (
    ACTION_STATUSES,
    DONE_STATUS,
    NOT_DOING_STATUS,
    OPEN_ACTION_STATUSES,
    POSTMORTEM_STATUSES,
    AnswerRow,
    DatabaseLocked,
    LinkMatch,
    LinkUnavailable,
    Project,
    Scope,
    StorageUnavailable,
    StoreError,
    Survey,
    SurveyNotOpen,
)
from surveys.store.releases import ReleasesMixin
from surveys.store.schedules import SchedulesMixin
from surveys.store.schema import MIGRATIONS
from surveys.store.survey_texts import SurveyTextsMixin
from surveys.store.text_results import TEXT_ANALYSIS_COLUMNS, TextResultsMixin


class Store(
    CollectMixin,
    AnswersMixin,
    AggregatesMixin,
    ReleasesMixin,
    TextResultsMixin,
    SurveyTextsMixin,
    ActionsMixin,
    PostmortemsMixin,
    SchedulesMixin,
    BulkMixin,
    InvitationsMixin,
    StoreBase,
):
    """Owns the DuckDB file. Safe to share across threads; `close()` is safe twice.

    Opening raises DatabaseLocked when another process holds the file, StorageUnavailable
    when it cannot be opened. Every method raises StoreError once the store is closed and
    StorageUnavailable when the file cannot be read or written.
    """


__all__ = [
    "ACTION_STATUSES",
    "DONE_STATUS",
    "MIGRATIONS",
    "NOT_DOING_STATUS",
    "OPEN_ACTION_STATUSES",
    "POSTMORTEM_STATUSES",
    "AnswerRow",
    "Postmortem",
    "DatabaseLocked",
    "LinkMatch",
    "LinkUnavailable",
    "Project",
    "Scope",
    "StorageUnavailable",
    "Store",
    "StoreError",
    "Survey",
    "SurveyNotOpen",
    "TEXT_ANALYSIS_COLUMNS",
]

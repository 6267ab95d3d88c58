"""The one clock and calendar: what day it is, and quarter arithmetic.

Afterward never keeps a time finer than a day (a time of day could link an answer to a
person). "Today" is the date in the time zone named by ``AFTERWARD_TIMEZONE`` (an IANA name
such as ``Europe/Berlin``; default ``UTC``), whatever zone the server runs in: survey open
and close days, the submission day, date pickers' defaults and "overdue" all use it.

Quarters are strings like ``"2026Q3"`` (calendar quarters: Q1 is January to March).

Every package may import this one; it imports nothing of the project's.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TIMEZONE_ENV_VAR = "AFTERWARD_TIMEZONE"
DEFAULT_TIMEZONE = "UTC"
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


class ClockError(ValueError):
    """The configured time zone or a quarter is not valid; the message says which."""


def timezone_name() -> str:
    """The IANA time-zone name in effect (``AFTERWARD_TIMEZONE``, else ``UTC``)."""
    return os.environ.get(TIMEZONE_ENV_VAR, "").strip() or DEFAULT_TIMEZONE


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ClockError(
            f"{TIMEZONE_ENV_VAR}={name!r} is not a time zone; use an IANA name such as "
            "'UTC' or 'Europe/Berlin'."
        ) from None


def today() -> date:
    """Today's date in the configured time zone (never the server's local zone).

    Raises ClockError when ``AFTERWARD_TIMEZONE`` names no known zone.
    """
    return datetime.now(_zone(timezone_name())).date()


def check_quarter(quarter: str) -> str:
    """``quarter`` normalised (``" 2026q3 "`` -> ``"2026Q3"``).

    Raises ClockError (a ValueError) when it does not look like ``2026Q3``, or says the
    quarter number must be 1-4 when only that is wrong (``"2026Q5"``).
    """
    normalised = str(quarter).strip().upper()
    if not _QUARTER.match(normalised):
        if re.fullmatch(r"\d{4}Q\d+", normalised):
            raise ClockError(
                f"Quarter {quarter!r}: the number after Q must be 1–4 (Q1 is January to March), "
                f"as in {normalised[:4]}Q4."
            )
        raise ClockError(f"Quarter {quarter!r} should look like 2026Q3.")
    return normalised


def quarter_of(day: date | datetime | str) -> str:
    """The quarter a day falls in; accepts a date, a datetime or pandas Timestamp, or an
    ISO date string (``"2026-08-14"`` -> ``"2026Q3"``)."""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def shift_quarter(quarter: str, steps: int) -> str:
    """The quarter ``steps`` quarters after (negative: before) ``quarter``."""
    year, q = _parts(quarter)
    index = year * 4 + (q - 1) + steps
    return f"{index // 4}Q{index % 4 + 1}"


def quarter_dates(quarter: str) -> tuple[date, date]:
    """First and last day of a quarter."""
    year, q = _parts(quarter)
    start = date(year, 3 * (q - 1) + 1, 1)
    next_year, next_q = _parts(shift_quarter(quarter, 1))
    return start, date(next_year, 3 * (next_q - 1) + 1, 1) - timedelta(days=1)


def quarters_between(first: str, last: str) -> list[str]:
    """Every quarter from ``first`` to ``last`` inclusive, oldest first (empty if reversed).

    Charts use it so a quarter without data still takes its place on the axis.
    """
    quarters, current = [], check_quarter(first)
    last = check_quarter(last)
    while current <= last:
        quarters.append(current)
        current = shift_quarter(current, 1)
    return quarters


def _parts(quarter: str) -> tuple[int, int]:
    match = _QUARTER.match(check_quarter(quarter))
    assert match is not None  # check_quarter raised otherwise
    return int(match.group(1)), int(match.group(2))

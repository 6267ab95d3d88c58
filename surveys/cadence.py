"""When a recurring retro opens and closes: the date rules, with no database and no clock.

A schedule opens a survey on each of its *due days* and keeps it open `open_days` days,
the due day included, so it closes at the end of day ``due + open_days - 1``. The rules:

- ``every_n_weeks``: every N weeks from the first day (``first_on``, ``first_on + N weeks``...).
- ``quarter_end``: the survey opens `open_days` days before each quarter ends and closes on the
  quarter's last day (open_days 5: it opens on 27 March and closes on 31 March). Calendar
  quarters (`clock.quarter_dates`).
- ``dates``: on the given days.

Nothing is due before ``first_on``. A due day that was missed (the app was stopped) still
opens late, with the same close day, while that close day has not passed (`can_catch_up`);
an older one is skipped: a survey that would already be closed is never opened.

Callers pass the day (`clock.today()` in the app, any day in tests): this module never
reads a clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from clock import quarter_dates, quarter_of, shift_quarter

RULES = ("every_n_weeks", "quarter_end", "dates")
MAX_EVERY_WEEKS = 52
MAX_OPEN_DAYS = 60
MAX_DATES = 200


def check_rule(
    rule: str,
    every_weeks: int | None,
    dates: Sequence[date],
    open_days: int,
) -> None:
    """Raise ValueError (a message for the manager) when a schedule's rule cannot work:
    an unknown rule, every N weeks outside 1-52, open days outside 1-60 (every N weeks:
    at most N weeks, so one survey closes before the next opens; quarter end: at most 60),
    given dates missing or more than 200."""
    if rule not in RULES:
        raise ValueError(f"The rule must be one of {', '.join(RULES)}.")
    if not 1 <= int(open_days) <= MAX_OPEN_DAYS:
        raise ValueError(f"A retro stays open 1 to {MAX_OPEN_DAYS} days.")
    if rule == "every_n_weeks":
        if every_weeks is None or not 1 <= int(every_weeks) <= MAX_EVERY_WEEKS:
            raise ValueError(f"Every N weeks needs N from 1 to {MAX_EVERY_WEEKS}.")
        if open_days > 7 * every_weeks:
            raise ValueError(
                f"A retro every {every_weeks} week(s) can stay open at most "
                f"{7 * every_weeks} days, so it closes before the next one opens."
            )
    if rule == "dates":
        if not dates:
            raise ValueError("Give at least one date for the retro.")
        if len(dates) > MAX_DATES:
            raise ValueError(f"Give at most {MAX_DATES} dates.")


def parse_dates(text: str) -> list[date]:
    """Dates written like ``2026-12-04, 2027-01-15`` (commas, spaces or new lines between),
    sorted, without repeats. Raises ValueError naming the first one that is not a date."""
    found = set()
    for part in re.split(r"[\s,;]+", text.strip()):
        if not part:
            continue
        try:
            found.add(date.fromisoformat(part))
        except ValueError:
            raise ValueError(f"{part!r} is not a date like 2026-12-04.") from None
    return sorted(found)


def closes_on(due: date, open_days: int) -> date:
    """The last day a survey opened on `due` takes answers."""
    return due + timedelta(days=int(open_days) - 1)


def due_days(
    rule: str,
    first_on: date,
    every_weeks: int | None,
    dates: Iterable[date],
    after: date | None,
    until: date,
    open_days: int = 1,
) -> list[date]:
    """Every due day in (`after`, `until`] on or after `first_on`, oldest first.

    `after` None means from `first_on` itself. `open_days` matters only for ``quarter_end``
    (the survey opens that many days before the quarter's last day, that day included).
    Raises ValueError for an unknown rule.
    """
    start = first_on if after is None else max(first_on, after + timedelta(days=1))
    if until < start:
        return []
    if rule == "every_n_weeks":
        step = timedelta(weeks=int(every_weeks or 0))
        if step.days <= 0:
            raise ValueError("Every N weeks needs N of at least 1.")
        skipped = max(0, (start - first_on).days + step.days - 1) // step.days
        day, days = first_on + skipped * step, []
        while day <= until:
            days.append(day)
            day += step
        return days
    if rule == "quarter_end":
        days, quarter = [], shift_quarter(quarter_of(start), -1)
        while True:
            due = quarter_dates(quarter)[1] - timedelta(days=int(open_days) - 1)
            if due > until:
                return days
            if due >= start:
                days.append(due)
            quarter = shift_quarter(quarter, 1)
    if rule == "dates":
        return sorted({d for d in dates if start <= d <= until})
    raise ValueError(f"The rule must be one of {', '.join(RULES)}.")


def can_catch_up(due: date, on: date, open_days: int) -> bool:
    """Whether a survey due on `due` may still open on `on`: yes while its close day has
    not passed (on the due day itself, always)."""
    return on <= closes_on(due, open_days)


def next_due(
    rule: str,
    first_on: date,
    every_weeks: int | None,
    dates: Iterable[date],
    after: date | None,
    open_days: int = 1,
) -> date | None:
    """The first due day after `after` (None: from `first_on`), or None when the rule has
    no more (given dates all past). Looks at most ten years ahead."""
    horizon = max(first_on, after or first_on) + timedelta(days=3660)
    days = due_days(rule, first_on, every_weeks, dates, after, horizon, open_days)
    return days[0] if days else None


def describe(rule: str, every_weeks: int | None, dates: Sequence[date], open_days: int) -> str:
    """The rule in words, for a manager: "every 2 weeks, open 5 days"."""
    open_for = f"open {open_days} day{'s' if open_days != 1 else ''}"
    if rule == "every_n_weeks":
        weeks = "every week" if every_weeks == 1 else f"every {every_weeks} weeks"
        return f"{weeks}, {open_for}"
    if rule == "quarter_end":
        return f"each quarter's last {open_days} day{'s' if open_days != 1 else ''}"
    shown = ", ".join(d.isoformat() for d in list(dates)[:4])
    more = f" and {len(dates) - 4} more" if len(dates) > 4 else ""
    return f"on {shown}{more}, {open_for}"

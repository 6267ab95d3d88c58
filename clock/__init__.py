"""The only clock the collect side uses: a day, never a time (finer times could link answers)."""

from datetime import UTC, date, datetime


def today() -> date:
    return datetime.now(UTC).date()


def quarter_of(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"

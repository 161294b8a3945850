"""The heatmap's grid: weeks of dates in columns, month labels, and each day's shade.

Dates in, dates and small numbers out; core.calendar counts the days it shades.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from footbase_tui.core.calendar import DayCell


@dataclass(frozen=True)
class Grid:
    """Columns of weeks (each 7 dates, None outside the range) and month labels by column."""

    weeks: list[list[date | None]]
    months: dict[int, str]


def week_start_of(day: date, week_starts: str) -> date:
    """The first day of `day`'s week: its Sunday if `week_starts` is "sunday", else its Monday."""
    offset = (day.weekday() + (1 if week_starts == "sunday" else 0)) % 7
    return day - timedelta(days=offset)


def grid(first: date, last: date, week_starts: str = "monday") -> Grid:
    """The heatmap's weeks from `first` to `last`, columns starting on `week_starts`, each month's
    abbreviation at the column holding its 1st (and at column 0)."""
    weeks: list[list[date | None]] = []
    months: dict[int, str] = {}
    col_start = week_start_of(first, week_starts)
    while col_start <= last:
        column: list[date | None] = []
        for k in range(7):
            d = col_start + timedelta(days=k)
            column.append(d if first <= d <= last else None)
            if d.day == 1 and first <= d <= last:
                months[len(weeks)] = d.strftime("%b")
        weeks.append(column)
        col_start += timedelta(days=7)
    if 0 not in months and weeks:
        months[0] = first.strftime("%b")
    return Grid(weeks, months)


def months_back(today: date, months: int) -> date:
    """The first day of the month `months - 1` before today's month."""
    total = today.year * 12 + today.month - 1 - (months - 1)
    return date(total // 12, total % 12 + 1, 1)


def shade(c: DayCell) -> int:
    """0 none, 1 some, 2 most, 3 all (a partly done exercise counts its share)."""
    if c.credit <= 0 or not c.planned:
        return 0
    if c.done >= c.planned:
        return 3
    return 2 if c.share >= 0.5 else 1


def pain_shade(avg: float | None) -> int | None:
    """0-4 on the pain scale (None: no entry that day)."""
    if avg is None:
        return None
    return min(4, math.floor(avg / 2.5 + 1e-9)) if avg > 0 else 0

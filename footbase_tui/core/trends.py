"""Pain trends from the journal: daily averages, 14-day change, places, and practice comparisons."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from footbase_tui.core.calendar import DayCell, practised
from footbase_tui.core.records import PainEntry

MEANINGFUL_POINTS = 2.0  # Numeric Rating Scale 0-10: minimal important change (Ostelo et al. 2008)
MEANINGFUL_SHARE = 0.30  # ... or 30% of the baseline, whichever is reached first
CHANGE_DAYS = 14
MIN_SIDE = 3
CORRELATION_NOTE = (
    "A correlation in your own data, not proof: pain and practice can both follow something else."
)

_EPS = 1e-9  # means of means carry float noise: 22/3 -> 16/3 is 2 points, not 1.9999999999999991
_DAY = timedelta(days=1)


def _mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def daily_average(entries: Sequence[PainEntry]) -> dict[date, float]:
    """The mean pain level of each local date that has an entry, in date order.

    Entries are grouped by their stored local `date`, never by their UTC instant.
    """
    levels: dict[date, list[int]] = {}
    for e in entries:
        levels.setdefault(e.date, []).append(e.level)
    return {day: sum(v) / len(v) for day, v in sorted(levels.items())}


def series(entries: Sequence[PainEntry], today: date, days: int) -> list[float | None]:
    """`days` daily averages ending today, oldest first; None on a day without an entry."""
    daily = daily_average(entries)
    return [daily.get(today - timedelta(days=k)) for k in range(days - 1, -1, -1)]


def _window(daily: Mapping[date, float], last: date, days: int) -> list[float]:
    first = last - timedelta(days=days - 1)
    return [v for day, v in daily.items() if first <= day <= last]


def average_over(entries: Sequence[PainEntry], today: date, days: int) -> float | None:
    """The mean of the daily averages over the last `days` days including today (None: no entry)."""
    return _mean(_window(daily_average(entries), today, days))


@dataclass(frozen=True)
class Change:
    """The last 14 days against the 14 before them (a drop in pain is "better")."""

    recent: float | None
    before: float | None
    delta: float | None  # recent - before
    percent: float | None  # delta as a percentage of `before` (None when before is None or 0)
    meaningful: bool
    direction: str  # better | worse | same | unknown
    recent_days: int  # days with an entry in the last 14
    before_days: int  # days with an entry in the 14 before


def is_meaningful(delta: float, before: float) -> bool:
    """At least 2 points, or at least 30% of the baseline (when the baseline is above 0)."""
    if abs(delta) >= MEANINGFUL_POINTS - _EPS:
        return True
    return before > 0 and abs(delta) / before >= MEANINGFUL_SHARE - _EPS


def _change(daily: Mapping[date, float], today: date) -> Change:
    recent_values = _window(daily, today, CHANGE_DAYS)
    before_values = _window(daily, today - timedelta(days=CHANGE_DAYS), CHANGE_DAYS)
    recent, before = _mean(recent_values), _mean(before_values)
    counts = len(recent_values), len(before_values)
    if recent is None or before is None:
        return Change(recent, before, None, None, False, "unknown", *counts)
    delta = recent - before
    percent = delta / before * 100 if before > 0 else None
    meaningful = is_meaningful(delta, before)
    direction = ("better" if delta < 0 else "worse") if meaningful else "same"
    return Change(recent, before, delta, percent, meaningful, direction, *counts)


def change_14(entries: Sequence[PainEntry], today: date) -> Change:
    """Days today-13..today against today-27..today-14, each side the mean of its daily averages.

    Meaningful when the change is at least 2 points or at least 30% of the earlier side;
    "unknown" when either side has no entry, "same" when the change is not meaningful.
    """
    return _change(daily_average(entries), today)


@dataclass(frozen=True)
class PlaceTrend:
    """One location word: how often it was logged, its mean level, its 14-day change."""

    place: str
    entries: int
    average: float  # mean level of all its entries
    change: Change


def by_place(
    entries: Sequence[PainEntry], today: date, history: Sequence[PainEntry] | None = None
) -> list[PlaceTrend]:
    """Trends per location (an entry naming several places counts for each of them).

    Sorted by number of entries (most first), then by average (highest first), then by name.
    Entries without a location are in no place. With `history`, each place's 14-day change
    comes from its entries there (so a short period still has the 14 days before).
    """
    groups: dict[str, list[PainEntry]] = {}
    for e in entries:
        for place in dict.fromkeys(e.where):  # a place named twice in one entry counts once
            groups.setdefault(place, []).append(e)
    past: dict[str, list[PainEntry]] = {}
    for e in history if history is not None else ():
        for place in dict.fromkeys(e.where):
            past.setdefault(place, []).append(e)
    trends = [
        PlaceTrend(
            place,
            len(group),
            sum(e.level for e in group) / len(group),
            change_14(past.get(place, []) if history is not None else group, today),
        )
        for place, group in groups.items()
    ]
    trends.sort(key=lambda t: (-t.entries, -t.average, t.place))
    return trends


@dataclass(frozen=True)
class Comparison:
    """Mean pain on two kinds of days (or weeks), and whether there is enough data to say."""

    label_a: str
    label_b: str
    mean_a: float | None
    mean_b: float | None
    n_a: int
    n_b: int
    enough: bool
    missing: str  # "" when enough, else a plain sentence of what is missing
    unit: str = "days"  # what n counts


def _missing(wants: Sequence[tuple[str, int]]) -> str:
    short = [f"at least {MIN_SIDE} {what} (has {n})" for what, n in wants if n < MIN_SIDE]
    return "needs " + " and ".join(short) if short else ""


def comparison(
    label_a: str,
    label_b: str,
    a: list[float],
    b: list[float],
    n_a: int,
    n_b: int,
    wants: Sequence[tuple[str, int]],
    unit: str = "days",
) -> Comparison:
    """The two sides' means and counts; `missing` names each side under MIN_SIDE (3)."""
    missing = _missing(wants)
    return Comparison(label_a, label_b, _mean(a), _mean(b), n_a, n_b, not missing, missing, unit)


def after_practice(cells: Mapping[date, DayCell], daily: Mapping[date, float]) -> Comparison:
    """Pain on the day after a practice day against the day after a missed day.

    A missed day is a planned day with nothing done (state "missed"). Days whose previous
    day was anything else (rest, adapted without practice, skipped, before-start, future, or
    not in `cells`) are left out, as are days without a pain average.
    """
    after_done: list[float] = []
    after_missed: list[float] = []
    for day, avg in sorted(daily.items()):
        prev = cells.get(day - _DAY)
        if prev is None:
            continue
        if practised(prev):
            after_done.append(avg)
        elif prev.state == "missed":
            after_missed.append(avg)
    return comparison(
        "after a day practised",
        "after a planned day missed",
        after_done,
        after_missed,
        len(after_done),
        len(after_missed),
        [
            ("days with pain logged after a day practised", len(after_done)),
            ("days with pain logged after a planned day missed", len(after_missed)),
        ],
    )

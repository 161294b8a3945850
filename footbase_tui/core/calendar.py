"""The consistency calendar's numbers: each day's state, streaks, adherence, habit strength
(the heatmap's grid of weeks and its shades: core.calendar_grid).

Input is plain per-day facts (what was done, the day's plan, pain levels) keyed by the
local date each record was stored with; nothing here regroups instants into days.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from footbase_tui.core.calendar_grid import Grid as Grid
from footbase_tui.core.calendar_grid import grid as grid
from footbase_tui.core.calendar_grid import months_back as months_back
from footbase_tui.core.calendar_grid import pain_shade as pain_shade
from footbase_tui.core.calendar_grid import shade as shade
from footbase_tui.core.calendar_grid import week_start_of as week_start_of
from footbase_tui.core.catalog import Catalog, Phase, Program
from footbase_tui.core.records import DayFacts

# DayFacts and the heatmap's grid (core.calendar_grid, the `as` imports) are importable from
# here as before.
__all__ = ["DayFacts"]

# Bump when a rule below changes how a day counts (a streak, the strength, a state): the
# calendar's memo of old days is keyed on it, so a remembered total is never one counted
# by other rules.
RULES_VERSION = 1
HALF_LIFE_DAYS = 13
MULTIPLIER = 0.5 ** (1 / HALF_LIFE_DAYS)  # Loop Habit Tracker's daily-habit smoothing


class DayCell(NamedTuple):
    """One day of the calendar (a tuple: ten years of them are built on every open)."""

    day: date
    planned: int
    done: int
    state: str
    pain_avg: float | None
    part: float = 0.0  # the shares of the planned exercises partly done (2 of 3 sets: 0.667)

    @property
    def credit(self) -> float:
        """Planned exercises done, a partly done one counting its share of sets."""
        return self.done + self.part

    @property
    def share(self) -> float:
        """The share of the plan done (credit over planned); 0.0 when nothing is planned."""
        return self.credit / self.planned if self.planned else 0.0


class Planner:
    """Which exercises a program plans on a day, cached per week (days are asked for in bulk)."""

    def __init__(self, catalog: Catalog, program: Program, start: date) -> None:
        self.catalog = catalog
        self.program = program
        self.start = start
        self._phases: dict[int, Phase] = {}
        self._items: dict[int, tuple[str, ...]] = {}

    def planned(self, day: date) -> tuple[str, ...] | None:
        """Exercise ids planned on `day`; () on a rest day; None before the start."""
        index = (day - self.start).days + 1
        if index < 1:
            return None
        week = (index - 1) // 7 + 1
        phase = self._phases.get(week)
        if phase is None:
            phase = self._phases[week] = self.program.phase_for_week(week)
        if (index - 1) % 7 + 1 in phase.rest_days:
            return ()
        items = self._items.get(id(phase))
        if items is None:
            items = self._items[id(phase)] = tuple(
                i.exercise for i in phase.items if i.exercise in self.catalog.exercises
            )
        return items


def _count(planned: tuple[str, ...], facts: DayFacts) -> tuple[int, int]:
    """How many of the planned exercises were done, and how many skipped with a reason."""
    status = facts.status
    if not status:
        return 0, 0
    done = list(map(status.get, planned)).count("done")
    reasoned = facts.reasoned
    return done, sum(1 for ex in planned if ex in reasoned) if reasoned else 0


def _part(planned: tuple[str, ...], facts: DayFacts) -> float:
    """The summed shares of the planned exercises partly done."""
    part = facts.part
    return sum(part.get(ex, 0.0) for ex in planned) if part else 0.0


_EMPTY = DayFacts()


def day_cell(planner: Planner, gentle: Planner | None, day: date, today: date, facts: DayFacts) -> DayCell:
    """The calendar cell of `day`: what was planned (by the day's plan if it has one; `gentle` plans
    the gentle program's days) and done, and its state: before-start, future, adapted, rest, done,
    partial, skipped or missed (today, until something is done: future)."""
    pain_avg = sum(facts.pain) / len(facts.pain) if facts.pain else None
    base = planner.planned(day)
    if base is None:
        return DayCell(day, 0, 0, "before-start", pain_avg)
    if day > today:
        return DayCell(day, len(base), 0, "future", pain_avg)
    plan = facts.plan
    planned = base
    if plan is not None and gentle is not None and plan.program == gentle.program.id:
        planned = gentle.planned(gentle.start) or ()
    elif plan is not None:
        other = planner.catalog.program(plan.program)
        if other is not None:
            planned = Planner(planner.catalog, other, day).planned(day) or ()
    done, reasoned = _count(planned, facts)
    part = _part(planned, facts)
    if plan is not None and plan.reason == "pain":
        return DayCell(day, len(planned), done, "adapted", pain_avg, part)
    if not planned or (plan is not None and not base and done == 0 and not part):
        return DayCell(day, len(planned), done, "rest", pain_avg, part)
    if done + reasoned >= len(planned) and done > 0:
        state = "done"
    elif done > 0 or part:
        state = "partial"
    elif reasoned >= len(planned):
        state = "skipped"
    elif day == today:
        state = "future"  # still to come today
    else:
        state = "missed"
    return DayCell(day, len(planned), done, state, pain_avg, part)


def day_cells(
    catalog: Catalog,
    program: Program,
    start: date,
    first: date,
    last: date,
    today: date,
    facts: Mapping[date, DayFacts],
) -> list[DayCell]:
    """One cell per day from `first` to `last`: what `day_cell` gives for each.

    Ten years are built on every open, so a past day of the main program (nearly every
    day) takes an inlined path; anything else goes through `day_cell`.
    """
    planner = Planner(catalog, program, start)
    gentle_program = catalog.gentle_program()
    gentle = Planner(catalog, gentle_program, date.min) if gentle_program else None
    out: list[DayCell] = []
    append = out.append
    get = facts.get
    one = timedelta(days=1)
    day = first
    while day <= last:
        f = get(day, _EMPTY)
        if f.plan is not None or day >= today:
            append(day_cell(planner, gentle, day, today, f))
        else:
            pain = f.pain
            pain_avg = sum(pain) / len(pain) if pain else None
            base = planner.planned(day)
            if base is None:
                append(DayCell(day, 0, 0, "before-start", pain_avg))
            elif not base:
                append(DayCell(day, 0, 0, "rest", pain_avg))
            else:
                done, reasoned = _count(base, f)
                part = _part(base, f) if f.part else 0.0
                n = len(base)
                state = (
                    ("done" if done + reasoned >= n else "partial")
                    if done
                    else ("partial" if part else "skipped" if reasoned >= n else "missed")
                )
                append(DayCell(day, n, done, state, pain_avg, part))
        day += one
    return out


@dataclass(frozen=True)
class Stats:
    """The calendar's figures: current and longest streak in days, days practised this week and this
    month, adherence (0-1) over the last 7, 30 and 90 days, and habit strength (0-1)."""

    current_streak: int
    longest_streak: int
    week_days: int
    month_days: int
    adherence: Mapping[int, float]
    strength: float


_PRACTISED = frozenset(("done", "partial", "adapted"))


def practised(c: DayCell) -> bool:
    """A day that counts for a streak: something done (if only partly), on a normal or an adapted day."""
    return (c.done > 0 or c.part > 0) and c.state in _PRACTISED


FactsSince = Callable[[date | None], Mapping[date, DayFacts]]


def current_streak(
    catalog: Catalog,
    program: Program,
    start: date,
    today: date,
    facts_since: FactsSince,
    window_days: int = 62,
) -> int:
    """Days practised in a row up to today, by the same rules as compute_stats.

    Reads the facts of the last `window_days` first and the whole history only when the
    streak is longer than that: the Today screen and `status` ask on every start.
    """
    planner = Planner(catalog, program, start)
    gentle_program = catalog.gentle_program()
    gentle = Planner(catalog, gentle_program, date.min) if gentle_program else None
    for since in (today - timedelta(days=window_days), None):
        facts = facts_since(since)
        streak = 0
        day = today
        while since is None or day >= since:
            c = day_cell(planner, gentle, day, today, facts.get(day, _EMPTY))
            if practised(c):
                streak += 1
            elif c.state in ("missed", "before-start"):
                return streak
            day -= timedelta(days=1)
    return streak


@dataclass(frozen=True)
class Carry:
    """The running numbers at the end of the days before `until`: enough for compute_stats
    to start at `until` and give exactly what a pass over the whole history gives."""

    until: date
    longest: int = 0
    run: int = 0  # days practised since the last missed day
    strength: float = 0.0


_FROZEN = frozenset(("before-start", "future", "rest", "skipped"))  # strength stays as is


def _fold(cells: Iterable[DayCell], today: date, carry: Carry | None) -> tuple[int, int, float]:
    """Longest streak, current run and habit strength after `cells`, in order from `carry`."""
    longest, run, strength = (carry.longest, carry.run, carry.strength) if carry else (0, 0, 0.0)
    for c in cells:
        state = c.state
        if (c.done > 0 or c.part > 0) and state in _PRACTISED:
            run += 1
            if run > longest:
                longest = run
        elif state == "missed":
            run = 0
        nothing = c.done == 0 and not c.part
        if state in _FROZEN or (state == "adapted" and nothing) or (nothing and c.day == today):
            continue
        strength = strength * MULTIPLIER + c.share * (1 - MULTIPLIER)
    return longest, run, strength


def carry_over(cells: Iterable[DayCell], until: date, today: date) -> Carry:
    """The Carry at `until` from the cells before it, in order from the program's start."""
    longest, run, strength = _fold((c for c in cells if c.day < until), today, None)
    return Carry(until, longest, run, strength)


def compute_stats(
    cells: list[DayCell], today: date, week_starts: str = "monday", carry: Carry | None = None
) -> Stats:
    """`cells` run to today, one per day, in order, from the program's start (or earlier),
    or from `carry.until` with the days before it summed up in `carry`.

    Streak: days practised in a row; rest, adapted and reasoned-skip days (and today while
    it is open) bridge; a missed day ends it. Adherence: planned exercises done (a partly
    done one counting its share of sets) over the last 7/30/90 complete days (today is
    complete once its plan is done). Strength: exponential smoothing of
    each day's done share with a 13-day half-life; rest, adapted and skip days freeze it.
    """
    longest, current, strength = _fold(cells, today, carry)
    horizon = today - timedelta(days=90)
    recent: list[DayCell] = []  # the last 90 days are all the rest needs
    for c in reversed(cells):
        if c.day < horizon:
            break
        recent.append(c)
    by_day = {c.day: c for c in recent}
    adherence: dict[int, float] = {}
    # Today counts once its plan is done (a good first day reads 100%, not 0%); while it
    # is open the n days end yesterday.
    start = 0 if day_complete(by_day.get(today)) else 1
    for n in (7, 30, 90):
        planned = 0
        done = 0.0
        for k in range(start, start + n):
            past = by_day.get(today - timedelta(days=k))
            if past is not None and past.state not in ("before-start", "rest", "future"):
                planned += past.planned
                done += past.credit
        adherence[n] = round(done / planned, 3) if planned else 0.0
    week_start = week_start_of(today, week_starts)
    month_start = today.replace(day=1)
    week_days = sum(1 for c in recent if c.day >= week_start and practised(c))
    month_days = sum(1 for c in recent if c.day >= month_start and practised(c))
    return Stats(current, longest, week_days, month_days, adherence, round(strength, 4))


def day_complete(c: DayCell | None) -> bool:
    """A day whose plan is done (or skipped with a reason): it counts for adherence even
    while it is today."""
    return c is not None and c.planned > 0 and c.state == "done"


@dataclass(frozen=True)
class PeriodStats:
    """The figures of one stretch of days (the calendar's view)."""

    first: date
    last: date
    days_practised: int
    longest_streak: int  # within the stretch
    adherence: float | None  # None: nothing planned on a complete day in it


def period_stats(cells: Iterable[DayCell], first: date, last: date, today: date) -> PeriodStats:
    """Days practised, the longest streak inside [first, last] (by the streak's rules,
    counted from `first`), and adherence over its complete days (today once its plan is
    done; future days never). `cells` may cover more days; the others are ignored."""
    practised_days = run = longest = planned = done = 0
    for c in sorted((c for c in cells if first <= c.day <= last), key=lambda c: c.day):
        if practised(c):
            practised_days += 1
            run += 1
            longest = max(longest, run)
        elif c.state == "missed":
            run = 0
        counts = c.day < today or (c.day == today and day_complete(c))
        if counts and c.state not in ("before-start", "rest", "future"):
            planned += c.planned
            done += c.done
    adherence = round(done / planned, 3) if planned else None
    return PeriodStats(first, last, practised_days, longest, adherence)

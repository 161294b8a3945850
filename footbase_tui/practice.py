"""The use cases both faces ask for: one place that turns the store and the catalog into the
day's routine, the streak, the calendar and the trends.

The CLI commands and the screens call these; neither resolves the program or walks the
records itself. Every answer is plain data from core/ (routines, cells, stats, trend
figures), so a command prints it and a widget draws it. Built from the `Context`:
`ctx.practice` (or `Practice(ctx)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from footbase_tui.core.calendar import DayCell, Stats, current_streak, day_cells, months_back
from footbase_tui.core.records import latest_levels
from footbase_tui.core.routine import DayRoutine, routine_for
from footbase_tui.core.trends import (
    TrendView,
    after_practice,
    around_sessions,
    average_over,
    by_place,
    change_14,
    daily_average,
    practice_weeks,
    series,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from footbase_tui.context import Context
    from footbase_tui.core.catalog import Program
    from footbase_tui.core.records import Meta, PainEntry
    from footbase_tui.store import Snapshot

DEFAULT_PROGRAM = "foundation"
TREND_HISTORY_DAYS = 400  # the practice-pain figures look this far back


@dataclass(frozen=True)
class Plan:
    """The program a person follows and its day 1; `warning` when the stored choice is not
    in the catalog (then the default program stands in)."""

    program: Program
    start: date
    warning: str | None = None


class Practice:
    """The use-case layer over one Context (store, catalog, config, clock)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def today(self) -> date:
        """The person's day now (their zone, their day-start hour)."""
        return self.ctx.today()

    def plan(self, meta: Meta, day: date | None = None) -> Plan:
        """The chosen program and its start date, with a warning if the choice is unknown.

        Until a program is chosen (by the first practice), it starts on the day looked at,
        or today, whichever is earlier.
        """
        catalog = self.ctx.catalog
        warning = None
        program = catalog.program(meta.program or DEFAULT_PROGRAM)
        if program is None:
            warning = (
                f"program '{meta.program}' is not in the catalog; showing "
                f"'{DEFAULT_PROGRAM}' (choose with: footbase program ID)"
            )
            program = catalog.programs[DEFAULT_PROGRAM]
        today = self.today()
        return Plan(program, meta.start or min(day or today, today), warning)

    def routine(self, snap: Snapshot, day: date, plan: Plan | None = None) -> DayRoutine:
        """The day's routine with each item's status from that day's sessions and day plan,
        each item at the person's level capped by the program's (core.levels)."""
        plan = plan or self.plan(snap.meta, day)
        return routine_for(
            self.ctx.catalog,
            plan.program,
            plan.start,
            day,
            snap.sessions_on(day),
            snap.day_plans.get(day),
            self.levels(snap),
        )

    def levels(self, snap: Snapshot) -> dict[str, int]:
        """The person's recorded level of each exercise (one not named starts at level 1)."""
        return {ex: c.to_level for ex, c in latest_levels(snap.level_changes).items()}

    def planned(self, snap: Snapshot, day: date, plan: Plan | None = None) -> DayRoutine:
        """What the program plans for the day, ignoring what was done or swapped."""
        plan = plan or self.plan(snap.meta, day)
        return routine_for(self.ctx.catalog, plan.program, plan.start, day, (), None, self.levels(snap))

    def streak(self, snap: Snapshot, day: date | None = None) -> int:
        """Days practised in a row up to `day` (today by default); may walk years, so the
        app counts it off the event loop."""
        day = day or self.today()
        plan = self.plan(snap.meta, day)
        return current_streak(self.ctx.catalog, plan.program, plan.start, day, snap.day_facts)

    def cells(self, snap: Snapshot, first: date, last: date) -> list[DayCell]:
        """One cell per day from `first` to `last` (planned, done, adapted, pain), as of today."""
        today = self.today()
        plan = self.plan(snap.meta, today)
        return day_cells(
            self.ctx.catalog, plan.program, plan.start, first, last, today, snap.day_facts(first)
        )

    def calendar(self, snap: Snapshot, first: date, last: date) -> tuple[list[DayCell], Stats]:
        """Cells from `first` (or earlier) to `last` and the stats as of today; days older
        than sixteen months come from the cache's running totals when they are unchanged."""
        from footbase_tui.calendar_data import calendar_cells  # loads the store; only when asked

        today = self.today()
        return calendar_cells(self.ctx, snap, self.plan(snap.meta, today), today, first, last)

    def history_start(self, snap: Snapshot, months: int) -> date:
        """How far back the calendar may go: the program's start or `months` back."""
        today = self.today()
        return min(self.plan(snap.meta, today).start, months_back(today, months))

    def trends(self, snap: Snapshot, entries: Sequence[PainEntry], span_days: int) -> TrendView:
        """The journal's figures for `entries`: the daily series over `span_days`, 7/30-day
        averages, the 14-vs-14 change, places, and the practice-pain comparisons."""
        today = self.today()
        plan = self.plan(snap.meta, today)
        first = max(today - timedelta(days=TREND_HISTORY_DAYS), plan.start)
        by_day = {
            c.day: c
            for c in day_cells(
                self.ctx.catalog,
                plan.program,
                plan.start,
                first,
                today,
                today,
                snap.day_facts(today - timedelta(days=TREND_HISTORY_DAYS)),
            )
        }
        daily = daily_average(entries)
        return TrendView(
            span_days=span_days,
            series=series(entries, today, span_days),
            avg_7=average_over(entries, today, 7),
            avg_30=average_over(entries, today, 30),
            change=change_14(entries, today),
            places=by_place(entries, today),
            comparisons=(
                after_practice(by_day, daily),
                practice_weeks(by_day, daily, self.ctx.config.week_starts),
                around_sessions(entries),
            ),
        )

"""The use cases both faces ask for: one place that turns the store and the catalog into the
day's routine, the streak, the calendar and the trends.

The CLI commands and the screens call these; neither resolves the program or walks the
records itself. Every answer is plain data from core/ (routines, cells, stats, trend
figures), so a command prints it and a widget draws it. Built from the `Context`:
`ctx.practice` (or `Practice(ctx)`).

The calendar's and the trends' code is imported by the methods that use it: Today's first
frame needs neither (see benchmarks/first_frame.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from footbase_tui.core.adapt import WINDOW_DAYS, PainOffer, gentle_offer, session_rise
from footbase_tui.core.records import DayPlan, latest_levels
from footbase_tui.core.routine import DayRoutine, routine_for
from footbase_tui.core.screening import Effect, apply_screening

if TYPE_CHECKING:
    from collections.abc import Sequence

    from footbase_tui.context import Context
    from footbase_tui.core.calendar import DayCell, Stats
    from footbase_tui.core.catalog import Program
    from footbase_tui.core.practice_pain import TrendView
    from footbase_tui.core.records import Meta, PainEntry
    from footbase_tui.store import Snapshot

DEFAULT_PROGRAM = "foundation"
SESSION_DAYS_BY_DAY = 400  # up to this many days, trends read sessions day by day


@dataclass(frozen=True)
class Plan:
    """The program a person follows and its day 1; `warning` when the stored choice is not
    in the catalog (then the default program stands in)."""

    program: Program
    start: date
    warning: str | None = None


@dataclass(frozen=True)
class Screened:
    """A day's routine after the screening: `effects` for the day, `notes` per exercise id."""

    routine: DayRoutine
    effects: tuple[Effect, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)
    # The day plan the screening stands in (the gentle program for a recent injury), not yet
    # stored: whoever saves practice for the day stores it too, so the calendar counts it.
    stand_in: DayPlan | None = None


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
        each item at the person's level capped by the program's (core.levels), adjusted for
        the screening answers (see `screened`)."""
        return self.screened(snap, day, plan).routine

    def screened(self, snap: Snapshot, day: date, plan: Plan | None = None) -> Screened:
        """The day's routine adjusted for the screening answers, with the notes saying why:
        a recent injury puts the gentle program in place of the planned one (a day plan
        chosen for the day still wins); see core.screening for the rest."""
        plan = plan or self.plan(snap.meta, day)
        day_plan = snap.day_plans.get(day)
        screening = self.ctx.config.screening
        gentle = self.ctx.catalog.gentle_program()
        stand_in = None
        if screening.recent_injury and day_plan is None and gentle is not None:
            from footbase_tui.core.localtime import iso_utc

            day_plan = stand_in = DayPlan(day, gentle.id, "choice", iso_utc(self.ctx.clock.now()))
        routine = routine_for(
            self.ctx.catalog,
            plan.program,
            plan.start,
            day,
            snap.sessions_on(day),
            day_plan,
            self.levels(snap),
        )
        adjusted, effects, notes = apply_screening(routine, screening)
        return Screened(adjusted, effects, notes, stand_in)

    def levels(self, snap: Snapshot) -> dict[str, int]:
        """The person's recorded level of each exercise (one not named starts at level 1)."""
        return {ex: c.to_level for ex, c in latest_levels(snap.level_changes).items()}

    def planned(self, snap: Snapshot, day: date, plan: Plan | None = None) -> DayRoutine:
        """What the program plans for the day, ignoring what was done or swapped."""
        plan = plan or self.plan(snap.meta, day)
        return routine_for(self.ctx.catalog, plan.program, plan.start, day, (), None, self.levels(snap))

    def bad_day(self, snap: Snapshot, day: date) -> PainOffer | None:
        """Why `day` is a bad pain day, or None: pain 2+ above the last entry before a
        session of the day (core.adapt.session_rise: the rest of the day gently), else the
        latest pain 7+, or 2+ above the usual (core.adapt.gentle_offer)."""
        pain = snap.pain_since(day - timedelta(days=WINDOW_DAYS))
        return session_rise(pain, snap.sessions_on(day), day) or gentle_offer(pain, day)

    def gentle_today(
        self, snap: Snapshot, day: date, routine: DayRoutine, planned: DayRoutine
    ) -> PainOffer | None:
        """The gentle offer Today shows for `day` (`routine`: the day's, `planned`: the
        program's plan): none once a program is chosen for the day or on a rest day; a
        rise after a session of the day at any time (the rest of the day gently); the other
        reasons only before anything is done."""
        if day in snap.day_plans or planned.rest_day:
            return None
        offer = self.bad_day(snap, day)
        if offer is not None and routine.done and not offer.after_session:
            return None
        return offer

    def streak(self, snap: Snapshot, day: date | None = None) -> int:
        """Days practised in a row up to `day` (today by default); may walk years, so the
        app counts it off the event loop."""
        from footbase_tui.core.calendar import current_streak

        day = day or self.today()
        plan = self.plan(snap.meta, day)
        return current_streak(self.ctx.catalog, plan.program, plan.start, day, snap.day_facts)

    def cells(self, snap: Snapshot, first: date, last: date) -> list[DayCell]:
        """One cell per day from `first` to `last` (planned, done, adapted, pain), as of today."""
        from footbase_tui.core.calendar import day_cells

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
        from footbase_tui.core.calendar_grid import months_back

        today = self.today()
        return min(self.plan(snap.meta, today).start, months_back(today, months))

    def trends(
        self,
        snap: Snapshot,
        entries: Sequence[PainEntry],
        first: date | None,
        chart_weeks: int = 12,
        last: date | None = None,
        chart_in_period: bool = False,
    ) -> TrendView:
        """The figures for `entries` (already filtered by place or activity, if at all) over
        `first`..`last` (first None: all time, from the program's start or the first entry;
        last None: today).

        The period's series, average, places and practice-pain comparisons; the 7/30-day
        averages and the 14-vs-14 change (fixed windows up to `last`); and `chart_weeks`
        weeks of weekly pain beside weekly adherence for the chart (the week of `last` last;
        with `chart_in_period`, days before `first` are left out of it, as in a report).
        """
        from footbase_tui.core.calendar import day_cells, week_start_of
        from footbase_tui.core.practice_pain import (
            TrendView,
            adherent_weeks,
            around_sessions,
            weekly_trend,
            weeks_of,
        )
        from footbase_tui.core.trends import after_practice, average_over, by_place, change_14, daily_average

        today = self.today()
        end = min(last or today, today)
        plan = self.plan(snap.meta, today)
        all_time = first is None
        if first is None:
            first = min([plan.start, *(e.date for e in entries)])
        first = min(first, end)
        week_starts = self.ctx.config.week_starts
        chart_first = week_start_of(end, week_starts) - timedelta(weeks=chart_weeks - 1)
        cells_from = min(first - timedelta(days=1), chart_first)
        facts = snap.day_facts(cells_from)
        cells = day_cells(self.ctx.catalog, plan.program, plan.start, cells_from, end, today, facts)
        by_day = {c.day: c for c in cells}
        # One pass per need: ten years of entries are read once, the fixed windows look at
        # the last 30 days only, the chart at its own weeks.
        upto = [e for e in entries if min(first, chart_first) <= e.date <= end]
        recent = [e for e in upto if e.date > end - timedelta(days=30)]
        kept = [e for e in upto if first <= e.date]
        daily_all = daily_average(upto)
        daily = {d: v for d, v in daily_all.items() if first <= d}
        span = (end - first).days + 1
        weeks = weeks_of(by_day, daily, first, end, week_starts)
        # A short period reads its days' sessions only: converting every session of ten
        # years for a 30-day panel would cost most of a second.
        if span <= SESSION_DAYS_BY_DAY:
            sessions = [s for k in range(span) for s in snap.sessions_on(first + timedelta(days=k))]
        else:
            sessions = [s for s in snap.sessions if first <= s.date <= end]
        return TrendView(
            first=first,
            last=end,
            all_time=all_time,
            entries=len(kept),
            average=sum(daily.values()) / len(daily) if daily else None,
            series=[daily.get(end - timedelta(days=k)) for k in range(span - 1, -1, -1)],
            avg_7=average_over(recent, end, 7),
            avg_30=average_over(recent, end, 30),
            change=change_14(recent, end),
            places=by_place(kept, end, recent),
            comparisons=(
                after_practice(by_day, daily),
                adherent_weeks(weeks),
                around_sessions(sessions, kept),
            ),
            trend=weekly_trend(weeks, plan.start),
            chart=(
                weeks_of(by_day, daily, max(first, chart_first), end, week_starts)
                if chart_in_period
                else weeks_of(by_day, daily_all, chart_first, end, week_starts)
            ),
        )

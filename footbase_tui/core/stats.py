"""Consistency numbers: the state of each day and the current streak."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from footbase_tui.core.catalog import Catalog, Program
from footbase_tui.core.records import DayPlan, Session
from footbase_tui.core.routine import routine_for


def day_state(routine_done: int, routine_total: int, skipped_with_reason: int,
              rest_day: bool, before_start: bool, is_today: bool) -> str:
    """One of: before-start, rest, done, partial, skipped, open (today, nothing yet), missed."""
    if before_start:
        return "before-start"
    if rest_day or routine_total == 0:
        return "rest"
    if routine_done + skipped_with_reason >= routine_total and routine_done > 0:
        return "done"
    if routine_done > 0:
        return "partial"
    if skipped_with_reason >= routine_total:
        return "skipped"
    return "open" if is_today else "missed"


def current_streak(catalog: Catalog, program: Program, start: date, today: date,
                   sessions_on: Callable[[date], Sequence[Session]],
                   plans: Mapping[date, DayPlan] | None = None) -> int:
    """Days practised in a row up to today.

    Planned rest days, adapted days (the gentle program on a bad pain day) and days skipped
    with a reason neither break nor extend the streak unless something was done; today does
    not break it while it is still open; a missed planned day ends it.
    """
    plans = plans or {}
    streak = 0
    day = today
    while True:  # ends at the first missed day, or at the program's start
        plan = plans.get(day)
        r = routine_for(catalog, program, start, day, sessions_on(day), plan)
        skipped = sum(1 for i in r.items if i.status == "skipped" and i.reason)
        state = day_state(r.done, r.total, skipped, r.rest_day, r.before_start, day == today)
        if state in ("done", "partial"):
            streak += 1
        elif state == "missed" and plan is not None and plan.reason == "pain":
            pass  # adapted: the person listened to their back
        elif state in ("missed", "before-start"):
            break
        day -= timedelta(days=1)
    return streak

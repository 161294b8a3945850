"""The write use cases (ctx.saves) both faces call: what each stores, and what it refuses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from footbase_tui.context import Context
from footbase_tui.core.records import DayPlan, PainEntry, Session, new_id
from footbase_tui.errors import EditConflict, UsageError

DAY = date(2026, 3, 3)


def entry(level: int = 4) -> PainEntry:
    return PainEntry(new_id(), "2026-03-03T07:30:00Z", "Europe/Berlin", DAY, level, (), None, "", "cli")


def test_a_session_is_stored_with_the_stand_in_day_plan_and_chooses_the_program(ctx: Context) -> None:
    gentle = ctx.catalog.gentle_program()
    assert gentle is not None
    stand_in = DayPlan(DAY, gentle.id, "choice", "2026-03-03T08:00:00Z")
    session = Session(
        new_id(), DAY, "Europe/Berlin", "2026-03-03T08:00:00Z", "2026-03-03T08:00:00Z", gentle.id
    )
    ctx.saves.save_session(session, ("foundation", DAY), stand_in)
    snap = ctx.store.load()
    assert snap.day_plans[DAY].program == gentle.id  # the calendar counts the day by it
    assert [s.id for s in snap.sessions] == [session.id]
    assert (snap.meta.program, snap.meta.start) == ("foundation", DAY)


def test_the_gentle_swap_and_back(ctx: Context) -> None:
    plan = ctx.saves.follow_gentle(DAY, "pain")
    assert ctx.store.load().day_plans[DAY].reason == "pain" and plan.reason == "pain"
    ctx.saves.follow_planned(DAY)
    assert DAY not in ctx.store.load().day_plans


def test_an_unknown_program_is_refused_and_nothing_is_written(ctx: Context) -> None:
    with pytest.raises(UsageError, match="no program called 'nope'"):
        ctx.saves.choose_program("nope", DAY)
    assert ctx.store.load().meta.program is None


def test_an_edit_refuses_a_stale_entry_and_puts_back_a_deleted_one_kept(ctx: Context) -> None:
    e = entry()
    ctx.saves.log_pain(e)
    saved = ctx.saves.edit_pain(replace(e, level=5), expected=e)
    assert saved.level == 5
    with pytest.raises(EditConflict):  # `e` is no longer what is stored
        ctx.saves.edit_pain(replace(e, level=6), expected=e)
    assert ctx.saves.delete_pain(e.id) and not ctx.saves.delete_pain(e.id)
    ctx.saves.edit_pain(replace(e, level=7), expected=None)  # deleted elsewhere, mine kept
    [back] = ctx.store.load().pain
    assert back.level == 7

"""The calendar's memo of old days: the numbers of a full recount, and never stale."""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from footbase_tui.calendar_data import history_cutoff
from footbase_tui.context import Context
from footbase_tui.core.calendar import Stats, compute_stats, day_cells, practised
from footbase_tui.core.records import DayPlan, ItemResult, Session, new_id
from footbase_tui.paths import Paths

START = date(2023, 1, 2)


@pytest.fixture
def mctx(ctx: Context, tmp_path: Path) -> Context:
    """The test context with a cache folder, where the memo lives."""
    return Context(
        Paths(db=ctx.paths.db, config=ctx.paths.config, cache=tmp_path / "cache"),
        clock=ctx.clock,
        lock_timeout=ctx.lock_timeout,
    )


def seed_history(ctx: Context, seed: int, missed: float = 0.03, quiet_days: int = 0) -> list[Session]:
    """Three years of practice with every kind of day; no missed day in the last `quiet_days`."""
    rng = random.Random(seed)
    today = ctx.today()
    program = ctx.catalog.programs["foundation"]
    sessions: list[Session] = []
    plans: list[DayPlan] = []
    day = START
    while day < today:
        at = f"{day.isoformat()}T07:00:00Z"
        ids = [i.exercise for i in program.phase_for_week((day - START).days // 7 + 1).items]
        roll = rng.random()
        if roll < missed and (today - day).days > quiet_days:
            pass  # nothing done: missed, unless a rest day
        elif roll < 0.06:
            plans.append(DayPlan(day, "desk-five", "pain", at))
        elif roll < 0.09:
            sessions.append(
                Session(
                    new_id(),
                    day,
                    "UTC",
                    at,
                    at,
                    program.id,
                    "manual",
                    tuple(ItemResult(ex, 1, "skipped", at, reason="travel") for ex in ids),
                )
            )
        else:
            done = ids if roll < 0.8 else ids[: rng.randint(1, len(ids))]
            sessions.append(
                Session(
                    new_id(),
                    day,
                    "UTC",
                    at,
                    at,
                    program.id,
                    "manual",
                    tuple(ItemResult(ex, 1, "done", at, sets=1) for ex in done),
                )
            )
        day += timedelta(days=1)
    ctx.store.merge([], sessions, plans, program_if_new=("foundation", START))
    return sessions


def full_recount(ctx: Context) -> Stats:
    """The stats from every day since the start, nothing remembered."""
    snap = ctx.store.load()
    today = ctx.today()
    plan = ctx.practice.plan(snap.meta, today)
    program, start = plan.program, plan.start
    cells = day_cells(ctx.catalog, program, start, start, today, today, snap.day_facts())
    return compute_stats(cells, today, ctx.config.week_starts)


def memo_stats(ctx: Context) -> Stats:
    today = ctx.today()
    return ctx.practice.calendar(ctx.store.load(), today - timedelta(days=365), today)[1]


def memo_file(ctx: Context) -> Path:
    assert ctx.paths.cache is not None
    (found,) = ctx.paths.cache.glob("calendar-*.json")
    return found


@pytest.mark.parametrize("seed", range(4))
def test_the_memo_gives_exactly_the_numbers_of_a_full_recount(mctx: Context, seed: int) -> None:
    seed_history(mctx, seed, quiet_days=600 if seed == 0 else 0)
    expected = full_recount(mctx)
    cold = memo_stats(mctx)
    assert memo_file(mctx).stat().st_mode & 0o777 == 0o600
    warm = memo_stats(mctx)
    assert cold == expected
    assert warm == expected
    if seed == 0:
        # The current streak runs back past the memo's cut-off: the memo carries it.
        cutoff = history_cutoff(mctx.today())
        cells, _ = mctx.practice.calendar(mctx.store.load(), cutoff, mctx.today())
        assert cells[0].day == cutoff
        assert expected.current_streak > sum(1 for c in cells if practised(c))


def test_the_cells_of_the_range_match_a_full_recount(mctx: Context) -> None:
    seed_history(mctx, 7)
    memo_stats(mctx)  # the memo is written
    snap = mctx.store.load()
    today = mctx.today()
    plan = mctx.practice.plan(snap.meta, today)
    program, start = plan.program, plan.start
    whole = {c.day: c for c in day_cells(mctx.catalog, program, start, start, today, today, snap.day_facts())}
    first = today - timedelta(days=400)
    cells, _ = mctx.practice.calendar(snap, first, today)
    assert [c for c in cells if c.day >= first] == [whole[c.day] for c in cells if c.day >= first]
    assert cells[0].day <= first and cells[-1].day == today


def test_a_change_to_an_old_day_is_never_hidden_by_the_memo(mctx: Context) -> None:
    sessions = seed_history(mctx, 3, missed=0.0)
    before = memo_stats(mctx)
    assert before == full_recount(mctx)
    # Forget a practised day before the memo's cut-off, inside the current (and longest)
    # run: it becomes a missed day.
    cutoff = history_cutoff(mctx.today())
    assert before.current_streak == before.longest_streak > (mctx.today() - cutoff).days
    done_days = {
        c.day for c in mctx.practice.calendar(mctx.store.load(), START, cutoff)[0] if c.state == "done"
    }
    old = [s for s in sessions if cutoff - timedelta(days=60) < s.date < cutoff and s.date in done_days]
    mctx.store.delete_session(old[len(old) // 2].id)
    after = memo_stats(mctx)
    assert after == full_recount(mctx)
    assert after.longest_streak < before.longest_streak
    assert after.current_streak < (mctx.today() - cutoff).days
    # An old day turned into an adapted day, and a later start of the program.
    mctx.store.set_day_plan(
        DayPlan(old[len(old) // 2].date, "desk-five", "pain", "2023-06-01T07:00:00Z"), old[len(old) // 2].date
    )
    assert memo_stats(mctx) == full_recount(mctx)
    mctx.store.set_program("foundation", START + timedelta(days=300))
    assert memo_stats(mctx) == full_recount(mctx)


def test_todays_practice_does_not_recount_the_old_days(mctx: Context) -> None:
    seed_history(mctx, 5)
    memo_stats(mctx)
    written = memo_file(mctx).stat().st_mtime_ns
    today = mctx.today()
    at = "2026-03-03T07:30:00Z"
    mctx.store.save_session(
        Session(
            new_id(),
            today,
            "UTC",
            at,
            at,
            "foundation",
            "manual",
            (ItemResult("short-foot", 1, "done", at, sets=1),),
        )
    )
    assert memo_stats(mctx) == full_recount(mctx)
    assert memo_file(mctx).stat().st_mtime_ns == written  # the old days' sum still held


@pytest.mark.parametrize("damage", ["garbage", "wrong types", "symlink", "open folder"])
def test_a_damaged_or_unsafe_memo_is_ignored(mctx: Context, tmp_path: Path, damage: str) -> None:
    seed_history(mctx, 2)
    memo_stats(mctx)
    path = memo_file(mctx)
    if damage == "garbage":
        path.write_bytes(b"\x00{not json")
    elif damage == "wrong types":
        key = path.read_text().split('"key": ')[1].split(",")[0]
        path.write_text(f'{{"key": {key}, "longest": "9999", "run": null, "strength": 1}}')
    elif damage == "symlink":
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_bytes(path.read_bytes().replace(b'"longest": ', b'"longest": 9'))
        path.unlink()
        path.symlink_to(elsewhere)
    else:
        os.chmod(path.parent, 0o777)
    assert memo_stats(mctx) == full_recount(mctx)

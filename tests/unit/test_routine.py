"""The day's routine, its statuses, dosage wording and the streak."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from footbase_tui.catalog_files import load_catalog
from footbase_tui.core.calendar import current_streak as _streak
from footbase_tui.core.catalog import Catalog, Dosage, Program
from footbase_tui.core.records import DayFacts, ItemResult, Session, new_id
from footbase_tui.core.routine import day_routine, dosage_text, latest_results

START = date(2026, 3, 2)


def current_streak(
    catalog: Catalog, program: Program, start: date, today: date, sessions: list[Session]
) -> int:
    """The streak from sessions, with facts built the way the store builds them."""
    days = {s.date for s in sessions}
    latest = {day: latest_results(s for s in sessions if s.date == day) for day in days}
    facts = {
        day: DayFacts(
            {ex: r.status for ex, r in results.items()},
            reasoned=frozenset(ex for ex, r in results.items() if r.status == "skipped" and r.reason),
        )
        for day, results in latest.items()
    }
    return _streak(
        catalog,
        program,
        start,
        today,
        lambda since: facts,
        window_days=3,
    )


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def session(day: date, *results: tuple[str, str, str]) -> Session:
    items = tuple(ItemResult(ex, 1, status, at) for ex, status, at in results)
    return Session(new_id(), day, "UTC", "2026-03-02T08:00:00Z", None, "foundation", "manual", items)


@pytest.mark.parametrize(
    ("dosage", "per_side", "text"),
    [
        (Dosage(sets=3, reps=10, hold_s=5), True, "3 x 10 reps, hold 5 s, each foot"),
        (Dosage(sets=1, seconds=600), False, "10 min"),
        (Dosage(sets=2, seconds=30), True, "2 x 30 s, each foot"),
        (Dosage(sets=1, reps=1), True, "1 rep, each foot"),
        (Dosage(sets=1, seconds=90), False, "1 min 30 s"),
    ],
)
def test_dosage_in_plain_words(dosage: Dosage, per_side: bool, text: str) -> None:
    assert dosage_text(dosage, per_side) == text


def test_the_latest_result_of_the_day_wins(catalog: Catalog) -> None:
    program = catalog.programs["foundation"]
    sessions = [
        session(START, ("short-foot", "done", "2026-03-02T08:00:00Z")),
        session(
            START,
            ("short-foot", "todo", "2026-03-02T09:00:00Z"),
            ("towel-curls", "skipped", "2026-03-02T09:00:00Z"),
        ),
        session(START + timedelta(days=1), ("barefoot-walk", "done", "2026-03-03T08:00:00Z")),
    ]
    r = day_routine(catalog, program, START, START, sessions)
    status = {i.id: i.status for i in r.items}
    assert status == {
        "barefoot-walk": "todo",
        "toe-spread-glove": "todo",
        "towel-curls": "skipped",
        "short-foot": "todo",
    }
    assert (r.done, r.total, r.first_undone()) == (0, 4, 0)


def all_done(day: date, catalog: Catalog) -> Session:
    from footbase_tui.core.routine import plan_day

    plan = plan_day(catalog, catalog.programs["foundation"], START, day)
    return session(day, *[(i.id, "done", f"{day}T08:00:00Z") for i in plan.items])


def test_streak_counts_practice_and_bridges_rest_days(catalog: Catalog) -> None:
    program = catalog.programs["foundation"]
    # Days 1-10: day 7 is a planned rest day; all others done.
    days = [START + timedelta(days=n) for n in range(10)]
    sessions = [all_done(d, catalog) for d in days if (d - START).days + 1 != 7]
    today = days[-1]
    assert current_streak(catalog, program, START, today, sessions) == 9
    # Today still open does not break it.
    assert current_streak(catalog, program, START, today + timedelta(days=1), sessions) == 9
    # A missed planned day does.
    gap = [s for s in sessions if s.date != days[4]]
    assert current_streak(catalog, program, START, today, gap) == 4
    # A day skipped with a reason bridges.
    skipped = session(
        days[4],
        *[
            (i, "skipped", f"{days[4]}T08:00:00Z")
            for i in ("barefoot-walk", "toe-spread-glove", "towel-curls", "short-foot")
        ],
    )
    skipped = Session(
        skipped.id,
        skipped.date,
        "UTC",
        skipped.start,
        None,
        "foundation",
        "manual",
        tuple(ItemResult(i.exercise, 1, "skipped", i.at, reason="flare-up") for i in skipped.items),
    )
    assert current_streak(catalog, program, START, today, [*gap, skipped]) == 8


@pytest.mark.parametrize(
    ("days_in", "full", "short", "tiny"),
    [
        (2, "week 1 of 6 (Basics), day 3", "week 1/6, day 3", "week 1/6"),
        (7 * 5, "week 6 of 6 (Strengthen), day 1", "week 6/6, day 1", "week 6/6"),
        (7 * 8 + 2, "Maintain, week 3, day 3", "Maintain wk 3, day 3", "Maintain wk 3"),
        (7 * 6 + 7 * 60, "Maintain since Apr 2026", "Maintain since Apr 2026", "Maintain"),
    ],
)
def test_the_position_in_the_program_in_words(
    catalog: Catalog, days_in: int, full: str, short: str, tiny: str
) -> None:
    program = catalog.programs["foundation"]
    day = START + timedelta(days=days_in)
    r = day_routine(catalog, program, START, day, [])
    assert (r.position(), r.position("short"), r.position("tiny")) == (full, short, tiny)

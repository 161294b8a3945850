"""Calendar numbers: day states, streak rules, adherence, habit strength, the grid."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from footbase_tui.catalog_files import load_catalog
from footbase_tui.core.calendar import (
    MULTIPLIER,
    DayCell,
    compute_stats,
    day_cells,
    grid,
    months_back,
)
from footbase_tui.core.catalog import Catalog
from footbase_tui.core.records import DayFacts, DayPlan
from tests.conftest import Result as RunResult

START = date(2026, 3, 2)  # a Monday; Foundation's day 7 (Sunday) is a rest day
BASICS = ("barefoot-walk", "toe-spread-glove", "towel-curls", "short-foot")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def done(*ids: str) -> DayFacts:
    return DayFacts({i: "done" for i in ids})


def skipped_with_reason(*ids: str) -> DayFacts:
    return DayFacts({i: "skipped" for i in ids}, reasoned=frozenset(ids))


def cells(
    catalog: Catalog,
    facts: dict[date, DayFacts],
    today: date,
    start: date = START,
    first: date | None = None,
    last: date | None = None,
) -> list[DayCell]:
    program = catalog.programs["foundation"]
    return day_cells(catalog, program, start, first or start, last or today, today, facts)


def state_of(
    catalog: Catalog,
    facts: DayFacts,
    day: date = START + timedelta(days=1),
    today: date = START + timedelta(days=3),
) -> str:
    return cells(catalog, {day: facts}, today, last=max(day, today))[(day - START).days].state


def test_day_states(catalog: Catalog) -> None:
    assert state_of(catalog, done(*BASICS)) == "done"
    assert state_of(catalog, done("short-foot")) == "partial"
    assert state_of(catalog, DayFacts()) == "missed"
    assert state_of(catalog, skipped_with_reason(*BASICS)) == "skipped"
    no_reason = DayFacts({i: "skipped" for i in BASICS})
    assert state_of(catalog, no_reason) == "missed"
    three_and_a_reason = DayFacts(
        {**done(*BASICS[:3]).status, BASICS[3]: "skipped"}, reasoned=frozenset(BASICS[3:])
    )
    assert state_of(catalog, three_and_a_reason) == "done"
    rest_day = START + timedelta(days=6)
    assert state_of(catalog, DayFacts(), day=rest_day, today=rest_day + timedelta(days=2)) == "rest"
    plan = DayPlan(START + timedelta(days=1), "desk-five", "pain", "2026-03-03T07:00:00Z")
    assert state_of(catalog, DayFacts(plan=plan)) == "adapted"
    assert state_of(catalog, DayFacts(), day=START + timedelta(days=5)) == "future"
    today = START + timedelta(days=3)
    assert state_of(catalog, DayFacts(), day=today, today=today) == "future"  # still open
    before = cells(catalog, {}, today, first=START - timedelta(days=2))[0]
    assert before.state == "before-start"


def test_streak_rules(catalog: Catalog) -> None:
    today = START + timedelta(days=13)  # two weeks; days 7 and 14 are rest days
    facts = {START + timedelta(days=n): done(*BASICS) for n in range(14) if n not in (6, 13)}
    s = compute_stats(cells(catalog, facts, today), today)
    assert (s.current_streak, s.longest_streak) == (12, 12)
    # A missed planned day breaks it; one with a reason or adapted does not.
    gap = dict(facts)
    del gap[START + timedelta(days=9)]
    s = compute_stats(cells(catalog, gap, today), today)
    assert (s.current_streak, s.longest_streak) == (3, 8)
    gap[START + timedelta(days=9)] = skipped_with_reason(*BASICS)
    assert compute_stats(cells(catalog, gap, today), today).current_streak == 11
    plan = DayPlan(START + timedelta(days=9), "desk-five", "pain", "2026-03-11T07:00:00Z")
    gap[START + timedelta(days=9)] = DayFacts(plan=plan)
    assert compute_stats(cells(catalog, gap, today), today).current_streak == 11
    # Today, still open, does not break it.
    tomorrow = today + timedelta(days=1)
    assert compute_stats(cells(catalog, facts, tomorrow), tomorrow).current_streak == 12


def test_streak_across_a_year_end_and_a_leap_day(catalog: Catalog) -> None:
    start = date(2027, 12, 20)
    today = date(2028, 3, 5)
    planner_cells = cells(catalog, {}, today, start=start)
    facts = {
        c.day: done(*BASICS, "single-leg-balance", "heel-raises", "toe-yoga", "heel-walks")
        for c in planner_cells
        if c.state == "missed"
    }
    s = compute_stats(cells(catalog, facts, today, start=start), today)
    practised = sum(1 for c in cells(catalog, facts, today, start=start) if c.done)
    assert s.current_streak == s.longest_streak == practised
    assert date(2028, 2, 29) in {c.day for c in planner_cells}


def test_a_day_stays_where_it_was_lived() -> None:
    # Facts are keyed by the stored local date: a session logged at 23:30 in Tokyo belongs
    # to that Tokyo date even when the user is now in Berlin; nothing re-derives it.
    from datetime import UTC, datetime

    from footbase_tui.core.localtime import LocalTime

    instant = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
    assert LocalTime("Asia/Tokyo").day_of(instant) == date(2026, 3, 2)
    assert LocalTime("America/Los_Angeles").day_of(instant) == date(2026, 3, 2)
    assert LocalTime("Pacific/Kiritimati").day_of(instant) == date(2026, 3, 3)


def test_adherence_counts_complete_days_and_today_once_done(catalog: Catalog) -> None:
    today = START + timedelta(days=7)  # Monday of week 2
    facts = {START + timedelta(days=n): done(*BASICS[: n % 4 + 1]) for n in range(6)}
    facts[today] = done(*BASICS[:2])  # today still open: the 7 days end yesterday
    s = compute_stats(cells(catalog, facts, today), today)
    # Days 1-6 planned 4 each (day 7 rest): done 1+2+3+4+1+2 = 13 of 24.
    assert s.adherence[7] == round(13 / 24, 3)
    assert s.adherence[30] == s.adherence[7]
    facts[today] = done(*BASICS)  # today done: it counts, and the 7 days end today
    s = compute_stats(cells(catalog, facts, today), today)
    assert s.adherence[7] == round((2 + 3 + 4 + 1 + 2 + 4) / 24, 3)
    assert s.adherence[30] == round((13 + 4) / 28, 3)


def test_a_good_first_day_reads_full_adherence(catalog: Catalog) -> None:
    s = compute_stats(cells(catalog, {START: done(*BASICS)}, START), START)
    assert s.adherence[7] == 1.0


def test_period_stats_count_only_the_days_of_the_period(catalog: Catalog) -> None:
    from footbase_tui.core.calendar import period_stats

    today = START + timedelta(days=20)
    # Practised days 0-4, missed 5, rest 6, practised 7-9, missed the rest; today open.
    facts = {START + timedelta(days=n): done(*BASICS) for n in (0, 1, 2, 3, 4, 7, 8, 9)}
    all_cells = cells(catalog, facts, today)
    whole = period_stats(all_cells, START, today, today)
    assert (whole.days_practised, whole.longest_streak) == (8, 5)
    # Days 2-9: 3 then 3 practised (the missed day 5 ends a run), 6 of 7 planned days done.
    part = period_stats(all_cells, START + timedelta(days=2), START + timedelta(days=9), today)
    assert (part.days_practised, part.longest_streak, part.adherence) == (6, 3, round(6 / 7, 3))
    assert period_stats(all_cells, today, today, today).adherence is None  # open, nothing complete


def test_habit_strength_smooths_and_freezes(catalog: Catalog) -> None:
    today = START + timedelta(days=5)
    facts = {START + timedelta(days=n): done(*BASICS) for n in range(6)}
    s = compute_stats(cells(catalog, facts, today), today)
    expected = 0.0
    for _ in range(6):
        expected = expected * MULTIPLIER + (1 - MULTIPLIER)
    assert s.strength == round(expected, 4)
    # A rest day (day 7) leaves it where it was.
    rest_day = START + timedelta(days=6)
    assert compute_stats(cells(catalog, facts, rest_day), rest_day).strength == s.strength
    assert MULTIPLIER == 0.5 ** (1 / 13)


def test_grid_weeks_and_months() -> None:
    g = grid(date(2025, 12, 1), date(2026, 2, 28))
    assert all(len(w) == 7 for w in g.weeks)
    assert g.weeks[0][0] == date(2025, 12, 1)  # a Monday
    assert g.months[0] == "Dec" and "Jan" in g.months.values() and "Feb" in g.months.values()
    sunday = grid(date(2025, 12, 1), date(2025, 12, 31), "sunday")
    assert sunday.weeks[0][0] is None and sunday.weeks[0][1] == date(2025, 12, 1)
    assert months_back(date(2026, 1, 15), 12) == date(2025, 2, 1)
    assert months_back(date(2026, 1, 15), 1) == date(2026, 1, 1)


Run = Callable[..., RunResult]


def test_calendar_json(run: Run) -> None:
    run("done", "--all", "--date", "yesterday")
    run("done", "short-foot")
    run("pain", "4")
    run("pain", "6")
    data = json.loads(run("calendar", "--json", "--months", "1").out)
    assert set(data) == {"days", "current_streak", "longest_streak", "adherence", "strength"}
    assert data["days"]["2026-03-02"] == {"planned": 4, "done": 4, "state": "done", "pain_avg": None}
    assert data["days"]["2026-03-03"] == {"planned": 4, "done": 1, "state": "partial", "pain_avg": 5.0}
    assert data["days"]["2026-03-01"]["state"] == "before-start"
    assert data["current_streak"] == 2 and set(data["adherence"]) == {"7", "30", "90"}
    assert 0 < data["strength"] < 1


def test_calendar_text_has_no_colour_off_a_terminal(run: Run) -> None:
    run("done", "--all")
    r = run("calendar", "--months", "2")
    assert r.code == 0 and "\x1b[" not in r.out
    lines = r.out.splitlines()
    assert lines[0] == "Feb 2026 – Mar 2026"  # the months and their year
    assert lines[2].startswith("Mon") and lines[8].startswith("Sun")
    assert "█" in r.out and "streak 1" in r.out and "adherence" in r.out
    run("pain", "4")
    run("pain", "7")
    pain_rows = run("calendar", "--pain", "--months", "1").out.splitlines()
    tuesday = next(line for line in pain_rows if line.startswith("Tue"))
    from footbase_tui.heatmap import PAIN_GLYPHS

    assert tuesday.rstrip().endswith(PAIN_GLYPHS[6])  # today: (4 + 7) / 2 = 5.5, shown as 6
    legend = next(line for line in pain_rows if "pain 0" in line)
    assert PAIN_GLYPHS[6] != PAIN_GLYPHS[4] and "the day's average" in legend


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["calendar", "--months", "0"], "1 to 100000"),
        (["calendar", "--months", "500"], "1 to 120"),
        (["calendar", "--year", "2099"], "1970 to 2026"),
    ],
)
def test_calendar_bad_input(run: Run, argv: list[str], says: str) -> None:
    r = run(*argv)
    assert r.code == 2 and says in r.err


@pytest.mark.parametrize("seed", range(5))
def test_the_fast_path_for_many_days_agrees_with_the_rules_of_one_day(catalog: Catalog, seed: int) -> None:
    """day_cells inlines the common day; every cell must be what day_cell says."""
    import random

    from footbase_tui.core.calendar import Planner, day_cell

    rng = random.Random(seed)
    program = catalog.programs["foundation"]
    exercises = sorted(catalog.exercises)
    today = START + timedelta(days=120)
    planner = Planner(catalog, program, START)
    facts: dict[date, DayFacts] = {}
    for n in range(-5, 130):
        day = START + timedelta(days=n)
        picked = rng.sample(exercises, rng.randint(0, 6))
        status = {ex: rng.choice(("done", "done", "skipped", "todo")) for ex in picked}
        roll = rng.random()
        if roll < 0.4:
            status.update(dict.fromkeys(planner.planned(day) or (), "done"))
        elif roll < 0.55:
            status.update(dict.fromkeys(planner.planned(day) or (), "skipped"))
        reasoned = frozenset(ex for ex, st in status.items() if st == "skipped" and rng.random() < 0.9)
        plan = None
        if rng.random() < 0.1:
            plan = DayPlan(
                day,
                rng.choice(("desk-five", "foundation", "gone")),
                rng.choice(("pain", "choice")),
                "2026-03-03T07:00:00Z",
            )
        pain = tuple(rng.randint(0, 10) for _ in range(rng.randint(0, 2)))
        facts[day] = DayFacts(status, plan, pain, reasoned)
    gentle = Planner(catalog, catalog.programs["desk-five"], date.min)
    first, last = START - timedelta(days=5), START + timedelta(days=129)
    expected = [
        day_cell(
            planner,
            gentle,
            first + timedelta(days=k),
            today,
            facts.get(first + timedelta(days=k), DayFacts()),
        )
        for k in range((last - first).days + 1)
    ]
    got = day_cells(catalog, program, START, first, last, today, facts)
    assert got == expected
    assert {c.state for c in got} >= {
        "done",
        "partial",
        "missed",
        "rest",
        "before-start",
        "future",
        "adapted",
        "skipped",
    }


def test_a_partly_done_exercise_counts_its_share_of_sets(catalog: Catalog) -> None:
    day = START + timedelta(days=1)
    two_of_three = DayFacts({"short-foot": "partial"}, part={"short-foot": 2 / 3})
    today = START + timedelta(days=2)
    cell = cells(catalog, {day: two_of_three}, today, last=today)[1]
    assert (cell.state, cell.done) == ("partial", 0)
    assert cell.share == pytest.approx(2 / 3 / 4)
    from footbase_tui.core.calendar import shade

    assert shade(cell) == 1
    half_and_more = DayFacts(
        {"short-foot": "partial", **{i: "done" for i in BASICS[:2]}}, part={"short-foot": 0.5}
    )
    cell = cells(catalog, {day: half_and_more}, today, last=today)[1]
    assert cell.state == "partial" and shade(cell) == 2 and cell.share == pytest.approx(2.5 / 4)
    stats = compute_stats(cells(catalog, {day: half_and_more, START: done(*BASICS)}, today), today)
    assert stats.adherence[7] == pytest.approx(6.5 / 8, abs=1e-3)
    assert stats.current_streak == 2  # a partly done day is practised

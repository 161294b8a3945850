"""Pain trends: daily averages, series, the 14-day change, places, and the practice comparisons."""

from __future__ import annotations

from datetime import date

import pytest

from footbase_tui.core.calendar import DayCell
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.core.trends import (
    CORRELATION_NOTE,
    MIN_SIDE,
    after_practice,
    average_over,
    by_place,
    change_14,
    daily_average,
    series,
)

TODAY = date(2026, 3, 31)  # a Tuesday; recent side Mar 18..31, before side Mar 4..17


def pain(
    day: date, level: int, *where: str, at: str = "08:00", source: str = "cli", utc_day: date | None = None
) -> PainEntry:
    """A journal entry stored on local date `day`, logged at `at` UTC (on `utc_day`, default `day`)."""
    stamp = f"{(utc_day or day).isoformat()}T{at}:00Z"
    context = "exercise" if source == "check" else None
    return PainEntry(new_id(), stamp, "Europe/Berlin", day, level, tuple(where), context, "", source)


def mar(n: int) -> date:
    return date(2026, 3, n)


# ---- daily averages and series -----------------------------------------------------------

ENTRIES = [
    # 00:30 in Berlin on Mar 3 is still Mar 2 in UTC: it belongs to the stored date, Mar 3.
    pain(mar(3), 4, at="23:30", utc_day=mar(2)),
    pain(mar(3), 6),
    pain(mar(3), 8, at="18:00"),
    pain(mar(5), 3),
    pain(mar(7), 9),  # after the `today` used below
]


def test_daily_average_groups_by_the_stored_local_date() -> None:
    # Mar 3: (4 + 6 + 8) / 3 = 6.0; Mar 5: 3.0; Mar 7: 9.0. Mar 2 has nothing.
    assert daily_average(ENTRIES) == {mar(3): 6.0, mar(5): 3.0, mar(7): 9.0}
    assert list(daily_average(list(reversed(ENTRIES)))) == [mar(3), mar(5), mar(7)]  # date order
    assert daily_average([]) == {}


def test_series_ends_today_oldest_first_with_gaps() -> None:
    # Mar 2..Mar 6: nothing, 6.0, nothing, 3.0, nothing (Mar 7 is after today).
    assert series(ENTRIES, mar(6), 5) == [None, 6.0, None, 3.0, None]
    assert series(ENTRIES, mar(6), 1) == [None]
    assert len(series(ENTRIES, mar(6), 365)) == 365
    assert series(ENTRIES, mar(6), 365)[-5:] == [None, 6.0, None, 3.0, None]
    assert series([], mar(6), 30) == [None] * 30


def test_average_over_is_the_mean_of_daily_averages() -> None:
    # Mar 4..6: only Mar 5 -> 3.0.
    assert average_over(ENTRIES, mar(6), 3) == 3.0
    # Mar 3..6: (6.0 + 3.0) / 2 = 4.5 (the mean of the four entries would be 21 / 4 = 5.25).
    assert average_over(ENTRIES, mar(6), 4) == 4.5
    # Mar 6 alone: no entry. Mar 7 is after today and never counts.
    assert average_over(ENTRIES, mar(6), 1) is None
    assert average_over(ENTRIES, mar(6), 30) == 4.5


# ---- the 14-day change -------------------------------------------------------------------


def test_change_meaningful_by_points() -> None:
    # Before (Mar 4..17): 8, 8 -> 8.0. Recent (Mar 18..31): 6, 6 -> 6.0.
    # Delta -2.0 = 25% of 8: meaningful by points only.
    c = change_14([pain(mar(4), 8), pain(mar(17), 8), pain(mar(18), 6), pain(mar(31), 6)], TODAY)
    assert (c.recent, c.before, c.delta) == (6.0, 8.0, -2.0)
    assert c.percent == pytest.approx(-25.0)
    assert c.meaningful and c.direction == "better"
    assert (c.recent_days, c.before_days) == (2, 2)
    # The example, 6 -> 4 (also 33%).
    c = change_14([pain(mar(10), 6), pain(mar(20), 4)], TODAY)
    assert (c.delta, c.meaningful, c.direction) == (-2.0, True, "better")
    assert c.percent == pytest.approx(-100 / 3)


def test_change_meaningful_by_percent() -> None:
    # Before: Mar 10 -> 2.0. Recent: ten days of 1,1,1,1,1,1,1,2,2,2 -> 13 / 10 = 1.3.
    # Delta -0.7 is under 2 points but 0.7 / 2.0 = 35% of the baseline.
    recent = [pain(mar(18 + k), 1 if k < 7 else 2) for k in range(10)]
    c = change_14([pain(mar(10), 2), *recent], TODAY)
    assert c.recent == pytest.approx(1.3)
    assert c.delta == pytest.approx(-0.7)
    assert c.percent == pytest.approx(-35.0)
    assert c.meaningful and c.direction == "better"
    assert (c.recent_days, c.before_days) == (10, 1)
    # Exactly 30%: 2.0 -> 1, 1, 1, 2, 2 = 7 / 5 = 1.4 counts.
    c = change_14([pain(mar(10), 2), *[pain(mar(20 + k), 1 if k < 3 else 2) for k in range(5)]], TODAY)
    assert c.meaningful and c.direction == "better"
    # 2.0 -> 1.5 is 25%: not meaningful.
    c = change_14([pain(mar(10), 2), pain(mar(20), 1), pain(mar(21), 2)], TODAY)
    assert (c.meaningful, c.direction) == (False, "same")


def test_change_boundaries_survive_float_noise() -> None:
    # Before: one day of 7, 7, 8 -> 22/3. Recent: 1, 1, 2 -> 4/3 and 9, 9, 10 -> 28/3, so 16/3.
    # Exactly -2 points (27%), though the floats give -1.9999999999999991.
    before = [pain(mar(10), 7), pain(mar(10), 7), pain(mar(10), 8)]
    recent = [pain(mar(20), lv) for lv in (1, 1, 2)] + [pain(mar(21), lv) for lv in (9, 9, 10)]
    c = change_14(before + recent, TODAY)
    assert c.delta == pytest.approx(-2.0)
    assert (c.meaningful, c.direction) == (True, "better")
    # Before: 1, 2, 2 -> 5/3. Recent: 0 and 4, 4, 5 -> 13/3, so 13/6: +0.5 = exactly 30%.
    before = [pain(mar(10), lv) for lv in (1, 2, 2)]
    recent = [pain(mar(20), 0)] + [pain(mar(21), lv) for lv in (4, 4, 5)]
    c = change_14(before + recent, TODAY)
    assert c.percent == pytest.approx(30.0)
    assert (c.meaningful, c.direction) == (True, "worse")


def test_change_not_meaningful() -> None:
    # Before: 5 -> 5.0. Recent: 4, 5 -> 4.5. Delta -0.5 = 10%: "same".
    c = change_14([pain(mar(4), 5), pain(mar(18), 4), pain(mar(19), 5)], TODAY)
    assert (c.recent, c.before, c.delta) == (4.5, 5.0, -0.5)
    assert c.percent == pytest.approx(-10.0)
    assert (c.meaningful, c.direction) == (False, "same")


def test_change_worse_and_the_window_edges() -> None:
    entries = [
        pain(mar(3), 10),  # today - 28: outside both sides
        pain(mar(4), 3),  # today - 27: the first day of the before side
        pain(mar(17), 3),  # today - 14: the last day of the before side
        pain(mar(18), 5),  # today - 13: the first day of the recent side
        pain(date(2026, 4, 1), 0),  # after today
    ]
    c = change_14(entries, TODAY)
    # Before (3 + 3) / 2 = 3.0, recent 5.0: +2.0 points (67%) -> worse.
    assert (c.recent, c.before, c.delta) == (5.0, 3.0, 2.0)
    assert c.percent == pytest.approx(200 / 3)
    assert (c.meaningful, c.direction) == (True, "worse")
    assert (c.recent_days, c.before_days) == (1, 2)


def test_change_from_a_zero_baseline() -> None:
    # 0 -> 1: no percent of nothing, 1 point is not meaningful. 0 -> 2 is.
    c = change_14([pain(mar(10), 0), pain(mar(20), 1)], TODAY)
    assert (c.delta, c.percent, c.meaningful, c.direction) == (1.0, None, False, "same")
    c = change_14([pain(mar(10), 0), pain(mar(20), 2)], TODAY)
    assert (c.percent, c.meaningful, c.direction) == (None, True, "worse")


def test_change_unknown_with_an_empty_side() -> None:
    c = change_14([pain(mar(20), 6), pain(mar(21), 2)], TODAY)
    assert (c.recent, c.before, c.delta, c.percent) == (4.0, None, None, None)
    assert (c.meaningful, c.direction) == (False, "unknown")
    assert (c.recent_days, c.before_days) == (2, 0)
    c = change_14([pain(mar(10), 6)], TODAY)
    assert (c.recent, c.before, c.direction, c.recent_days) == (None, 6.0, "unknown", 0)
    assert change_14([], TODAY).direction == "unknown"


# ---- places ------------------------------------------------------------------------------


def test_by_place_counts_each_place_and_sorts() -> None:
    entries = [
        pain(mar(5), 6, "heel", "arch"),
        pain(mar(10), 6, "heel"),
        pain(mar(20), 4, "heel", "arch"),
        pain(mar(31), 4, "heel"),
        pain(mar(25), 7, "toes"),
        pain(mar(26), 5, "toes"),
        pain(mar(27), 2, "ankle"),
        pain(mar(28), 3),  # no place: in none
        pain(mar(29), 2, "ball", "ball"),  # named twice, counted once
    ]
    trends = by_place(entries, TODAY)
    # heel 4 entries; toes and arch 2 each, toes' average (7+5)/2 = 6.0 above arch's (6+4)/2 = 5.0;
    # ankle and ball 1 each at 2.0: by name.
    assert [(t.place, t.entries, t.average) for t in trends] == [
        ("heel", 4, 5.0),  # (6 + 6 + 4 + 4) / 4
        ("toes", 2, 6.0),
        ("arch", 2, 5.0),
        ("ankle", 1, 2.0),
        ("ball", 1, 2.0),
    ]
    heel, toes, arch = trends[0].change, trends[1].change, trends[2].change
    # heel: before Mar 5, 10 -> 6.0; recent Mar 20, 31 -> 4.0: -2 points, better.
    assert (heel.before, heel.recent, heel.direction) == (6.0, 4.0, "better")
    assert (heel.before_days, heel.recent_days) == (2, 2)
    # arch shares the heel's two-place entries: 6.0 -> 4.0 as well, one day each side.
    assert (arch.before, arch.recent, arch.direction) == (6.0, 4.0, "better")
    assert (arch.before_days, arch.recent_days) == (1, 1)
    # toes: nothing before.
    assert (toes.recent, toes.direction) == (6.0, "unknown")
    assert by_place([], TODAY) == []


# ---- practice comparisons ----------------------------------------------------------------

DONE_BY_STATE = {"done": 4, "partial": 2, "adapted": 2, "adapted-none": 0}


def cell(day: date, state: str) -> DayCell:
    """A hand-built calendar day; "adapted-none" is an adapted day with nothing done."""
    done = DONE_BY_STATE.get(state, 0)
    planned = 0 if state in ("rest", "before-start") else 4
    return DayCell(day, planned, done, "adapted" if state == "adapted-none" else state, None)


def test_after_practice() -> None:
    states = {
        1: "before-start",
        2: "done",
        3: "done",
        4: "missed",
        5: "done",
        6: "partial",
        7: "missed",
        8: "rest",
        9: "done",
        10: "missed",
        11: "adapted-none",
        12: "skipped",
        13: "adapted",
        14: "done",
        15: "future",
    }
    cells = {mar(n): cell(mar(n), s) for n, s in states.items()}
    daily = {
        mar(1): 9.0,  # Feb 28 is not in the calendar: out
        mar(2): 9.0,  # after before-start: out
        mar(3): 3.0,  # after done
        mar(4): 4.0,  # after done
        mar(5): 6.0,  # after missed
        mar(6): 2.0,  # after done
        # Mar 7 (after partial) has no pain entry: not counted
        mar(8): 7.0,  # after missed
        mar(9): 9.0,  # after rest: out
        mar(10): 2.0,  # after done
        mar(11): 6.0,  # after missed
        mar(12): 8.0,  # after an adapted day with nothing done: out
        mar(13): 8.0,  # after skipped: out
        mar(14): 1.0,  # after adapted with practice
        mar(16): 9.0,  # after future: out
    }
    c = after_practice(cells, daily)
    # After practice: 3, 4, 2, 2, 1 -> 12 / 5 = 2.4. After missed: 6, 7, 6 -> 19 / 3.
    assert (c.n_a, c.n_b) == (5, 3)
    assert c.mean_a == pytest.approx(2.4)
    assert c.mean_b == pytest.approx(19 / 3)
    assert (c.enough, c.missing) == (True, "")
    assert (c.label_a, c.label_b) == ("after a day practised", "after a planned day missed")

    short = {d: v for d, v in daily.items() if d not in (mar(8), mar(11))}
    c = after_practice(cells, short)
    assert (c.n_a, c.n_b, c.mean_b) == (5, 1, 6.0)
    assert not c.enough
    assert c.missing == "needs at least 3 days with pain logged after a planned day missed (has 1)"

    c = after_practice(cells, {mar(3): 3.0, mar(5): 6.0})
    assert c.missing == (
        "needs at least 3 days with pain logged after a day practised (has 1) "
        "and at least 3 days with pain logged after a planned day missed (has 1)"
    )
    c = after_practice(cells, {})
    assert (c.mean_a, c.mean_b, c.n_a, c.n_b, c.enough) == (None, None, 0, 0, False)


def test_constants() -> None:
    assert MIN_SIDE == 3
    assert "not proof" in CORRELATION_NOTE


def test_by_place_takes_the_change_from_the_history() -> None:
    # The period holds only the recent heel entry; the history has the one before it too.
    recent = [pain(mar(31), 3, "heel")]
    history = [pain(mar(10), 6, "heel"), *recent]
    [heel] = by_place(recent, TODAY, history)
    assert (heel.entries, heel.average) == (1, 3.0)
    assert (heel.change.before, heel.change.recent, heel.change.direction) == (6.0, 3.0, "better")
    [alone] = by_place(recent, TODAY)
    assert alone.change.direction == "unknown"

"""The practice-pain answer: weekly adherence and pain, the comparisons, the trend, the words.

Each history is small enough to check by hand; the comments show the arithmetic.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from footbase_tui.core.calendar import DayCell
from footbase_tui.core.practice_pain import (
    MIN_TREND_WEEKS,
    Week,
    adherent_weeks,
    around_sessions,
    comparison_sentence,
    trend_sentence,
    weekly_trend,
    weeks_of,
)
from footbase_tui.core.records import ItemResult, PainEntry, Session, new_id
from footbase_tui.core.trends import after_practice

MON = date(2026, 1, 5)  # a Monday


def day(n: int) -> date:
    return MON + timedelta(days=n)


def cell(d: date, code: str) -> DayCell:
    """d: all 4 planned done; h: 2 of 4; m: missed; r: rest; f: future; b: before the start."""
    planned = 0 if code in "rb" else 4
    done = {"d": 4, "h": 2}.get(code, 0)
    state = {"d": "done", "h": "partial", "m": "missed", "r": "rest", "f": "future", "b": "before-start"}[
        code
    ]
    return DayCell(d, planned, done, state, None)


def calendar(codes: str, start: date = MON) -> dict[date, DayCell]:
    """One cell per letter from `start` on (spaces are ignored, for readability)."""
    letters = codes.replace(" ", "")
    return {start + timedelta(days=k): cell(start + timedelta(days=k), c) for k, c in enumerate(letters)}


# ---- weeks -------------------------------------------------------------------------------


def test_weeks_of_counts_adherence_with_partial_shares_and_cuts_at_the_ends() -> None:
    # Week 1: d d h m d r r -> planned 5 days x 4 = 20, done 4 + 4 + 2 + 0 + 4 = 14 -> 70%.
    # Week 2: d d d f f f f (today is Wednesday) -> planned 12, done 12, not complete.
    cells = calendar("ddhmdrr dddffff")
    daily = {day(0): 6.0, day(2): 4.0, day(8): 3.0}
    weeks = weeks_of(cells, daily, MON, day(13))
    assert [w.start for w in weeks] == [MON, day(7)]
    w1, w2 = weeks
    assert (w1.planned, w1.done, w1.complete, w1.pain, w1.pain_days) == (20, 14.0, True, 5.0, 2)
    assert w1.adherence == pytest.approx(0.7)
    assert (w2.planned, w2.done, w2.complete, w2.adherence, w2.pain) == (12, 12.0, False, 1.0, 3.0)
    # A period starting on Wednesday cuts week 1: only Wed..Sun count, and it is not complete.
    cut = weeks_of(cells, daily, day(2), day(13))[0]
    assert (cut.planned, cut.done, cut.complete, cut.pain) == (12, 6.0, False, 4.0)
    # Rest and before-start weeks hold no plan: no adherence.
    empty = weeks_of(calendar("bbbbbbb"), {}, MON, day(6))[0]
    assert (empty.adherence, empty.pain, empty.complete) == (None, None, False)


def week(start: date, pain: float | None, share: float | None, complete: bool = True) -> Week:
    planned = 0 if share is None else 20
    return Week(start, pain, 0 if pain is None else 1, planned, (share or 0) * planned, complete)


def test_adherent_weeks_improving_with_practice() -> None:
    weeks = [
        week(day(0), 6.0, 0.5),
        week(day(7), 6.5, 0.6),
        week(day(14), 3.0, 0.8),  # exactly 80% counts as adherent
        week(day(21), 5.5, 0.79),
        week(day(28), 2.0, 1.0),
        week(day(35), 2.5, 0.9),
        week(day(42), 9.0, 0.2, complete=False),  # this week: out
        week(day(49), None, 1.0),  # no pain logged: out
        week(day(56), 4.0, None),  # nothing planned: out
    ]
    c = adherent_weeks(weeks)
    # 80%+: 3.0, 2.0, 2.5 -> 7.5 / 3 = 2.5. Below: 6.0, 6.5, 5.5 -> 18 / 3 = 6.0.
    assert (c.n_a, c.n_b, c.enough, c.unit) == (3, 3, True, "weeks")
    assert (c.mean_a, c.mean_b) == (2.5, 6.0)
    assert comparison_sentence(c) == (
        "Pain in weeks with 80%+ of the plan done: 2.5 (3 weeks); in weeks below 80%: 6.0 (3 weeks); "
        "3.5 points lower in weeks with 80%+ of the plan done."
    )


def test_adherent_weeks_no_difference() -> None:
    weeks = [week(day(7 * k), 4.0 + (k % 2) * 0.5, 0.9 if k < 3 else 0.4) for k in range(6)]
    c = adherent_weeks(weeks)
    # 80%+: 4.0, 4.5, 4.0 -> 12.5 / 3; below: 4.5, 4.0, 4.5 -> 13 / 3: 0.17 apart.
    assert (c.n_a, c.n_b) == (3, 3)
    assert c.mean_a == pytest.approx(12.5 / 3)
    assert comparison_sentence(c).endswith("; about the same.")


def test_adherent_weeks_too_little_data_says_what_is_missing() -> None:
    # Someone who keeps the plan every week: no week below 80% to compare with.
    c = adherent_weeks([week(day(7 * k), 3.0, 1.0) for k in range(5)])
    assert (c.n_a, c.n_b, c.enough) == (5, 0, False)
    assert c.missing == "needs at least 3 weeks below 80% with pain logged (has 0)"
    assert comparison_sentence(c) == (
        "Pain in weeks with 80%+ of the plan done vs in weeks below 80%: "
        "needs at least 3 weeks below 80% with pain logged (has 0)."
    )


# ---- after a practice day, on the program's own schedule --------------------------------


def test_after_practice_reachable_with_a_four_day_week() -> None:
    # Maintenance-like: practice Mon, Tue, Thu, Fri; Wed and weekends rest; one missed Thu a week.
    cells = calendar("ddrmdrr ddrmdrr ddrmdrr")
    # Pain each Tue (after Mon done), Fri (after Thu missed): 3 weeks of each.
    daily = {}
    for k in range(3):
        daily[day(7 * k + 1)] = 2.0 + k * 0.5  # 2.0, 2.5, 3.0
        daily[day(7 * k + 4)] = 5.0
    c = after_practice(cells, daily)
    assert (c.n_a, c.n_b, c.enough) == (3, 3, True)
    assert (c.mean_a, c.mean_b) == (2.5, 5.0)
    assert comparison_sentence(c) == (
        "Pain after a day practised: 2.5 (3 days); after a planned day missed: 5.0 (3 days); "
        "2.5 points lower after a day practised."
    )


# ---- around sessions ---------------------------------------------------------------------


def session(d: date, start: str, end: str | None, status: str = "done") -> Session:
    item = ItemResult("short-foot", 1, status, f"{d}T{start}:00Z", 3, 6)
    return Session(
        new_id(),
        d,
        "UTC",
        f"{d}T{start}:00Z",
        f"{d}T{end}:00Z" if end else None,
        "foundation",
        "walk",
        (item,),
    )


def entry(d: date, at: str, level: int, source: str = "cli") -> PainEntry:
    return PainEntry(new_id(), f"{d}T{at}:00Z", "UTC", d, level, (), None, "", source)


def test_around_sessions_uses_24_hour_windows() -> None:
    sessions = [
        session(day(1), "08:00", "08:30"),
        session(day(1), "18:00", "18:20"),  # the same day: practice runs 08:00..18:20
        session(day(3), "08:00", "08:30"),
        session(day(5), "08:00", None),  # no end: its start stands for both
        session(day(6), "09:00", "09:30", status="skipped"),  # nothing done: not practice
    ]
    entries = [
        entry(day(0), "09:00", 6),  # 23 h before day 1's start: before
        entry(day(0), "07:00", 9),  # 25 h before: out of the window
        entry(day(1), "12:00", 1),  # during day 1's practice: neither
        entry(day(1), "20:00", 3),  # after day 1 ...
        entry(day(2), "18:00", 4),  # ... 23 h 40 min after its end; also before day 3
        entry(day(3), "09:00", 2, source="check"),  # after day 3
        entry(day(4), "08:00", 5),  # 23.5 h after day 3; 24 h before day 5 (inclusive)
        entry(day(5), "09:00", 1),  # after day 5
    ]
    c = around_sessions(sessions, entries)
    # Day 1: before 6; after (3 + 4) / 2 = 3.5. Day 3: before 4; after (2 + 5) / 2 = 3.5.
    # Day 5: before 5; after 1. After: 8 / 3; before: 15 / 3 = 5.0.
    assert (c.n_a, c.n_b, c.enough, c.unit) == (3, 3, True, "practice days")
    assert c.mean_a == pytest.approx(8 / 3)
    assert c.mean_b == 5.0
    assert comparison_sentence(c) == (
        "Pain in the 24 h after a session: 2.7; in the 24 h before: 5.0 (3 practice days); "
        "2.3 points lower in the 24 h after a session."
    )


def test_around_sessions_too_little_data() -> None:
    sessions = [session(day(1), "08:00", "08:30"), session(day(3), "08:00", "08:30")]
    # Only evening entries after day 1: nothing before any session.
    c = around_sessions(sessions, [entry(day(1), "20:00", 3)])
    assert (c.n_a, c.enough) == (0, False)
    assert c.missing == (
        "needs at least 3 practice days with pain logged in the 24 h before and in the 24 h after (has 0)"
    )


# ---- the weekly trend --------------------------------------------------------------------


def test_weekly_trend_falling_flat_and_too_short() -> None:
    falling = [week(day(7 * k), p, 1.0) for k, p in enumerate((6.0, 5.0, None, 3.0, 2.0))]
    t = weekly_trend(falling, MON)
    # Points (0, 6), (1, 5), (3, 3), (4, 2): exactly -1 a week, from 6 to 2 over 5 weeks.
    assert (t.weeks, t.span, t.direction, t.missing) == (4, 5, "falling", "")
    assert t.per_week == pytest.approx(-1.0)
    assert t.start == pytest.approx(6.0)
    assert t.end == pytest.approx(2.0)
    assert trend_sentence(t) == (
        "Weekly pain over 5 weeks of the program (4 with entries): falling, "
        "from about 6.0 to about 2.0 (-1.00 a week)."
    )
    flat = weekly_trend([week(day(7 * k), 4.0 + (k % 2) * 0.4, 1.0) for k in range(6)], MON)
    assert flat.direction == "flat"
    assert "about flat" in trend_sentence(flat)
    # Weeks before the program's first week are left out: from day 14 on, 2 weeks have pain.
    t = weekly_trend(falling, day(14))
    assert (t.weeks, t.direction) == (2, "unknown")
    assert t.missing == f"needs at least {MIN_TREND_WEEKS} weeks with pain logged (has 2)"
    assert trend_sentence(t) == f"Weekly pain over the program: {t.missing}."

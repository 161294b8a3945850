"""The gentle offer after a session: a rise of 2 points over the last entry before a session
of today offers the gentle program for the rest of the day (core.adapt.session_rise)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

from footbase_tui.core.adapt import gentle_offer, session_rise
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import ItemResult, PainEntry, Session, new_id
from tests.conftest import Result

DAY = date(2026, 3, 3)
ZONE = "Europe/Berlin"  # UTC+1 in March: 07:00Z is 08:00 on the person's clock


def entry(level: int, hour: int, minute: int = 0, day: date = DAY) -> PainEntry:
    return PainEntry(new_id(), f"{day}T{hour:02d}:{minute:02d}:00Z", ZONE, day, level)


def session(hour: int, status: str = "done", day: date = DAY) -> Session:
    start, end = f"{day}T{hour:02d}:00:00Z", f"{day}T{hour:02d}:20:00Z"
    item = ItemResult("short-foot", 1, status, end, sets=3 if status == "done" else 0)
    return Session(new_id(), day, ZONE, start, end, "foundation", "walkthrough", (item,))


def test_a_rise_of_two_after_this_mornings_session_offers_the_rest_of_the_day_gently() -> None:
    offer = session_rise([entry(3, 6), entry(5, 7, 30)], [session(7)], DAY)
    assert offer is not None and offer.after_session and offer.level == 5
    assert offer.reason == "pain 5/10 after this morning's session, up from 3 before"


def test_a_rise_of_one_offers_nothing() -> None:
    assert session_rise([entry(3, 6), entry(4, 7, 30)], [session(7)], DAY) is None


def test_a_later_lower_entry_takes_the_offer_back() -> None:
    # The latest entry decides: pain back near where it was is no reason to go gently.
    pain = [entry(3, 6), entry(6, 7, 30), entry(4, 10)]
    assert session_rise(pain, [session(7)], DAY) is None
    # ... but pain still up by 2 at the later entry keeps it, with that entry's level.
    offer = session_rise([entry(3, 6), entry(7, 7, 30), entry(5, 10)], [session(7)], DAY)
    assert offer is not None and offer.level == 5


def test_an_entry_before_any_session_offers_nothing_from_this_rule() -> None:
    # 6 logged at 06:00, the session at 07:00 and no entry since: nothing after it to compare.
    assert session_rise([entry(2, 5), entry(6, 6)], [session(7)], DAY) is None
    assert session_rise([entry(2, 5), entry(6, 6)], [], DAY) is None


def test_a_session_with_no_entry_before_it_offers_nothing() -> None:
    assert session_rise([entry(8, 8)], [session(7)], DAY) is None
    old = entry(2, 6, day=DAY - timedelta(days=4))  # older than the three-day baseline
    assert session_rise([old, entry(8, 8)], [session(7)], DAY) is None


def test_yesterdays_entry_is_the_baseline_and_the_largest_rise_counts() -> None:
    # Up from 2 (last night) before the morning session; the afternoon one started at 5.
    pain = [entry(2, 20, day=DAY - timedelta(days=1)), entry(5, 8), entry(6, 14)]
    offer = session_rise(pain, [session(7), session(13)], DAY)
    assert offer is not None
    assert offer.reason == "pain 6/10 after this morning's session, up from 2 before"


def test_only_practice_counts_and_only_todays() -> None:
    pain = [entry(3, 6), entry(6, 8)]
    assert session_rise(pain, [session(7, status="skipped")], DAY) is None
    assert session_rise(pain, [session(7, day=DAY - timedelta(days=1))], DAY) is None


def test_the_part_of_the_day_is_on_the_sessions_own_clock() -> None:
    offer = session_rise([entry(3, 12), entry(6, 14)], [session(13)], DAY)  # 14:00 in Berlin
    assert offer is not None and "after this afternoon's session" in offer.reason
    offer = session_rise([entry(3, 17), entry(6, 19)], [session(18)], DAY)  # 19:00 in Berlin
    assert offer is not None and "after this evening's session" in offer.reason


def test_the_day_compared_with_its_usual_is_unchanged() -> None:
    # The 14-day rule still reads only today's latest against the days before today.
    history = [entry(2, 8, day=DAY - timedelta(days=n)) for n in range(5, 0, -1)]
    offer = gentle_offer([*history, entry(4, 8)], DAY)
    assert offer is not None and not offer.after_session


def test_the_shell_says_the_rest_of_the_day(run: Callable[..., Result], fake_clock: FakeClock) -> None:
    # The clock: 09:00 in Berlin. 3 at 08:00, the routine marked done at 09:00, 6 at 09:20.
    run("pain", "3", "--at", "8:00")
    assert run("done", "--all").code == 0
    fake_clock.advance(20 * 60)
    run("pain", "6")
    r = run("today")
    assert (
        "Pain 6/10 after this morning's session, up from 3 before: go gently for the rest of today" in r.out
    )
    data = json.loads(run("today", "--json").out)
    assert data["bad_day"]["after_session"] is True

"""Odd time zones: days of 23, 23.5, 24.5, 25 and 0 hours, midnights that do not exist,
half-hour offsets, and a server whose clock zone is not the person's.

Every expected local time, date and UTC instant below is written out by hand (checked
against the IANA database shipped with Python's zoneinfo); the code is never asked to
compute its own expectations.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest

from footbase_tui.config import Config
from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.localtime import LocalTime, TimeInputError, parse_at
from footbase_tui.system_zone import system_zone_name
from tests.conftest import Result, subprocess_env

Run = Callable[..., Result]
KIND = "time-zone cases checked"
LORD_HOWE = "Australia/Lord_Howe"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def lt(zone: str, starts: str = "00:00") -> LocalTime:
    h, m = map(int, starts.split(":"))
    return LocalTime(zone, time(h, m))


# ---- 1. which local day an instant belongs to ------------------------------------------------
# (zone, day_starts_at, instant in UTC, the local wall clock with its offset, the day it counts for)

DAY_OF = [
    # Europe/Berlin springs forward on 2026-03-29: 01:59 CET is followed by 03:00 CEST.
    ("Europe/Berlin", "00:00", utc(2026, 3, 28, 22, 59), "2026-03-28T23:59:00+01:00", date(2026, 3, 28)),
    ("Europe/Berlin", "00:00", utc(2026, 3, 28, 23, 0), "2026-03-29T00:00:00+01:00", date(2026, 3, 29)),
    ("Europe/Berlin", "00:00", utc(2026, 3, 29, 0, 59), "2026-03-29T01:59:00+01:00", date(2026, 3, 29)),
    ("Europe/Berlin", "00:00", utc(2026, 3, 29, 1, 0), "2026-03-29T03:00:00+02:00", date(2026, 3, 29)),
    ("Europe/Berlin", "00:00", utc(2026, 3, 29, 21, 59), "2026-03-29T23:59:00+02:00", date(2026, 3, 29)),
    ("Europe/Berlin", "00:00", utc(2026, 3, 29, 22, 0), "2026-03-30T00:00:00+02:00", date(2026, 3, 30)),
    # ... and falls back on 2026-10-25: 02:59 CEST is followed by 02:00 CET; 02:30 happens twice.
    ("Europe/Berlin", "00:00", utc(2026, 10, 24, 22, 0), "2026-10-25T00:00:00+02:00", date(2026, 10, 25)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 25, 0, 30), "2026-10-25T02:30:00+02:00", date(2026, 10, 25)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 25, 0, 59), "2026-10-25T02:59:00+02:00", date(2026, 10, 25)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 25, 1, 0), "2026-10-25T02:00:00+01:00", date(2026, 10, 25)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 25, 1, 30), "2026-10-25T02:30:00+01:00", date(2026, 10, 25)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 25, 22, 59), "2026-10-25T23:59:00+01:00", date(2026, 10, 25)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 25, 23, 0), "2026-10-26T00:00:00+01:00", date(2026, 10, 26)),
    # America/Santiago springs forward at midnight on 2025-09-07: the day starts at 01:00.
    ("America/Santiago", "00:00", utc(2025, 9, 7, 3, 59), "2025-09-06T23:59:00-04:00", date(2025, 9, 6)),
    ("America/Santiago", "00:00", utc(2025, 9, 7, 4, 0), "2025-09-07T01:00:00-03:00", date(2025, 9, 7)),
    ("America/Santiago", "00:00", utc(2025, 9, 8, 2, 59), "2025-09-07T23:59:00-03:00", date(2025, 9, 7)),
    ("America/Santiago", "00:00", utc(2025, 9, 8, 3, 0), "2025-09-08T00:00:00-03:00", date(2025, 9, 8)),
    # Australia/Lord_Howe moves by 30 minutes: +11:00 in summer, +10:30 in winter.
    # 2026-04-05 02:00 LHDT -> 01:30 LHST; 2026-10-04 02:00 LHST -> 02:30 LHDT.
    (LORD_HOWE, "00:00", utc(2026, 4, 4, 13, 0), "2026-04-05T00:00:00+11:00", date(2026, 4, 5)),
    (LORD_HOWE, "00:00", utc(2026, 4, 4, 14, 59), "2026-04-05T01:59:00+11:00", date(2026, 4, 5)),
    (LORD_HOWE, "00:00", utc(2026, 4, 4, 15, 0), "2026-04-05T01:30:00+10:30", date(2026, 4, 5)),
    (LORD_HOWE, "00:00", utc(2026, 4, 5, 13, 29), "2026-04-05T23:59:00+10:30", date(2026, 4, 5)),
    (LORD_HOWE, "00:00", utc(2026, 4, 5, 13, 30), "2026-04-06T00:00:00+10:30", date(2026, 4, 6)),
    (LORD_HOWE, "00:00", utc(2026, 10, 3, 15, 29), "2026-10-04T01:59:00+10:30", date(2026, 10, 4)),
    (LORD_HOWE, "00:00", utc(2026, 10, 3, 15, 30), "2026-10-04T02:30:00+11:00", date(2026, 10, 4)),
    (LORD_HOWE, "00:00", utc(2026, 10, 4, 12, 59), "2026-10-04T23:59:00+11:00", date(2026, 10, 4)),
    # Pacific/Apia skipped 2011-12-30: 2011-12-29 23:59 (-10:00) is followed by 2011-12-31 00:00 (+14:00).
    ("Pacific/Apia", "00:00", utc(2011, 12, 30, 9, 59), "2011-12-29T23:59:00-10:00", date(2011, 12, 29)),
    ("Pacific/Apia", "00:00", utc(2011, 12, 30, 10, 0), "2011-12-31T00:00:00+14:00", date(2011, 12, 31)),
    ("Pacific/Apia", "04:00", utc(2011, 12, 30, 13, 59), "2011-12-31T03:59:00+14:00", date(2011, 12, 30)),
    # Asia/Kolkata is +05:30 all year.
    ("Asia/Kolkata", "00:00", utc(2026, 3, 2, 18, 29), "2026-03-02T23:59:00+05:30", date(2026, 3, 2)),
    ("Asia/Kolkata", "00:00", utc(2026, 3, 2, 18, 30), "2026-03-03T00:00:00+05:30", date(2026, 3, 3)),
    ("Asia/Kolkata", "00:00", utc(2026, 7, 1, 0, 0), "2026-07-01T05:30:00+05:30", date(2026, 7, 1)),
    # A user 8 hours behind a UTC server: 17:00 in Los Angeles is 01:00 UTC the next day.
    ("America/Los_Angeles", "00:00", utc(2026, 3, 3, 1, 0), "2026-03-02T17:00:00-08:00", date(2026, 3, 2)),
    ("America/Los_Angeles", "00:00", utc(2026, 3, 3, 7, 59), "2026-03-02T23:59:00-08:00", date(2026, 3, 2)),
    ("America/Los_Angeles", "00:00", utc(2026, 3, 3, 8, 0), "2026-03-03T00:00:00-08:00", date(2026, 3, 3)),
    ("UTC", "00:00", utc(2026, 3, 3, 1, 0), "2026-03-03T01:00:00+00:00", date(2026, 3, 3)),
    # day_starts_at 04:00 around midnight (Berlin, an ordinary day) ...
    ("Europe/Berlin", "04:00", utc(2026, 3, 2, 22, 59), "2026-03-02T23:59:00+01:00", date(2026, 3, 2)),
    ("Europe/Berlin", "04:00", utc(2026, 3, 2, 23, 0), "2026-03-03T00:00:00+01:00", date(2026, 3, 2)),
    ("Europe/Berlin", "04:00", utc(2026, 3, 3, 2, 59), "2026-03-03T03:59:00+01:00", date(2026, 3, 2)),
    ("Europe/Berlin", "04:00", utc(2026, 3, 3, 3, 0), "2026-03-03T04:00:00+01:00", date(2026, 3, 3)),
    # ... across spring-forward: the night of the 28th ends at 04:00 CEST, an hour early in UTC ...
    ("Europe/Berlin", "04:00", utc(2026, 3, 28, 3, 0), "2026-03-28T04:00:00+01:00", date(2026, 3, 28)),
    ("Europe/Berlin", "04:00", utc(2026, 3, 29, 0, 59), "2026-03-29T01:59:00+01:00", date(2026, 3, 28)),
    ("Europe/Berlin", "04:00", utc(2026, 3, 29, 1, 0), "2026-03-29T03:00:00+02:00", date(2026, 3, 28)),
    ("Europe/Berlin", "04:00", utc(2026, 3, 29, 1, 59), "2026-03-29T03:59:00+02:00", date(2026, 3, 28)),
    ("Europe/Berlin", "04:00", utc(2026, 3, 29, 2, 0), "2026-03-29T04:00:00+02:00", date(2026, 3, 29)),
    # ... across fall-back: both 02:30s and 03:59 CET still count for the 24th ...
    ("Europe/Berlin", "04:00", utc(2026, 10, 25, 0, 30), "2026-10-25T02:30:00+02:00", date(2026, 10, 24)),
    ("Europe/Berlin", "04:00", utc(2026, 10, 25, 1, 30), "2026-10-25T02:30:00+01:00", date(2026, 10, 24)),
    ("Europe/Berlin", "04:00", utc(2026, 10, 25, 2, 59), "2026-10-25T03:59:00+01:00", date(2026, 10, 24)),
    ("Europe/Berlin", "04:00", utc(2026, 10, 25, 3, 0), "2026-10-25T04:00:00+01:00", date(2026, 10, 25)),
    # ... and in Santiago, whose missing midnight falls inside the night.
    ("America/Santiago", "04:00", utc(2025, 9, 7, 3, 59), "2025-09-06T23:59:00-04:00", date(2025, 9, 6)),
    ("America/Santiago", "04:00", utc(2025, 9, 7, 4, 0), "2025-09-07T01:00:00-03:00", date(2025, 9, 6)),
    ("America/Santiago", "04:00", utc(2025, 9, 7, 6, 59), "2025-09-07T03:59:00-03:00", date(2025, 9, 6)),
    ("America/Santiago", "04:00", utc(2025, 9, 7, 7, 0), "2025-09-07T04:00:00-03:00", date(2025, 9, 7)),
]


@pytest.mark.parametrize(("zone", "starts", "instant", "wall", "day"), DAY_OF)
def test_day_of(tally: Counter[str], zone: str, starts: str, instant: datetime, wall: str, day: date) -> None:
    tally[KIND] += 1
    local = lt(zone, starts)
    assert local.local(instant).isoformat() == wall
    assert local.day_of(instant) == day


# ---- 2. how long each local day is, in hours ------------------------------------------------
# Found by walking UTC in 15-minute steps (every offset here is a multiple of 30 minutes).

DAY_LENGTH = [
    ("Europe/Berlin", "00:00", date(2026, 3, 29), 23.0, utc(2026, 3, 28, 23, 0)),
    ("Europe/Berlin", "00:00", date(2026, 10, 25), 25.0, utc(2026, 10, 24, 22, 0)),
    ("Europe/Berlin", "00:00", date(2026, 3, 3), 24.0, utc(2026, 3, 2, 23, 0)),
    ("Europe/Berlin", "04:00", date(2026, 3, 28), 23.0, utc(2026, 3, 28, 3, 0)),
    ("Europe/Berlin", "04:00", date(2026, 3, 29), 24.0, utc(2026, 3, 29, 2, 0)),
    ("Europe/Berlin", "04:00", date(2026, 10, 24), 25.0, utc(2026, 10, 24, 2, 0)),
    ("America/Santiago", "00:00", date(2025, 9, 7), 23.0, utc(2025, 9, 7, 4, 0)),
    ("America/Santiago", "00:00", date(2025, 9, 6), 24.0, utc(2025, 9, 6, 4, 0)),
    ("America/Santiago", "04:00", date(2025, 9, 6), 23.0, utc(2025, 9, 6, 8, 0)),
    (LORD_HOWE, "00:00", date(2026, 4, 5), 24.5, utc(2026, 4, 4, 13, 0)),
    (LORD_HOWE, "00:00", date(2026, 10, 4), 23.5, utc(2026, 10, 3, 13, 30)),
    ("Pacific/Apia", "00:00", date(2011, 12, 29), 24.0, utc(2011, 12, 29, 10, 0)),
    ("Pacific/Apia", "00:00", date(2011, 12, 30), 0.0, None),  # the day that did not exist
    ("Pacific/Apia", "00:00", date(2011, 12, 31), 24.0, utc(2011, 12, 30, 10, 0)),
    ("Asia/Kolkata", "00:00", date(2026, 3, 3), 24.0, utc(2026, 3, 2, 18, 30)),
]


@pytest.mark.parametrize(("zone", "starts", "day", "hours", "first"), DAY_LENGTH)
def test_day_length(
    tally: Counter[str], zone: str, starts: str, day: date, hours: float, first: datetime | None
) -> None:
    tally[KIND] += 1
    local = lt(zone, starts)
    step = timedelta(minutes=15)
    t = datetime.combine(day, time(0, 0), UTC) - timedelta(days=1)
    counted = [t + i * step for i in range(4 * 24 * 3) if local.day_of(t + i * step) == day]
    assert len(counted) * 0.25 == hours
    assert (counted[0] if counted else None) == first


# ---- 3. parsing --at: what a time typed in the user's zone means ----------------------------
# (zone, day_starts_at, now, typed, the UTC instant or the start of the refusal)

PARSE_AT = [
    # Berlin spring-forward: 02:00-02:59 does not exist on 2026-03-29.
    ("Europe/Berlin", "00:00", utc(2026, 3, 30, 12), "2026-03-29T01:59", utc(2026, 3, 29, 0, 59)),
    ("Europe/Berlin", "00:00", utc(2026, 3, 30, 12), "2026-03-29T02:00", "2026-03-29 02:00 does not exist"),
    ("Europe/Berlin", "00:00", utc(2026, 3, 30, 12), "2026-03-29T02:30", "2026-03-29 02:30 does not exist"),
    ("Europe/Berlin", "00:00", utc(2026, 3, 30, 12), "2026-03-29T02:59", "2026-03-29 02:59 does not exist"),
    ("Europe/Berlin", "00:00", utc(2026, 3, 30, 12), "2026-03-29T03:00", utc(2026, 3, 29, 1, 0)),
    ("Europe/Berlin", "00:00", utc(2026, 3, 29, 12), "02:30", "2026-03-29 02:30 does not exist"),
    ("Europe/Berlin", "00:00", utc(2026, 3, 29, 12), "03:15", utc(2026, 3, 29, 1, 15)),
    ("Europe/Berlin", "00:00", utc(2026, 3, 30, 12), "yesterday 02:15", "2026-03-29 02:15 does not exist"),
    # Berlin fall-back: 02:30 on 2026-10-25 is ambiguous; footbase takes the first (CEST) one,
    # and an explicit offset picks the second.
    ("Europe/Berlin", "00:00", utc(2026, 10, 26, 12), "2026-10-25T02:30", utc(2026, 10, 25, 0, 30)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 26, 12), "2026-10-25T02:30+01:00", utc(2026, 10, 25, 1, 30)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 26, 12), "2026-10-25T02:00", utc(2026, 10, 25, 0, 0)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 26, 12), "2026-10-25T03:00", utc(2026, 10, 25, 2, 0)),
    ("Europe/Berlin", "00:00", utc(2026, 10, 25, 12), "02:30", utc(2026, 10, 25, 0, 30)),
    # Santiago: 2025-09-07 00:00-00:59 does not exist.
    ("America/Santiago", "00:00", utc(2025, 9, 8, 12), "2025-09-06T23:59", utc(2025, 9, 7, 3, 59)),
    ("America/Santiago", "00:00", utc(2025, 9, 8, 12), "2025-09-07T00:00", "2025-09-07 00:00 does not exist"),
    ("America/Santiago", "00:00", utc(2025, 9, 8, 12), "2025-09-07T00:30", "2025-09-07 00:30 does not exist"),
    ("America/Santiago", "00:00", utc(2025, 9, 8, 12), "2025-09-07T01:00", utc(2025, 9, 7, 4, 0)),
    ("America/Santiago", "00:00", utc(2025, 9, 7, 12), "00:30", "2025-09-07 00:30 does not exist"),
    # Santiago falls back at midnight on 2025-04-06: 23:30 on the 5th happens twice; first wins.
    ("America/Santiago", "00:00", utc(2025, 4, 7, 12), "2025-04-05T23:30", utc(2025, 4, 6, 2, 30)),
    # Lord Howe: 01:30-01:59 on 2026-04-05 happens twice (first: +11:00); 02:00-02:29 on
    # 2026-10-04 does not exist.
    (LORD_HOWE, "00:00", utc(2026, 4, 6), "2026-04-05T01:45", utc(2026, 4, 4, 14, 45)),
    (LORD_HOWE, "00:00", utc(2026, 4, 6), "2026-04-05T02:00", utc(2026, 4, 4, 15, 30)),
    (LORD_HOWE, "00:00", utc(2026, 10, 5), "2026-10-04T02:15", "2026-10-04 02:15 does not exist"),
    (LORD_HOWE, "00:00", utc(2026, 10, 5), "2026-10-04T02:30", utc(2026, 10, 3, 15, 30)),
    # Apia: nothing on 2011-12-30 exists.
    ("Pacific/Apia", "00:00", utc(2012, 1, 2), "2011-12-29T23:59", utc(2011, 12, 30, 9, 59)),
    ("Pacific/Apia", "00:00", utc(2012, 1, 2), "2011-12-30T00:00", "2011-12-30 00:00 does not exist"),
    ("Pacific/Apia", "00:00", utc(2012, 1, 2), "2011-12-30T12:00", "2011-12-30 12:00 does not exist"),
    ("Pacific/Apia", "00:00", utc(2012, 1, 2), "2011-12-30T23:59", "2011-12-30 23:59 does not exist"),
    ("Pacific/Apia", "00:00", utc(2012, 1, 2), "2011-12-31T00:00", utc(2011, 12, 30, 10, 0)),
    ("Pacific/Apia", "00:00", utc(2011, 12, 31, 0, 0), "yesterday 12:00", "2011-12-30 12:00 does not exist"),
    # Kolkata, +05:30.
    ("Asia/Kolkata", "00:00", utc(2026, 3, 3, 6), "05:29", utc(2026, 3, 2, 23, 59)),
    ("Asia/Kolkata", "00:00", utc(2026, 3, 3, 6), "2026-03-03T00:00", utc(2026, 3, 2, 18, 30)),
    # Los Angeles seen from a UTC server: "17:00" is the user's 17:00, 01:00 UTC the next day.
    ("America/Los_Angeles", "00:00", utc(2026, 3, 3, 2), "17:00", utc(2026, 3, 3, 1, 0)),
    ("America/Los_Angeles", "00:00", utc(2026, 3, 3, 2), "yesterday 23:30", utc(2026, 3, 2, 7, 30)),
    ("America/Los_Angeles", "00:00", utc(2026, 3, 3, 2), "19:00", "'19:00' is in the future"),
    # A night owl (day starts 04:00) in Berlin, typing at 03:30 on the 3rd: a full date is exact.
    ("Europe/Berlin", "04:00", utc(2026, 3, 3, 2, 30), "2026-03-02T23:30", utc(2026, 3, 2, 22, 30)),
    ("Europe/Berlin", "04:00", utc(2026, 3, 3, 2, 30), "03:00", utc(2026, 3, 3, 2, 0)),
    pytest.param(
        "Europe/Berlin",
        "04:00",
        utc(2026, 3, 3, 0, 0),
        "23:30",
        utc(2026, 3, 2, 22, 30),
        id="night-owl-23:30-at-01:00",
    ),
]


@pytest.mark.parametrize(("zone", "starts", "now", "typed", "expected"), PARSE_AT)
def test_parse_at(
    tally: Counter[str], zone: str, starts: str, now: datetime, typed: str, expected: datetime | str
) -> None:
    tally[KIND] += 1
    local = lt(zone, starts)
    if isinstance(expected, str):
        with pytest.raises(TimeInputError) as refused:
            parse_at(typed, now, local)
        assert str(refused.value).startswith(expected), refused.value
        assert "\n" not in str(refused.value)
    else:
        assert parse_at(typed, now, local) == expected


# ---- 4. the command line stores the user's date, whatever the server's zone ----------------
# (config, clock in UTC, argv, stored utc, stored date, journal's "at" in the entry's zone)

CLI = [
    (
        "timezone: America/Los_Angeles\n",
        utc(2026, 3, 3, 2, 0),
        ("pain", "3", "--at", "17:00"),
        "2026-03-03T01:00:00Z",
        "2026-03-02",
        "2026-03-02T17:00:00-08:00",
        "(today 17:00)",
    ),
    (
        "timezone: America/Los_Angeles\n",
        utc(2026, 3, 3, 1, 0),
        ("pain", "3"),
        "2026-03-03T01:00:00Z",
        "2026-03-02",
        "2026-03-02T17:00:00-08:00",
        "(today 17:00)",
    ),
    (
        "timezone: Europe/Berlin\n",
        utc(2026, 10, 26, 9, 0),
        ("pain", "3", "--at", "2026-10-25T02:30"),
        "2026-10-25T00:30:00Z",
        "2026-10-25",
        "2026-10-25T02:30:00+02:00",
        "(Sun 25 Oct 02:30)",
    ),
    (
        "timezone: Europe/Berlin\n",
        utc(2026, 3, 29, 9, 0),
        ("pain", "3", "--at", "03:00"),
        "2026-03-29T01:00:00Z",
        "2026-03-29",
        "2026-03-29T03:00:00+02:00",
        "(today 03:00)",
    ),
    (
        "timezone: America/Santiago\n",
        utc(2025, 9, 7, 12, 0),
        ("pain", "3", "--at", "01:00"),
        "2025-09-07T04:00:00Z",
        "2025-09-07",
        "2025-09-07T01:00:00-03:00",
        "(today 01:00)",
    ),
    (
        "timezone: Australia/Lord_Howe\n",
        utc(2026, 4, 5, 0, 0),
        ("pain", "3", "--at", "2026-04-05T01:45"),
        "2026-04-04T14:45:00Z",
        "2026-04-05",
        "2026-04-05T01:45:00+11:00",
        "(today 01:45)",
    ),
    (
        "timezone: Pacific/Apia\n",
        utc(2011, 12, 30, 10, 30),
        ("pain", "3"),
        "2011-12-30T10:30:00Z",
        "2011-12-31",
        "2011-12-31T00:30:00+14:00",
        "(today 00:30)",
    ),
    (
        "timezone: Asia/Kolkata\n",
        utc(2026, 3, 3, 6, 0),
        ("pain", "3", "--at", "05:29"),
        "2026-03-02T23:59:00Z",
        "2026-03-03",
        "2026-03-03T05:29:00+05:30",
        "(today 05:29)",
    ),
    (
        'timezone: Europe/Berlin\nday_starts_at: "04:00"\n',
        utc(2026, 3, 3, 2, 30),
        ("pain", "3"),
        "2026-03-03T02:30:00Z",
        "2026-03-02",
        "2026-03-03T03:30:00+01:00",
        "(today 03:30)",
    ),
    (
        'timezone: Europe/Berlin\nday_starts_at: "04:00"\n',
        utc(2026, 3, 29, 1, 30),
        ("pain", "3"),
        "2026-03-29T01:30:00Z",
        "2026-03-28",
        "2026-03-29T03:30:00+02:00",
        "(today 03:30)",
    ),
]


@pytest.mark.parametrize(("config", "now", "argv", "stored_utc", "stored_date", "at", "says"), CLI)
def test_the_cli_stores_the_users_own_date(
    run: Run,
    ctx: Context,
    tally: Counter[str],
    config: str,
    now: datetime,
    argv: tuple[str, ...],
    stored_utc: str,
    stored_date: str,
    at: str,
    says: str,
) -> None:
    tally[KIND] += 1
    assert isinstance(ctx.clock, FakeClock)
    ctx.clock.instant = now
    ctx.paths.config.write_text(config, encoding="utf-8")
    r = run(*argv)  # the test process runs with TZ=UTC: a server in UTC
    assert r.code == 0, r.err
    assert says in r.out, r.out
    [entry] = ctx.store.load().pain
    assert (entry.utc, str(entry.date)) == (stored_utc, stored_date)
    assert entry.tz == config.split("\n", 1)[0].removeprefix("timezone: ")
    [shown] = json.loads(run("journal", "--json").out)
    assert (shown["at"], shown["date"]) == (at, stored_date)


CLI_REFUSED = [
    (
        "timezone: Europe/Berlin\n",
        utc(2026, 3, 30, 9, 0),
        "2026-03-29T02:30",
        "2026-03-29 02:30 does not exist in Europe/Berlin (the clocks skipped it)",
    ),
    (
        "timezone: America/Santiago\n",
        utc(2025, 9, 8, 9, 0),
        "2025-09-07T00:30",
        "2025-09-07 00:30 does not exist in America/Santiago (the clocks skipped it)",
    ),
    (
        "timezone: Australia/Lord_Howe\n",
        utc(2026, 10, 5, 0, 0),
        "2026-10-04T02:15",
        "2026-10-04 02:15 does not exist in Australia/Lord_Howe (the clocks skipped it)",
    ),
    (
        "timezone: Pacific/Apia\n",
        utc(2012, 1, 2, 0, 0),
        "2011-12-30T12:00",
        "2011-12-30 12:00 does not exist in Pacific/Apia (the clocks skipped it)",
    ),
]


@pytest.mark.parametrize(("config", "now", "typed", "says"), CLI_REFUSED)
def test_the_cli_refuses_a_time_that_did_not_exist(
    run: Run, ctx: Context, tally: Counter[str], config: str, now: datetime, typed: str, says: str
) -> None:
    tally[KIND] += 1
    assert isinstance(ctx.clock, FakeClock)
    ctx.clock.instant = now
    ctx.paths.config.write_text(config, encoding="utf-8")
    r = run("pain", "3", "--at", typed)
    assert r.code == 2 and r.err == f"footbase: {says}\n", r.err
    assert not ctx.paths.db.exists()


# ---- 5. two processes on one host with different TZ ------------------------------------------


def test_two_processes_with_different_tz_store_the_same_local_date(ctx: Context, tally: Counter[str]) -> None:
    """The config names the zone: TZ=UTC and TZ=Asia/Tokyo must not change the stored day."""
    tally[KIND] += 1
    ctx.paths.config.write_text("timezone: America/Los_Angeles\n", encoding="utf-8")
    la = LocalTime("America/Los_Angeles")
    before = la.day_of(datetime.now(UTC))
    for tz in ("UTC", "Asia/Tokyo"):
        env = subprocess_env(ctx) | {"TZ": tz}
        r = subprocess.run(
            [sys.executable, "-m", "footbase_tui", "pain", "3"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 0, r.stderr
    after = la.day_of(datetime.now(UTC))
    entries = ctx.store.load().pain
    assert len(entries) == 2
    assert {e.tz for e in entries} == {"America/Los_Angeles"}
    dates = {e.date for e in entries}
    assert len(dates) == 1 or before != after  # (unless the run straddled LA midnight)
    assert dates <= {before, after}


@pytest.mark.parametrize(
    ("env", "zone"),
    [({"TZ": "UTC"}, "UTC"), ({"TZ": "Asia/Tokyo"}, "Asia/Tokyo"), ({"TZ": ":Asia/Kolkata"}, "Asia/Kolkata")],
)
def test_without_a_configured_zone_the_process_tz_decides(
    tally: Counter[str], env: dict[str, str], zone: str
) -> None:
    """Why the config matters: without it each process would file 01:00 UTC under its own day."""
    tally[KIND] += 1
    assert system_zone_name(env) == zone
    instant = utc(2026, 3, 2, 16, 0)  # 01:00 on the 3rd in Tokyo, 21:30 on the 2nd in Kolkata
    expected = {"UTC": date(2026, 3, 2), "Asia/Tokyo": date(2026, 3, 3), "Asia/Kolkata": date(2026, 3, 2)}
    assert LocalTime(system_zone_name(env)).day_of(instant) == expected[zone]
    assert Config(timezone="America/Los_Angeles").local_time().zone_name == "America/Los_Angeles"


def test_the_config_zone_beats_tz_in_process(
    run: Run, ctx: Context, tally: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same, in process: TZ=Asia/Tokyo, config America/Los_Angeles, clock 2026-03-03 01:00 UTC."""
    tally[KIND] += 1
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert isinstance(ctx.clock, FakeClock)
    ctx.clock.instant = utc(2026, 3, 3, 1, 0)  # 10:00 on the 3rd in Tokyo
    ctx.paths.config.write_text("timezone: America/Los_Angeles\n", encoding="utf-8")
    assert run("pain", "3").code == 0
    [entry] = ctx.store.load().pain
    assert (entry.tz, str(entry.date)) == ("America/Los_Angeles", "2026-03-02")

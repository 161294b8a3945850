"""Days are decided in the user's zone, from wall-clock time, and stored once."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from footbase_tui.config import parse_config
from footbase_tui.core.errors import ConfigError
from footbase_tui.core.localtime import LocalTime, TimeInputError, parse_at
from footbase_tui.system_zone import system_zone_name


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "instant", "starts", "expected"),
    [
        ("Europe/Berlin", utc(2026, 3, 2, 23, 30), "00:00", date(2026, 3, 3)),  # 00:30 local
        ("America/Los_Angeles", utc(2026, 3, 3, 1, 0), "00:00", date(2026, 3, 2)),  # 17:00
        ("Europe/Berlin", utc(2026, 3, 3, 1, 30), "04:00", date(2026, 3, 2)),  # 02:30 night owl
        ("Europe/Berlin", utc(2026, 3, 3, 3, 30), "04:00", date(2026, 3, 3)),  # 04:30
        # Santiago springs forward at midnight: 2025-09-07 starts at 01:00 local.
        ("America/Santiago", utc(2025, 9, 7, 4, 0), "00:00", date(2025, 9, 7)),
        ("America/Santiago", utc(2025, 9, 7, 3, 59), "00:00", date(2025, 9, 6)),
        ("Asia/Kolkata", utc(2026, 1, 1, 18, 29), "00:00", date(2026, 1, 1)),
        ("Asia/Kolkata", utc(2026, 1, 1, 18, 30), "00:00", date(2026, 1, 2)),
    ],
)
def test_day_of(zone: str, instant: datetime, starts: str, expected: date) -> None:
    h, m = map(int, starts.split(":"))
    assert LocalTime(zone, time(h, m)).day_of(instant) == expected


NOW = utc(2026, 3, 3, 12, 0)  # 13:00 in Berlin
BERLIN = LocalTime("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07:30", utc(2026, 3, 3, 6, 30)),
        ("yesterday 21:15", utc(2026, 3, 2, 20, 15)),
        ("2026-03-01T10:00", utc(2026, 3, 1, 9, 0)),
        ("2026-03-01T10:00+00:00", utc(2026, 3, 1, 10, 0)),
        ("2026-03-01 10:00Z", utc(2026, 3, 1, 10, 0)),
    ],
)
def test_parse_at(text: str, expected: datetime) -> None:
    assert parse_at(text, NOW, BERLIN) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("14:00", "future"),
        ("25:00", "not a time"),
        ("7.30", "not a time"),
        ("2026-02-30T10:00", "not a real date"),
        ("2099-01-01T00:00", "future"),
        ("tomorrow 10:00", "not a time"),
        ("", "not a time"),
    ],
)
def test_parse_at_refuses(text: str, why: str) -> None:
    with pytest.raises(TimeInputError, match=why):
        parse_at(text, NOW, BERLIN)


def test_a_time_inside_the_spring_forward_gap_is_refused() -> None:
    now = utc(2026, 3, 30, 12, 0)
    with pytest.raises(TimeInputError, match="does not exist"):
        parse_at("2026-03-29T02:30", now, BERLIN)


def test_an_ambiguous_fall_back_time_takes_the_first() -> None:
    now = utc(2026, 10, 26, 12, 0)
    assert parse_at("2026-10-25T02:30", now, BERLIN) == utc(2026, 10, 25, 0, 30)


def test_zone_falls_back_from_config_to_tz_to_utc() -> None:
    assert system_zone_name({"TZ": "Asia/Kolkata"}) == "Asia/Kolkata"
    assert system_zone_name({"TZ": ":Europe/Berlin"}) == "Europe/Berlin"
    assert system_zone_name({"TZ": "Not/AZone"}) in {"UTC", system_zone_name({})}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"timezone": "Mars/Base"}, "IANA"),
        ({"timezone": 5}, "IANA"),
        ({"day_starts_at": "4 am"}, "HH:MM"),
        ({"day_starts_at": "09:00"}, "00:00 to 06:00"),
        ({"bell": "yes"}, "true or false"),
        ({"week_starts": "friday"}, "monday or sunday"),
        ({"locations": []}, "list of 1 to 40"),
        ({"locations": ["Low Back"]}, "lower-case"),
        ({"colour": "red"}, "unknown setting"),
    ],
)
def test_bad_config_is_one_clear_line(tmp_path: object, data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as err:
        parse_config(data, tmp_path)  # type: ignore[arg-type]
    assert "\n" not in str(err.value)


def test_config_reads_an_unquoted_yaml_time() -> None:
    from pathlib import Path

    # YAML 1.1 reads 04:00 as 240; it still means four in the morning.
    assert parse_config({"day_starts_at": 240}, Path("c.yaml")).day_starts_at == time(4, 0)


# NOW is Tuesday 2026-03-03, 13:00 in Berlin.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9am", utc(2026, 3, 3, 8, 0)),
        ("9:30 AM", utc(2026, 3, 3, 8, 30)),
        ("12am", utc(2026, 3, 2, 23, 0)),  # midnight starting today
        ("12pm", utc(2026, 3, 3, 11, 0)),
        ("yesterday 9pm", utc(2026, 3, 2, 20, 0)),
        ("Yesterday  21:00", utc(2026, 3, 2, 20, 0)),
        ("today 1pm", utc(2026, 3, 3, 12, 0)),
        ("2h ago", utc(2026, 3, 3, 10, 0)),
        ("90 min ago", utc(2026, 3, 3, 10, 30)),
        ("1h 30m ago", utc(2026, 3, 3, 10, 30)),
        ("3 days ago", utc(2026, 2, 28, 12, 0)),
        ("mon 8:30", utc(2026, 3, 2, 7, 30)),  # the last Monday, not the next
        ("Sunday 9pm", utc(2026, 3, 1, 20, 0)),
        ("tue 8:00", utc(2026, 3, 3, 7, 0)),  # today is a Tuesday: today
        ("wed 8:00", utc(2026, 2, 25, 7, 0)),  # six days back, never tomorrow
        ("last tue 8:00", utc(2026, 2, 24, 7, 0)),  # 'last': the one before today
        ("last mon 8:30", utc(2026, 3, 2, 7, 30)),
    ],
)
def test_parse_at_shell_forms(text: str, expected: datetime) -> None:
    assert parse_at(text, NOW, BERLIN) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("9pm", "future"),
        ("tue 14:00", "future"),
        ("13pm", "not a time of day"),
        ("0am", "not a time of day"),
        ("2 fortnights ago", "not a unit"),
        ("9999 days ago", "ten years"),
        ("yesterday", "not a time"),
        ("mo 8:30", "not a time"),
        ("next mon 8:30", "not a time"),
        ("last 8:30", "not a time"),
    ],
)
def test_parse_at_shell_forms_refused(text: str, why: str) -> None:
    with pytest.raises(TimeInputError, match=why):
        parse_at(text, NOW, BERLIN)


def test_a_weekday_time_inside_the_spring_forward_gap_is_refused() -> None:
    now = utc(2026, 3, 31, 12, 0)  # Tuesday; Sunday 29 March skipped 02:00-03:00 in Berlin
    with pytest.raises(TimeInputError, match="does not exist"):
        parse_at("sun 2:30am", now, BERLIN)


def test_a_late_night_time_belongs_to_the_day_it_ends() -> None:
    owl = LocalTime("Europe/Berlin", time(4, 0))
    now = utc(2026, 3, 3, 1, 0)  # 02:00 on Tuesday: still Monday's footbase day
    assert parse_at("1am", now, owl) == utc(2026, 3, 3, 0, 0)
    assert parse_at("11pm", now, owl) == utc(2026, 3, 2, 22, 0)
    assert parse_at("yesterday 1am", now, owl) == utc(2026, 3, 2, 0, 0)

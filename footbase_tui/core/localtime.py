"""Local dates and times: the user's zone, the day a moment belongs to, parsing `--at`.

Built on the standard library's zoneinfo so that the quick command-line paths stay fast.
A record's day is decided once, when it is made, and stored; nothing regroups it later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class TimeInputError(ValueError):
    """A date or time the user typed that cannot be used; the message says why."""


def zone_from_name(name: str) -> ZoneInfo:
    """The IANA zone called `name`, or TimeInputError."""
    cleaned = name.strip().lstrip(":")
    if not cleaned or cleaned.startswith(("/", ".")) or ".." in cleaned:
        raise TimeInputError(f"'{name}' is not an IANA time zone name (e.g. Europe/Berlin)")
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise TimeInputError(f"'{name}' is not an IANA time zone name (e.g. Europe/Berlin)") from None


@dataclass(frozen=True)
class LocalTime:
    """The user's zone and the hour their day starts; turns instants into local days."""

    zone_name: str
    day_starts_at: time = time(0, 0)

    @property
    def zone(self) -> tzinfo:
        """The zone as a tzinfo; refuses (TimeInputError) a name this machine does not know."""
        return zone_from_name(self.zone_name)

    def local(self, instant: datetime) -> datetime:
        """An instant as wall-clock time in the user's zone."""
        return instant.astimezone(self.zone)

    def day_of(self, instant: datetime) -> date:
        """The local date an instant counts for, honouring `day_starts_at`.

        Decided from the local wall-clock time, so it is right even where midnight
        does not exist (a zone that springs forward at 00:00).
        """
        wall = self.local(instant)
        if wall.time().replace(tzinfo=None) < self.day_starts_at:
            return wall.date() - timedelta(days=1)
        return wall.date()

    def localize(self, naive: datetime) -> datetime:
        """Attach the user's zone to a wall-clock time; refuse one inside a DST gap."""
        zone = self.zone
        aware = naive.replace(tzinfo=zone)
        roundtrip = aware.astimezone(UTC).astimezone(zone)
        if roundtrip.replace(tzinfo=None) != naive:
            raise TimeInputError(
                f"{naive:%Y-%m-%d %H:%M} does not exist in {self.zone_name} (the clocks skipped it)"
            )
        return aware


# Every date footbase accepts, typed or imported: far enough either way for a real life, and
# far from date.min/date.max, where a week or a month of arithmetic overflows.
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(2199, 12, 31)


def in_bounds(day: date) -> bool:
    """Whether `day` lies between FIRST_DAY and LAST_DAY, the dates footbase works with."""
    return FIRST_DAY <= day <= LAST_DAY


_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$", re.ASCII)


def parse_hhmm(text: str) -> time:
    """A time of day from 'HH:MM' (24-hour); refuses anything else with TimeInputError."""
    m = _HHMM.match(text.strip())
    if not m:
        raise TimeInputError(f"'{text}' is not a time of day; use HH:MM, e.g. 07:30")
    return time(int(m.group(1)), int(m.group(2)))


def parse_date(text: str) -> date:
    """A calendar date, YYYY-MM-DD, or 'today'/'yesterday' is handled by callers."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", text.strip(), re.ASCII):
        raise TimeInputError(f"'{text}' is not a date; use YYYY-MM-DD")
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise TimeInputError(f"'{text}' is not a real date") from None
    if not in_bounds(day):
        raise TimeInputError(f"'{text}' is out of range; give a date from {FIRST_DAY} to {LAST_DAY}")
    return day


def parse_day(text: str, today: date) -> date:
    """A date typed by the user: YYYY-MM-DD, 'today' or 'yesterday'."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    return parse_date(text)


# Patterns as text: `re` compiles them on first use (and caches them), so `footbase pain`
# without --at does not pay for them at import.
_CLOCK = r"^(?:(\d{1,2}):(\d{2})|(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?)$"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = {"m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
          "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
          "d": 86400, "day": 86400, "days": 86400}  # fmt: skip
_AGO = r"^((?:\d{1,4}\s*[a-z]+\s*)+)ago$"
_AMOUNT = r"(\d{1,4})\s*([a-z]+)"
AT_FORMS = "9pm, 21:00, yesterday 9pm, mon 8:30, 2h ago or YYYY-MM-DDTHH:MM"


def parse_clock(text: str) -> time:
    """A time of day: 'HH:MM' (24-hour) or '9pm', '9:30 am'; TimeInputError otherwise."""
    m = re.match(_CLOCK, text.strip().lower(), re.ASCII)
    if m:
        if m.group(1) is not None:
            hour, minute = int(m.group(1)), int(m.group(2))
        else:
            hour, minute = int(m.group(3)), int(m.group(4) or 0)
            # 12am is midnight, 12pm noon; 0pm and 13pm are not times.
            hour = hour % 12 + (12 if m.group(5) == "p" else 0) if 1 <= hour <= 12 else 99
        if hour <= 23 and minute <= 59:
            return time(hour, minute)
    raise TimeInputError(f"'{text}' is not a time of day; use 21:00 or 9pm")


def _weekday(word: str) -> int | None:
    """0 (Monday) to 6 for 'mon', 'Monday', 'tues', 'thu.' ...; None for anything else."""
    word = word.rstrip(".")
    if len(word) < 3:
        return None
    for n, name in enumerate(_WEEKDAYS):
        if name.startswith(word):
            return n
    return None


def parse_at(text: str, now: datetime, lt: LocalTime) -> datetime:
    """When something happened, as typed after `--at`: a time of day ('21:00', '9pm') for
    today, 'yesterday 9pm', a weekday and a time ('mon 8:30': the most recent Monday,
    today included; 'last mon 8:30': the one before today), an amount ago ('2h ago',
    '90 min ago', '1h 30m ago') or an ISO date-time.

    Returns an aware UTC instant. Refuses the future, a wall-clock time that did not exist
    (the clocks skipped it), and anything else with a message listing the forms.
    A time before the day-start hour belongs to the end of that footbase day.
    """
    raw = text.strip()
    low = " ".join(raw.lower().split())
    # The footbase day, not the calendar date: with day_starts_at 04:00, at 01:00 "23:30"
    # is last evening, and a time before 04:00 belongs to the next calendar date.
    today = lt.day_of(now)

    def on(day: date, clock: str) -> datetime:
        t = parse_clock(clock)
        calendar_day = day + timedelta(days=1) if t < lt.day_starts_at else day
        return lt.localize(datetime.combine(calendar_day, t))

    first, _, rest = low.partition(" ")
    last_week = first == "last" and _weekday(rest.partition(" ")[0]) is not None
    if last_week:  # 'last mon 8:30': the Monday before today, never today
        first, _, rest = rest.partition(" ")
    ago = re.match(_AGO, low, re.ASCII)
    if ago:
        seconds = 0
        for amount, unit in re.findall(_AMOUNT, ago.group(1), re.ASCII):
            if unit not in _UNITS:
                raise TimeInputError(f"'{text}': '{unit}' is not a unit; use m, h or d (e.g. 2h ago)")
            seconds += int(amount) * _UNITS[unit]
        if seconds > 3660 * 86400:
            raise TimeInputError(f"'{text}' is more than ten years ago; give a date instead")
        return (now - timedelta(seconds=seconds)).astimezone(UTC).replace(microsecond=0)
    if re.match(_CLOCK, low, re.ASCII):
        when = on(today, low)
    elif first in ("today", "yesterday") and rest:
        when = on(today if first == "today" else today - timedelta(days=1), rest)
    elif rest and (weekday := _weekday(first)) is not None:
        back = (today.weekday() - weekday) % 7 or (7 if last_week else 0)
        when = on(today - timedelta(days=back), rest)
    else:
        if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", raw, re.ASCII):
            raise TimeInputError(f"'{text}' is not a time; use {AT_FORMS}")
        try:
            parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            raise TimeInputError(f"'{text}' is not a real date and time") from None
        if parsed.year < 1970:
            raise TimeInputError(f"'{text}' is before 1970; give a date footbase can have seen")
        when = lt.localize(parsed) if parsed.tzinfo is None else parsed
    instant = when.astimezone(UTC)
    if instant > now + timedelta(minutes=1):
        raise TimeInputError(f"'{text}' is in the future; pain can only be logged after it")
    return instant


def iso_utc(instant: datetime) -> str:
    """The stored form of an instant: UTC, seconds precision, with a Z."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_utc_precise(instant: datetime) -> str:
    """An instant to the microsecond, for ordering results recorded within one second."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def stamp_after(now: datetime, previous: str | None) -> str:
    """`now`, or just after `previous` if that is not earlier: the newest result must win."""
    if previous:
        before = from_iso_utc(previous)
        if before >= now:
            now = before + timedelta(microseconds=1)
    return iso_utc_precise(now)


def from_iso_utc(text: str) -> datetime:
    """A stored ISO-8601 UTC text ('...Z' or '+00:00') as an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def wall_time(utc_text: str, zone_name: str) -> datetime:
    """A stored UTC instant as the wall-clock time of the zone it was recorded in (UTC if
    that zone is unknown on this machine)."""
    instant = from_iso_utc(utc_text)
    try:
        return instant.astimezone(zone_from_name(zone_name))
    except TimeInputError:
        return instant


def iso_in_zone(utc_text: str, zone_name: str) -> str:
    """A stored UTC instant shown in the zone it was recorded in, with its offset."""
    return wall_time(utc_text, zone_name).isoformat(timespec="seconds")

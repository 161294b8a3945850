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
        return zone_from_name(self.zone_name)

    def local(self, instant: datetime) -> datetime:
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


def parse_at(text: str, now: datetime, lt: LocalTime) -> datetime:
    """When something happened: 'HH:MM', 'yesterday HH:MM' or an ISO date-time.

    Returns an aware UTC instant; refuses the future and times that did not exist.
    """
    raw = text.strip()
    words = raw.split()
    # The footbase day, not the calendar date: with day_starts_at 04:00, at 01:00 "23:30"
    # is last evening, and a time before 04:00 belongs to the next calendar date.
    today = lt.day_of(now)

    def on(day: date, hhmm: str) -> datetime:
        t = parse_hhmm(hhmm)
        calendar_day = day + timedelta(days=1) if t < lt.day_starts_at else day
        return lt.localize(datetime.combine(calendar_day, t))

    if len(words) == 1 and _HHMM.match(words[0]):
        when = on(today, words[0])
    elif len(words) == 2 and words[0].lower() in ("today", "yesterday"):
        when = on(today if words[0].lower() == "today" else today - timedelta(days=1), words[1])
    else:
        if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", raw, re.ASCII):
            raise TimeInputError(f"'{text}' is not a time; use HH:MM, 'yesterday HH:MM' or YYYY-MM-DDTHH:MM")
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

"""What footbase records: pain entries, practice sessions, day plans, level changes and
tombstones, as dataclasses (their stored JSON shape and its checks: core.record_docs).

Each record carries a UUID, the UTC instant, the IANA zone and the local date it was made in.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

NOTE_MAX = 2000
STATUSES = ("done", "partial", "skipped", "todo")


def new_id() -> str:
    """A fresh random id for a new record: a version 4 UUID as text."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class PainEntry:
    """One pain check: `level` 0-10 at UTC instant `utc` in zone `tz`, counting for local date
    `date`; where it hurt, what was being done, a note; `source` is where it was logged and
    `updated` when it was last edited."""

    id: str
    utc: str
    tz: str
    date: date
    level: int
    where: tuple[str, ...] = ()
    context: str | None = None
    note: str = ""
    source: str = "cli"
    updated: str | None = None
    # When this version was made (see core.merge); not part of what the entry says.
    changed: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ItemResult:
    """What happened to one exercise of a day's routine, as of instant `at`.

    `sets` of `planned_sets` were done (0 planned: a record from before it was kept),
    `reps` reps or holds, `seconds` spent on it with pauses left out. "partial": some sets
    but not all of them.
    """

    exercise: str
    level: int
    status: str
    at: str
    sets: int = 0
    reps: int = 0
    seconds: int = 0
    reason: str | None = None
    planned_sets: int = 0

    @property
    def share(self) -> float:
        """How much of the exercise this result counts for: 1 done, sets/planned partial, else 0."""
        if self.status == "done":
            return 1.0
        if self.status == "partial" and self.planned_sets:
            return min(1.0, self.sets / self.planned_sets)
        return 0.0


@dataclass(frozen=True)
class Session:
    """One sitting of practice (a walkthrough, or items ticked off by hand)."""

    id: str
    date: date
    tz: str
    start: str
    end: str | None
    program: str
    kind: str = "manual"
    items: tuple[ItemResult, ...] = field(default_factory=tuple)
    changed: str | None = field(default=None, compare=False)


def join_by_hand(day_record: Session, marks: Session) -> Session:
    """The day's by-hand session with `marks` (items marked by hand since) added: a newer
    mark of an exercise replaces its older one; the times span both. Refuses (ValueError)
    sessions of different days or that are not both by hand."""
    if day_record.date != marks.date or day_record.kind != "manual" or marks.kind != "manual":
        raise ValueError("only by-hand sessions of the same day are joined")
    new = {i.exercise for i in marks.items}
    items = tuple(i for i in day_record.items if i.exercise not in new) + marks.items
    end = max((e for e in (day_record.end, marks.end) if e), key=stamp_key, default=None)
    start = min(day_record.start, marks.start, key=stamp_key)
    return Session(day_record.id, day_record.date, day_record.tz, start, end, marks.program, "manual", items)


@dataclass(frozen=True)
class DayPlan:
    """A day that follows another program than planned (a bad pain day, a rest-day swap)."""

    date: date
    program: str
    reason: str  # "pain" (the day is "adapted") or "choice"
    at: str
    changed: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Tomb:
    """A deleted record: its kind (the store table), its id and when it was deleted."""

    kind: str
    id: str
    at: str


class DayFacts(NamedTuple):
    """What the calendar needs of one local date (a tuple: ten years of them are built at
    once)."""

    status: Mapping[str, str] = {}  # exercise -> its latest status that day; never mutated
    plan: DayPlan | None = None
    pain: tuple[int, ...] = ()
    reasoned: frozenset[str] = frozenset()  # exercises whose latest result is a skip with a reason
    part: Mapping[str, float] = {}  # exercises whose latest result is partial -> its share; never mutated


LEVEL_WHYS = ("accepted", "up", "down", "hold", "pain")


@dataclass(frozen=True)
class LevelChange:
    """One step in an exercise's level for this person: from one level to another (the same
    for a hold), why, and when. The latest change of an exercise is its current level.

    `why`: "accepted" (a met rule's suggestion taken), "up" (raised by hand), "down"
    (dropped by hand), "hold" (stay; the rule counts again from here), "pain" (dropped
    after a pain rise)."""

    id: str
    exercise: str
    from_level: int
    to_level: int
    why: str
    at: str
    tz: str
    date: date


def latest_levels(changes: Iterable[LevelChange]) -> dict[str, LevelChange]:
    """Each exercise's latest change (by time, then id): its current level is `to_level`."""
    latest: dict[str, LevelChange] = {}
    for c in changes:
        seen = latest.get(c.exercise)
        if seen is None or (stamp_key(c.at), c.id) >= (stamp_key(seen.at), seen.id):
            latest[c.exercise] = c
    return latest


def stamp_key(utc: str) -> str:
    """A stored UTC stamp as text that sorts in time order (fractions padded to 6 digits)."""
    if len(utc) == 20:  # YYYY-MM-DDTHH:MM:SSZ
        return utc[:19] + ".000000"
    return utc[:19] + utc[19:-1].ljust(7, "0")


@dataclass(frozen=True)
class Meta:
    """The store's header: its format version, when it was made, and the program followed with its
    day 1 (`start`), both None until chosen."""

    format: int
    created: str
    program: str | None = None
    start: date | None = None

"""A snapshot of the store: records become dataclasses only when asked for.

Bulk reads go straight to the parsed tables (TinyDB would wrap every document).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from footbase_tui.core.record_docs import (
    RecordError,
    day_plan_from_doc,
    level_from_doc,
    pain_from_doc,
    session_from_doc,
    tomb_from_doc,
)
from footbase_tui.core.records import (
    DayFacts,
    DayPlan,
    LevelChange,
    Meta,
    PainEntry,
    Session,
    Tomb,
    stamp_key,
)
from footbase_tui.errors import StoreCorrupt

T = TypeVar("T")


class Snapshot:
    """Everything in the store at one moment. Records become dataclasses only when asked
    for, so a command that shows five entries does not convert ten years of them."""

    def __init__(
        self,
        meta: Meta,
        tables: dict[str, dict[str, Any]] | None = None,
        path: Path | None = None,
        newer: bool = False,
    ) -> None:
        self.meta = meta
        self._tables = tables or {}
        self._path = path
        self._newer = newer  # written by a newer footbase: fields unknown here are let through

    def _convert(self, fn: Callable[[str, dict[str, Any], bool], T], rid: str, doc: dict[str, Any]) -> T:
        try:
            return fn(rid, doc, self._newer)
        except RecordError as exc:
            raise StoreCorrupt(
                f"{self._path} has a damaged record ({exc}). Nothing was changed. To recover: "
                "'footbase restore --list' and 'footbase restore NAME'."
            ) from None

    def _table(self, name: str) -> dict[str, dict[str, Any]]:
        return self._tables.get(name, {})

    @cached_property
    def pain(self) -> list[PainEntry]:
        entries = [self._convert(pain_from_doc, rid, doc) for rid, doc in self._table("pain").items()]
        entries.sort(key=lambda e: (e.utc, e.id))
        return entries

    @cached_property
    def sessions(self) -> list[Session]:
        items = self._table("sessions").items()
        sessions = [self._convert(session_from_doc, rid, doc) for rid, doc in items]
        sessions.sort(key=lambda s: (s.start, s.id))
        return sessions

    @cached_property
    def day_plans(self) -> dict[date, DayPlan]:
        plans = [self._convert(day_plan_from_doc, rid, doc) for rid, doc in self._table("days").items()]
        return {p.date: p for p in plans}

    @cached_property
    def level_changes(self) -> list[LevelChange]:
        """Every level change, oldest first (a few dozen in a lifetime of practice)."""
        changes = [self._convert(level_from_doc, rid, doc) for rid, doc in self._table("levels").items()]
        changes.sort(key=lambda c: (stamp_key(c.at), c.id))
        return changes

    @cached_property
    def tombs(self) -> list[Tomb]:
        """The deletions the store remembers (see store.sync), by kind and id."""
        tombs = [self._convert(tomb_from_doc, key, doc) for key, doc in self._table("tombs").items()]
        tombs.sort(key=lambda t: (t.kind, t.id))
        return tombs

    @cached_property
    def _session_ids_by_date(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for rid, doc in self._table("sessions").items():
            index.setdefault(str(doc.get("date")), []).append(rid)
        return index

    def sessions_on(self, day: date) -> list[Session]:
        """One day's sessions, converting only those."""
        table = self._table("sessions")
        found = [
            self._convert(session_from_doc, rid, table[rid])
            for rid in self._session_ids_by_date.get(day.isoformat(), ())
        ]
        found.sort(key=lambda s: (s.start, s.id))
        return found

    def pain_count(self) -> int:
        """How many pain entries the store holds, without converting them."""
        return len(self._table("pain"))

    def last_pain(self, count: int = 1) -> list[PainEntry]:
        """The newest `count` entries, in time order, converting only those."""
        table = self._table("pain")
        newest = sorted(table, key=lambda rid: (str(table[rid].get("utc")), rid))[-count:]
        return [self._convert(pain_from_doc, rid, table[rid]) for rid in newest]

    def day_facts(self, since: date | None = None) -> dict[date, DayFacts]:
        """Per local date: each exercise's latest status, the day plan, the pain levels.

        Straight from the raw tables, with no object per record: the calendar asks for ten
        years at once. A day with one session (nearly all of them) is read in C-level
        passes; stamps are compared only when a day has several results for an exercise.
        """
        floor = since.isoformat() if since else ""
        by_day: dict[str, list[list[Any]]] = {}
        for rid, doc in self._table("sessions").items():
            day = doc.get("date")
            items = doc.get("items")
            if not isinstance(day, str) or not isinstance(items, list):
                self._convert(session_from_doc, rid, doc)  # raises StoreCorrupt with the reason
                continue
            if day < floor:
                continue
            lists = by_day.get(day)
            if lists is None:
                by_day[day] = [items]
            else:
                lists.append(items)
        pain: dict[str, list[int]] = {}
        for doc in self._table("pain").values():
            level = doc.get("level")
            key = doc.get("date")
            if isinstance(level, int) and isinstance(key, str) and key >= floor:
                levels = pain.get(key)
                if levels is None:
                    pain[key] = [level]
                else:
                    levels.append(level)
        plans = {p.date.isoformat(): p for p in self.day_plans.values()}
        # Dates in the order the records were stored (a set's order costs cache misses).
        keys = dict.fromkeys(by_day)
        keys.update(dict.fromkeys(pain))
        keys.update(dict.fromkeys(plans))
        facts: dict[date, DayFacts] = {}
        none: dict[str, str] = {}
        no_part: dict[str, float] = {}
        nobody: frozenset[str] = frozenset()
        try:
            for key in keys:
                try:
                    day = date.fromisoformat(key)
                except ValueError:
                    continue
                lists = by_day.get(key)
                status, reasoned, part = _latest(lists) if lists else (none, nobody, no_part)
                levels = pain.get(key)
                facts[day] = DayFacts(status, plans.get(key), tuple(levels) if levels else (), reasoned, part)
        except (KeyError, TypeError):
            for rid, doc in self._table("sessions").items():
                self._convert(session_from_doc, rid, doc)  # names the damaged record
            raise
        return facts

    def history_digest(self, before: date) -> str | None:
        """A digest of every session and day plan dated before `before`, as stored: it
        changes whenever any of them does. None if the records cannot be serialised."""
        import hashlib

        import orjson

        key = before.isoformat()
        old = [
            [name, rid, doc]
            for name in ("sessions", "days")
            for rid, doc in self._table(name).items()
            if str(doc.get("date")) < key
        ]
        try:
            return hashlib.blake2b(orjson.dumps(old), digest_size=16).hexdigest()
        except (orjson.JSONEncodeError, TypeError):
            return None

    @cached_property
    def _pain_ids_by_date(self) -> dict[str, list[str]]:
        """Pain record ids per stored date: one pass, then Today's several looks at the last
        weeks (the gentle offer, the level rules, the persistent-pain note) cost little."""
        index: dict[str, list[str]] = {}
        for rid, doc in self._table("pain").items():
            key = doc.get("date", "")
            ids = index.get(key) if isinstance(key, str) else None
            if ids is None:
                index[str(key)] = [rid]
            else:
                ids.append(rid)
        return index

    def pain_since(self, day: date) -> list[PainEntry]:
        """Entries from `day` on, in time order, converting only those."""
        key = day.isoformat()
        table = self._table("pain")
        found = [
            self._convert(pain_from_doc, rid, table[rid])
            for stored, ids in self._pain_ids_by_date.items()
            if stored >= key
            for rid in ids
        ]
        found.sort(key=lambda e: (e.utc, e.id))
        return found

    def pain_on(self, day: date) -> list[PainEntry]:
        key = day.isoformat()
        table = self._table("pain")
        found = [
            self._convert(pain_from_doc, rid, doc) for rid, doc in table.items() if doc.get("date") == key
        ]
        found.sort(key=lambda e: (e.utc, e.id))
        return found


_EX = itemgetter("ex")
_ST = itemgetter("st")


_NO_PART: dict[str, float] = {}


def _latest(lists: list[list[Any]]) -> tuple[dict[str, str], frozenset[str], dict[str, float]]:
    """One day's item lists -> each exercise's latest status, the skips with a reason, and
    the share of each partly done exercise (sets done of planned)."""
    items = lists[0]
    status: dict[str, str] = dict(zip(map(_EX, items), map(_ST, items), strict=True))
    if len(lists) > 1 or len(status) != len(items):
        latest: dict[str, dict[str, Any]] = {}
        for items in lists:
            for item in items:
                ex = item["ex"]
                if ex in latest and stamp_key(item["at"]) < stamp_key(latest[ex]["at"]):
                    continue
                latest[ex] = item
        items = list(latest.values())
        status = {ex: item["st"] for ex, item in latest.items()}
    values = status.values()
    part = _NO_PART
    if "partial" in values:
        part = {i["ex"]: _share(i) for i in items if i["st"] == "partial"}
    if "skipped" not in values:
        return status, frozenset(), part
    return status, frozenset(i["ex"] for i in items if i["st"] == "skipped" and i.get("why")), part


def _share(item: dict[str, Any]) -> float:
    sets, planned = item.get("sets", 0), item.get("of", 0)
    if not isinstance(sets, int) or not isinstance(planned, int) or planned <= 0:
        return 0.0
    return max(0.0, min(1.0, sets / planned))

"""A snapshot of the store: records become dataclasses only when asked for.

Bulk reads go straight to the parsed tables (TinyDB would wrap every document).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from footbase_tui.core.records import (
    DayFacts,
    DayPlan,
    Meta,
    PainEntry,
    RecordError,
    Result,
    Session,
    day_plan_from_doc,
    pain_from_doc,
    session_from_doc,
    stamp_key,
)
from footbase_tui.store.errors import StoreCorrupt

T = TypeVar("T")


class Snapshot:
    """Everything in the store at one moment. Records become dataclasses only when asked
    for, so a command that shows five entries does not convert ten years of them."""

    def __init__(self, meta: Meta, tables: dict[str, dict[str, Any]] | None = None,
                 path: Path | None = None) -> None:
        self.meta = meta
        self._tables = tables or {}
        self._path = path

    def _convert(self, fn: Callable[[str, dict[str, Any]], T], rid: str, doc: dict[str, Any]) -> T:
        try:
            return fn(rid, doc)
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
    def _session_ids_by_date(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for rid, doc in self._table("sessions").items():
            index.setdefault(str(doc.get("date")), []).append(rid)
        return index

    def sessions_on(self, day: date) -> list[Session]:
        """One day's sessions, converting only those."""
        table = self._table("sessions")
        found = [self._convert(session_from_doc, rid, table[rid])
                 for rid in self._session_ids_by_date.get(day.isoformat(), ())]
        found.sort(key=lambda s: (s.start, s.id))
        return found

    def last_pain(self, count: int = 1) -> list[PainEntry]:
        """The newest `count` entries, in time order, converting only those."""
        table = self._table("pain")
        newest = sorted(table, key=lambda rid: (str(table[rid].get("utc")), rid))[-count:]
        return [self._convert(pain_from_doc, rid, table[rid]) for rid in newest]

    def day_facts(self, since: date | None = None) -> dict[date, DayFacts]:
        """Per local date: each exercise's latest result, the day plan, the pain levels.

        One pass over the raw tables, without making a dataclass per record: the calendar
        asks for ten years at once.
        """
        floor = since.isoformat() if since else ""
        latest: dict[str, dict[str, dict[str, Any]]] = {}
        for rid, doc in self._table("sessions").items():
            day = doc.get("date")
            if not isinstance(day, str) or not isinstance(doc.get("items"), list):
                self._convert(session_from_doc, rid, doc)  # raises StoreCorrupt with the reason
                continue
            if day < floor:
                continue
            slot = latest.get(day)
            if slot is None:
                slot = latest[day] = {}
            try:
                for item in doc["items"]:
                    ex = item["ex"]
                    seen = slot.get(ex)
                    # Most days have one result per exercise: compare stamps only on a tie.
                    if seen is None or stamp_key(item["at"]) >= stamp_key(seen["at"]):
                        slot[ex] = item
            except (KeyError, TypeError):
                self._convert(session_from_doc, rid, doc)
                raise
        pain: dict[str, list[int]] = {}
        for doc in self._table("pain").values():
            level = doc.get("level")
            key = str(doc.get("date"))
            if isinstance(level, int) and key >= floor:
                pain.setdefault(key, []).append(level)
        facts: dict[date, DayFacts] = {}
        plans = {p.date.isoformat(): p for p in self.day_plans.values()}
        for key in set(latest) | set(pain) | set(plans):
            try:
                day = date.fromisoformat(key)
            except ValueError:
                continue
            results = {ex: Result(str(it.get("st")), bool(it.get("why")))
                       for ex, it in latest.get(key, {}).items()}
            facts[day] = DayFacts(results, plans.get(key), tuple(pain.get(key, ())))
        return facts

    def pain_since(self, day: date) -> list[PainEntry]:
        """Entries from `day` on, in time order, converting only those."""
        key = day.isoformat()
        table = self._table("pain")
        found = [self._convert(pain_from_doc, rid, doc) for rid, doc in table.items()
                 if str(doc.get("date", "")) >= key]
        found.sort(key=lambda e: (e.utc, e.id))
        return found

    def pain_on(self, day: date) -> list[PainEntry]:
        key = day.isoformat()
        table = self._table("pain")
        found = [self._convert(pain_from_doc, rid, doc) for rid, doc in table.items()
                 if doc.get("date") == key]
        found.sort(key=lambda e: (e.utc, e.id))
        return found


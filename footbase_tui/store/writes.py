"""What each write to the store does: pain entries, sessions, day plans, level changes, the
program, and merges of outside records. Each runs inside `Store._write` (store/store.py):
locked, read fresh, every record checked, written once atomically with the day's backup;
stamps and tombstones come from store/sync.py.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date
from typing import Any

from tinydb import TinyDB

from footbase_tui.core.clock import Clock
from footbase_tui.core.localtime import iso_utc
from footbase_tui.core.merge import CHANGED, Docs, MergePlan, Tombs
from footbase_tui.core.record_docs import (
    RecordError,
    day_plan_to_doc,
    level_from_doc,
    level_to_doc,
    pain_from_doc,
    pain_to_doc,
    session_from_doc,
    session_to_doc,
)
from footbase_tui.core.records import (
    DayPlan,
    LevelChange,
    PainEntry,
    Session,
    join_by_hand,
    latest_levels,
    stamp_key,
)
from footbase_tui.errors import EditConflict, NotSaved
from footbase_tui.store.sync import delete_record, merge_into, put_record
from footbase_tui.store.tables import Records


class RecordWrites:
    """The record operations of `Store` (its base class): each one write of the file."""

    clock: Clock

    def _write(self) -> AbstractContextManager[TinyDB]:
        raise NotImplementedError  # Store._write: the locked, checked, atomic write

    def _ensure_program(self, db: TinyDB, program: str | None, start: date | None) -> None:
        if program is None or start is None:
            return
        meta_table = Records(db, "meta")
        doc = meta_table.get("meta") or {}
        if doc.get("program") is None:
            meta_table.update("meta", {"program": program, "start": start.isoformat()})

    def add_pain(self, entry: PainEntry) -> None:
        """Save a new pain entry; returns only once it is on disk."""
        with self._write() as db:
            put_record(db, "pain", entry.id, pain_to_doc(entry), self.clock.now())

    def update_pain(self, entry: PainEntry, expected: PainEntry | None = None) -> PainEntry:
        """Replace an entry. With `expected` (the entry as it was when editing began), refuse
        with EditConflict if another process changed or deleted it meanwhile."""
        with self._write() as db:
            table = Records(db, "pain")
            current = table.get(entry.id)
            if expected is not None:
                theirs = pain_from_doc(entry.id, current) if current is not None else None
                if theirs != expected:
                    raise EditConflict(theirs)
            elif current is None:
                raise NotSaved(f"not saved: entry {entry.id[:8]} no longer exists")
            updated = replace(entry, updated=iso_utc(self.clock.now()))
            doc = put_record(db, "pain", entry.id, pain_to_doc(updated), self.clock.now())
            return replace(updated, changed=doc[CHANGED])

    def restore_pain(self, entry: PainEntry) -> None:
        """Put a deleted entry back as it was (undo); it supersedes its deletion."""
        with self._write() as db:
            put_record(db, "pain", entry.id, pain_to_doc(entry), self.clock.now())

    def delete_pain(self, entry_id: str) -> bool:
        """Remove an entry, leaving a tombstone; False if there was none."""
        with self._write() as db:
            return delete_record(db, "pain", entry_id, self.clock.now())

    def save_session(
        self,
        session: Session,
        program_if_new: tuple[str, date] | None = None,
    ) -> None:
        """Insert or replace a session (the walkthrough saves after every set).

        Marks made by hand (kind "manual") join the day's by-hand session when it has one,
        so ticking items off one at a time stays one session of the day.
        """
        with self._write() as db:
            if program_if_new:
                self._ensure_program(db, *program_if_new)
            table = Records(db, "sessions")
            if session.kind == "manual" and not table.contains(session.id):
                found = [
                    session_from_doc(rid, doc)
                    for rid, doc in table.where("date", session.date.isoformat()).items()
                    if doc.get("kind", "manual") == "manual"
                ]
                if found:
                    day = min(found, key=lambda s: (stamp_key(s.start), s.id))
                    session = join_by_hand(day, session)
            doc = session_to_doc(session)
            try:
                session_from_doc(session.id, doc)  # never write what would read back as damage
            except RecordError as exc:
                raise NotSaved(f"not saved: {exc}") from None
            put_record(db, "sessions", session.id, doc, self.clock.now())

    def delete_session(self, session_id: str) -> bool:
        with self._write() as db:
            return delete_record(db, "sessions", session_id, self.clock.now())

    def set_day_plan(self, plan: DayPlan | None, day: date) -> None:
        """Follow another program on `day` (None: back to the planned one)."""
        with self._write() as db:
            if plan is None:
                delete_record(db, "days", day.isoformat(), self.clock.now())
            else:
                put_record(db, "days", day.isoformat(), day_plan_to_doc(plan), self.clock.now())

    def change_level(self, change: LevelChange) -> None:
        """Save a level change, under the lock: refused with NotSaved when the exercise's
        stored level is no longer the change's `from_level` (another process changed it)."""
        with self._write() as db:
            table = Records(db, "levels")
            mine = [
                level_from_doc(rid, doc) for rid, doc in table.items() if doc.get("ex") == change.exercise
            ]
            latest = latest_levels(mine).get(change.exercise)
            current = latest.to_level if latest else 1
            if current != change.from_level:
                raise NotSaved(
                    f"not saved: {change.exercise} is at level {current} now (changed elsewhere); "
                    "look again and retry"
                )
            table.insert(change.id, level_to_doc(change))

    def set_program(self, program: str, start: date) -> None:
        with self._write() as db:
            Records(db, "meta").update("meta", {"program": program, "start": start.isoformat()})

    def merge(
        self,
        pain: list[PainEntry],
        sessions: list[Session],
        plans: list[DayPlan],
        program_if_new: tuple[str, date] | None = None,
        levels: list[LevelChange] | None = None,
    ) -> MergePlan:
        """Merge records given as dataclasses (see `merge_docs`; day plans by date)."""
        records: dict[str, dict[str, dict[str, Any]]] = {
            "pain": {e.id: pain_to_doc(e) for e in pain},
            "sessions": {s.id: session_to_doc(s) for s in sessions},
            "days": {p.date.isoformat(): day_plan_to_doc(p) for p in plans},
            "levels": {c.id: level_to_doc(c) for c in levels or ()},
        }
        return self.merge_docs(records, {}, program_if_new)

    def merge_docs(
        self,
        records: Docs,
        tombs: Tombs,
        program_if_new: tuple[str, date] | None = None,
    ) -> MergePlan:
        """Merge records (kind -> id -> stored shape, as footbase writes it) and tombstones
        into the store in one write, by the rules of core.merge: newest wins per id, a newer
        tombstone wins, equal versions stay. Returns the plan with its counts; when nothing
        differs the file is not written. `program_if_new` sets the program and its start
        only if none is chosen yet."""
        with self._write() as db:
            if program_if_new:
                self._ensure_program(db, *program_if_new)
            return merge_into(db, records, tombs)

"""The footbase store: one TinyDB JSON file, read fresh and written atomically under a lock.

Each operation parses the file once, works on it through TinyDB in memory, and writes it
back once: compact JSON, temp file, fsync, rename, fsync of the folder. Records are keyed
by UUID (TinyDB's integer ids are cached per process and collide between processes).
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import TinyDB

from footbase_tui.core.clock import Clock
from footbase_tui.core.localtime import iso_utc
from footbase_tui.core.merge import CHANGED, Docs, MergePlan, Tombs
from footbase_tui.core.record_docs import (
    RecordError,
    day_plan_to_doc,
    level_from_doc,
    level_to_doc,
    meta_from_doc,
    meta_to_doc,
    pain_from_doc,
    pain_to_doc,
    session_from_doc,
    session_to_doc,
)
from footbase_tui.core.records import (
    DayPlan,
    LevelChange,
    Meta,
    PainEntry,
    Session,
    join_by_hand,
    latest_levels,
    stamp_key,
)
from footbase_tui.errors import EditConflict, NotSaved, StoreCorrupt, StoreError, StoreTooNew
from footbase_tui.fileio import (
    atomic_write,
    ensure_private_dir,
    exclusive_lock,
    identity,
    nothing_at,
    read_nofollow,
    read_note,
    read_with_identity,
    remove_stale_temps,
    write_note,
)
from footbase_tui.store.backups import describe_backup, made_order
from footbase_tui.store.registry import KnownStores
from footbase_tui.store.shape import FORMAT, NotAStore, first_damage, parse_tables
from footbase_tui.store.snapshot import Snapshot
from footbase_tui.store.sync import (
    ConflictMerge,
    delete_record,
    merge_copies,
    merge_into,
    put_record,
    upgrade_and_compact,
)
from footbase_tui.store.tables import Database, MemoryStorage, Records

BACKUPS_KEPT = 7


class Store:
    """The one way into the store file."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        lock_timeout: float = 5.0,
        on_wait: Callable[[], None] | None = None,
        known: KnownStores | None = None,
    ) -> None:
        self.path = path
        self.known = known  # None: no memory of earlier stores (tests, backups read as stores)
        self.clock = clock
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        self.writes = 0  # files this Store replaced: an error after one must not say "nothing saved"

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / "backups"

    # ---- reading --------------------------------------------------------------------------

    def _parse(self, raw: bytes) -> dict[str, Any]:
        """Check that bytes are a footbase store; otherwise keep a copy and stop."""
        try:
            return parse_tables(raw)
        except NotAStore as exc:
            return cast(dict[str, Any], self._corrupt(raw, str(exc)))

    def _corrupt(self, raw: bytes, problem: str) -> Any:
        digest = hashlib.sha256(raw).hexdigest()[:10]
        copy = self.path.with_name(f"{self.path.name}.broken-{digest}")
        kept = ""
        try:
            if not copy.exists():
                atomic_write(copy, raw)
            kept = f" A copy is kept at {copy}."
        except StoreError:
            kept = " (No copy could be kept.)"
        raise StoreCorrupt(
            f"{self.path} {problem}. Nothing was changed.{kept} To recover: "
            "'footbase restore --list' and 'footbase restore NAME', or move the file away "
            "to start a new store."
        )

    def _read_data(self) -> dict[str, Any] | None:
        if os.path.lexists(self.path.parent):  # never raises: a folder we may not enter says so below
            ensure_private_dir(self.path.parent)
        raw = read_nofollow(self.path)
        if raw is None and self.known is not None and self.known.knows(self.path):
            raise self.known.missing(self.path)
        return None if raw is None else self._parse(raw)

    def load(self) -> Snapshot:
        """Read the whole store (no lock needed: writes replace the file atomically)."""
        data = self._read_data()
        return self._snapshot(data)

    def _snapshot(self, data: dict[str, Any] | None) -> Snapshot:
        """Bulk reads go straight to the parsed tables (TinyDB would wrap every document);
        writes go through TinyDB."""
        if data is None:
            return Snapshot(meta=Meta(format=FORMAT, created=""), path=self.path)
        newer = data["meta"]["meta"]["format"] > FORMAT
        try:
            meta = meta_from_doc(data["meta"]["meta"], newer)
        except RecordError as exc:
            raise StoreCorrupt(
                f"{self.path} has a damaged meta record ({exc}). Nothing was "
                "changed. To recover: 'footbase restore --list'."
            ) from None
        return Snapshot(meta, data, self.path, newer)

    # ---- writing --------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[TinyDB]:
        """Lock, read fresh, yield a TinyDB over the data, then write once if it changed."""
        if self.known is not None and nothing_at(self.path) and self.known.knows(self.path):
            raise self.known.missing(self.path)  # before making its folder or lock again
        ensure_private_dir(self.path.parent)
        with exclusive_lock(self.lock_path, self.lock_timeout, self.on_wait) as lock_fd:
            remove_stale_temps(self.path.parent, self.path.name + ".")
            remove_stale_temps(self.backup_dir, "footbase-")
            found = read_with_identity(self.path)
            raw, ident = found if found is not None else (None, "")
            if raw is None and self.known is not None and self.known.knows(self.path):
                raise self.known.missing(self.path)
            if raw is None:
                data: dict[str, Any] = {
                    "meta": {"meta": meta_to_doc(Meta(FORMAT, iso_utc(self.clock.now())))},
                    "pain": {},
                    "sessions": {},
                    "days": {},
                    "tombs": {},
                }
            else:
                data = self._parse(raw)
                version = data["meta"]["meta"]["format"]
                if version > FORMAT:
                    raise StoreTooNew(
                        f"{self.path} was written by a newer footbase (format {version}; this "
                        f"one knows {FORMAT}). Not saved: upgrade footbase to write to it."
                    )
                self._check_records(raw, data, ident, lock_fd)
            storage_db = Database(storage=MemoryStorage, data=data)
            yield storage_db
            storage = storage_db.storage
            assert isinstance(storage, MemoryStorage)
            if not storage.changed and raw is not None:
                return
            upgrade_and_compact(storage.data, self.clock.now())
            if not storage.data.get("levels"):  # see shape.TABLES: kept out until needed
                storage.data.pop("levels", None)
            try:
                payload = orjson.dumps(storage.data)
            except (orjson.JSONEncodeError, TypeError) as exc:
                raise NotSaved(f"not saved: the data could not be encoded ({exc})") from None
            if raw is not None:
                self._daily_backup(raw)
            atomic_write(self.path, payload)
            self.writes += 1
            if self.known is not None:
                self.known.remember(self.path)
            # Only records that passed the check, and new ones built from dataclasses.
            with suppress(OSError):
                written = identity(os.stat(self.path, follow_symlinks=False))
                write_note(lock_fd, _CHECKED, _with_content(written, payload))

    def _check_records(self, raw: bytes, data: dict[str, Any], ident: str, lock_fd: int) -> None:
        """Refuse to write beside a damaged record: it is a sign of damage, and entries
        added now would be lost to the restore that repairs it. Checking every record costs
        ~40 ms on ten years, so a file this store wrote itself (its identity is noted in the
        lock file, which only the lock holder touches) is not checked again."""
        # The note covers the bytes too: bit rot that keeps the size and the mtime (and so
        # the identity) must not pass as the file this store wrote.
        ident = _with_content(ident, raw)
        if read_note(lock_fd, _CHECKED) == ident:
            return
        damage = first_damage(data)
        if damage is not None:
            self._corrupt(raw, f"has a damaged record ({damage})")
        with suppress(OSError):
            write_note(lock_fd, _CHECKED, ident)

    def _daily_backup(self, raw: bytes) -> None:
        """Before the first change of a (UTC) day, keep the file as it was; keep the last 7."""
        name = f"footbase-{self.clock.now().date().isoformat()}.json"
        target = self.backup_dir / name
        if target.exists():
            return
        ensure_private_dir(self.backup_dir)
        atomic_write(target, raw)
        # The newest 7 by the time they were made, not by name: backups named by a clock that
        # ran ahead (footbase-2099-...) must never crowd out the days that follow.
        made = sorted(self.backup_dir.glob("footbase-*.json"), key=lambda p: made_order(p, name))
        for old in made[:-BACKUPS_KEPT]:
            if old != target:
                with suppress(OSError):
                    old.unlink()

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

    # ---- backups --------------------------------------------------------------------------

    def backups(self) -> list[Path]:
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob("footbase-*.json"), reverse=True)

    def read_backup(self, name: str) -> tuple[Path, Snapshot]:
        candidates = {p.name: p for p in self.backups()}
        candidates.update({p.stem: p for p in self.backups()})
        path = candidates.get(name) or candidates.get(f"footbase-{name}")
        if path is None:
            known = ", ".join(p.name for p in self.backups()) or "none yet"
            raise StoreError(f"no backup called {name!r}; backups: {known}")
        raw = read_nofollow(path)
        if raw is None:
            raise StoreError(f"backup {path} has gone")
        probe = Store(path, self.clock)
        return path, probe._snapshot(probe._parse(raw))

    def describe_backup(self, path: Path) -> tuple[bool, str]:
        """(healthy, what it holds or what is wrong with it); reads only (see store.backups)."""
        return describe_backup(path)

    def restore(self, name: str) -> Path:
        """Replace the store with a backup; the current file is kept as a backup itself."""
        path, _ = self.read_backup(name)
        raw = read_nofollow(path)
        assert raw is not None
        ensure_private_dir(self.path.parent)
        with exclusive_lock(self.lock_path, self.lock_timeout, self.on_wait):
            current = read_nofollow(self.path)
            if current is not None:
                stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
                digest = hashlib.sha256(current).hexdigest()[:8]  # two restores in a second
                keep = self.path.with_name(f"{self.path.name}.before-restore-{stamp}-{digest}")
                atomic_write(keep, current)
            atomic_write(self.path, raw)
            self.writes += 1
        if self.known is not None:
            self.known.remember(self.path)
        return path

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

    def merge_conflict_copies(self) -> list[ConflictMerge]:
        """Merge each file-sync conflict copy beside the store (see store.sync), then move
        it into backups/; what each one did, or why it was left where it is."""
        return merge_copies(self)


def _with_content(ident: str, raw: bytes) -> str:
    """A file's identity plus a fast checksum of its bytes (~1 ms for 4 MB)."""
    return f"{ident}:{zlib.crc32(raw):08x}"


_CHECKED = "every record checked in"  # the lock file's note: which store file

"""The footbase store: one TinyDB JSON file, read fresh and written atomically under a lock.

Each operation parses the file once, works on it through TinyDB in memory, and writes it
back once: compact JSON, temp file, fsync, rename, fsync of the folder. Records are keyed
by UUID (TinyDB's integer ids are cached per process and collide between processes).
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from footbase_tui.core.clock import Clock
from footbase_tui.core.localtime import iso_utc
from footbase_tui.core.records import (
    DayFacts,
    DayPlan,
    Meta,
    PainEntry,
    RecordError,
    Result,
    Session,
    day_plan_from_doc,
    day_plan_to_doc,
    meta_from_doc,
    meta_to_doc,
    pain_from_doc,
    pain_to_doc,
    session_from_doc,
    session_to_doc,
    stamp_key,
)
from footbase_tui.store.errors import EditConflict, NotSaved, StoreCorrupt, StoreError, StoreTooNew
from footbase_tui.store.fileio import (
    atomic_write,
    ensure_private_dir,
    exclusive_lock,
    read_nofollow,
    remove_stale_temps,
)

FORMAT = 1
T = TypeVar("T")
TABLES = ("meta", "pain", "sessions", "days")
BACKUPS_KEPT = 7


class _UuidTable(Table):
    """A TinyDB table whose document ids are the records' own UUID strings."""

    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> Any:
        raise RuntimeError("footbase records carry their own id")


class _MemoryStorage(Storage):
    """The parsed file, held for one operation; TinyDB writes mark it changed."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.changed = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.changed = True


class _DB(TinyDB):
    table_class = _UuidTable
    default_table_name = "meta"


class _Records:
    """One table addressed by UUID (TinyDB's annotations say int; `_UuidTable` uses str)."""

    def __init__(self, db: TinyDB, name: str) -> None:
        self._table: Any = db.table(name, cache_size=0)

    def get(self, rid: str) -> dict[str, Any] | None:
        doc = self._table.get(doc_id=rid)
        return dict(doc) if doc is not None else None

    def contains(self, rid: str) -> bool:
        return bool(self._table.contains(doc_id=rid))

    def insert(self, rid: str, doc: dict[str, Any]) -> None:
        self._table.insert(Document(doc, doc_id=rid))  # type: ignore[arg-type]

    def put(self, rid: str, doc: dict[str, Any]) -> None:
        """Insert or wholly replace (TinyDB's upsert would merge fields)."""
        if self.contains(rid):
            self.remove(rid)
        self.insert(rid, doc)

    def update(self, rid: str, fields: dict[str, Any]) -> None:
        self._table.update(fields, doc_ids=[rid])

    def remove(self, rid: str) -> None:
        self._table.remove(doc_ids=[rid])


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

    @property
    def pain_count(self) -> int:
        return len(self._table("pain"))


class Store:
    """The one way into the store file."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        lock_timeout: float = 5.0,
        on_wait: Callable[[], None] | None = None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / "backups"

    # ---- reading --------------------------------------------------------------------------

    def _parse(self, raw: bytes) -> dict[str, Any]:
        """Check that bytes are a footbase store; otherwise keep a copy and stop."""
        if not raw.strip():
            self._corrupt(raw, "is empty (a store always has content)")
        if raw.startswith(b"\xef\xbb\xbf"):
            self._corrupt(raw, "starts with a byte-order mark (it was edited by another program)")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            self._corrupt(raw, "is not UTF-8 text")
        try:
            data: Any = orjson.loads(raw)  # refuses NaN and Infinity, like JSON itself
            # Tens of thousands of objects that live as long as the process: keep the
            # garbage collector from scanning them again and again.
            gc.freeze()
        except orjson.JSONDecodeError as exc:
            self._corrupt(raw, f"is not valid JSON ({exc})")
        if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
            self._corrupt(raw, "is not a footbase store (no meta table)")
        meta = data["meta"].get("meta")
        if not isinstance(meta, dict) or not isinstance(meta.get("format"), int):
            self._corrupt(raw, "is not a footbase store (no format version)")
        for name in TABLES:
            table = data.setdefault(name, {})
            if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
                self._corrupt(raw, f"is not a footbase store (table '{name}' is not a mapping)")
        return cast(dict[str, Any], data)

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
        if self.path.parent.exists():
            ensure_private_dir(self.path.parent)
        raw = read_nofollow(self.path)
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
        try:
            meta = meta_from_doc(data["meta"]["meta"])
        except RecordError as exc:
            raise StoreCorrupt(f"{self.path} has a damaged meta record ({exc}). Nothing was "
                               "changed. To recover: 'footbase restore --list'.") from None
        return Snapshot(meta, data, self.path)

    # ---- writing --------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[TinyDB]:
        """Lock, read fresh, yield a TinyDB over the data, then write once if it changed."""
        ensure_private_dir(self.path.parent)
        with exclusive_lock(self.lock_path, self.lock_timeout, self.on_wait):
            remove_stale_temps(self.path)
            raw = read_nofollow(self.path)
            if raw is None:
                data: dict[str, Any] = {
                    "meta": {"meta": meta_to_doc(Meta(FORMAT, iso_utc(self.clock.now())))},
                    "pain": {},
                    "sessions": {},
                    "days": {},
                }
            else:
                data = self._parse(raw)
                version = data["meta"]["meta"]["format"]
                if version > FORMAT:
                    raise StoreTooNew(
                        f"{self.path} was written by a newer footbase (format {version}; this "
                        f"one knows {FORMAT}). Not saved: upgrade footbase to write to it."
                    )
            storage_db = _DB(storage=_MemoryStorage, data=data)
            yield storage_db
            storage = storage_db.storage
            assert isinstance(storage, _MemoryStorage)
            if not storage.changed and raw is not None:
                return
            try:
                payload = orjson.dumps(storage.data)
            except (orjson.JSONEncodeError, TypeError) as exc:
                raise NotSaved(f"not saved: the data could not be encoded ({exc})") from None
            if raw is not None:
                self._daily_backup(raw)
            atomic_write(self.path, payload)

    def _daily_backup(self, raw: bytes) -> None:
        """Before the first change of a (UTC) day, keep the file as it was; keep the last 7."""
        name = f"footbase-{self.clock.now().date().isoformat()}.json"
        target = self.backup_dir / name
        if target.exists():
            return
        ensure_private_dir(self.backup_dir)
        atomic_write(target, raw)
        for old in sorted(self.backup_dir.glob("footbase-*.json"))[:-BACKUPS_KEPT]:
            with suppress(OSError):
                old.unlink()

    def _ensure_program(self, db: TinyDB, program: str | None, start: date | None) -> None:
        if program is None or start is None:
            return
        meta_table = _Records(db, "meta")
        doc = meta_table.get("meta") or {}
        if doc.get("program") is None:
            meta_table.update("meta", {"program": program, "start": start.isoformat()})

    def add_pain(self, entry: PainEntry) -> None:
        """Save a new pain entry; returns only once it is on disk."""
        with self._write() as db:
            _Records(db, "pain").insert(entry.id, pain_to_doc(entry))

    def update_pain(self, entry: PainEntry, expected: PainEntry | None = None) -> PainEntry:
        """Replace an entry. With `expected` (the entry as it was when editing began), refuse
        with EditConflict if another process changed or deleted it meanwhile."""
        with self._write() as db:
            table = _Records(db, "pain")
            current = table.get(entry.id)
            if expected is not None:
                theirs = pain_from_doc(entry.id, current) if current is not None else None
                if theirs != expected:
                    raise EditConflict(theirs)
            elif current is None:
                raise NotSaved(f"not saved: entry {entry.id[:8]} no longer exists")
            updated = replace(entry, updated=iso_utc(self.clock.now()))
            table.put(entry.id, pain_to_doc(updated))
            return updated

    def restore_pain(self, entry: PainEntry) -> None:
        """Put a deleted entry back exactly as it was (undo)."""
        with self._write() as db:
            _Records(db, "pain").put(entry.id, pain_to_doc(entry))

    def delete_pain(self, entry_id: str) -> bool:
        with self._write() as db:
            table = _Records(db, "pain")
            if not table.contains(entry_id):
                return False
            table.remove(entry_id)
            return True

    def save_session(
        self,
        session: Session,
        program_if_new: tuple[str, date] | None = None,
    ) -> None:
        """Insert or replace a session (the walkthrough saves after every set)."""
        with self._write() as db:
            if program_if_new:
                self._ensure_program(db, *program_if_new)
            _Records(db, "sessions").put(session.id, session_to_doc(session))

    def delete_session(self, session_id: str) -> bool:
        with self._write() as db:
            table = _Records(db, "sessions")
            if not table.contains(session_id):
                return False
            table.remove(session_id)
            return True

    def set_day_plan(self, plan: DayPlan | None, day: date) -> None:
        """Follow another program on `day` (None: back to the planned one)."""
        with self._write() as db:
            table = _Records(db, "days")
            if plan is None:
                if table.contains(day.isoformat()):
                    table.remove(day.isoformat())
            else:
                table.put(day.isoformat(), day_plan_to_doc(plan))

    def set_program(self, program: str, start: date) -> None:
        with self._write() as db:
            _Records(db, "meta").update("meta", {"program": program, "start": start.isoformat()})

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
                keep = self.path.with_name(f"{self.path.name}.before-restore-{stamp}")
                atomic_write(keep, current)
            atomic_write(self.path, raw)
        return path

    def merge(
        self,
        pain: list[PainEntry],
        sessions: list[Session],
        plans: list[DayPlan],
        program_if_new: tuple[str, date] | None = None,
    ) -> MergeCounts:
        """Add or replace records by id (day plans by date) in one write; the given version
        wins. Counts what was new, replaced with different content, or already identical
        (compared in the stored shape); when nothing differs the file is not written.
        `program_if_new` sets the program and its start only if none is chosen yet."""
        def pain_doc(rid: str, doc: dict[str, Any]) -> dict[str, Any]:
            return pain_to_doc(pain_from_doc(rid, doc))

        def session_doc(rid: str, doc: dict[str, Any]) -> dict[str, Any]:
            return session_to_doc(session_from_doc(rid, doc))

        def plan_doc(rid: str, doc: dict[str, Any]) -> dict[str, Any]:
            return day_plan_to_doc(day_plan_from_doc(rid, doc))

        kinds: list[tuple[str, dict[str, dict[str, Any]], Callable[[str, dict[str, Any]], dict[str, Any]]]]
        kinds = [
            ("pain", {e.id: pain_to_doc(e) for e in pain}, pain_doc),
            ("sessions", {s.id: session_to_doc(s) for s in sessions}, session_doc),
            ("days", {p.date.isoformat(): day_plan_to_doc(p) for p in plans}, plan_doc),
        ]
        added = updated = unchanged = 0
        with self._write() as db:
            if program_if_new:
                self._ensure_program(db, *program_if_new)
            for name, docs, normal in kinds:
                records = _Records(db, name)
                replaced: list[str] = []
                new: dict[str, dict[str, Any]] = {}
                for rid, doc in docs.items():
                    current = records.get(rid)
                    if current is None:
                        added += 1
                        new[rid] = doc
                        continue
                    try:
                        same = current == doc or normal(rid, current) == doc
                    except (ValueError, TypeError):  # a damaged stored record: the file's wins
                        same = False
                    if same:
                        unchanged += 1
                    else:
                        updated += 1
                        replaced.append(rid)
                        new[rid] = doc
                # In bulk: TinyDB rewrites the whole table on each insert or remove.
                table: Any = db.table(name, cache_size=0)
                if replaced:
                    table.remove(doc_ids=replaced)
                if new:
                    table.insert_multiple(
                        [Document(doc, doc_id=rid) for rid, doc in new.items()]  # type: ignore[arg-type]
                    )
        return MergeCounts(added, updated, unchanged)


def file_mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777


from dataclasses import dataclass  # noqa: E402  (appended with Store.merge)


@dataclass(frozen=True)
class MergeCounts:
    """What Store.merge did: records new to the store, replaced, and already identical."""

    added: int
    updated: int
    unchanged: int

"""The footbase store: one TinyDB JSON file, read fresh and written atomically under a lock.

Each operation parses the file once, works on it through TinyDB in memory, and writes it
back once: compact JSON, temp file, fsync, rename, fsync of the folder. Records are keyed
by UUID (TinyDB's integer ids are cached per process and collide between processes).
"""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import TinyDB

from footbase_tui.core.clock import Clock
from footbase_tui.core.localtime import iso_utc
from footbase_tui.core.record_docs import RecordError, meta_from_doc, meta_to_doc
from footbase_tui.core.records import Meta
from footbase_tui.errors import NotSaved, StoreCorrupt, StoreError, StoreTooNew
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
from footbase_tui.store.sync import ConflictMerge, merge_copies, upgrade_and_compact
from footbase_tui.store.tables import Database, MemoryStorage
from footbase_tui.store.writes import RecordWrites

BACKUPS_KEPT = 7


class Store(RecordWrites):
    """The one way into the store file: reading it, the locked write every change goes through
    (`_write`), backups and restore; the record operations are in store/writes.py."""

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
        # The app's writes run in worker threads: they take turns here first, so the file lock
        # (and "waiting for another footbase", and its timeout) is only ever about other processes.
        self._turns = threading.Lock()

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
        import hashlib  # only for a damaged file: ~7 ms of OpenSSL off every write

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
        with self._turns, exclusive_lock(self.lock_path, self.lock_timeout, self.on_wait) as lock_fd:
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
        with self._turns, exclusive_lock(self.lock_path, self.lock_timeout, self.on_wait):
            current = read_nofollow(self.path)
            if current is not None:
                stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
                import hashlib  # see _corrupt

                digest = hashlib.sha256(current).hexdigest()[:8]  # two restores in a second
                keep = self.path.with_name(f"{self.path.name}.before-restore-{stamp}-{digest}")
                atomic_write(keep, current)
            atomic_write(self.path, raw)
            self.writes += 1
        if self.known is not None:
            self.known.remember(self.path)
        return path

    def merge_conflict_copies(self) -> list[ConflictMerge]:
        """Merge each file-sync conflict copy beside the store (see store.sync), then move
        it into backups/; what each one did, or why it was left where it is."""
        return merge_copies(self)


def _with_content(ident: str, raw: bytes) -> str:
    """A file's identity plus a fast checksum of its bytes (~1 ms for 4 MB)."""
    return f"{ident}:{zlib.crc32(raw):08x}"


_CHECKED = "every record checked in"  # the lock file's note: which store file

"""Change stamps, tombstones, merging, and the conflict copies file-sync tools leave.

Every record the store writes gets its change stamp (`chg`), later than the version it
replaces or the tombstone it supersedes; a deletion leaves a tombstone in the `tombs`
table, later than the record it removes. Merging applies core.merge's plan in the same
locked write. Tombstones older than core.merge.TOMB_HORIZON_DAYS are compacted on writes.

Conflict copies: when two machines change a synced store before their sync tool has
passed the other's change along, the tool keeps one as the store and renames the other
beside it. The forms recognised, for a store called footbase.json:

- Syncthing: ``footbase.sync-conflict-20260303-081500-ABCDEFG.json``
- Dropbox: ``footbase (Ann's conflicted copy 2026-03-03).json``
- Nextcloud / ownCloud: ``footbase (conflicted copy 2026-03-03 081500).json`` and the older
  ``footbase_conflict-20260303-081500.json``

Each is merged (an export or a store, by the same rules as `footbase import`) and then
moved into backups/ under its own name, where it is kept (never pruned).
"""

from __future__ import annotations

import json
import os
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Document

from footbase_tui.core.merge import CHANGED, Docs, MergePlan, Tombs, horizon, next_stamp, plan_merge, version
from footbase_tui.core.record_docs import tomb_key
from footbase_tui.core.records import stamp_key
from footbase_tui.core.text import clean_text
from footbase_tui.errors import StoreError
from footbase_tui.fileio import ensure_private_dir, fsync_dir, read_nofollow
from footbase_tui.store.shape import FORMAT
from footbase_tui.store.tables import Records

if TYPE_CHECKING:
    from footbase_tui.store.store import Store

TOMBS = "tombs"


# ---- stamps and tombstones ----------------------------------------------------------------


def put_record(db: TinyDB, kind: str, rid: str, doc: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Store `doc` as the record `rid` of `kind`, stamped later than the version it replaces
    and than its tombstone (which goes); returns the stored record."""
    table, tombs = Records(db, kind), Records(db, TOMBS)
    current = table.get(rid)
    tomb = tombs.get(tomb_key(kind, rid))
    after = [version(current) if current else None, str(tomb["at"]) if tomb else None]
    stamped = {k: v for k, v in doc.items() if k != CHANGED}
    stamped[CHANGED] = next_stamp(now, *after)
    table.put(rid, stamped)
    if tomb is not None:
        tombs.remove(tomb_key(kind, rid))
    return stamped


def delete_record(db: TinyDB, kind: str, rid: str, now: datetime) -> bool:
    """Remove the record and leave its tombstone (later than the record); False if absent."""
    table = Records(db, kind)
    current = table.get(rid)
    if current is None:
        return False
    table.remove(rid)
    key = tomb_key(kind, rid)
    Records(db, TOMBS).put(key, {"kind": kind, "id": rid, "at": next_stamp(now, version(current))})
    return True


def upgrade_and_compact(data: dict[str, Any], now: datetime) -> None:
    """Before a write: mark the file with this format (a format-1 file is a valid format 2
    one) and drop tombstones past the horizon."""
    meta = data["meta"]["meta"]
    if meta.get("format", FORMAT) < FORMAT:
        meta["format"] = FORMAT
    tombs = data.get(TOMBS)
    if not tombs:
        data[TOMBS] = {}
        return
    floor = horizon(now)
    old = [k for k, t in tombs.items() if stamp_key(str(t.get("at", ""))) < floor]
    for key in old:
        del tombs[key]


def _tombs_by_kind(db: TinyDB) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for doc in db.table(TOMBS, cache_size=0).all():
        found.setdefault(str(doc["kind"]), {})[str(doc["id"])] = str(doc["at"])
    return found


def merge_into(db: TinyDB, records: Docs, tombs: Tombs) -> MergePlan:
    """Plan the merge against what `db` holds and apply it (in bulk: TinyDB rewrites a whole
    table on each insert or remove)."""
    kinds = set(records) | set(tombs)
    local = {kind: {str(d.doc_id): d for d in db.table(kind, cache_size=0).all()} for kind in kinds}
    mine = _tombs_by_kind(db)
    plan = plan_merge(local, mine, records, tombs)
    for kind in sorted(set(plan.put) | set(plan.drop)):
        table: Any = db.table(kind, cache_size=0)
        puts = plan.put.get(kind, {})
        gone = [rid for rid in (*plan.drop.get(kind, ()), *puts) if rid in local.get(kind, {})]
        if gone:
            table.remove(doc_ids=gone)
        if puts:
            table.insert_multiple([Document(doc, doc_id=rid) for rid, doc in puts.items()])  # type: ignore[arg-type]
    tomb_table: Any = db.table(TOMBS, cache_size=0)
    stale = [tomb_key(kind, rid) for kind, ids in plan.untomb.items() for rid in ids]
    stale += [
        tomb_key(kind, rid) for kind, ids in plan.tombs.items() for rid in ids if rid in mine.get(kind, {})
    ]
    if stale:
        tomb_table.remove(doc_ids=stale)
    new = [
        Document({"kind": kind, "id": rid, "at": at}, doc_id=tomb_key(kind, rid))  # type: ignore[arg-type]
        for kind, ids in plan.tombs.items()
        for rid, at in ids.items()
    ]
    if new:
        tomb_table.insert_multiple(new)
    return plan


# ---- reading what is merged -----------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """A checked export or store file: its records and tombstones, and its program."""

    records: Docs
    tombs: Tombs
    program: tuple[str, Any] | None
    export: Any = None  # the checked core.exchange.ExportData the records came from


def read_incoming(raw: bytes) -> Incoming:
    """Parse and check a JSON export or a store file whole; ExchangeError says why not."""
    from footbase_tui.core.exchange import ExchangeError, as_records  # not on quick paths
    from footbase_tui.core.export_read import read_export

    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else "not valid JSON"
        raise ExchangeError(f"not a footbase export or store ({reason})") from None
    found = read_export(data, FORMAT)
    records, tombs = as_records(found)
    program = (found.program, found.start) if found.program and found.start else None
    return Incoming(records, tombs, program, found)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


# ---- conflict copies ------------------------------------------------------------------------


def conflict_patterns(store_name: str) -> list[re.Pattern[str]]:
    """The names sync tools give a conflicting copy of `store_name` (see the docstring)."""
    stem, dot, ext = store_name.rpartition(".")
    if not dot:
        stem, ext = store_name, ""
    s, e = re.escape(stem), re.escape(f".{ext}" if ext else "")
    return [
        re.compile(rf"^{s}\.sync-conflict-[0-9A-Za-z-]+{e}$"),
        re.compile(rf"^{s} \([^()/]*conflicted copy[^()/]*\){e}$"),
        re.compile(rf"^{s}_conflict-[0-9A-Za-z-]+{e}$"),
    ]


def conflict_copies(store: Path) -> list[Path]:
    """Conflict copies beside the store, oldest name first (regular files only)."""
    patterns = conflict_patterns(store.name)
    try:
        names = sorted(os.listdir(store.parent))
    except OSError:
        return []
    found = []
    for name in names:
        path = store.parent / name
        if any(p.match(name) for p in patterns) and path.is_file() and not path.is_symlink():
            found.append(path)
    return found


@dataclass(frozen=True)
class ConflictMerge:
    """What merging one conflict copy did: its plan, where it was kept, or the problem."""

    name: str
    plan: MergePlan | None = None
    kept: Path | None = None
    problem: str | None = None

    def line(self) -> str:
        """One line for the person (a file name could carry an escape sequence: cleaned)."""
        name = clean_text(self.name, multiline=False)
        if self.plan is None:
            return f"sync conflict copy {name} was not merged ({self.problem}); it was left where it is"
        p = self.plan
        where = clean_text(str(self.kept.parent if self.kept else ""), multiline=False)
        return (
            f"merged sync conflict copy {name}: {p.added} added, {p.updated} updated, "
            f"{p.deleted} deleted, {p.unchanged} unchanged; the copy is kept in {where}"
        )


def merge_copies(store: Store) -> list[ConflictMerge]:
    """Merge every conflict copy beside the store, then move each into backups/. A copy
    that cannot be read as an export or a store is left in place and reported."""
    done: list[ConflictMerge] = []
    for path in conflict_copies(store.path):
        raw = read_nofollow(path)
        if raw is None:
            continue
        try:
            incoming = read_incoming(raw)
        except ValueError as exc:  # ExchangeError: not an export or a store
            done.append(ConflictMerge(path.name, problem=str(exc)))
            continue
        plan = store.merge_docs(incoming.records, incoming.tombs, program_if_new=incoming.program)
        kept = _keep(path, store.backup_dir)
        if kept is None and not plan.changes:
            continue  # another footbase merged and moved it first: nothing to say
        done.append(ConflictMerge(path.name, plan, kept or store.backup_dir / path.name))
    return done


def _keep(path: Path, backups: Path) -> Path | None:
    """Move a merged copy into backups/ under its own name (never over another file);
    None if another footbase moved it first."""
    ensure_private_dir(backups)
    target = backups / path.name
    n = 1
    while os.path.lexists(target):
        n += 1
        target = backups / f"{path.stem}.{n}{path.suffix}"
    try:
        os.rename(path, target)
    except FileNotFoundError:  # another footbase merged and moved it meanwhile
        return None
    except OSError as exc:
        raise StoreError(f"merged {path.name} but could not move it into {backups}: {exc.strerror}") from None
    try:
        with suppress(OSError):
            os.chmod(target, 0o600)
        fsync_dir(backups)
        fsync_dir(path.parent)
    except OSError:
        pass  # moved; only the durability of the move is uncertain
    return target

"""`footbase edit ID ...`, `footbase delete ID` and `footbase undo`: fix a pain entry from the
shell. An id is the full id `journal --json` shows, or a unique prefix of it (4+ characters).

The last edit or delete made from the shell is remembered (in the cache folder, 0600, for
this store, until the day ends) so that `footbase undo` can take it back once.
"""

from __future__ import annotations

import argparse
import json
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from footbase_tui.commands.pain import _read_note
from footbase_tui.context import Context
from footbase_tui.core.localtime import from_iso_utc, parse_at
from footbase_tui.core.pain_input import PainInput, build_entry
from footbase_tui.core.record_docs import RecordError, pain_from_doc, pain_to_doc
from footbase_tui.core.records import PainEntry
from footbase_tui.errors import EditConflict, UsageError
from footbase_tui.fileio import atomic_write, ensure_private_dir, read_nofollow

PREFIX_MIN = 4


def find_entry(entries: list[PainEntry], given: str) -> PainEntry:
    """The entry whose id is `given` or starts with it; UsageError if none or several."""
    key = given.strip().lower()
    exact = [e for e in entries if e.id == key]
    if exact:
        return exact[0]
    if len(key) < PREFIX_MIN:
        raise UsageError(f"give at least {PREFIX_MIN} characters of the id (see 'footbase journal --json')")
    found = [e for e in entries if e.id.startswith(key)]
    if not found:
        raise UsageError(f"no pain entry has an id starting with {given!r} (see 'footbase journal --json')")
    if len(found) > 1:
        ids = ", ".join(e.id[:13] for e in found[:4])
        raise UsageError(f"{given!r} is the start of {len(found)} entries' ids ({ids}); give more characters")
    return found[0]


def _when(ctx: Context, e: PainEntry) -> str:
    wall = from_iso_utc(e.utc).astimezone(ctx.local.zone)
    day = "today" if e.date == ctx.today() else e.date.strftime("%a %d %b")
    return f"{day} {wall:%H:%M}"


def _changes(old: PainEntry, new: PainEntry) -> list[str]:
    said = []
    if old.level != new.level:
        said.append(f"level {old.level} -> {new.level}")
    if old.where != new.where:
        said.append(f"where {','.join(old.where) or '-'} -> {','.join(new.where) or '-'}")
    if old.context != new.context:
        said.append(f"context {old.context or '-'} -> {new.context or '-'}")
    if old.note != new.note:
        said.append("note changed" if new.note else "note removed")
    if old.utc != new.utc:
        said.append(f"time {old.utc} -> {new.utc}")
    return said


def _edited(ctx: Context, old: PainEntry, args: argparse.Namespace) -> PainEntry:
    """`old` with what the arguments change, each checked as `footbase pain` checks it."""
    where: list[str] | None = None
    if args.where is not None:
        where = [w.strip() for value in args.where for w in value.split(",") if w.strip()]
    context = args.context.strip() or None if args.context is not None else None
    note = _read_note(args.note) if args.note is not None else None
    at = parse_at(args.at, ctx.clock.now(), ctx.local) if args.at else from_iso_utc(old.utc)
    cfg = ctx.config
    checked = build_entry(
        PainInput(
            level=args.level if args.level is not None else old.level,
            where=tuple(where or ()),
            context=context,
            note=note or "",
        ),
        at=at,
        local=ctx.local,
        locations=cfg.locations,
        contexts=cfg.contexts,
        source=old.source,
    )
    new = replace(old, level=checked.level)
    if where is not None:
        new = replace(new, where=checked.where)
    if args.context is not None:
        new = replace(new, context=checked.context)
    if note is not None:
        new = replace(new, note=checked.note)
    if args.at:
        new = replace(new, utc=checked.utc, tz=checked.tz, date=checked.date)
    return new


def run_edit(ctx: Context, args: argparse.Namespace) -> int:
    if all(getattr(args, k) is None for k in ("level", "where", "context", "note", "at")):
        raise UsageError("nothing to change: give --level, --where, --context, --note or --at")
    old = find_entry(ctx.store.load().pain, args.id)
    new = _edited(ctx, old, args)
    said = _changes(old, new)
    if not said:
        print(f"unchanged: pain {old.id[:8]} ({_when(ctx, old)}) already says that")
        return 0
    saved = ctx.saves.edit_pain(new, expected=old)
    _remember(ctx, "edit", old, saved)
    print(f"edited pain {old.id[:8]} ({_when(ctx, saved)}): {', '.join(said)}")
    return 0


def run_delete(ctx: Context, args: argparse.Namespace) -> int:
    old = find_entry(ctx.store.load().pain, args.id)
    if not ctx.saves.delete_pain(old.id):
        raise UsageError(f"pain entry {old.id[:8]} was deleted meanwhile")
    _remember(ctx, "delete", old, None)
    print(f"deleted pain {old.level}/10 ({_when(ctx, old)}, {old.id[:8]}); 'footbase undo' brings it back")
    return 0


def run_undo(ctx: Context, args: argparse.Namespace) -> int:
    last = _recall(ctx)
    if last is None:
        raise UsageError("nothing to undo (only the last edit or delete made from the shell today)")
    action, before, after = last
    current = {e.id: e for e in ctx.store.load().pain}.get(before.id)
    if action == "delete":
        if current is not None:
            raise UsageError(f"pain entry {before.id[:8]} exists again; nothing was undone")
        ctx.saves.restore_pain(before)
        print(f"undone: deleted pain {before.level}/10 ({_when(ctx, before)}, {before.id[:8]}) is back")
    else:
        if current is None or current != after:
            raise UsageError(f"pain entry {before.id[:8]} was changed or deleted since; nothing was undone")
        try:
            ctx.saves.edit_pain(before, expected=after)
        except EditConflict:
            raise UsageError(f"pain entry {before.id[:8]} was changed just now; nothing was undone") from None
        print(f"undone: pain {before.id[:8]} ({_when(ctx, before)}): {', '.join(_changes(after, before))}")
    _forget(ctx)
    return 0


# ---- what undo remembers ------------------------------------------------------------------


def _undo_path(ctx: Context) -> Path:
    folder = ctx.paths.cache if ctx.paths.cache is not None else ctx.paths.data_dir
    return folder / "undo.json"


def _remember(ctx: Context, action: str, before: PainEntry, after: PainEntry | None) -> None:
    doc: dict[str, Any] = {
        "store": str(ctx.paths.db),
        "day": ctx.today().isoformat(),
        "action": action,
        "id": before.id,
        "before": pain_to_doc(before),
        "after": pain_to_doc(after) if after else None,
    }
    path = _undo_path(ctx)
    ensure_private_dir(path.parent)
    atomic_write(path, json.dumps(doc, ensure_ascii=False).encode("utf-8"))


def _recall(ctx: Context) -> tuple[str, PainEntry, PainEntry | None] | None:
    """The last edit or delete made from the shell today on this store, if any."""
    path = _undo_path(ctx)
    if not path.parent.is_dir():
        return None
    raw = read_nofollow(path)
    if raw is None:
        return None
    try:
        doc = json.loads(raw)
        if doc["store"] != str(ctx.paths.db) or doc["day"] != ctx.today().isoformat():
            return None
        before = pain_from_doc(doc["id"], doc["before"])
        after = pain_from_doc(doc["id"], doc["after"]) if doc["after"] is not None else None
        action = doc["action"]
    except (ValueError, KeyError, TypeError, RecordError):
        return None  # unreadable: there is nothing it can safely undo
    if action not in ("edit", "delete") or (action == "edit" and after is None):
        return None
    return action, before, after


def _forget(ctx: Context) -> None:
    path = _undo_path(ctx)
    with suppress(FileNotFoundError):
        path.unlink()

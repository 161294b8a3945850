"""`footbase pain` (log an entry in one line) and `footbase journal` (list entries)."""

from __future__ import annotations

import argparse
import json
import sys

from footbase_tui.context import Context
from footbase_tui.core.errors import PainInputError
from footbase_tui.core.localtime import (
    from_iso_utc,
    iso_in_zone,
    parse_at,
    parse_day,
    wall_time,
)
from footbase_tui.core.pain_input import PainInput, build_entry
from footbase_tui.core.warning_signs import pointer_line, warrants_pointer

STDIN_MAX = 4_000_000  # bytes: escapes are stripped before the 2000-character limit


def _read_note(value: str | None) -> str | None:
    if value != "-":
        return value
    data = sys.stdin.buffer.read(STDIN_MAX + 1)
    if len(data) > STDIN_MAX:
        raise PainInputError(
            f"the note on standard input is over {STDIN_MAX // 1_000_000} MB; "
            "at most 2000 characters are kept"
        )
    return data.decode("utf-8", "replace")


def run_pain(ctx: Context, args: argparse.Namespace) -> int:
    cfg = ctx.config
    now = ctx.clock.now()
    at = parse_at(args.at, now, ctx.local) if args.at else now
    where: list[str] = []
    for value in args.where:
        where.extend(w.strip() for w in value.split(",") if w.strip())
    entry = build_entry(
        PainInput(
            level=args.level, where=tuple(where), context=args.context, note=_read_note(args.note) or ""
        ),
        at=at,
        local=ctx.local,
        locations=cfg.locations,
        contexts=cfg.contexts,
        source="cli",
    )
    ctx.store.add_pain(entry)
    wall = from_iso_utc(entry.utc).astimezone(ctx.local.zone)
    parts = [f"saved: pain {entry.level}/10"]
    if entry.where:
        parts.append(f"at {', '.join(entry.where)}")
    if entry.context:
        parts.append(f"while {entry.context}")
    day = "today" if entry.date == ctx.today() else entry.date.strftime("%a %d %b")
    parts.append(f"({day} {wall:%H:%M})")
    print(" ".join(parts))
    if warrants_pointer(entry.level):
        # On stderr: standard output stays the one "saved" line that scripts read.
        print(f"footbase: {pointer_line(entry.level)}", file=sys.stderr)
    return 0


def run_journal(ctx: Context, args: argparse.Namespace) -> int:
    snap = ctx.store.load()
    if args.since:
        since = parse_day(args.since, ctx.today())
        entries = [e for e in snap.pain if e.date >= since]
        if args.last:
            entries = entries[-args.last :]
    elif args.last:
        entries = snap.last_pain(args.last)
    else:
        entries = snap.pain
    if args.json:
        out = [
            {
                "id": e.id,
                "at": iso_in_zone(e.utc, e.tz),
                "date": e.date.isoformat(),
                "level": e.level,
                "where": list(e.where),
                "context": e.context,
                "note": e.note,
            }
            for e in entries
        ]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not entries:
        print("no pain entries yet; log one with: footbase pain LEVEL")
        return 0
    for e in entries:
        wall = wall_time(e.utc, e.tz)
        where = ",".join(e.where) or "-"
        note = e.note.split("\n", 1)[0]
        print(f"{e.date} {wall:%H:%M}  {e.level:>2}/10  {where:<18} {e.context or '-':<9} {note}")
    return 0

"""`footbase pain` (log an entry in one line) and `footbase journal` (list entries)."""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys

from footbase_tui.commands.saved import report_saved
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
from footbase_tui.core.text import json_shown, shown
from footbase_tui.core.warning_signs import pointer_line, warrants_pointer
from footbase_tui.errors import UsageError

JOURNAL_DEFAULT = 20
STDIN_MAX = 4_000_000  # bytes: escapes are stripped before the 2000-character limit


def _read_note(value: str | None) -> str | None:
    if value != "-":
        return value
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or stream.closed:  # `footbase pain 3 --note - <&-`
        raise UsageError("no note on standard input (it is closed); pipe one in or use --note TEXT")
    if sys.stdin.isatty():
        print("type the note, end with ctrl-D", file=sys.stderr)
    try:
        data: bytes = stream.read(STDIN_MAX + 1)
    except (OSError, ValueError):
        raise UsageError("no note on standard input (it cannot be read); use --note TEXT") from None
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
    if args.level is None:
        # `pain --where hip 3`: --where took every word after it, the level too.
        if not where or not re.fullmatch(r"10|[0-9]", where[-1], re.ASCII):
            raise UsageError("LEVEL is required: a whole number from 0 (no pain) to 10")
        args.level = int(where.pop())
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
    ctx.saves.log_pain(entry)
    wall = from_iso_utc(entry.utc).astimezone(ctx.local.zone)
    parts = [f"saved: pain {entry.level}/10"]
    if entry.where:
        parts.append(f"at {', '.join(entry.where)}")
    if entry.context:
        parts.append(f"while {entry.context}")
    day = "today" if entry.date == ctx.today() else entry.date.strftime("%a %d %b")
    parts.append(f"({day} {wall:%H:%M})")
    report_saved(" ".join(parts))
    if warrants_pointer(entry.level):
        # On stderr: standard output stays the one "saved" line that scripts read.
        with contextlib.suppress(OSError, ValueError):
            print(f"footbase: {pointer_line(entry.level)}", file=sys.stderr)
    return 0


def run_journal(ctx: Context, args: argparse.Namespace) -> int:
    if args.all and args.last:
        raise UsageError("give --last N or --all, not both")
    snap = ctx.store.load()
    if args.since:
        since = parse_day(args.since, ctx.today())
        entries = [e for e in snap.pain if e.date >= since]
        if args.last:
            entries = entries[-args.last :]
    elif args.last or args.all or args.json:
        # JSON is for scripts: all of it unless told. The text is for eyes: one screen.
        entries = snap.last_pain(args.last) if args.last else snap.pain
    else:
        entries = snap.last_pain(JOURNAL_DEFAULT)
        total = snap.pain_count()
        if total > len(entries):
            # On stderr: whatever reads standard output gets only entries.
            print(
                f"footbase: the last {len(entries)} of {total:,} entries; see more with --last N or --all",
                file=sys.stderr,
            )
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
        print(json_shown(json.dumps(out, ensure_ascii=False, indent=2)))
        return 0
    if not entries:
        print("no pain entries yet; log one with: footbase pain LEVEL")
        return 0
    for e in entries:
        wall = wall_time(e.utc, e.tz)
        where = shown(",".join(e.where)) or "-"
        head = f"{e.date} {wall:%H:%M}  {e.level:>2}/10  {where:<18} {shown(e.context or '-'):<9} "
        first, *more = e.note.split("\n") if e.note else [""]
        print(f"{head}{shown(first)}".rstrip())
        for line in more:  # a multi-line note: every line, under the note's column
            print(f"{' ' * len(head)}{shown(line)}".rstrip())
    return 0

"""The calendar's cells and numbers for a range of days, shared by the screen and the command.

The longest streak and the habit strength look at the whole history, but ten years of days
cost ~30 ms to recount on every open. So the days before a cut-off (the first of the month
sixteen months back) are summed up once (a `Carry`) and kept in the cache folder, keyed by
a digest of those days' records, the program, its start and the catalog: any change to
the old days, an import, a restore or an edited program gives a new key and a recount.
The memo is a nicety: if it cannot be read or written, everything is counted from scratch.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footbase_tui import __version__
from footbase_tui.core import calendar as calendar_rules
from footbase_tui.core.calendar import (
    Carry,
    DayCell,
    Stats,
    carry_over,
    compute_stats,
    day_cells,
    months_back,
)
from footbase_tui.core.catalog import Catalog, Program
from footbase_tui.store import Snapshot

if TYPE_CHECKING:  # the practice layer calls this module, never the other way round
    from footbase_tui.context import Context
    from footbase_tui.practice import Plan

MEMO_FORMAT = 1
HISTORY_MONTHS = 16  # the memo covers the days before the first of the month this far back


def history_cutoff(today: date) -> date:
    """Days before this are summed up in the memo (it moves once a month, on the 1st)."""
    return months_back(today, HISTORY_MONTHS)


def calendar_cells(
    ctx: Context,
    snap: Snapshot,
    plan: Plan,
    today: date,
    first: date,
    last: date,
) -> tuple[list[DayCell], Stats]:
    """Cells from `first` (or earlier) to `last`, in order, and the stats as of `today`."""
    program, start = plan.program, plan.start
    until = min(first, history_cutoff(today))
    carry = _carry(ctx, snap, program, start, until, today) if until > start else None
    since = until if carry else min(start, first)
    cells = day_cells(ctx.catalog, program, start, since, max(last, today), today, snap.day_facts(since))
    stats = compute_stats([c for c in cells if c.day <= today], today, ctx.config.week_starts, carry)
    return [c for c in cells if c.day <= last], stats


def _carry(ctx: Context, snap: Snapshot, program: Program, start: date, until: date, today: date) -> Carry:
    digest = snap.history_digest(until)
    key = _key(ctx.catalog, program, start, until, digest) if digest else None
    memo = _memo_path(ctx)
    if key and memo:
        found = _read(memo, key, until)
        if found is not None:
            return found
    older = day_cells(ctx.catalog, program, start, start, until - timedelta(days=1), today, snap.day_facts())
    carry = carry_over(older, until, today)
    if key and memo:
        _write(memo, key, carry)
    return carry


def _key(catalog: Catalog, program: Program, start: date, until: date, digest: str) -> str:
    # Everything a past day's state depends on: its records (the digest), the program and
    # its start, the catalog's programs and exercises (a day plan may name any program), and
    # the rules that count them (their version, and footbase's own for a rule left unbumped).
    rules = (MEMO_FORMAT, calendar_rules.RULES_VERSION, __version__)
    shape = repr(
        (rules, program.id, start, until, sorted(catalog.programs.items()), sorted(catalog.exercises))
    )
    return hashlib.blake2b(f"{shape}\0{digest}".encode(), digest_size=16).hexdigest()


def _memo_path(ctx: Context) -> Path | None:
    if ctx.paths.cache is None:
        return None
    store_id = hashlib.blake2b(str(ctx.paths.db).encode(), digest_size=8).hexdigest()
    return ctx.paths.cache / f"calendar-{store_id}.json"


def _read(path: Path, key: str, until: date) -> Carry | None:
    from footbase_tui.errors import StoreError
    from footbase_tui.fileio import ensure_private_dir, read_nofollow

    try:
        if not path.parent.is_dir():
            return None
        ensure_private_dir(path.parent)
        raw = read_nofollow(path)
        doc: Any = json.loads(raw) if raw else None
        if not isinstance(doc, dict) or doc.get("key") != key:
            return None
        longest, run, strength = doc["longest"], doc["run"], doc["strength"]
        if not (isinstance(longest, int) and isinstance(run, int) and isinstance(strength, float)):
            return None
        return Carry(until, longest, run, strength)
    except (StoreError, OSError, ValueError, KeyError):
        return None


def _write(path: Path, key: str, carry: Carry) -> None:
    from footbase_tui.errors import StoreError
    from footbase_tui.fileio import atomic_write, ensure_private_dir

    doc = {"key": key, "longest": carry.longest, "run": carry.run, "strength": carry.strength}
    try:
        ensure_private_dir(path.parent)
        atomic_write(path, json.dumps(doc).encode())
    except (StoreError, OSError):
        pass  # a cache is a nicety: never a reason to fail

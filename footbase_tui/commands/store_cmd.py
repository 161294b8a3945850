"""`footbase locate` and `footbase restore`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from footbase_tui.commands.saved import report_saved
from footbase_tui.context import Context
from footbase_tui.core.text import clean_text, shown
from footbase_tui.errors import UsageError


def run_locate(ctx: Context, args: argparse.Namespace) -> int:
    if args.json:
        from footbase_tui.commands.jsonout import print_json

        paths = ctx.paths
        return print_json(
            {
                "store": str(paths.db),
                "store_exists": paths.db.exists(),
                "config": str(paths.config),
                "config_exists": paths.config.exists(),
                "catalog": str(paths.catalog_dir),
                "catalog_exists": paths.catalog_dir.exists(),
                "backups": str(paths.backups),
                "cache": None if paths.cache is None else str(paths.cache),
            }
        )
    print(f"store:   {ctx.paths.db}")
    print(f"config:  {ctx.paths.config}{'' if ctx.paths.config.exists() else ' (not created)'}")
    print(f"catalog: {ctx.paths.catalog_dir}{'' if ctx.paths.catalog_dir.exists() else ' (not created)'}")
    print(f"backups: {ctx.paths.backups}")
    if ctx.paths.cache is not None:
        print(f"cache:   {ctx.paths.cache}{'' if ctx.paths.cache.exists() else ' (not created)'}")
    print(
        f"to sync between machines: sync the data folder {ctx.paths.data_dir} (the store and "
        "backups/), never the cache; conflict copies there are merged on the next change"
    )
    return 0


def run_restore(ctx: Context, args: argparse.Namespace) -> int:
    store = ctx.store
    if args.list or not args.backup:
        if args.backup:
            raise UsageError("give a backup name or --list, not both")
        backups = store.backups()
        if args.json:
            return _backups_json(ctx)
        if not backups:
            print("no backups yet (one is kept each day the store changes, the last 7)")
            return 0
        damaged = 0
        for path in backups:
            healthy, what = store.describe_backup(path)  # reads only: a listing writes nothing
            damaged += not healthy
            try:
                size = f"{path.stat(follow_symlinks=False).st_size:>9} bytes"
            except OSError:
                size = f"{'?':>9} bytes"
            ahead = _named_after(path.name, ctx.today())
            if ahead:
                what += " (named for a later day: made while the clock was ahead)"
            print(f"{shown(path.name)}  {size}  {shown(what)}")
        if damaged:
            many = "s" if damaged > 1 else ""
            print(f"{damaged} damaged backup{many} cannot be restored; restore another one")
        return 0
    _check_backup_name(args.backup, store.backups())
    path = store.restore(args.backup)
    report_saved(f"restored {path.name}; the previous store was kept beside it as a .before-restore copy")
    return 0


def _backups_json(ctx: Context) -> int:
    from footbase_tui.commands.jsonout import print_json

    out = []
    for path in ctx.store.backups():
        item: dict[str, object] = {"name": path.name, "bytes": path.stat().st_size}
        try:
            _, snap = ctx.store.read_backup(path.name)
            item.update(pain_entries=len(snap.pain), sessions=len(snap.sessions), error=None)
        except Exception as exc:  # a damaged backup is listed, not fatal
            item.update(pain_entries=None, sessions=None, error=str(exc))
        out.append(item)
    return print_json(out)


def _check_backup_name(name: str, backups: list[Path]) -> None:
    """A backup is named as 'restore --list' shows it: refuse a path and an unknown name as
    bad input (exit 2), before anything is read."""
    shown = clean_text(name, multiline=False)
    if "/" in name or "\\" in name or ".." in name or shown != name:
        raise UsageError(
            f"{shown!r} is a path, not a backup name; give a name from 'footbase restore --list'"
        )
    known = {p.name for p in backups} | {p.stem for p in backups}
    if name not in known and f"footbase-{name}" not in known:
        listed = ", ".join(clean_text(p.name, multiline=False) for p in backups) or "none yet"
        raise UsageError(f"no backup called {shown!r}; backups: {listed}")


def _named_after(name: str, today: date) -> bool:
    """Whether a backup's name is a day after today (the clock was ahead when it was made)."""
    try:
        return date.fromisoformat(name.removeprefix("footbase-").removesuffix(".json")) > today
    except ValueError:
        return False

"""`footbase locate` and `footbase restore`."""

from __future__ import annotations

import argparse

from footbase_tui.context import Context
from footbase_tui.errors import UsageError


def run_locate(ctx: Context, args: argparse.Namespace) -> int:
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
        if not backups:
            print("no backups yet (one is kept each day the store changes, the last 7)")
            return 0
        for path in backups:
            try:
                _, snap = store.read_backup(path.name)
                what = f"{len(snap.pain)} pain entries, {len(snap.sessions)} sessions"
            except Exception as exc:  # a damaged backup is listed, not fatal
                what = f"unreadable: {exc}"
            print(f"{path.name}  {path.stat().st_size:>9} bytes  {what}")
        return 0
    path = store.restore(args.backup)
    print(f"restored {path.name}; the previous store was kept beside it as a .before-restore copy")
    return 0

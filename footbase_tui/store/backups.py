"""Reading the daily backups without writing anything: what each holds, and their order."""

from __future__ import annotations

import os
from pathlib import Path

from footbase_tui.errors import StoreError
from footbase_tui.fileio import read_nofollow
from footbase_tui.store.shape import FORMAT, NotAStore, first_damage, parse_tables


def describe_backup(path: Path) -> tuple[bool, str]:
    """(healthy, what it holds or what is wrong with it) for `restore --list`: reads the
    backup and every record in it, and writes nothing, not even a copy of a damaged one."""
    try:
        raw = read_nofollow(path)
    except StoreError as exc:  # not a plain file, or not readable
        return False, f"unreadable: {exc}"
    if raw is None:
        return False, "gone"
    try:
        data = parse_tables(raw)
    except NotAStore as exc:
        return False, f"damaged: {exc}"
    if data["meta"]["meta"]["format"] <= FORMAT:
        damage = first_damage(data)
        if damage is not None:
            return False, f"damaged: {damage}"
    pain, sessions = len(data["pain"]), len(data["sessions"])
    entries = f"{pain} pain entr{'y' if pain == 1 else 'ies'}"
    return True, f"{entries}, {sessions} session{'' if sessions == 1 else 's'}"


def made_order(path: Path, today: str) -> tuple[int, bool, str]:
    """When a backup was made (its mtime: it is written once); within one clock tick, one
    named for a later day than today's counts as the older."""
    try:
        mtime = os.stat(path, follow_symlinks=False).st_mtime_ns
    except OSError:
        mtime = 0
    return mtime, path.name <= today, path.name

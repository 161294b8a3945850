"""Sync conflict copies beside the store (Syncthing, Dropbox, Nextcloud/ownCloud) are merged
on the next writing command or app start, said in one line, and kept in backups/."""

from __future__ import annotations

import json
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.store import Store
from footbase_tui.store.sync import conflict_copies
from tests.conftest import Result

Run = Callable[..., Result]

NAMES = [
    "footbase.sync-conflict-20260303-081500-ABCDEFG.json",  # Syncthing
    "footbase (Ann's conflicted copy 2026-03-03).json",  # Dropbox
    "footbase (conflicted copy 2026-03-03 081500).json",  # Nextcloud / ownCloud
    "footbase_conflict-20260303-081500.json",  # older Nextcloud / ownCloud
]


def other_machine(ctx: Context, tmp_path: Path) -> Store:
    """A copy of the store on another machine, its clock 3 s ahead."""
    folder = tmp_path / "elsewhere"
    folder.mkdir(mode=0o700)
    shutil.copy(ctx.paths.db, folder / "footbase.json")
    assert isinstance(ctx.clock, FakeClock)
    return Store(folder / "footbase.json", FakeClock(instant=ctx.clock.instant), lock_timeout=0.3)


def levels(run: Run) -> list[int]:
    return [e["level"] for e in json.loads(run("journal", "--json").out)]


@pytest.mark.parametrize("name", NAMES)
def test_a_conflict_copy_is_merged_once_and_kept(run: Run, ctx: Context, tmp_path: Path, name: str) -> None:
    assert run("pain", "2").code == 0
    assert run("pain", "5", "--at", "08:30").code == 0
    other = other_machine(ctx, tmp_path)
    mine = json.loads(run("journal", "--json").out)
    assert isinstance(other.clock, FakeClock)
    other.clock.advance(3)
    other.delete_pain(next(e["id"] for e in mine if e["level"] == 5))  # deleted over there
    other.add_pain(PainEntry(new_id(), "2026-03-03T07:00:00Z", "Europe/Berlin", ctx.today(), 7))
    copy = ctx.paths.data_dir / name
    shutil.copy(other.path, copy)
    r = run("pain", "4")
    assert r.code == 0, r.err
    assert r.err == (
        f"footbase: merged sync conflict copy {name}: 1 added, 0 updated, 1 deleted, 1 unchanged; "
        f"the copy is kept in {ctx.paths.backups}\n"
    )
    assert sorted(levels(run)) == [2, 4, 7]
    kept = ctx.paths.backups / name
    assert not copy.exists() and kept.exists()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    again = run("pain", "1")
    assert again.code == 0 and again.err == ""  # merged exactly once
    assert sorted(levels(run)) == [1, 2, 4, 7]


def test_kept_copies_survive_the_pruning_of_daily_backups(
    run: Run, ctx: Context, fake_clock: FakeClock
) -> None:
    assert run("pain", "2").code == 0
    shutil.copy(ctx.paths.db, ctx.paths.data_dir / NAMES[0])
    for _ in range(9):  # a backup a day; only the last 7 daily ones are kept
        fake_clock.advance(86400)
        assert run("pain", "3").code == 0
    assert len(list(ctx.paths.backups.glob("footbase-*.json"))) == 7
    assert (ctx.paths.backups / NAMES[0]).exists()


def test_a_broken_copy_is_left_in_place_and_the_command_still_works(run: Run, ctx: Context) -> None:
    assert run("pain", "2").code == 0
    broken = ctx.paths.data_dir / NAMES[0]
    broken.write_text('{"half": ')
    r = run("pain", "3")
    assert r.code == 0
    assert (
        r.err.count("\n") == 1 and "was not merged (not a footbase export or store (not valid JSON))" in r.err
    )
    assert broken.exists() and sorted(levels(run)) == [2, 3]


def test_a_hostile_file_name_reaches_the_terminal_clean(run: Run, ctx: Context) -> None:
    assert run("pain", "2").code == 0
    name = "footbase (\x1b]0;owned\x07conflicted copy).json"
    shutil.copy(ctx.paths.db, ctx.paths.data_dir / name)
    r = run("pain", "3")
    assert (
        r.code == 0 and "\x1b" not in r.err and "\x07" not in r.err and "merged sync conflict copy" in r.err
    )


def test_reading_commands_and_look_alikes_leave_copies_alone(run: Run, ctx: Context) -> None:
    assert run("pain", "2").code == 0
    for name in [
        NAMES[0],
        "footbase.json.bak",
        "footbase-sync-conflict.json",
        "other.sync-conflict-1-A.json",
    ]:
        shutil.copy(ctx.paths.db, ctx.paths.data_dir / name)
    assert run("journal").code == 0 and run("today").code == 0
    assert [p.name for p in conflict_copies(ctx.paths.db)] == [NAMES[0]]


async def test_the_app_merges_copies_at_start_and_shows_them(
    ctx: Context, run: Run, tmp_path: Path, make_app: Callable[..., object]
) -> None:
    from footbase_tui.tui.app import FootbaseApp
    from tests.uikit import settle, wait_until

    assert run("pain", "2").code == 0
    other = other_machine(ctx, tmp_path)
    other.add_pain(PainEntry(new_id(), "2026-03-03T07:00:00Z", "Europe/Berlin", ctx.today(), 6))
    shutil.copy(other.path, ctx.paths.data_dir / NAMES[1])
    app = make_app()
    assert isinstance(app, FootbaseApp)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_until(lambda: len(app.snapshot.pain) == 2, 2.0)
        await settle(pilot)
        [message] = [n.message for n in app._notifications if n.title == "Sync conflict copy"]
        assert message.startswith(f"merged sync conflict copy {NAMES[1]}: 1 added")
    assert (ctx.paths.backups / NAMES[1]).exists()

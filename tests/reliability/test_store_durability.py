"""The store over months: bit rot is noticed even when it keeps the file's size and mtime,
and a clock that ran ahead never costs the backups of the days after it."""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from footbase_tui import fileio
from footbase_tui.commands import export_cmd
from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.store import Store
from tests.conftest import Result

Run = Callable[..., Result]
KIND = "store durability cases"


def test_bit_rot_that_keeps_size_and_mtime_is_never_written_over(
    run: Run, ctx: Context, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "3", "--note", "first").code == 0
    assert run("pain", "5", "--note", "second").code == 0  # the store wrote it: its note is set
    db = ctx.paths.db
    info = os.stat(db)
    raw = db.read_bytes()
    assert raw.count(b'"level":3') == 1
    rotted = raw.replace(b'"level":3', b'"levem":3')  # one flipped bit, same size
    with open(db, "r+b") as f:  # in place: same inode
        f.write(rotted)
    os.utime(db, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert os.stat(db).st_size == info.st_size and os.stat(db).st_mtime_ns == info.st_mtime_ns
    r = run("pain", "7")
    assert r.code == 1, (r.out, r.err)
    assert "saved:" not in r.out and "damaged record" in r.err
    assert db.read_bytes() == rotted  # not rewritten
    assert list(db.parent.glob(f"{db.name}.broken-*")), "no copy of the damaged store was kept"


def test_backups_named_by_a_clock_that_ran_ahead_never_crowd_out_later_days(
    run: Run, ctx: Context, clock: FakeClock, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "1").code == 0
    clock.instant = datetime(2099, 1, 1, 8, tzinfo=UTC)  # the clock runs ahead
    for _ in range(7):  # a week in 2099
        assert run("pain", "2").code == 0
        clock.advance(86400)
    clock.instant = datetime(2026, 12, 3, 8, tzinfo=UTC)  # the clock is put right
    for _ in range(3):
        assert run("pain", "3").code == 0
        clock.advance(86400)
    names = sorted(p.name for p in ctx.paths.backups.iterdir())
    for day in ("2026-12-03", "2026-12-04", "2026-12-05"):
        assert f"footbase-{day}.json" in names, names
    assert len(names) == 7
    listed = run("restore", "--list")
    assert "clock was ahead" in listed.out
    r = run("restore", "2026-12-04")
    assert r.code == 0, r.err


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_missing_parents_are_made_private_and_durable_under_umask_000(
    ctx: Context, tmp_path: Path, umask_000: None, monkeypatch: pytest.MonkeyPatch, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    synced: list[Path] = []
    real = fileio.fsync_dir

    def fsync_dir(folder: Path) -> None:
        synced.append(Path(folder))
        real(folder)

    monkeypatch.setattr(fileio, "fsync_dir", fsync_dir)
    home = tmp_path / "victim"
    home.mkdir(mode=0o700)
    db = home / ".local" / "share" / "footbase" / "footbase.json"
    store = Store(db, ctx.clock)
    store.add_pain(PainEntry(new_id(), "2026-03-03T08:00:00Z", "UTC", date(2026, 3, 3), 3))
    for folder in (home / ".local", home / ".local" / "share", db.parent):
        mode = stat.S_IMODE(folder.stat().st_mode)
        assert mode & 0o022 == 0, f"{folder} is {mode:04o} under umask 000"
        assert folder.parent in synced, f"the folder holding {folder.name} was not fsynced"


@pytest.mark.parametrize("mode", [0o777, 0o757], ids=["0777", "0757"])
def test_a_store_under_a_folder_others_can_change_is_refused_with_the_fix(
    run: Run, ctx: Context, mode: int, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "3").code == 0
    parent = ctx.paths.db.parent.parent  # above the 0700 data folder
    old = stat.S_IMODE(parent.stat().st_mode)
    parent.chmod(mode)
    try:
        before = ctx.paths.db.read_bytes()
        for argv, says in ((("journal",), "can be changed by other users"), (("pain", "4"), "not saved")):
            r = run(*argv)
            assert r.code == 1, r.err
            assert r.err.count("\n") == 1 and says in r.err and f"chmod go-w {parent}" in r.err, r.err
        assert ctx.paths.db.read_bytes() == before
    finally:
        parent.chmod(old)


def test_an_export_is_confirmed_only_after_its_folder_is_synced(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "3").code == 0
    synced: list[Path] = []
    monkeypatch.setattr(export_cmd, "fsync_dir", lambda folder: synced.append(Path(folder)))
    out = tmp_path / "out" / "report.md"
    out.parent.mkdir(mode=0o700)
    r = run("export", "--format", "md", "-o", str(out))
    assert r.code == 0 and r.out.startswith("exported:"), r.err
    assert out.parent in synced
    r = run("export", "--format", "csv", "-o", str(tmp_path / "tables") + "/")
    assert r.code == 0, r.err
    assert tmp_path in synced and tmp_path / "tables" in synced


def test_a_store_moved_away_is_reported_missing_never_silently_replaced(
    run: Run, ctx: Context, tmp_path: Path, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "3", "--note", "mine").code == 0
    folder = ctx.paths.db.parent
    folder.rename(tmp_path / "moved-away")  # what another user did, when they could
    for argv in (("journal",), ("pain", "4"), ("status",)):
        r = run(*argv)
        assert r.code == 1, (argv, r.out, r.err)
        assert r.err.count("\n") == 1 and f"your store is missing from {ctx.paths.db}" in r.err, r.err
        assert "no pain entries yet" not in r.out
    assert not ctx.paths.db.exists()  # no new, empty store was started
    assert "not saved" in run("pain", "4").err
    (tmp_path / "moved-away").rename(folder)  # put back: everything as before
    assert run("pain", "5").code == 0
    assert sorted(e.level for e in ctx.store.load().pain) == [3, 5]

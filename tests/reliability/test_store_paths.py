"""What sits at and above footbase's paths: FIFOs, folders others can write, a store that
went missing, bit rot that keeps the size and mtime, a clock that ran ahead."""

from __future__ import annotations

import io
import os
import stat
import threading
from collections import Counter
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from footbase_tui import fileio
from footbase_tui.cli import main
from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.paths import Paths
from footbase_tui.store import InsecurePath, Store, StoreCorrupt, StoreError, StoreMissing
from footbase_tui.tui.drafts import DraftBox


def entry(level: int = 3, note: str = "") -> PainEntry:
    return PainEntry(
        id=new_id(), utc="2026-03-02T08:00:00Z", tz="UTC", date=date(2026, 3, 2), level=level, note=note
    )


def finishes(call: Callable[[], Any], seconds: float = 10.0) -> tuple[bool, Any]:
    """Run `call` in a daemon thread: (whether it returned in time, its result or exception)."""
    box: list[Any] = []

    def run() -> None:
        try:
            box.append(call())
        except BaseException as exc:  # the test inspects it
            box.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    return (not worker.is_alive(), box[0] if box else None)


def cli(ctx: Context, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv), context=ctx)
    return code, out.getvalue(), err.getvalue()


def test_a_fifo_at_any_of_footbases_paths_never_hangs(
    tmp_path: Path, clock: FakeClock, tally: Counter[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    os.mkfifo(data / "footbase.json", 0o600)
    paths = Paths(db=data / "footbase.json", config=tmp_path / "config" / "config.yaml")
    done, result = finishes(lambda: cli(Context(paths, clock=clock), "journal"))
    assert done, "footbase journal hung on a FIFO at the store path"
    code, out, err = result
    assert code == 1 and out == ""
    assert "not a regular file" in err and err.count("\n") == 1
    tally["odd files at footbase's paths"] += 1

    draft = tmp_path / "draft"
    draft.mkdir(mode=0o700)
    os.mkfifo(draft / "pain-draft.json", 0o600)
    done, result = finishes(lambda: DraftBox(draft / "pain-draft.json").load())
    assert done and result is None  # no draft offered, nothing hangs
    tally["odd files at footbase's paths"] += 1


def test_missing_parents_are_created_private_and_durable_under_umask_000(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[Path] = []
    real = fileio.fsync_dir

    def fsync_dir(folder: Path) -> None:
        synced.append(folder)
        real(folder)

    monkeypatch.setattr(fileio, "fsync_dir", fsync_dir)
    home = tmp_path / "victim"
    home.mkdir(mode=0o700)
    old = os.umask(0)
    try:
        store = Store(home / ".local" / "share" / "footbase" / "footbase.json", clock)
        store.add_pain(entry())
    finally:
        os.umask(old)
    for folder in (home / ".local", home / ".local" / "share", home / ".local" / "share" / "footbase"):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700, folder
        assert folder.parent in synced, f"{folder.parent} was not fsynced after creating {folder.name}"


def test_a_store_below_a_folder_others_can_write_is_refused_with_the_fix(
    tmp_path: Path, clock: FakeClock
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    store = Store(shared / "mine" / "footbase.json", clock)
    with pytest.raises(InsecurePath, match=r"writable by other users.*chmod go-w"):
        store.add_pain(entry())
    assert not (shared / "mine" / "footbase.json").exists()
    # The sticky bit (as /tmp has) stops others renaming what they do not own: allowed.
    os.chmod(shared, 0o1777)
    store.add_pain(entry())
    assert len(store.load().pain) == 1


def test_a_store_that_went_missing_is_said_missing_never_silently_replaced(
    tmp_path: Path, clock: FakeClock, tally: Counter[str]
) -> None:
    paths = Paths(db=tmp_path / "data" / "footbase.json", config=tmp_path / "config" / "config.yaml")
    assert cli(Context(paths, clock=clock), "pain", "4")[0] == 0
    (tmp_path / "data").rename(tmp_path / "moved-away")  # another user, or a sync, moved it
    with pytest.raises(StoreMissing):
        Context(paths, clock=clock).store.load()
    for argv in (("journal",), ("pain", "5")):
        code, out, err = cli(Context(paths, clock=clock), *argv)
        assert code == 1, argv
        assert "your store is missing from" in err and err.count("\n") == 1
        tally["odd files at footbase's paths"] += 1
    assert not paths.db.exists()  # no new, empty store was started
    # Putting it back is all it takes.
    (tmp_path / "moved-away").rename(tmp_path / "data")
    code, out, _ = cli(Context(paths, clock=clock), "journal", "--json")
    assert code == 0 and out.count('"level"') == 1


def test_bit_rot_that_keeps_size_and_mtime_is_noticed_before_a_write(
    tmp_path: Path, clock: FakeClock, tally: Counter[str]
) -> None:
    store = Store(tmp_path / "data" / "footbase.json", clock)
    store.add_pain(entry(level=3))
    store.add_pain(entry(level=4))  # the second write notes the file as checked
    before = os.stat(store.path)
    raw = bytearray(store.path.read_bytes())
    at = raw.index(b'"level":4')
    raw[at + 8] = ord("9") + 3  # '<': same size, not a level
    with open(store.path, "r+b") as f:
        f.write(raw)
    os.utime(store.path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(store.path).st_size == before.st_size
    with pytest.raises((StoreCorrupt, StoreError)):
        store.add_pain(entry(level=5))
    assert store.path.read_bytes() == bytes(raw)  # the damaged store was not rewritten
    tally["damaged stores refused"] += 1


def test_backups_from_a_clock_that_ran_ahead_never_crowd_out_real_days(
    tmp_path: Path, tally: Counter[str]
) -> None:
    clock = FakeClock(instant=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    store = Store(tmp_path / "data" / "footbase.json", clock)
    store.add_pain(entry())
    ahead = FakeClock(instant=datetime(2099, 1, 1, 9, 0, tzinfo=UTC))
    store.clock = ahead
    for _ in range(7):
        store.add_pain(entry())
        ahead.advance(86400)
    store.clock = clock
    for _ in range(3):
        clock.advance(86400)
        store.add_pain(entry())
    names = {p.name for p in store.backups()}
    assert len(names) == 7
    for day in ("2026-12-02", "2026-12-03", "2026-12-04"):
        assert f"footbase-{day}.json" in names, sorted(names)
    tally["clock glitches survived"] += 1

"""The store over months: bit rot is noticed even when it keeps the file's size and mtime,
and a clock that ran ahead never costs the backups of the days after it."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
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

"""Crashes and I/O faults never cost an acknowledged entry and never leave a broken store.

- A writer process is SIGKILLed at random moments, over and over: every entry it acknowledged
  is on disk, nothing is half-written, and leftovers are cleaned by the next write.
- A crash is simulated at each step of the write path (open temp, write, fsync, close,
  replace, fsync of the folder): the file is exactly the old bytes or exactly the new ones.
- I/O errors (ENOSPC, EIO, EACCES, EROFS) at every I/O call of a save, once and persistently:
  nothing changes, the error says "not saved" and why, the lock is free, no temp is left.
- A real RLIMIT_FSIZE makes the write fail with EFBIG in a child process.
"""

from __future__ import annotations

import errno
import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.errors import not_saved_message
from footbase_tui.fileio import exclusive_lock
from footbase_tui.store import NotSaved, Store, StoreCorrupt, StoreError

TEMP_GLOB = ".footbase.json.*.tmp"


def entry(note: str, level: int = 3) -> PainEntry:
    return PainEntry(
        id=new_id(), utc="2026-03-03T08:00:00Z", tz="UTC", date=date(2026, 3, 3), level=level, note=note
    )


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Store:
    return Store(data_dir / "footbase.json", clock, lock_timeout=0.3)


@pytest.fixture
def seeded(store: Store) -> list[PainEntry]:
    """Two entries: the second write made today's backup, so the next save writes one file."""
    first, second = entry("seed-0", 1), entry("seed-1", 2)
    store.add_pain(first)
    store.add_pain(second)
    assert [b.name for b in store.backups()] == ["footbase-2026-03-03.json"]
    return [first, second]


def in_order(entries: list[PainEntry]) -> list[PainEntry]:
    """As Snapshot.pain lists them (by time, then id)."""
    return sorted(entries, key=lambda e: (e.utc, e.id))


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(TEMP_GLOB))


def lock_is_free(store: Store) -> bool:
    """A new open file description can take the flock at once (the failed save released it)."""
    try:
        with exclusive_lock(store.lock_path, 0.2):
            return True
    except StoreError:
        return False


# ---- an interposer on the os calls of the write path -------------------------------------------


class Crash(BaseException):
    """The process dies here: a BaseException, so no `except OSError` cleans anything up."""


class Interposer:
    """Wraps os.open/read/write/fsync/close/replace for the store code, remembers which file
    each descriptor is (lock, store, temp, folder), and makes one kind of call fail.

    `site` is (call, kind), e.g. ("fsync", "folder"). `when`: "before" the real call, "after"
    it (the call took effect, then the failure), or "half" (os.write writes half the bytes,
    then fails). `times`: fail that many matching calls, None for every one.
    """

    CALLS = ("open", "read", "write", "fsync", "close", "replace", "pread", "pwrite", "ftruncate")

    def __init__(
        self,
        store_path: Path,
        site: tuple[str, str],
        fault: Callable[[], BaseException],
        when: str = "before",
        times: int | None = 1,
    ) -> None:
        self.store_path = os.fspath(store_path)
        self.site, self.fault, self.when, self.left = site, fault, when, times
        self.real: dict[str, Any] = {name: getattr(os, name) for name in self.CALLS}
        self.kinds: dict[int, str] = {}
        self.payloads: dict[int, bytearray] = {}
        self.fired = 0

    # Which file, and does this call fail?

    def _kind_of(self, path: Any, flags: int) -> str:
        name = os.fspath(path)
        if name.endswith(".lock"):
            return "lock"
        if name.endswith(".tmp"):
            return "temp"
        if flags & os.O_DIRECTORY:
            return "folder"
        return "store" if name == self.store_path else "other"

    def _hit(self, call: str, kind: str) -> bool:
        if (call, kind) != self.site or self.left == 0:
            return False
        if self.left is not None:
            self.left -= 1
        self.fired += 1
        return True

    def _fail(self) -> BaseException:
        return self.fault()

    # The wrapped calls.

    def open(self, path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
        kind = self._kind_of(path, flags)
        if self._hit("open", kind):
            raise self._fail()
        fd: int = self.real["open"](path, flags, mode, **kw)
        self.kinds[fd] = kind
        if kind == "temp":
            self.payloads[fd] = bytearray()
        return fd

    def read(self, fd: int, n: int) -> bytes:
        if self._hit("read", self.kinds.get(fd, "other")):
            raise self._fail()
        data: bytes = self.real["read"](fd, n)
        return data

    def write(self, fd: int, data: Any) -> int:
        kind = self.kinds.get(fd, "other")
        hit = self._hit("write", kind)
        if hit and self.when == "half":
            half = memoryview(data)[: max(1, len(data) // 2)]
            self.real["write"](fd, half)
            self.payloads[fd] += half
            raise self._fail()
        if hit and self.when == "before":
            raise self._fail()
        written: int = self.real["write"](fd, data)
        if fd in self.payloads:
            self.payloads[fd] += memoryview(data)[:written]
        if hit:
            raise self._fail()
        return written

    # The lock file's note (which store file was last checked whole) is read and written
    # with these; they only ever touch the lock file.
    def pread(self, fd: int, n: int, offset: int) -> bytes:
        if self._hit("pread", self.kinds.get(fd, "other")):
            raise self._fail()
        data: bytes = self.real["pread"](fd, n, offset)
        return data

    def pwrite(self, fd: int, data: Any, offset: int) -> int:
        kind = self.kinds.get(fd, "other")
        hit = self._hit("pwrite", kind)
        if hit and self.when == "half":
            self.real["pwrite"](fd, memoryview(data)[: max(1, len(data) // 2)], offset)
            raise self._fail()
        if hit:
            raise self._fail()
        written: int = self.real["pwrite"](fd, data, offset)
        return written

    def ftruncate(self, fd: int, length: int) -> None:
        if self._hit("ftruncate", self.kinds.get(fd, "other")):
            raise self._fail()
        self.real["ftruncate"](fd, length)

    def fsync(self, fd: int) -> None:
        hit = self._hit("fsync", self.kinds.get(fd, "other"))
        if hit and self.when == "before":
            raise self._fail()
        self.real["fsync"](fd)
        if hit:
            raise self._fail()

    def close(self, fd: int) -> None:
        hit = self._hit("close", self.kinds.get(fd, "other"))
        if hit and self.when == "before":
            raise self._fail()  # the descriptor stays open (a crash: the process is gone)
        self.kinds.pop(fd, None)
        if hit:
            # Linux releases the descriptor even when close() reports an error.
            with suppress(OSError):
                self.real["close"](fd)
            raise self._fail()
        self.real["close"](fd)

    def replace(self, src: Any, dst: Any, **kw: Any) -> None:
        kind = "temp" if os.fspath(src).endswith(".tmp") else "other"
        hit = self._hit("replace", kind)
        if hit and self.when == "before":
            raise self._fail()
        self.real["replace"](src, dst, **kw)
        if hit:
            raise self._fail()

    @contextmanager
    def active(self) -> Iterator[Interposer]:
        with pytest.MonkeyPatch.context() as mp:
            for name in self.CALLS:
                mp.setattr(os, name, getattr(self, name))
            try:
                yield self
            finally:
                mp.undo()
                for fd in list(self.kinds):  # descriptors a simulated crash left open
                    with suppress(OSError):
                        os.close(fd)
                self.kinds.clear()

    def new_bytes(self) -> bytes | None:
        """What the save wrote to its temp file (the one temp of a save after today's backup)."""
        assert len(self.payloads) <= 1
        return next((bytes(p) for p in self.payloads.values()), None)


# ---- 1. random SIGKILL of a writer --------------------------------------------------------------

WRITER = r"""
import sys
from datetime import date
from pathlib import Path
from footbase_tui.core.clock import SystemClock
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.store import Store

store = Store(Path(sys.argv[1]), SystemClock(), lock_timeout=30)
tag = sys.argv[2]
out = sys.stdout
out.write("ready\n")
out.flush()
for n in range(100_000):
    e = PainEntry(id=new_id(), utc="2026-03-03T08:00:00Z", tz="UTC", date=date(2026, 3, 3),
                  level=n % 11, note=f"{tag}-{n}")
    store.add_pain(e)
    out.write(f"ack {e.id}\n")
    out.flush()
"""

KILLS = 120
NOTE = re.compile(r"^(?:w(\d+)-(\d+)|check-(\d+)|seed)$")


def why(proc: subprocess.Popen[bytes]) -> str:
    """The child's stderr, for a failure message (kills it first: never blocks)."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    assert proc.stderr is not None
    return proc.stderr.read().decode(errors="replace")


class Lines:
    """Lines from a child's stdout, read without blocking past a deadline."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self.fd = proc.stdout.fileno()
        self.buf = b""
        self.lines: list[str] = []
        self.eof = False

    def pump(self, deadline: float) -> bool:
        """Read what arrives before `deadline`; False once the deadline has passed."""
        left = deadline - time.monotonic()
        if left <= 0 or self.eof:
            return False
        ready, _, _ = select.select([self.fd], [], [], left)
        if not ready:
            return False
        chunk = os.read(self.fd, 1 << 16)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        *done, self.buf = self.buf.split(b"\n")
        self.lines += [line.decode() for line in done]
        return True


@pytest.mark.slow
def test_random_sigkill_never_loses_an_acknowledged_entry(
    store: Store, clock: FakeClock, tally: Counter[str]
) -> None:
    rng = random.Random(20260303)
    folder = store.path.parent
    store.add_pain(entry("seed"))
    acked_total = left_temp = minimum = 0
    for k in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(store.path), f"w{k}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            out = Lines(proc)
            start = time.monotonic()
            while "ready" not in out.lines and out.pump(start + 20):
                pass
            assert "ready" in out.lines, f"writer {k} did not start: {why(proc)}"
            # Kill after a random short time, or once it has acknowledged `want` entries;
            # every other round waits for the `want` (up to 20 s), so a loaded machine still
            # checks a known minimum of acknowledged entries.
            deadline = time.monotonic() + rng.uniform(0.005, 0.080)
            want = rng.randint(1, 60)
            if k % 2:
                deadline = time.monotonic() + 20
                minimum += want
            while len(out.lines) - 1 < want and out.pump(deadline):
                pass
            proc.send_signal(signal.SIGKILL)
            assert proc.wait(timeout=10) == -signal.SIGKILL, f"writer {k} ended by itself: {why(proc)}"
            while out.pump(time.monotonic() + 5):  # acks already in the pipe count too
                pass
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            assert proc.stdout is not None and proc.stderr is not None
            proc.stdout.close()
            proc.stderr.close()
        acks = [line.split()[1] for line in out.lines if line.startswith("ack ")]

        # The file parses, and every entry in it is whole.
        pain = Store(store.path, clock).load().pain
        ids = [e.id for e in pain]
        assert len(ids) == len(set(ids))
        mine: dict[int, str] = {}
        for e in pain:
            m = NOTE.match(e.note)
            assert m, f"after kill {k}: an entry with a damaged note {e.note!r}"
            if m.group(1) is not None and int(m.group(1)) == k:
                n = int(m.group(2))
                assert e.level == n % 11
                mine[n] = e.id
        # Every acknowledged entry is there, in order, plus at most the one being saved.
        assert sorted(mine) == list(range(len(mine))), f"kill {k}: a gap in {sorted(mine)}"
        assert len(acks) <= len(mine) <= len(acks) + 1, (k, len(acks), len(mine))
        assert [mine[n] for n in range(len(acks))] == acks
        acked_total += len(acks)

        # A kill inside atomic_write leaves its temp file; the next write removes it.
        if temps(folder):
            left_temp += 1
        Store(store.path, clock).add_pain(entry(f"check-{k}"))
        assert temps(folder) == []
    assert lock_is_free(store)
    assert acked_total >= max(KILLS, minimum), (acked_total, minimum)
    tally["random SIGKILLs survived"] += KILLS
    tally["acknowledged entries checked after kills"] += acked_total
    tally["random SIGKILLs that left a temp file for the next write to clean"] += left_temp


# ---- 2. a crash at each step of the write path --------------------------------------------------

CRASH_POINTS = [
    pytest.param(("open", "temp"), "before", "old", id="open-temp"),
    pytest.param(("write", "temp"), "half", "old", id="write-half-of-the-temp"),
    pytest.param(("fsync", "temp"), "before", "old", id="fsync-temp"),
    pytest.param(("fsync", "temp"), "after", "old", id="after-fsync-temp"),
    pytest.param(("close", "temp"), "before", "old", id="close-temp"),
    pytest.param(("replace", "temp"), "before", "old", id="replace"),
    pytest.param(("replace", "temp"), "after", "new", id="after-replace"),
    pytest.param(("fsync", "folder"), "before", "new", id="fsync-folder"),
    pytest.param(("fsync", "folder"), "after", "new", id="after-fsync-folder"),
]


@pytest.mark.parametrize(("site", "when", "expect"), CRASH_POINTS)
def test_a_crash_at_each_step_leaves_old_or_new_bytes(
    store: Store,
    clock: FakeClock,
    seeded: list[PainEntry],
    tally: Counter[str],
    site: tuple[str, str],
    when: str,
    expect: str,
) -> None:
    old = store.path.read_bytes()
    lost = entry("crashed")
    faults = Interposer(store.path, site, Crash, when)
    with faults.active(), pytest.raises(Crash):
        store.add_pain(lost)
    assert faults.fired == 1
    if expect == "old" and site != ("open", "temp"):
        assert temps(store.path.parent), "the crash left its temp file behind"
    now = store.path.read_bytes()
    assert now in (old, faults.new_bytes()), "the store is neither the old bytes nor the new"
    assert now == (old if expect == "old" else faults.new_bytes())
    expected = seeded + ([lost] if expect == "new" else [])
    assert Store(store.path, clock).load().pain == in_order(expected)
    assert lock_is_free(store)

    # The next save (another process) goes through and cleans up what the crash left.
    after = entry("after")
    Store(store.path, clock, lock_timeout=0.3).add_pain(after)
    assert Store(store.path, clock).load().pain == in_order([*expected, after])
    assert temps(store.path.parent) == []
    tally["crash points on the write path"] += 1


def test_a_temp_file_of_a_killed_writer_is_removed_on_the_next_write(store: Store) -> None:
    store.add_pain(entry("one"))
    stale = store.path.with_name(".footbase.json.999.abcd.tmp")
    stale.write_bytes(b'{"meta": {"me')
    store.add_pain(entry("two"))
    assert not stale.exists()
    assert sorted(e.note for e in store.load().pain) == ["one", "two"]


def test_a_temp_file_of_a_writer_killed_during_the_daily_backup_is_removed(
    store: Store, clock: FakeClock, seeded: list[PainEntry]
) -> None:
    clock.advance(86400)  # a new day: the next save first backs up the file
    faults = Interposer(store.path, ("write", "temp"), Crash, "half")
    with faults.active(), pytest.raises(Crash):
        store.add_pain(entry("crashed"))
    assert sorted(store.backup_dir.glob(".*.tmp")), "the crash left the backup's temp file"
    store.add_pain(entry("next"))
    store.add_pain(entry("next again"))
    left = sorted(p.relative_to(store.path.parent) for p in store.path.parent.rglob("*.tmp"))
    assert left == []


# ---- 3. I/O errors at every I/O call of a save --------------------------------------------------

ERRNOS = {
    errno.ENOSPC: "the disk is full",
    errno.EIO: "an input/output error",
    errno.EACCES: "permission denied",
    errno.EROFS: "the file system is read-only",
}


# (call, kind), how the failing call behaves, a known product bug
SITES: list[tuple[tuple[str, str], str, str | None]] = [
    (("open", "lock"), "before", None),
    (("open", "store"), "before", None),
    (("read", "store"), "before", None),
    (("open", "temp"), "before", None),
    (("write", "temp"), "half", None),
    (("fsync", "temp"), "before", None),
    (("close", "temp"), "after", None),
    (("replace", "temp"), "before", None),
    (("fsync", "folder"), "before", None),
]


def fault_cases() -> Iterator[Any]:
    for site, when, bug in SITES:
        for code in ERRNOS:
            for times in (1, None):
                marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
                label = f"{site[0]}-{site[1]}-{errno.errorcode[code]}-{'once' if times else 'always'}"
                yield pytest.param(site, when, code, times, marks=marks, id=label)


def assert_not_saved(exc: BaseException, code: int) -> None:
    assert isinstance(exc, NotSaved), f"{type(exc).__name__}: {exc}"
    message = not_saved_message(exc)  # as the CLI and the TUI show it
    assert message.startswith("not saved")
    assert ERRNOS[code] in message, message
    assert "\n" not in message


@pytest.mark.parametrize(("site", "when", "code", "times"), list(fault_cases()))
def test_an_io_error_anywhere_in_a_save_changes_nothing(
    store: Store,
    clock: FakeClock,
    seeded: list[PainEntry],
    tally: Counter[str],
    site: tuple[str, str],
    when: str,
    code: int,
    times: int | None,
) -> None:
    before = store.path.read_bytes()
    lost = entry("never saved")
    faults = Interposer(store.path, site, lambda: OSError(code, os.strerror(code)), when, times)
    with faults.active():
        with pytest.raises(BaseException) as err:  # any type: assert_not_saved checks it
            store.add_pain(lost)
        assert_not_saved(err.value, code)
        assert store.path.read_bytes() == before
        assert temps(store.path.parent) == []
        if times is None:
            # Persistently: every save fails the same way, and still changes nothing.
            with pytest.raises(BaseException) as again:
                Store(store.path, clock, lock_timeout=0.3).add_pain(entry("also never saved"))
            assert_not_saved(again.value, code)
            assert store.path.read_bytes() == before
            assert temps(store.path.parent) == []
    assert faults.fired == (1 if times == 1 else 2), "the fault was not injected as planned"
    # The lock is free: another process's save goes through right after.
    saved = entry("next")
    Store(store.path, clock, lock_timeout=0.3).add_pain(saved)
    assert temps(store.path.parent) == []
    assert Store(store.path, clock).load().pain == in_order([*seeded, saved])
    tally["injected I/O faults"] += 1


# The lock file's note only spares a recheck of every record: when it cannot be read or
# written, the save still goes through, and a damaged record is still found next time.
NOTE_SITES = [
    (("pread", "lock"), "before"),
    (("ftruncate", "lock"), "before"),
    (("pwrite", "lock"), "before"),
    (("pwrite", "lock"), "half"),
]


@pytest.mark.parametrize(("site", "when"), NOTE_SITES, ids=[f"{s[0]}-{w}" for s, w in NOTE_SITES])
@pytest.mark.parametrize("times", [1, None], ids=["once", "always"])
def test_an_io_error_at_the_checked_note_never_stops_a_save_nor_hides_damage(
    store: Store,
    clock: FakeClock,
    seeded: list[PainEntry],
    tally: Counter[str],
    site: tuple[str, str],
    when: str,
    times: int | None,
) -> None:
    saved = entry("saved anyway")
    faults = Interposer(store.path, site, lambda: OSError(errno.EIO, os.strerror(errno.EIO)), when, times)
    with faults.active():
        store.add_pain(saved)
        store.add_pain(entry("and again"))
    assert faults.fired >= 1, "the fault was not injected"
    notes = [e.note for e in Store(store.path, clock).load().pain]
    assert sorted(notes) == sorted([*(e.note for e in seeded), "saved anyway", "and again"])
    # Damage a record behind footbase's back, keeping the file's size: it is still refused.
    raw = store.path.read_bytes()
    damaged = raw.replace(b'"level":', b'"levek":', 1)
    assert len(damaged) == len(raw) and damaged != raw
    store.path.write_bytes(damaged)
    with pytest.raises(StoreCorrupt, match="damaged record"):
        store.add_pain(entry("never saved"))
    assert store.path.read_bytes() == damaged
    tally["injected I/O faults"] += 1


@pytest.mark.parametrize("code", list(ERRNOS), ids=[errno.errorcode[c] for c in ERRNOS])
def test_the_cli_says_not_saved_in_one_line_and_writes_nothing(
    run: Callable[..., Any], store: Store, tally: Counter[str], code: int
) -> None:
    assert run("pain", "2").code == 0
    assert run("pain", "4").code == 0  # today's backup exists: the next save writes one file
    before = store.path.read_bytes()
    backups = {p.name: p.read_bytes() for p in store.backups()}
    faults = Interposer(store.path, ("write", "temp"), lambda: OSError(code, os.strerror(code)), "half", None)
    with faults.active():
        r = run("pain", "3", "--note", "typed text")
    assert faults.fired == 1
    assert r.code == 1
    assert r.out == ""
    assert r.err.startswith(f"footbase: not saved: {ERRNOS[code]}")
    assert r.err.endswith("\n") and r.err.count("\n") == 1
    assert store.path.read_bytes() == before
    assert {p.name: p.read_bytes() for p in store.backups()} == backups
    assert temps(store.path.parent) == []
    assert sorted(e.level for e in store.load().pain) == [2, 4]
    tally["injected I/O faults"] += 1


def test_the_cli_says_not_saved_when_the_store_cannot_be_opened(
    run: Callable[..., Any], store: Store, tally: Counter[str]
) -> None:
    assert run("pain", "2").code == 0
    before = store.path.read_bytes()
    faults = Interposer(store.path, ("open", "store"), lambda: OSError(errno.EACCES, "denied"))
    with faults.active():
        r = run("pain", "3", "--note", "typed text")
    assert faults.fired == 1
    assert (r.code, r.out) == (1, "")
    assert r.err.startswith("footbase: not saved: ") and "permission denied" in r.err
    assert r.err.count("\n") == 1
    assert store.path.read_bytes() == before
    tally["injected I/O faults"] += 1


def test_a_failed_close_is_not_retried_on_a_reused_descriptor(store: Store, seeded: list[PainEntry]) -> None:
    other: list[int] = []

    class Reused(Interposer):
        def close(self, fd: int) -> None:
            if self.kinds.get(fd) == "temp" and not other:
                self.kinds.pop(fd)
                self.real["close"](fd)
                # Meanwhile another thread opens a file and gets the freed number.
                other.append(self.real["open"](os.devnull, os.O_RDONLY | os.O_CLOEXEC))
                raise OSError(errno.EIO, "Input/output error")
            super().close(fd)

    faults = Reused(store.path, ("none", "none"), lambda: OSError(errno.EIO, "unused"))
    try:
        with faults.active(), pytest.raises(NotSaved):
            store.add_pain(entry("never saved"))
        assert other, "the temp file was never closed"
        os.fstat(other[0])  # EBADF if the save closed the other thread's descriptor
    finally:
        for fd in other:
            with suppress(OSError):
                os.close(fd)


def test_the_next_day_after_faults_still_backs_up_and_writes(
    store: Store, clock: FakeClock, seeded: list[PainEntry]
) -> None:
    """A save that fails while making the new day's backup leaves no half backup; the next
    save makes it and writes."""
    clock.advance(86400)
    faults = Interposer(store.path, ("replace", "temp"), lambda: OSError(errno.EIO, "io"), times=None)
    with faults.active(), pytest.raises(NotSaved):
        store.add_pain(entry("never saved"))
    day = (date(2026, 3, 3) + timedelta(days=1)).isoformat()
    assert not (store.backup_dir / f"footbase-{day}.json").exists()  # the backup's replace failed
    store.add_pain(entry("saved"))
    assert (store.backup_dir / f"footbase-{day}.json").exists()
    assert sorted(e.note for e in store.load().pain) == ["saved", "seed-0", "seed-1"]


def test_the_cli_says_not_saved_when_the_store_cannot_be_read(run: Callable[..., Any], store: Store) -> None:
    assert run("pain", "2").code == 0
    before = store.path.read_bytes()
    faults = Interposer(store.path, ("read", "store"), lambda: OSError(errno.EIO, "I/O error"))
    with faults.active():
        r = run("pain", "3", "--note", "typed text")
    assert store.path.read_bytes() == before
    assert (faults.fired, r.code, r.out) == (1, 1, "")
    assert r.err.startswith("footbase: not saved: "), r.err
    assert "an input/output error" in r.err and "footbase.json" in r.err


# ---- 4. a real file-size limit (EFBIG) ----------------------------------------------------------

LIMITED = r"""
import resource, signal, sys
from datetime import UTC, date, datetime
from pathlib import Path
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.store import NotSaved, Store

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
path = Path(sys.argv[1])
limit = path.stat().st_size + 64
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
store = Store(path, FakeClock(instant=datetime(2026, 3, 3, 8, 0, tzinfo=UTC)))
try:
    store.add_pain(PainEntry(id=new_id(), utc="2026-03-03T08:00:00Z", tz="UTC",
                             date=date(2026, 3, 3), level=5, note="x" * 2000))
except NotSaved as exc:
    print(f"not saved|{exc}|{limit}")
    sys.exit(3)
print("saved")
"""


def test_a_real_file_size_limit_fails_cleanly_with_not_saved(
    store: Store, clock: FakeClock, seeded: list[PainEntry], tally: Counter[str]
) -> None:
    for i in range(20):
        store.add_pain(entry(f"more-{i}"))
    before = store.path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(store.path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3, (done.returncode, done.stdout, done.stderr)
    assert done.stderr == ""
    status, message, limit = done.stdout.strip().split("|")
    assert status == "not saved"
    assert message.startswith("not saved: the file is larger than allowed"), message
    assert int(limit) < len(before) + 2000
    assert store.path.read_bytes() == before
    assert len(Store(store.path, clock).load().pain) == len(seeded) + 20
    assert temps(store.path.parent) == []
    assert lock_is_free(store)
    tally["real RLIMIT_FSIZE failures"] += 1

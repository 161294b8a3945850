"""Odd terminals: every screen at every size, resizes while typing, and the real program in a
pseudo-terminal (an SSH drop, several TERM settings, and an idle app that must stay quiet)."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import pty
import random
import re
import select
import signal
import stat
import struct
import sys
import termios
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Size
from textual.widgets import Input

from footbase_tui.context import Context
from footbase_tui.core.clock import SystemClock
from footbase_tui.core.pain_input import PainInput, build_entry
from footbase_tui.core.records import PainEntry
from footbase_tui.core.text import clean_text
from footbase_tui.store import Store
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.help import HelpModal
from footbase_tui.tui.modals.pain_entry import PainEntryModal
from footbase_tui.tui.screens.base import FootbaseScreen
from footbase_tui.tui.screens.calendar import CalendarScreen
from footbase_tui.tui.screens.journal import JournalScreen
from footbase_tui.tui.screens.today import TodayScreen
from footbase_tui.tui.screens.walkthrough import WalkthroughScreen
from tests.uikit import key_names, keys_now, settle

ROOT = Path(__file__).resolve().parents[2]
MakeApp = Callable[..., FootbaseApp]
TOO_SMALL = "Make the window larger"
SIZES = [(120, 40), (100, 30), (80, 24), (60, 20), (50, 16), (40, 12)]
NOTES = ("morning stiffness", "after long walk", "fine by lunch")


def visible_text(app: FootbaseApp) -> str:
    """The characters actually drawn on the terminal, dialogs and the screen below included."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def seed(ctx: Context) -> list[PainEntry]:
    """A few pain entries with notes over the last days, so no screen is empty."""
    store = Store(ctx.paths.db, ctx.clock)
    for i, (level, note) in enumerate(zip((3, 6, 2), NOTES, strict=True)):
        entry = build_entry(
            PainInput(level, ("low-back",) if i == 0 else (), "walking" if i == 1 else None, note),
            at=ctx.clock.now() - timedelta(hours=20 * i),
            local=ctx.local,
            locations=ctx.config.locations,
            contexts=ctx.config.contexts,
            source="cli",
        )
        store.add_pain(entry)
    return store.load().pain


# ---- 1. every screen at every size ---------------------------------------------------------

# name: (keys from Today, the screen's type, text that shows its main content is on screen)
SCREENS: dict[str, tuple[tuple[str, ...], type, str]] = {
    "today": ((), TodayScreen, "Tue 03 Mar"),
    "walkthrough": (("s",), WalkthroughScreen, "Barefoot walk at home"),
    "calendar": (("c",), CalendarScreen, "Tue 03 Mar 2026"),
    "journal": (("j",), JournalScreen, "03 Mar 09:00"),
    "pain": (("p",), PainEntryModal, "Log pain"),
    "help": (("question_mark",), HelpModal, "Keys on this screen"),
}


@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_screen_draws_at_every_size(
    make_app: MakeApp,
    ctx: Context,
    name: str,
    tally: Counter[str],
) -> None:
    keys, kind, marker = SCREENS[name]
    seed(ctx)
    app = make_app()
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            where = f"{name} at {width}x{height}"
            assert app.is_running, where
            assert isinstance(app.screen, kind), where
            drawn = visible_text(app)
            small = width < 50 or height < 16
            if isinstance(app.screen, FootbaseScreen):
                assert app.screen.has_class("-too-small") is small, where
                if small:
                    assert TOO_SMALL in drawn and marker not in drawn, (where, drawn)
                else:
                    assert marker in drawn and TOO_SMALL not in drawn, (where, drawn)
            else:  # a dialog: the screen below says "make the window larger" under it
                below = app.screen_stack[-2]
                assert isinstance(below, FootbaseScreen), where
                assert below.has_class("-too-small") is small, where
                if not small:
                    assert marker in drawn, (where, drawn)
            if name == "journal" and width >= 80:  # narrower, the table scrolls sideways
                assert all(note in drawn for note in NOTES), (where, drawn)
            tally["screen x size combinations rendered"] += 1
        # And back from the smallest: everything is there again.
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, kind)
        assert marker in visible_text(app)
        assert TOO_SMALL not in visible_text(app)


async def test_the_pain_dialog_below_the_minimum_size_keeps_level_note_and_hint(
    make_app: MakeApp,
    ctx: Context,
) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("p", "6", "tab", *"sore")  # the lists are away: tab goes to the note
        await settle(pilot)
        assert isinstance(app.screen, PainEntryModal)
        note = app.screen.query_one("#pain-note", Input)
        assert app.screen.focused is note and note.value == "sore"
        drawn = visible_text(app)
        assert "6" in drawn and "sore" in drawn and "esc cancel" in drawn, drawn
        await pilot.press("enter")
        await settle(pilot)
    assert [(e.level, e.note) for e in ctx.store.load().pain] == [(6, "sore")]


# ---- 2. resizes while typing, and keys that arrive together -----------------------------------


def resize_now(app: FootbaseApp, width: int, height: int) -> None:
    """What Pilot.resize_terminal does, without waiting: a burst of SIGWINCHes (a window
    being dragged) queues Resize events faster than the app handles them."""
    size = Size(width, height)
    assert isinstance(app._driver, HeadlessDriver)
    app._driver._size = size
    app.post_message(events.Resize(size, size))


async def test_random_resizes_while_typing_a_note_keep_every_character(
    make_app: MakeApp,
    ctx: Context,
    tally: Counter[str],
) -> None:
    rng = random.Random(20260303)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 "
    typed = ""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "2", "tab", "tab", "tab")
        assert isinstance(app.screen, PainEntryModal)
        modal = app.screen
        note = modal.query_one("#pain-note", Input)
        assert modal.focused is note
        for i in range(200):
            width, height = rng.randint(30, 160), rng.randint(10, 50)
            if i % 10 == 0:  # now and then the way Pilot does it, waiting for the app
                await pilot.resize_terminal(width, height)
            else:
                resize_now(app, width, height)
            chars = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
            keys_now(app, *key_names(chars))
            typed += chars
            if i % 10 == 9:
                await pilot.pause()
                assert app.is_running
                assert app.screen is modal and modal.focused is note
        await settle(pilot)
        assert app.is_running and app.screen is modal
        assert note.value == typed
        assert modal.query_one("#pain-level", Input).value == "2"
        await pilot.resize_terminal(80, 24)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, PainEntryModal)
    [entry] = ctx.store.load().pain
    assert entry.level == 2 and entry.note == clean_text(typed)
    tally["random resizes while typing"] += 200


async def test_a_pain_entry_typed_ahead_in_one_burst_is_saved_as_typed(
    make_app: MakeApp,
    ctx: Context,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        await settle(pilot)
        keys_now(app, "7", "tab", "tab", "tab", *key_names("stiff back"), "enter")
        await settle(pilot)
        assert app.is_running
    pain = ctx.store.load().pain
    assert [(e.level, e.note) for e in pain] == [(7, "stiff back")]


async def test_an_edit_typed_ahead_in_one_burst_saves_the_new_level(
    make_app: MakeApp,
    ctx: Context,
) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        selected = journal.selected()
        assert selected is not None
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PainEntryModal)
        keys_now(app, "backspace", "8", "enter")
        await settle(pilot)
    after = {e.id: e.level for e in ctx.store.load().pain}
    assert after[selected.id] == 8, (selected.level, after[selected.id])


# ---- 3. the real program in a pseudo-terminal ------------------------------------------------

ANSI = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, colour queries
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and friends
    rb"|\x1b[()][0-9A-Za-z]|\x1b[=>78DEHMNOZc]"
)


class Tty:
    """`python -m footbase_tui` in a pseudo-terminal: the child is a session leader whose
    controlling terminal is the pty, as under sshd; closing the master hangs it up."""

    def __init__(self, env: dict[str, str], cols: int = 80, rows: int = 24) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal before anything reads it, then exec
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.chdir(ROOT)
                os.execve(sys.executable, [sys.executable, "-m", "footbase_tui"], env)
            finally:
                os._exit(127)
        self.pid = pid
        self.fd: int | None = fd
        self.raw = bytearray()
        self.eof = False
        self.exit_code: int | None = None

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.raw)).decode("utf-8", "replace")

    def read_some(self, timeout: float) -> bytes:
        """What the program wrote within `timeout` (b"" if nothing, or if it has gone)."""
        if self.fd is None or self.eof:
            time.sleep(max(0.0, min(timeout, 0.02)))
            return b""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 65536)
        except OSError as exc:  # EIO: the slave side is closed, the child has gone
            if exc.errno != errno.EIO:
                raise
            chunk = b""
        if not chunk:
            self.eof = True
        self.raw += chunk
        return chunk

    def wait_for(self, needle: str, timeout: float = 10.0) -> float:
        """Read until `needle` is drawn; returns the seconds it took."""
        start = time.monotonic()
        deadline = start + timeout
        while needle not in self.text():
            left = deadline - time.monotonic()
            if left <= 0 or self.eof:
                raise AssertionError(
                    f"{needle!r} not drawn within {timeout} s (eof={self.eof}); "
                    f"the end of what was drawn: {self.text()[-1500:]!r}"
                )
            self.read_some(min(left, 0.2))
        return time.monotonic() - start

    def drain(self, seconds: float) -> int:
        """Read everything written during `seconds`; returns the byte count."""
        deadline = time.monotonic() + seconds
        count = 0
        while (left := deadline - time.monotonic()) > 0:
            count += len(self.read_some(left))
        return count

    def send(self, data: bytes) -> None:
        assert self.fd is not None
        os.write(self.fd, data)

    def hang_up(self) -> None:
        """Close the master side: what sshd does when the connection drops."""
        assert self.fd is not None
        os.close(self.fd)
        self.fd = None

    def wait_exit(self, timeout: float) -> int | None:
        """The exit code (negative: killed by that signal), or None if still running."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_code = os.waitstatus_to_exitcode(status)
                return self.exit_code
            if time.monotonic() >= deadline:
                return None
            self.read_some(0.02)  # keep reading: a full pty buffer would block the child

    def close(self) -> None:
        if self.exit_code is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.exit_code = -signal.SIGKILL
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def tty_env(ctx: Context, **extra: str) -> dict[str, str]:
    """The environment of a login: everything under tmp_path, the data folder 0700."""
    assert stat.S_IMODE(os.stat(ctx.paths.data_dir).st_mode) == 0o700
    home = Path(os.environ["HOME"])
    assert home.is_relative_to(ctx.paths.data_dir.parent)  # tmp_path/home, from tests/conftest
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TEXTUAL", "PYTEST", "LC_")) and k not in ("COLUMNS", "LINES")
    }
    env.update(
        {
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "FOOTBASE_DB": str(ctx.paths.db),
            "FOOTBASE_CONFIG": str(ctx.paths.config),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
        }
    )
    env.update(extra)
    return env


@pytest.fixture
def tty_factory() -> Iterator[Callable[[dict[str, str]], Tty]]:
    """Start programs in ptys; whatever is still running at the end is killed (by its pid)."""
    started: list[Tty] = []

    def start(env: dict[str, str]) -> Tty:
        tty = Tty(env)
        started.append(tty)
        return tty

    yield start
    for tty in started:
        tty.close()


@pytest.mark.slow
def test_an_ssh_drop_saves_the_draft_frees_the_lock_and_exits_within_2_s(
    ctx: Context, tty_factory: Callable[[dict[str, str]], Tty], tally: Counter[str]
) -> None:
    before = seed(ctx)
    tty = tty_factory(tty_env(ctx))
    tty.wait_for("Foundation", 10)
    tty.send(b"p")
    tty.wait_for("Log pain", 5)
    # One key at a time, each drawn before the next: keys that arrive together are applied
    # out of order (see test_a_pain_entry_typed_ahead_in_one_burst_is_saved_as_typed).
    tty.send(b"7")
    tty.wait_for("Level 0-10  7", 5)
    for _ in range(3):
        tty.send(b"\t")
        tty.drain(0.3)
    tty.send(b"stiff back")
    tty.wait_for("stiff back", 5)
    dropped = time.monotonic()
    tty.hang_up()
    code = tty.wait_exit(2.0)
    took = time.monotonic() - dropped
    assert code is not None, "footbase was still running 2 s after the terminal hung up"
    assert code >= 0, f"killed by signal {-code} instead of leaving by itself"
    # The store is free and intact.
    lock = Store(ctx.paths.db, SystemClock()).lock_path
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError if still held
    finally:
        os.close(fd)
    assert Store(ctx.paths.db, SystemClock()).load().pain == before
    # The half-typed entry is kept, private.
    draft = ctx.paths.draft
    assert draft.exists(), f"no draft after the hang-up (exit {code} after {took:.2f} s)"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert data["level"] == "7" and data["note"] == "stiff back"
    tally["real pty hang-ups"] += 1


TERMINALS = {
    "xterm": {"TERM": "xterm"},
    "xterm-256color": {"TERM": "xterm-256color"},
    "screen": {"TERM": "screen"},
    "tmux-256color": {"TERM": "tmux-256color"},
    "linux": {"TERM": "linux"},
    "NO_COLOR": {"NO_COLOR": "1"},
    "LANG=C": {"LANG": "C", "LC_ALL": "C"},
}


@pytest.mark.slow
@pytest.mark.parametrize("terminal", list(TERMINALS))
def test_the_app_starts_saves_and_quits_under_each_terminal(
    ctx: Context, tty_factory: Callable[[dict[str, str]], Tty], terminal: str, tally: Counter[str]
) -> None:
    tty = tty_factory(tty_env(ctx, **TERMINALS[terminal]))
    tty.wait_for("Foundation", 10)
    tty.send(b"p")
    tty.wait_for("Log pain", 5)
    tty.send(b"5")
    tty.wait_for("Level 0-10  5", 5)  # drawn before enter: see the typed-ahead test above
    tty.send(b"\r")
    tty.wait_for("Saved: pain 5/10", 5)
    [entry] = Store(ctx.paths.db, SystemClock()).load().pain
    assert entry.level == 5 and entry.source == "app"
    tty.send(b"q")
    assert tty.wait_exit(5.0) == 0, tty.text()[-1500:]
    tally["terminal types started"] += 1


@pytest.mark.slow
def test_an_idle_app_writes_nothing_to_the_terminal(
    ctx: Context, tty_factory: Callable[[dict[str, str]], Tty], tally: Counter[str]
) -> None:
    seed(ctx)
    tty = tty_factory(tty_env(ctx))
    tty.wait_for("Foundation", 10)
    tty.wait_for("streak", 5)  # counted just after the first frame
    # Settle: 2.5 s, and at least 1 s without output at the end of it.
    tty.drain(2.5)
    deadline = time.monotonic() + 5
    while tty.drain(1.0) and time.monotonic() < deadline:
        pass
    # Now watch: the store watcher ticks every second, but nothing changed.
    seen = bytearray()
    end = time.monotonic() + 3.0
    while (left := end - time.monotonic()) > 0:
        seen += tty.read_some(left)
    assert bytes(seen) == b"", f"an idle app wrote {len(seen)} bytes in 3 s: {bytes(seen[:300])!r}"
    tally["idle seconds watched"] += 3
    tty.send(b"q")
    assert tty.wait_exit(5.0) == 0

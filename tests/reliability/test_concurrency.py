"""Concurrent writers: `footbase pain` processes while the app edits and deletes in its journal,
and a store held busy by another process (the CLI gives up plainly; the app must stay usable)."""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from footbase_tui.context import Context
from footbase_tui.core.records import PainEntry
from footbase_tui.store import Store
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.confirm import ConfirmModal
from footbase_tui.tui.modals.pain_entry import PainEntryModal
from footbase_tui.tui.screens.journal import JournalScreen
from footbase_tui.tui.widgets.pain_table import PainTable
from tests.conftest import subprocess_env
from tests.uikit import keys_now, settle, wait_until

ROOT = Path(__file__).resolve().parents[2]
FOOTBASE = [sys.executable, "-m", "footbase_tui"]
MakeApp = Callable[..., FootbaseApp]
SIZE = (100, 30)
Writers = list[tuple[str, int, "subprocess.Popen[str]"]]  # note, level, the process


def notifications(app: FootbaseApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


def stored(ctx: Context) -> dict[str, PainEntry]:
    return {e.id: e for e in ctx.store.load().pain}


# ---- 1. fifty CLI writers and the app's journal -------------------------------------------


async def _nothing() -> None:
    return None


class Journal:
    """Drives the app's Journal and keeps what it acknowledged (by the entries' unique notes)."""

    def __init__(self, pilot: Pilot[None], app: FootbaseApp, ctx: Context, rng: random.Random) -> None:
        self.pilot, self.app, self.ctx, self.rng = pilot, app, ctx, rng
        self.edits: dict[str, int] = {}  # note -> level the app saved
        self.deleted: set[str] = set()
        self.refused = 0
        self.overlapped = 0  # writes the app made while CLI writers were running
        self.before_write: Callable[[], Awaitable[None]] = _nothing
        self.writers_running: Callable[[], bool] = lambda: False

    async def write(self, key: str) -> None:
        """Press the key that writes, just as the CLI writers are at work."""
        await self.before_write()
        self.overlapped += self.writers_running()
        await self.pilot.press(key)

    @property
    def screen(self) -> JournalScreen:
        screen = self.app.screen
        assert isinstance(screen, JournalScreen), type(screen)
        return screen

    async def pick(self) -> PainEntry | None:
        table = self.screen.query_one(PainTable)
        if not table.row_count:
            return None
        await self.pilot.press(*["down"] * self.rng.randrange(min(4, table.row_count)))
        return self.screen.selected()

    async def edit(self) -> None:
        entry = await self.pick()
        if entry is None:
            return
        new = self.rng.choice([level for level in range(10) if level != entry.level])
        await self.pilot.press("e")
        modal = self.app.screen
        assert isinstance(modal, PainEntryModal) and modal.editing == entry
        await self.pilot.press("backspace", str(new))
        assert modal.query_one("#pain-level", Input).value == str(new)
        error = modal.query_one("#pain-error", Static)
        await self.write("enter")
        assert await wait_until(lambda: self.app.screen is not modal or str(error.render()), 10)
        assert not isinstance(self.app.screen, ConfirmModal), "an edit conflict nobody caused"
        now = stored(self.ctx)
        if self.app.screen is not modal:  # acknowledged: it must be in the store
            assert now[entry.id].level == new and now[entry.id].note == entry.note
            self.edits[entry.note] = new
        else:  # refused (the store was busy too long): said so, and nothing changed
            assert "Not saved" in str(error.render())
            assert now[entry.id].level == entry.level
            self.refused += 1
            await self.pilot.press("escape")
        await settle(self.pilot)

    async def delete(self) -> None:
        entry = await self.pick()
        if entry is None:
            return
        seen = {n.identity for n in self.app._notifications}  # (old ones expire and go)
        await self.pilot.press("d")
        assert isinstance(self.app.screen, ConfirmModal)
        await self.write("y")

        def answered() -> list[tuple[str, str]]:
            return [
                (n.title, n.message)
                for n in self.app._notifications
                if n.identity not in seen and (n.message.startswith("Deleted.") or n.title == "Not saved")
            ]

        assert await wait_until(answered, 10)
        [(_, message)] = answered()
        if message.startswith("Deleted."):
            assert entry.id not in stored(self.ctx)
            self.deleted.add(entry.note)
        else:
            assert entry.id in stored(self.ctx), message
            self.refused += 1
        await settle(self.pilot)


@pytest.mark.slow
async def test_fifty_cli_writers_and_journal_edits_and_deletes_lose_nothing(
    make_app: MakeApp,
    ctx: Context,
    tally: Counter[str],
) -> None:
    rng = random.Random(50)
    env = subprocess_env(ctx)
    added: dict[str, int] = {}  # note -> level of each `footbase pain` that exited 0
    failures: list[str] = []
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "f", "f")  # the journal, all time: every entry whatever its date
        await settle(pilot)
        journal = Journal(pilot, app, ctx, rng)
        n = 0
        for _batch in range(10):
            running: Writers = []

            async def start_writers(running: Writers = running) -> None:
                """Five `footbase pain` at once (once per batch), then a moment for them to
                reach the store: the app's write lands among theirs."""
                nonlocal n
                if running:
                    return
                for _ in range(5):
                    note, level = f"cli-{n:02d}", rng.randint(0, 10)
                    n += 1
                    running.append(
                        (
                            note,
                            level,
                            subprocess.Popen(
                                [*FOOTBASE, "pain", str(level), "--note", note],
                                env=env,
                                cwd=ROOT,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE,
                                text=True,
                            ),
                        )
                    )
                await asyncio.sleep(rng.uniform(0.0, 0.12))

            journal.before_write = start_writers

            def writers_running(running: Writers = running) -> bool:
                return any(proc.poll() is None for *_, proc in running)

            journal.writers_running = writers_running
            # The app edits and deletes what it shows, while they write.
            for _ in range(2):
                app.check_store()
                await settle(pilot)
                if rng.random() < 0.6:
                    await journal.edit()
                else:
                    await journal.delete()
            await start_writers()  # (if the journal had nothing to edit yet)
            for note, level, proc in running:
                out, err = await asyncio.to_thread(proc.communicate, timeout=30)
                if proc.returncode == 0:
                    assert out.startswith(f"saved: pain {level}/10"), out
                    added[note] = level
                else:
                    failures.append(f"{note}: exit {proc.returncode}: {err.strip()}")
        app.check_store()
        await settle(pilot)
        pain = ctx.store.load().pain
        ids = [e.id for e in pain]
        table = journal.screen.query_one(PainTable)
        shown = [str(key.value) for key in table.rows]
    assert failures == []
    assert len(ids) == len(set(ids)), "an entry id is in the store twice"
    notes = [e.note for e in pain]
    assert len(notes) == len(set(notes)), "an entry was written twice"
    assert not set(notes) & journal.deleted, "a deleted entry came back"
    expected = {
        note: journal.edits.get(note, level) for note, level in added.items() if note not in journal.deleted
    }
    assert {e.note: e.level for e in pain} == expected
    assert sorted(shown) == sorted(ids), "the journal does not show the store"
    # The run did what it claims: every writer acknowledged, and the app really edited and deleted.
    assert len(added) == 50
    assert len(journal.edits) >= 5 and len(journal.deleted) >= 3, (journal.edits, journal.deleted)
    assert journal.overlapped >= 3, f"only {journal.overlapped} app writes met running CLI writers"
    tally["concurrent CLI writers"] += 50
    tally["journal edits and deletes among CLI writers"] += len(journal.edits) + len(journal.deleted)


# ---- 2. a store held busy by another process ---------------------------------------------

HOLD = """\
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def hold_lock(ctx: Context) -> Iterator[Callable[[float], subprocess.Popen[str]]]:
    """Another process that takes the store's lock and keeps it (killed at the end, by pid)."""
    holders: list[subprocess.Popen[str]] = []

    def hold(seconds: float) -> subprocess.Popen[str]:
        lock = Store(ctx.paths.db, ctx.clock).lock_path
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(lock), str(seconds)], stdout=subprocess.PIPE, text=True
        )
        holders.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        return proc

    yield hold
    for proc in holders:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def patient_app(ctx: Context) -> FootbaseApp:
    """The app as the CLI builds it: it waits up to 5 s for the lock."""
    return FootbaseApp(
        Context(ctx.paths, clock=ctx.clock, lock_timeout=5.0), watch_interval=3600, streak_delay=0
    )


@pytest.mark.slow
async def test_a_busy_store_the_cli_gives_up_after_5_s_and_the_app_says_not_saved(
    ctx: Context, hold_lock: Callable[[float], subprocess.Popen[str]]
) -> None:
    holder = hold_lock(10)  # the scenario: another footbase keeps the store for 10 s
    started = time.monotonic()
    cli = subprocess.Popen(
        [*FOOTBASE, "pain", "3"],
        env=subprocess_env(ctx),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def cli_result() -> tuple[str, str, float]:
        out, err = cli.communicate(timeout=30)
        return out, err, time.monotonic() - started

    cli_done = asyncio.ensure_future(asyncio.to_thread(cli_result))
    app = patient_app(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "4")
        pressed = time.monotonic()
        await pilot.press("enter")
        assert await wait_until(lambda: any(t == "Not saved" for t, _ in notifications(app)), 10)
        app_took = time.monotonic() - pressed
        assert app.is_running
        modal = app.screen
        assert isinstance(modal, PainEntryModal), "the entry was closed although not saved"
        assert modal.query_one("#pain-level", Input).value == "4"
        assert "Not saved" in str(modal.query_one("#pain-error", Static).render())
        [message] = [m for t, m in notifications(app) if t == "Not saved"]
        assert message.startswith("not saved:") and "\n" not in message
    out, err, cli_took = await cli_done
    assert cli.returncode == 1, (out, err)
    assert 4.5 <= cli_took <= 8, cli_took
    assert 4.5 <= app_took <= 8, app_took
    assert out == ""
    lines = err.strip().splitlines()
    assert [line for line in lines if "not saved" in line] == [lines[-1]], err
    assert lines[-1].startswith("footbase: not saved:"), err
    assert holder.poll() is None, "the holder let go early: the scenario did not happen"
    assert ctx.store.load().pain == []


@pytest.mark.slow
async def test_keys_are_handled_while_a_save_waits_for_the_lock(
    ctx: Context, hold_lock: Callable[[float], subprocess.Popen[str]]
) -> None:
    holder = hold_lock(10)
    app = patient_app(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "4")
        modal = app.screen
        assert isinstance(modal, PainEntryModal)
        # Let the holder go after 1.5 s, so a frozen app costs this test 1.5 s, not 5.
        asyncio.get_running_loop().call_later(1.5, holder.kill)
        keys_now(app, "enter")
        await asyncio.sleep(0.3)
        assert ctx.store.load().pain == [] and app.screen is modal  # the save is waiting
        pressed = time.monotonic()
        keys_now(app, "tab")
        handled = await wait_until(
            lambda: modal.focused is not None and modal.focused.id == "pain-where", 0.5
        )
        took = time.monotonic() - pressed
        assert await wait_until(lambda: app.screen is not modal, 10)  # saved once the lock was free
        await settle(pilot)
    assert [e.level for e in ctx.store.load().pain] == [4]
    assert handled, f"tab was not handled within 0.5 s while the save waited ({took:.2f} s)"


@pytest.mark.slow
async def test_the_app_says_it_is_waiting_for_another_footbase_while_it_waits(
    ctx: Context, hold_lock: Callable[[float], subprocess.Popen[str]]
) -> None:
    holder = hold_lock(10)
    app = patient_app(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "4")
        modal = app.screen
        assert isinstance(modal, PainEntryModal)
        asyncio.get_running_loop().call_later(2.0, holder.kill)
        keys_now(app, "enter")

        def waiting_note() -> bool:
            return any("waiting" in m.lower() for _, m in notifications(app))

        said = await wait_until(waiting_note, 1.5)
        still_waiting = ctx.store.load().pain == [] and holder.poll() is None
        assert await wait_until(lambda: app.screen is not modal, 10)
        await settle(pilot)
        late = waiting_note()
    assert still_waiting
    assert said, f"nothing said the store was busy during 1.5 s of waiting (shown afterwards: {late})"

"""The app never prints a Python traceback with local variables: one of them may hold a
private note. A damaged store, at start or damaged by another program while the app is
open, gets the CLI's one line with how to recover (or a notification while the app keeps
showing what it read last); any other crash gets one line with the type and the place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import orjson
import pytest

from footbase_tui.context import Context
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from tests.conftest import Result
from tests.reliability.test_terminals import Tty, tty_env
from tests.uikit import settle

Run = Callable[..., Result]
MakeApp = Callable[..., FootbaseApp]
KIND = "app crashes checked for private text"
PRIVATE = "PRIVATE-note-d41d8"


def damage(ctx: Context, how: str) -> None:
    """Another program damages one record (the healthy one keeps its private note)."""
    data = orjson.loads(ctx.paths.db.read_bytes())
    if how == "pain level 11":
        data["pain"]["0f7e5a9c-0000-4000-8000-0000000000dd"] = {
            "utc": "2026-03-02T08:00:00Z",
            "tz": "UTC",
            "date": "2026-03-02",
            "level": 11,
            "src": "cli",
        }
    elif how == "unknown pain field":
        for doc in data["pain"].values():
            doc["mystery"] = 1
    elif how == "far-future pain date":
        for doc in data["pain"].values():
            doc["date"] = "9999-12-31"
    elif how == "unknown session field":
        for doc in data["sessions"].values():
            doc["mystery"] = 1
    ctx.paths.db.write_bytes(orjson.dumps(data))


HOW = ["pain level 11", "unknown pain field", "far-future pain date"]


@pytest.fixture
def with_note(run: Run) -> None:
    assert run("pain", "5", "--note", PRIVATE).code == 0
    assert run("done", "--all").code == 0


@pytest.fixture
def ttys() -> Iterator[list[Tty]]:
    started: list[Tty] = []
    yield started
    for tty in started:
        tty.close()


@pytest.mark.slow
@pytest.mark.parametrize("how", HOW)
def test_a_store_damaged_before_start_ends_in_one_line_without_the_note(
    ctx: Context, with_note: None, ttys: list[Tty], how: str, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    damage(ctx, how)
    tty = Tty(tty_env(ctx))
    ttys.append(tty)
    tty.drain(1.5)
    tty.send(b"j")  # the journal reads every pain record
    tty.drain(1.0)
    tty.send(b"c")
    code = tty.wait_exit(10.0)
    text = tty.text()
    assert PRIVATE not in text
    assert "Traceback" not in text and "locals" not in text
    if code is None:  # still running: it must have said what is wrong
        assert "damaged record" in text, text[-1500:]
        tty.send(b"q")
        code = tty.wait_exit(5.0)
    else:
        assert code == 1
        assert "footbase: " in text and "damaged record" in text and "restore" in text, text[-1500:]


@pytest.mark.parametrize("how", [*HOW, "unknown session field"])
async def test_a_record_damaged_while_the_app_is_open_is_a_notification(
    make_app: MakeApp, ctx: Context, with_note: None, how: str, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in ("j", "c", "t"):
            await pilot.press(key)
            await settle(pilot)
        damage(ctx, how)
        app.check_store()
        await settle(pilot)
        for key in ("j", "c", "t"):  # every screen still works, from what was read last
            await pilot.press(key)
            await settle(pilot)
        assert app.is_running
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and "damaged record" in errors[0] and "restore" in errors[0], errors


async def test_any_crash_prints_one_line_with_no_note_and_no_locals(
    make_app: MakeApp,
    ctx: Context,
    with_note: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tally: Counter[str],
) -> None:
    tally[KIND] += 1

    def boom(self: Any) -> None:
        note = ctx.store.load().pain[0].note  # a local variable holding the note
        raise RuntimeError(f"bug near {note}")

    app = make_app()
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            monkeypatch.setattr(TodayScreen, "refresh_data", boom)
            app.call_later(app.reload)  # as the store watcher does, inside the app
            await settle(pilot)
    printed = "".join(capsys.readouterr())  # what Textual printed on the way out
    assert PRIVATE not in printed and "Traceback" not in printed
    line = app.crash_line or ""  # what run_app prints after the terminal is restored
    assert "\n" not in line and line.startswith("footbase: internal error (RuntimeError at "), line
    assert PRIVATE not in line
    assert app.return_code == 1

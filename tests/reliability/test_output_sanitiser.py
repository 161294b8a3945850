"""Output that could attack the terminal: a store edited outside footbase (a sync, a hand
edit) with raw escape sequences in a note, a place, an activity or a record id.

Stripping at input is not enough: every command that prints user text, the Markdown report,
every screen and dialog of the app, and every notification goes through one sanitiser
(core.text.shown). JSON output keeps the text, written as \\u escapes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from footbase_tui.context import Context
from footbase_tui.core.text import shown
from footbase_tui.tui.app import FootbaseApp
from tests.conftest import Result
from tests.reliability.test_hostile_input import terminal_safe
from tests.uikit import settle

Run = Callable[..., Result]
MakeApp = Callable[..., FootbaseApp]
KIND = "hostile outputs checked"

OSC_TITLE = "\x1b]2;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
HOSTILE_NOTE = f"before{OSC_TITLE}{OSC_CLIPBOARD}\x1b[2J\x9b2J\u202eevil\x7f after"
HOSTILE_PLACE = f"garden{OSC_TITLE}-bed"
HOSTILE_CONTEXT = "weed\x9b31ming"


def edit_store(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """What a sync or a hand edit does: the file changes outside footbase."""
    data = orjson.loads(path.read_bytes())
    change(data)
    path.write_bytes(orjson.dumps(data))


def hostile(data: dict[str, Any]) -> None:
    for doc in data["pain"].values():
        doc.update(note=HOSTILE_NOTE, where=[HOSTILE_PLACE, "low-back"], context=HOSTILE_CONTEXT)


@pytest.fixture
def hostile_store(run: Run, ctx: Context) -> Context:
    assert run("pain", "4", "--where", "low-back", "--context", "sitting", "--note", "ok").code == 0
    assert run("done", "--all").code == 0
    edit_store(ctx.paths.db, hostile)
    return ctx


def assert_safe(r: Result) -> None:
    assert r.code == 0, r.err
    assert terminal_safe(r.out.replace("\r\n", "\n")) == [], r.out  # CSV rows end in CRLF
    assert terminal_safe(r.err) == [], r.err


@pytest.mark.parametrize(
    "argv",
    [
        ("journal",),
        ("journal", "--last", "1"),
        ("status",),
        ("today",),
        ("calendar",),
        ("export", "--format", "md"),
        ("export", "--format", "csv"),
    ],
)
def test_commands_never_print_escapes_from_the_store(
    run: Run, hostile_store: Context, argv: tuple[str, ...], tally: Counter[str]
) -> None:
    tally[KIND] += 1
    r = run(*argv)
    assert_safe(r)
    if argv[0] == "journal":
        assert "before" in r.out and "after" in r.out and "garden" in r.out  # the text stays


@pytest.mark.parametrize("argv", [("journal", "--json"), ("export", "--format", "json")])
def test_json_output_is_terminal_safe_and_keeps_the_text(
    run: Run, hostile_store: Context, argv: tuple[str, ...], tally: Counter[str]
) -> None:
    tally[KIND] += 1
    r = run(*argv)
    assert_safe(r)
    data = json.loads(r.out)
    entries = data if isinstance(data, list) else data["pain"]
    assert entries[0]["note"] == HOSTILE_NOTE  # written as \u escapes, read back the same
    assert entries[0]["where"][0] == HOSTILE_PLACE


def test_restore_list_never_prints_an_escape_from_a_backup(
    run: Run, hostile_store: Context, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    ctx = hostile_store
    backups = ctx.paths.db.parent / "backups"
    backups.mkdir(mode=0o700, exist_ok=True)
    data = orjson.loads(ctx.paths.db.read_bytes())
    [(rid, doc)] = data["pain"].items()
    data["pain"] = {f"{rid}{OSC_TITLE}": dict(doc, level=11)}  # damaged, with an escape in its id
    (backups / "footbase-2026-03-01.json").write_bytes(orjson.dumps(data))
    r = run("restore", "--list")
    assert_safe(r)
    assert "footbase-2026-03-01.json" in r.out


def test_shown_is_the_identity_on_plain_text_and_strips_the_rest() -> None:
    assert shown("  two  spaces [/] kept ") == "  two  spaces [/] kept "
    for bad in (OSC_TITLE, OSC_CLIPBOARD, "\x1b[2J", "\x9b2J", "\u202e", "\x7f", "\r", "\x00", "\x85"):
        assert terminal_safe(shown(f"a{bad}b")) == [], repr(bad)
    assert shown("one\ntwo") == "one two"
    assert shown("one\ntwo", multiline=True) == "one\ntwo"


async def test_the_journal_and_the_edit_dialog_draw_no_escape(
    make_app: MakeApp, hostile_store: Context, tally: Counter[str]
) -> None:
    tally[KIND] += 2
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        drawn = app.export_screenshot()
        assert "before" in drawn and "garden" in drawn
        assert terminal_safe(drawn) == []
        await pilot.press("e")
        await settle(pilot)
        drawn = app.export_screenshot()
        assert "before" in drawn, "the edit dialog did not open"
        assert terminal_safe(drawn) == []
        await pilot.press("escape")
        for key in ("c", "enter", "escape", "t"):  # the calendar, its day detail, Today
            await pilot.press(key)
            await settle(pilot)
            assert terminal_safe(app.export_screenshot()) == [], key


async def test_a_foreign_table_named_markup_is_shown_as_plain_text(
    make_app: MakeApp, ctx: Context, run: Run, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "3").code == 0
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        edit_store(ctx.paths.db, lambda d: d.update({"[/]": {}, "[b]x\x1b]2;t\x07": {}}))
        app.check_store()
        await settle(pilot)
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert any("[/]" in m for m in messages), messages
        assert all(terminal_safe(m) == [] for m in messages)
        drawn = app.export_screenshot()
        assert terminal_safe(drawn) == []

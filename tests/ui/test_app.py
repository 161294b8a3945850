"""The app as a whole: global keys, help, quick pain entry, hang-up, outside changes, size, palette."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import stat
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, OptionList, Static

from footbase_tui.context import Context
from footbase_tui.core.records import ItemResult, Session, new_id
from footbase_tui.store import NotSaved, Store
from footbase_tui.store import store as store_module
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.help import HelpModal
from footbase_tui.tui.modals.pain_entry import PainEntryModal
from footbase_tui.tui.screens.base import FootbaseScreen
from footbase_tui.tui.screens.today import TodayScreen
from footbase_tui.tui.screens.walkthrough import WalkthroughScreen
from tests.uikit import screen_text, settle

TODAY = date(2026, 3, 3)  # the fake clock's day in Berlin
MakeApp = Callable[..., FootbaseApp]
SIZE = (100, 30)


def visible_text(app: FootbaseApp) -> str:
    """The characters actually drawn on the terminal for the active screen."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def help_text(app: FootbaseApp) -> str:
    assert isinstance(app.screen, HelpModal)
    return str(app.screen.query_one("#help-text", Static).render())


def help_keys(app: FootbaseApp) -> dict[str, str]:
    """{description: key shown} for each line of the help's key list."""
    keys: dict[str, str] = {}
    for line in help_text(app).split("\n\n", 1)[0].splitlines()[1:]:
        key, _, description = line.strip().partition(" ")
        keys[description.strip()] = key
    return keys


def help_keys_any_state(app: FootbaseApp) -> dict[str, str]:
    """Like help_keys, with keys that do nothing right now (marked "(not now)") included."""
    return {d.removesuffix(" (not now)"): k for d, k in help_keys(app).items()}


def pain_field(app: FootbaseApp, name: str) -> Input:
    assert isinstance(app.screen, PainEntryModal)
    return app.screen.query_one(f"#pain-{name}", Input)


def pain_error(app: FootbaseApp) -> str:
    assert isinstance(app.screen, PainEntryModal)
    return str(app.screen.query_one("#pain-error", Static).render())


def notifications(app: FootbaseApp) -> list[tuple[str, str, str]]:
    return [(n.title, n.message, n.severity) for n in app._notifications]


def commands(app: FootbaseApp) -> dict[str, Any]:
    return {c.title: c for c in app.get_system_commands(app.screen)}


def mark_done_elsewhere(ctx: Context, exercise: str = "barefoot-walk") -> None:
    """Another footbase process (the CLI, a second window) marks an exercise done today."""
    at = "2026-03-03T08:00:00Z"
    Store(ctx.paths.db, ctx.clock).save_session(
        Session(
            new_id(),
            TODAY,
            "Europe/Berlin",
            at,
            at,
            "foundation",
            "manual",
            (ItemResult(exercise, 1, "done", at),),
        )
    )


# ---- 1. global keys ------------------------------------------------------------------------


def errors_shown(app: FootbaseApp) -> list[str]:
    return [m for _, m, severity in notifications(app) if severity == "error"]


def assert_on_calendar(app: FootbaseApp) -> None:
    assert app.current_mode == "calendar"
    assert isinstance(app.screen, FootbaseScreen) and not isinstance(app.screen, TodayScreen)
    assert errors_shown(app) == []


def assert_on_journal(app: FootbaseApp) -> None:
    from footbase_tui.tui.screens.journal import JournalScreen

    assert app.current_mode == "journal" and isinstance(app.screen, JournalScreen)
    text = screen_text(app)
    assert "last 30 days (f)" in text  # the filter line of the journal
    assert errors_shown(app) == []


def assert_on_today(app: FootbaseApp) -> None:
    assert isinstance(app.screen, TodayScreen)
    assert "Tue 03 Mar 2026" in screen_text(app)


async def test_c_j_t_switch_screens_from_every_screen(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_on_today(app)
        await pilot.press("c")
        assert_on_calendar(app)
        await pilot.press("t")
        assert_on_today(app)
        await pilot.press("j")
        assert_on_journal(app)
        await pilot.press("c")
        assert_on_calendar(app)
        await pilot.press("t", "j")
        assert_on_journal(app)
        await pilot.press("t")
        assert_on_today(app)
        assert app.is_running


async def test_c_and_j_work_from_the_walkthrough_and_t_comes_back(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        await pilot.press("c")
        assert_on_calendar(app)
        await pilot.press("t")
        assert app.current_mode == "today"  # the walkthrough is still where it was left
        assert isinstance(app.screen, WalkthroughScreen)
        await pilot.press("j")
        assert_on_journal(app)
        await pilot.press("t")
        assert app.current_mode == "today"
        assert "Coming soon" not in screen_text(app)


async def test_t_on_the_walkthrough_goes_back_to_today(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert help_keys(app).get("Today") == "t"  # offered, and not marked "(not now)"
        await pilot.press("escape", "t")  # nothing done yet, so there is nothing to keep
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


@pytest.mark.parametrize("where", ["t", "c", "j"])
async def test_q_quits(make_app: MakeApp, where: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(where)
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


# ---- 2. help -------------------------------------------------------------------------------


async def test_help_on_today_lists_every_key_and_escape_closes_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        keys = help_keys_any_state(app)
        expected = {
            "Start": "s",
            "Done": "space",
            "Skip": "x",
            "Gentle": "g",
            "Today": "t",
            "Calendar": "c",
            "Journal": "j",
            "Pain": "p",
            "Help": "?",
            "Quit": "q",
        }
        for description, key in expected.items():
            assert keys.get(description) == key, (description, keys)
        text = help_text(app)
        assert "not medical advice" in text
        assert "stop exercising and get help" in text and "A&E now" in text and "See a GP" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_help_on_the_journal_lists_its_keys_and_the_global_ones(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "question_mark")
        await pilot.pause()
        keys = help_keys_any_state(app)
        for description, key in {
            "Today": "t",
            "Calendar": "c",
            "Journal": "j",
            "Pain": "p",
            "Help": "?",
            "Quit": "q",
            "Add": "a",
            "Edit": "e",
            "Delete": "d",
            "Undo": "u",
            "Clear filters": "z",
        }.items():
            assert keys.get(description) == key, (description, keys)
        assert "Start" not in keys
        assert "not medical advice" in help_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert_on_journal(app)


async def test_help_on_the_walkthrough_lists_its_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        keys = help_keys_any_state(app)
        expected = {
            "Pause": "space",
            "Next": "n",
            "Back": "b",
            "Restart": "r",
            "+10s": "+",
            "-10s": "-",
            "Skip exercise": "N",
            "Leave": "esc",
        }
        for description, key in expected.items():
            assert keys.get(description) == key, (description, keys)
        assert "not medical advice" in help_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)


# ---- 3. and 4. quick pain entry --------------------------------------------------------------


@pytest.mark.parametrize("where", ["t", "c", "j"])
async def test_p_logs_pain_from_every_screen(make_app: MakeApp, ctx: Context, where: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(where)
        below = type(app.screen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PainEntryModal)
        assert app.screen.focused is pain_field(app, "level")
        await pilot.press("4", "enter")
        await settle(pilot)  # saves run in a worker
        assert not isinstance(app.screen, PainEntryModal)
        assert type(app.screen) is below
        [entry] = ctx.store.load().pain
        assert entry.level == 4 and entry.date == TODAY and entry.source == "app"
        assert entry.where == () and entry.context is None and entry.note == ""
        assert any(m == "Saved: pain 4/10." for _, m, _ in notifications(app))


async def test_pain_with_place_context_and_a_hostile_note(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("6", "tab")
        assert app.screen.focused is not None and app.screen.focused.id == "pain-where"
        await pilot.press("space", "tab")  # ticks the first place: low-back
        assert app.screen.focused is not None and app.screen.focused.id == "pain-context"
        await pilot.press("down", "space", "tab")  # walking -> standing
        note = pain_field(app, "note")
        assert app.screen.focused is note
        await pilot.press(*"[/] [bold]x ")
        # A paste delivers raw text, escape sequences included.
        note.post_message(events.Paste("\x1b]0;evil\x07[@click=app.quit] end"))
        await pilot.pause()
        assert "[/] [bold]x" in note.value and "\x1b]0;evil\x07" in note.value
        await pilot.press("enter")
        await settle(pilot)  # the save runs in a worker
        assert not isinstance(app.screen, PainEntryModal)
        [entry] = ctx.store.load().pain
        assert entry.level == 6
        assert entry.where == ("low-back",)
        assert entry.context == "standing"
        assert entry.note == "[/] [bold]x [@click=app.quit] end"
        assert "\x1b" not in entry.note and "\x07" not in entry.note and "evil" not in entry.note
        assert app.is_running
        # The app carries on after showing a note with markup.
        await pilot.press("c", "t")
        assert isinstance(app.screen, TodayScreen) and app.is_running


async def test_markup_in_a_note_is_shown_literally_in_the_field(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "tab", "tab", "tab")
        await pilot.press(*"[/] [bold]x")
        await pilot.pause()
        assert "[/] [bold]x" in visible_text(app)
        assert app.is_running


@pytest.mark.parametrize("typed", ["", "11"])
async def test_an_invalid_level_says_so_and_saves_nothing(
    make_app: MakeApp, ctx: Context, typed: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press(*typed, "enter")
        await settle(pilot)  # saves run in a worker
        assert isinstance(app.screen, PainEntryModal)
        error = pain_error(app)
        assert error == "Type a level from 0 (no pain) to 10."
        assert "\n" not in error
        assert pain_field(app, "level").value == typed
        assert app.screen.focused is pain_field(app, "level")
        assert ctx.store.load().pain == []


async def test_escape_cancels_the_pain_entry(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "3", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert ctx.store.load().pain == []
        assert not ctx.paths.draft.exists()


# ---- 5. hang-up ----------------------------------------------------------------------------


class FakeTimer:
    made: list[FakeTimer] = []

    def __init__(self, interval: float, function: Callable[..., object], args: Any = None) -> None:
        self.interval = interval
        self.function = function
        self.args = args
        self.daemon = False
        self.started = False
        FakeTimer.made.append(self)

    def start(self) -> None:
        self.started = True


async def test_hang_up_keeps_the_half_typed_entry_and_offers_it_next_time(
    make_app: MakeApp, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeTimer.made = []
    monkeypatch.setattr("footbase_tui.tui.app.threading.Timer", FakeTimer)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "7", "tab", "space", "tab", "tab")  # ticks low-back
        await pilot.press(*"woke up stiff")
        app.hang_up()
        await pilot.pause()
        assert not app.is_running
    assert ctx.store.load().pain == []
    [timer] = FakeTimer.made
    assert timer.started and timer.daemon and timer.interval <= 2
    draft = ctx.paths.draft
    assert draft.exists()
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert data["level"] == "7" and data["note"] == "woke up stiff" and data["where"] == ["low-back"]

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the draft is offered after the first refresh
        await pilot.pause()
        assert isinstance(again.screen, PainEntryModal)
        title = str(again.screen.query_one("#pain-title", Static).render())
        assert "restored draft" in title
        assert pain_field(again, "level").value == "7"
        assert pain_field(again, "note").value == "woke up stiff"
        assert "low-back" in visible_text(again)
        await pilot.press("enter")
        await settle(pilot)  # the save runs in a worker
        assert not isinstance(again.screen, PainEntryModal)
    [entry] = ctx.store.load().pain
    assert entry.level == 7 and entry.note == "woke up stiff" and entry.where == ("low-back",)
    assert not draft.exists()


async def test_a_real_sighup_saves_the_draft_and_leaves(
    make_app: MakeApp, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeTimer.made = []
    monkeypatch.setattr("footbase_tui.tui.app.threading.Timer", FakeTimer)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "3")
        # Only send the signal once the app handles it: the default action would end pytest.
        assert signal.SIGHUP in asyncio.get_running_loop()._signal_handlers  # type: ignore[attr-defined]
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(20):
            if not app.is_running:
                break
            await pilot.pause()
        assert not app.is_running
    assert FakeTimer.made and FakeTimer.made[0].started
    assert json.loads(ctx.paths.draft.read_text(encoding="utf-8"))["level"] == "3"


async def test_hang_up_with_nothing_typed_leaves_no_draft(
    make_app: MakeApp, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeTimer.made = []
    monkeypatch.setattr("footbase_tui.tui.app.threading.Timer", FakeTimer)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        app.hang_up()
        await pilot.pause()
        assert not app.is_running
    assert FakeTimer.made[0].started
    assert not ctx.paths.draft.exists()


# ---- 6. changes made by another process ----------------------------------------------------


async def test_the_watcher_shows_changes_made_elsewhere(make_app: MakeApp, ctx: Context) -> None:
    app = make_app(start=TODAY - timedelta(days=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0/4" in screen_text(app)
        mark_done_elsewhere(ctx)
        await pilot.pause()
        assert "0/4" in screen_text(app)  # nothing refreshes it but the watcher
        app.check_store()
        await pilot.pause()
        assert "1/4" in screen_text(app)
        options = app.screen.query_one("#routine", OptionList)
        assert str(options.get_option_at_index(0).prompt).startswith("✓")


async def test_a_broken_store_written_elsewhere_is_reported_not_fatal(
    make_app: MakeApp, ctx: Context
) -> None:
    app = make_app(start=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ctx.paths.db.write_bytes(b"{not json")
        app.check_store()
        await pilot.pause()
        [(_, message, severity)] = [n for n in notifications(app) if n[0] == "Store"]
        assert severity == "error" and "is not valid JSON" in message
        assert app.is_running and isinstance(app.screen, TodayScreen)
        assert "0/4" in screen_text(app)  # the last good data stays on screen


async def test_pain_logged_on_today_updates_today_at_once(make_app: MakeApp) -> None:
    app = make_app(start=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "8", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Pain 8/10 today" in screen_text(app)


async def test_a_change_seen_while_on_the_calendar_shows_on_today(make_app: MakeApp, ctx: Context) -> None:
    app = make_app(start=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        mark_done_elsewhere(ctx)
        app.check_store()
        await pilot.press("t")
        assert isinstance(app.screen, TodayScreen)
        app.check_store()  # the watcher keeps running
        await pilot.pause()
        assert "1/4" in screen_text(app)


async def test_pain_logged_on_the_calendar_shows_on_today(make_app: MakeApp) -> None:
    app = make_app(start=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "p", "8", "enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "Pain 8/10 today" in screen_text(app)


async def test_a_change_made_on_today_shows_on_a_calendar_seen_before(make_app: MakeApp) -> None:
    app = make_app(start=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        before = screen_text(app)
        await pilot.press("t", "space")  # mark the barefoot walk done
        await pilot.pause()
        assert "1/4" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert screen_text(app) != before


# ---- 7. too small ----------------------------------------------------------------------------


async def test_a_too_small_window_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        drawn = visible_text(app)
        assert "Make the window larger" in drawn
        assert "Barefoot walk" not in drawn and "0/4" not in drawn
        assert app.screen.query_one("#routine", OptionList).region.area == 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        drawn = visible_text(app)
        assert "Make the window larger" not in drawn
        assert "Barefoot walk" in drawn and "0/4" in drawn
        assert app.screen.query_one("#routine", OptionList).region.area > 0


@pytest.mark.parametrize("key", ["c", "j"])
async def test_a_too_small_window_says_only_that_on_other_screens(make_app: MakeApp, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        assert app.current_mode != "today"
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        drawn = " ".join(line.strip() for line in visible_text(app).splitlines() if line.strip())
        assert drawn == "Make the window larger: footbase needs 50x16."
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "Make the window larger" not in visible_text(app)


# ---- 8. command palette ----------------------------------------------------------------------


async def test_palette_commands_on_today_and_elsewhere(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        common = {"Today", "Calendar", "Journal", "Log pain", "Help"}
        today_only = {"Start walkthrough", "Toggle done", "Skip exercise", "Gentle program today"}
        assert common | today_only <= set(commands(app))
        commands(app)["Calendar"].callback()
        await pilot.pause()
        assert_on_calendar(app)
        titles = set(commands(app))
        assert common <= titles and not titles & today_only
        commands(app)["Log pain"].callback()
        await pilot.pause()
        assert isinstance(app.screen, PainEntryModal)


async def run_from_palette(app: FootbaseApp, pilot: Any, title: str, help_line: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*title)
    await app.workers.wait_for_complete()  # the palette searches in a worker
    await pilot.pause()
    assert help_line in visible_text(app)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_palette_opens_with_ctrl_p_and_runs_a_command(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await run_from_palette(app, pilot, "Journal", "Pain journal")
        assert_on_journal(app)


async def test_help_from_the_palette_describes_the_screen_below_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await run_from_palette(app, pilot, "Help", "Every key on this screen")
        assert isinstance(app.screen, HelpModal)
        keys = help_keys_any_state(app)
        assert keys.get("Start") == "s" and keys.get("Done") == "space"


# ---- 9. a store that cannot save -------------------------------------------------------------


async def test_a_failed_save_keeps_the_entry_open_and_says_not_saved(
    make_app: MakeApp, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(start=TODAY)

    def full(path: object, data: bytes) -> None:
        raise NotSaved("not saved: the disk is full (/data)")

    works = store_module.atomic_write  # type: ignore[attr-defined]
    monkeypatch.setattr(store_module, "atomic_write", full)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "5", "enter")
        await settle(pilot)  # saves run in a worker
        assert isinstance(app.screen, PainEntryModal)
        assert pain_field(app, "level").value == "5"
        assert "Not saved" in pain_error(app)
        assert ("Not saved", "not saved: the disk is full (/data)", "error") in notifications(app)
        assert app.is_running
        assert ctx.store.load().pain == []
        # Space is freed: enter again saves what is still typed.
        monkeypatch.setattr(store_module, "atomic_write", works)
        await pilot.press("enter")
        await settle(pilot)  # the save runs in a worker
        assert not isinstance(app.screen, PainEntryModal)
    [entry] = ctx.store.load().pain
    assert entry.level == 5


async def test_a_failed_edit_says_not_saved_once_and_why(
    make_app: MakeApp, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edit's refusal is worded as every other: "not saved: why", not "Not saved (not
    saved: why)"; the text typed stays, the entry is unchanged."""
    app = make_app(start=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "4", "enter")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

        def full(path: object, data: bytes) -> None:
            raise NotSaved("not saved: the disk is full (/data)")

        monkeypatch.setattr(store_module, "atomic_write", full)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PainEntryModal)
        await pilot.press("backspace", "6", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PainEntryModal)
        error = pain_error(app)
        assert "Not saved: the disk is full (/data)" in error, error
        assert error.lower().count("not saved") == 1, error
        assert pain_field(app, "level").value == "6"
    [entry] = ctx.store.load().pain
    assert entry.level == 4


async def test_pain_of_seven_or_more_points_to_the_warning_signs(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("8", "enter")
        await settle(pilot)
        [entry] = ctx.store.load().pain
        assert entry.level == 8
        [(title, message, severity)] = [n for n in notifications(app) if "pain 8/10" in n[1]]
        assert title == "Warning signs" and severity == "warning"
        assert "warning signs" in message and "footbase warning-signs" in message
        assert "A&E now" in screen_text(app)  # and Today's banner lists them

"""Keys typed ahead of a dialog: a burst (one SSH packet) lands in the dialog's field.

The keys are posted the way the terminal driver posts them, all at once, without waiting
for the app to handle each one (Pilot.press waits between keys, which hides the problem).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from footbase_tui.context import Context
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.journal import JournalScreen
from footbase_tui.tui.screens.today import TodayScreen
from tests.uikit import key_names, keys_now, settle, wait_until

MakeApp = Callable[..., FootbaseApp]


async def test_edit_and_the_new_level_in_one_burst(make_app: MakeApp, ctx: Context) -> None:
    ctx.store.add_pain(
        PainEntry(
            new_id(),
            "2026-03-03T07:00:00Z",
            "Europe/Berlin",
            date(2026, 3, 3),
            3,
            (),
            None,
            "after the stairs",
        )
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        keys_now(app, "e", "backspace", "7", "enter")
        assert await wait_until(lambda: [e.level for e in ctx.store.load().pain] == [7], 5)
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)  # saved and closed, nothing else done
    (entry,) = ctx.store.load().pain
    assert entry.note == "after the stairs"


async def test_pain_level_and_note_typed_ahead_from_today(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys_now(app, "p", "5", "tab", "tab", "tab", "o", "k", "enter")
        assert await wait_until(lambda: len(ctx.store.load().pain) == 1, 5)
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    (entry,) = ctx.store.load().pain
    assert (entry.level, entry.note) == (5, "ok")


async def test_a_skip_reason_typed_ahead(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")
        await settle(pilot)
        keys_now(app, "x", *key_names("sore heel"), "enter")
        assert await wait_until(
            lambda: any(i.status == "skipped" for s in ctx.store.load().sessions for i in s.items), 5
        )
        await settle(pilot)
    results = {i.exercise: i for s in ctx.store.load().sessions for i in s.items}
    assert (results["towel-curls"].status, results["towel-curls"].reason) == ("skipped", "sore heel")


async def test_escape_typed_ahead_cancels_and_later_keys_work_again(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys_now(app, "p", "4", "escape")
        assert await wait_until(lambda: isinstance(app.screen, TodayScreen), 5)
        await settle(pilot)
        await pilot.press("c")  # the keyboard is not held any more
        assert await wait_until(lambda: app.current_mode == "calendar", 5)
    assert ctx.store.load().pain == []


async def test_keys_are_let_go_if_a_dialog_never_says_it_is_ready(make_app: MakeApp, ctx: Context) -> None:
    from textual.screen import ModalScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_dialog(ModalScreen())  # a dialog that never calls dialog_ready
        keys_now(app, "escape")
        assert await wait_until(lambda: app._held is None, timeout=3)  # let go after a second
        app.pop_screen()
        await settle(pilot)
        await pilot.press("j")
        assert await wait_until(lambda: app.current_mode == "journal", 5)

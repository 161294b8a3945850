"""The pain dialog at 80x24 and 50x16: every place on screen, keys typed in one burst
(as an SSH link delivers them) landing where a slow typist's would."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from footbase_tui.config import DEFAULT_LOCATIONS
from footbase_tui.context import Context
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.pain_entry import PainEntryModal
from footbase_tui.tui.screens.today import TodayScreen
from tests.uikit import keys_now, settle, wait_until

MakeApp = Callable[..., FootbaseApp]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((50, 16), id="50x16")]


def painted(app: FootbaseApp) -> str:
    """The characters on the terminal, row by row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("size", SIZES)
async def test_a_burst_ticks_the_first_place_and_saves(
    make_app: MakeApp, ctx: Context, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        keys_now(app, "p", "6", "tab", "space", "tab", "enter")
        assert await wait_until(lambda: len(ctx.store.load().pain) == 1, 5)
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    (entry,) = ctx.store.load().pain
    assert (entry.level, entry.where, entry.context) == (6, ("low-back",), None)


@pytest.mark.parametrize("size", SIZES)
async def test_a_longer_burst_through_every_field(
    make_app: MakeApp, ctx: Context, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        # 4; heel (second column, third row) and low-back; standing; a note; enter.
        keys_now(app, "p", "4", "tab", "right", "down", "down", "space", "left", "up", "up", "space")
        keys_now(app, "tab", "down", "space", "tab", "o", "k", "enter")
        assert await wait_until(lambda: len(ctx.store.load().pain) == 1, 5)
    (entry,) = ctx.store.load().pain
    assert (entry.level, entry.where, entry.context, entry.note) == (
        4,
        ("heel", "low-back"),
        "standing",
        "ok",
    )


async def test_shift_tab_in_a_burst_goes_back(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys_now(app, "p", "tab", "tab", "shift+tab", "space", "shift+tab", "3", "enter")
        assert await wait_until(lambda: len(ctx.store.load().pain) == 1, 5)
    (entry,) = ctx.store.load().pain
    assert (entry.level, entry.where) == (3, ("low-back",))


@pytest.mark.parametrize("size", SIZES)
async def test_every_place_is_on_screen_without_scrolling(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PainEntryModal)
        text = painted(app)
        for place in DEFAULT_LOCATIONS:
            assert f"[ ] {place}" in text, place
        assert "( ) walking" in text and "( ) exercise" in text
        assert "note (optional)" in text and "esc cancel" in text

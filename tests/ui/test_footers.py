"""Footers at 80x24 and 50x16: the keys needed to go on first, short labels when narrow,
`? Help` always on the line, nothing cut."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Static

from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.help import HelpModal
from footbase_tui.tui.widgets.key_bar import KeyBar
from tests.uikit import settle

MakeApp = Callable[..., FootbaseApp]


def bottom_line(app: FootbaseApp) -> str:
    """The last row drawn on the terminal: the footer."""
    return [strip.text for strip in app.screen._compositor.render_strips()][-1].rstrip()


# What each screen's footer reads, drawn, at each size.
EXPECTED = {
    ("today", 80): "s Start  space Done  p Pain  c Calendar  j Journal  x Skip  q Quit  ? Help",
    ("today", 50): "s Start space Done p Pain c Cal j Jrnl ? Help",
    ("calendar", 80): "v Practice/pain  g Today's cell  t Today  p Pain  q Quit  ? Help",
    ("calendar", 50): "v View g Now t Today p Pain q Quit ? Help",
    ("journal", 80): "a Add  t Today  c Calendar  p Pain  q Quit  ? Help",
    ("journal", 50): "a Add t Today c Cal p Pain q Quit ? Help",
}


@pytest.mark.parametrize(("mode", "width"), list(EXPECTED), ids=[f"{m}-{w}" for m, w in EXPECTED])
async def test_the_footer_fits_and_lists_the_keys_in_order(make_app: MakeApp, mode: str, width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 24 if width == 80 else 16)) as pilot:
        await settle(pilot)
        if mode != "today":
            await pilot.press(mode[0])
            await settle(pilot)
        line = bottom_line(app)
        assert line.strip() == EXPECTED[(mode, width)]
        assert len(line) <= width and line.endswith("? Help")


async def test_journal_with_an_entry_selected_keeps_help_at_50(make_app: MakeApp, ctx: object) -> None:
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await settle(pilot)
        await pilot.press("p", "4", "enter")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        line = bottom_line(app)
        assert line.startswith("a Add e Edit d Del") and line.endswith("? Help"), line
        assert len(line) <= 50


async def test_help_is_never_dropped_even_when_little_fits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        bar.styles.width = 20
        await settle(pilot)
        assert bar.shown()[-1] == ("?", "Help") and len(bar.shown()) <= 3


async def test_calendar_help_lists_j_once(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpModal)
        keys = str(app.screen.query_one("#help-text", Static).render()).split("\n\n", 1)[0]
        assert "Journal" not in keys  # j moves down here; the note says how to get there
        assert "Day on" in keys

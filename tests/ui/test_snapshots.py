"""SVG snapshots of Today and the walkthrough at 80x24 and 50x16 (a phone over SSH).

Sync tests calling snap_compare with run_before, as pytest-textual-snapshot 1.1.0 wants.
Every new SVG was checked by eye before it was accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from textual.pilot import Pilot

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import ItemResult, Session
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.walkthrough import WalkthroughScreen
from tests.uikit import settle

SIZES = [(80, 24), (50, 16)]
DAY = date(2026, 3, 3)


def seed(ctx: Context) -> None:
    """Day 9 of Foundation: the walk done by hand, towel curls skipped with a reason."""
    ctx.store.set_program("foundation", date(2026, 2, 23))
    items = (
        ItemResult("barefoot-walk", 1, "done", "2026-03-03T07:00:00Z", sets=1, seconds=600),
        ItemResult("towel-curls", 1, "skipped", "2026-03-03T07:01:00Z", reason="no towel at work"),
    )
    ctx.store.save_session(
        Session(
            "00000000-0000-4000-8000-000000000001",
            DAY,
            "Europe/Berlin",
            "2026-03-03T07:00:00Z",
            "2026-03-03T07:01:00Z",
            "foundation",
            "manual",
            items,
        )
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_today(
    snap_compare: Callable[..., bool],
    make_app: Callable[..., FootbaseApp],
    ctx: Context,
    size: tuple[int, int],
) -> None:
    seed(ctx)
    assert snap_compare(make_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_walkthrough_hold(
    snap_compare: Callable[..., bool],
    make_app: Callable[..., FootbaseApp],
    ctx: Context,
    fake_clock: FakeClock,
    size: tuple[int, int],
) -> None:
    seed(ctx)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("s")  # the first undone: the hand glove
        fake_clock.advance(5 + 10 + 2 + 3)  # get ready, rep 1, release, 3 s into rep 2
        screen = pilot.app.screen
        assert isinstance(screen, WalkthroughScreen)
        screen.tick()
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


def test_too_small(snap_compare: Callable[..., bool], make_app: Callable[..., FootbaseApp]) -> None:
    assert snap_compare(make_app(), terminal_size=(40, 12))


def test_pain_modal_on_a_phone(
    snap_compare: Callable[..., bool], make_app: Callable[..., FootbaseApp]
) -> None:
    assert snap_compare(make_app(), terminal_size=(50, 16), press=["p", "4", "tab", "space"])

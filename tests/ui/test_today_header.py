"""Today's header and routine at 80x24 and 50x16: the phase in words (never "week 524"),
the gentle program named on a gentle day, wrapped equipment indented."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from footbase_tui.context import Context
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from footbase_tui.tui.widgets.day_header import DayHeader
from tests.uikit import settle

TODAY = date(2026, 3, 3)
MakeApp = Callable[..., FootbaseApp]


def header(app: FootbaseApp) -> str:
    return str(app.screen.query_one(DayHeader).render()).splitlines()[0]


def painted(app: FootbaseApp) -> list[str]:
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize(
    ("days_in", "size", "expected"),
    [
        pytest.param(
            2, (80, 24), "Tue 03 Mar 2026 · Foundation · week 1 of 6 (Basics), day 3", id="basics-80"
        ),
        pytest.param(2, (50, 16), "Tue 03 Mar · Foundation · week 1/6, day 3", id="basics-50"),
        pytest.param(
            7 * 8 + 1, (80, 24), "Tue 03 Mar 2026 · Foundation · Maintain, week 3, day 2", id="maint-80"
        ),
        pytest.param(7 * 8 + 1, (50, 16), "Tue 03 Mar · Foundation · Maintain wk 3", id="maint-50"),
        pytest.param(3650, (80, 24), "Tue 03 Mar 2026 · Foundation · Maintain since", id="ten-years-80"),
        pytest.param(3650, (50, 16), "Tue 03 Mar · Foundation · Maintain", id="ten-years-50"),
    ],
)
async def test_the_header_names_the_phase(
    make_app: MakeApp, days_in: int, size: tuple[int, int], expected: str
) -> None:
    app = make_app(start=TODAY - timedelta(days=days_in))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        top = header(app)
        start, _, position = expected.rpartition(" · ")
        assert top.startswith(start + " · ") and position in top and "…" not in top
        assert len(top) <= size[0] - 2
        if days_in > 400:
            assert "week" not in top and "wk" not in top  # not "week 522"


@pytest.mark.parametrize("size", [(80, 24), (50, 16)], ids=["80x24", "50x16"])
async def test_a_gentle_day_names_the_gentle_program(
    make_app: MakeApp, ctx: Context, size: tuple[int, int]
) -> None:
    ctx.store.add_pain(PainEntry(new_id(), f"{TODAY}T07:00:00Z", "Europe/Berlin", TODAY, 8))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        top = header(app)
        assert "· Desk five · adapted" in top and "Foundation · instead of Foundation" not in top
        if size[0] >= 80:
            assert top.endswith("instead of Foundation")


async def test_wrapped_equipment_is_indented_under_its_line(make_app: MakeApp) -> None:
    app = make_app(start=TODAY - timedelta(days=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = painted(app)
        n = next(i for i, line in enumerate(lines) if "5 reps, each foot · A small" in line)
        assert lines[n + 1].startswith("     towel")  # under the dosage, not at column 1


@pytest.mark.parametrize("size", [(80, 24), (50, 16)], ids=["80x24", "50x16"])
async def test_x_on_a_skipped_item_says_it_is_no_longer_skipped(
    make_app: MakeApp, ctx: Context, size: tuple[int, int]
) -> None:
    app = make_app(start=TODAY - timedelta(days=2))
    async with app.run_test(size=size) as pilot:
        await pilot.press("down", "down", "x", "enter")  # skip towel curls, no reason
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert "Towel curls: no longer skipped (x skips it again)." in said
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.view is not None
        assert screen.view.routine.items[2].status == "todo"  # un-skipped, as it says

"""The Journal's trend panel on a real history: the chart at 50x16 and NO_COLOR, scrolling
to the practice-pain figures, the chart's span."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from footbase_tui.context import Context
from footbase_tui.tui.app import FootbaseApp
from tests.practice_history import seed_history
from tests.uikit import keys_now, screen_text, settle

MakeApp = Callable[..., FootbaseApp]
TODAY = date(2026, 3, 3)  # the clock fixture's day (a Tuesday)
START = date(2025, 12, 8)  # a Monday, 12 weeks before this week


def seed(ctx: Context) -> None:
    # Every third week only its Monday is practised; the other weeks everything planned.
    # Pain is 3 after a day practised and 6 after a planned day missed.
    seed_history(
        ctx,
        START,
        TODAY - timedelta(days=1),
        lambda d: ((d - START).days // 7) % 3 != 2 or d.weekday() == 0,
        lambda d, yesterday: 3 if yesterday else 6,
    )


def screen_lines(app: FootbaseApp) -> list[str]:
    """The characters on the terminal now, one string per row (what is drawn, not hidden)."""
    return ["".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips()]


async def open_journal(pilot: object, app: FootbaseApp) -> None:
    await pilot.press("j")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


@pytest.mark.parametrize("no_color", [False, True])
async def test_chart_is_on_screen_at_50x16(
    make_app: MakeApp, ctx: Context, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await open_journal(pilot, app)
        lines = screen_lines(app)
        pain = next(line for line in lines if line.startswith(" pain "))
        done = next(line for line in lines if line.startswith(" done "))
        # 13 weeks up to this one; the chart shows the last 12, a week 3 characters wide,
        # so each fits in 50 columns. The weeks with only Mondays practised show a low bar.
        assert len(pain.rstrip()) <= 50 and len(done.rstrip()) <= 50
        # Dec 15 .. Mar 2. The weeks of Dec 22, Jan 12, Feb 2 and Feb 23 had only their
        # Monday done: 1 of 5 planned days (program weeks 3 and 6), then 1 of 4 (maintenance):
        # 20% and 25%, two eighths each. This week counts Monday, its only past day: 100%.
        bars = [b[0] for b in done[6:].split()]
        assert "".join(bars) == "█▂██▂██▂██▂█"
        assert any("Dec" in line and "Jan" in line for line in lines)
        # The figures are below the fold: Tab into the panel, the arrows bring them up.
        await pilot.press("tab", "down", "down", "down")
        await settle(pilot)
        shown = " ".join(screen_lines(app))
        assert "practised" in shown


async def test_practice_pain_answer_comes_on_the_programs_own_schedule(
    make_app: MakeApp, ctx: Context
) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("f", "f")  # all time
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "Practice and pain, all time" in text
        # Pain after practice 3, after a missed planned day 6: the comparison shows, with counts.
        assert "Pain after a day practised: 3.0 (" in text
        assert "after a planned day missed: 6.0 (" in text
        assert "3.0 points lower after a day practised" in text
        # Four weeks below 80% and eight at 100%: enough on both sides.
        assert "Pain in weeks with 80%+ of the plan done:" in text
        assert "(4 weeks)" in text and "(8 weeks)" in text
        assert "not proof" in text
        await pilot.press("r", "r")
        await settle(pilot)
        assert "last 52 weeks" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert "last 12 weeks" in screen_text(app)


async def test_filter_keys_in_one_burst_leave_the_panel_on_the_last_choice(
    make_app: MakeApp, ctx: Context
) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot, app)
        keys_now(app, "f", "f", "w", "r")  # all time, then low-back, then 26 weeks, in one read
        await settle(pilot)
        text = screen_text(app)
        # Counts overtaken by the next key are dropped: the panel says what the filters say.
        assert "Practice and pain, all time, at low-back" in text
        assert "last 26 weeks" in text
        assert "all time (f) · place: low-back (w)" in text


async def test_the_chart_is_drawn_anew_for_a_narrower_terminal(make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_journal(pilot, app)
        await pilot.press("r", "r")  # 52 weeks: one column a week at 100 wide
        await settle(pilot)
        assert "last 52 weeks (r: 12/26/52)" in screen_text(app)
        await pilot.resize_terminal(50, 16)
        await settle(pilot)
        # At 50 columns two weeks share a column, and the title says so.
        assert "Pain, plan done: 52 weeks, 2 a column (r)" in screen_text(app)
        pain = next(line for line in screen_lines(app) if line.startswith(" pain "))
        assert len(pain.rstrip()) <= 50

"""The Calendar screen: heatmap, cursor keys, the pain view, details, narrow month grid."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from rich.style import Style

from footbase_tui.context import Context
from footbase_tui.core.records import DayPlan, ItemResult, PainEntry, Session, new_id
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.calendar import CalendarScreen
from footbase_tui.tui.widgets.heatmap_view import HeatmapView
from tests.uikit import screen_text

MakeApp = Callable[..., FootbaseApp]
TODAY = date(2026, 3, 3)


def seed(ctx: Context) -> None:
    """Started Feb 23: the 23rd all done, the 24th skipped with a reason, the 25th adapted,
    the 26th missed, March 1 a rest day, pain on the 24th."""
    ctx.store.set_program("foundation", date(2026, 2, 23))
    basics = ("barefoot-walk", "toe-spread-glove", "towel-curls", "short-foot")
    done = tuple(ItemResult(e, 1, "done", "2026-02-23T07:00:00Z", sets=1) for e in basics)
    ctx.store.save_session(
        Session(
            new_id(),
            date(2026, 2, 23),
            "Europe/Berlin",
            "2026-02-23T07:00:00Z",
            None,
            "foundation",
            "manual",
            done,
        )
    )
    skipped = tuple(ItemResult(e, 1, "skipped", "2026-02-24T07:00:00Z", reason="travel [/]") for e in basics)
    ctx.store.save_session(
        Session(
            new_id(),
            date(2026, 2, 24),
            "Europe/Berlin",
            "2026-02-24T07:00:00Z",
            None,
            "foundation",
            "manual",
            skipped,
        )
    )
    ctx.store.set_day_plan(
        DayPlan(date(2026, 2, 25), "desk-five", "pain", "2026-02-25T07:00:00Z"), date(2026, 2, 25)
    )
    ctx.store.add_pain(
        PainEntry(
            new_id(),
            "2026-02-24T18:00:00Z",
            "Europe/Berlin",
            date(2026, 2, 24),
            7,
            ("low-back",),
            "sitting",
            "long drive",
        )
    )
    # The night Berlin fell back (25 h day): a late entry at 02:30 local, after the change.
    ctx.store.add_pain(
        PainEntry(
            new_id(), "2025-10-26T01:30:00Z", "Europe/Berlin", date(2025, 10, 26), 3, (), None, "clock change"
        )
    )


def cursor(app: FootbaseApp) -> date:
    screen = app.screen
    assert isinstance(screen, CalendarScreen) and screen.cursor is not None
    return screen.cursor


async def test_cursor_keys_move_by_day_week_month_and_year(make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert cursor(app) == TODAY
        await pilot.press("up")
        assert cursor(app) == date(2026, 3, 2)
        await pilot.press("k", "left")
        assert cursor(app) == date(2026, 2, 22)
        await pilot.press("right", "j")
        assert cursor(app) == date(2026, 3, 2)
        await pilot.press("h", "l", "right")
        assert cursor(app) == TODAY  # the cursor stops at today
        await pilot.press("left_square_bracket")
        assert cursor(app) == date(2026, 2, 3)
        await pilot.press("left_curly_bracket")
        assert cursor(app) == date(2025, 2, 3)
        await pilot.press("right_curly_bracket", "right_square_bracket")
        assert cursor(app) == TODAY
        await pilot.press("left_curly_bracket", "g")
        assert cursor(app) == TODAY


async def test_details_stats_and_legend(make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        assert "Apr 2025–Mar 2026: 1 day practised · longest streak 1 · adherence" in text
        assert "now: streak 0 (longest 1)" in text and "habit strength" in text
        assert "- rest" in text and "~ adapted" in text and "x skipped" in text and "○ to come" in text
        for _ in range(7):
            await pilot.press("up")
        await pilot.pause()
        text = screen_text(app)
        assert "Tue 24 Feb 2026 · skipped, with a reason" in text
        assert "skipped: travel [/]" in text  # a reason with markup, shown literally
        assert "pain 7/10 at 19:00 · low-back · sitting · long drive" in text
        await pilot.press("down")
        await pilot.pause()
        assert "adapted (gentle program on a bad pain day)" in screen_text(app)
        await pilot.press("up", "up")
        await pilot.pause()
        assert "Mon 23 Feb 2026 · all done · 4/4" in screen_text(app)
        assert "✓ Barefoot walk at home" in screen_text(app)


async def test_the_night_the_clocks_went_back(make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        screen._set_cursor(date(2025, 10, 26))
        await pilot.pause()
        text = screen_text(app)
        assert "Sun 26 Oct 2025" in text and "pain 3/10 at 02:30 · clock change" in text
        assert "Oct" in str(screen.query_one(HeatmapView).render()).splitlines()[1]


async def test_v_switches_to_pain_and_back(make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        heatmap = str(app.screen.query_one(HeatmapView).render())
        assert "█" in heatmap and "7" not in heatmap.split("\n", 1)[1]
        await pilot.press("v")
        await pilot.pause()
        heatmap = str(app.screen.query_one(HeatmapView).render())
        tuesday = next(line for line in heatmap.splitlines() if line.startswith("Tue"))
        assert "▆" in tuesday and "█" not in heatmap  # 7/10: a tall bar
        assert "the day's average" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "█" in str(app.screen.query_one(HeatmapView).render())


async def test_a_narrow_terminal_gets_a_month_grid(make_app: MakeApp, ctx: Context) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        view = str(app.screen.query_one(HeatmapView).render())
        assert view.startswith("March 2026") and "Mo" in view
        await pilot.press("left_square_bracket")
        await pilot.pause()
        view = str(app.screen.query_one(HeatmapView).render())
        assert view.startswith("February 2026") and "23 █" in view and "24 x" in view and "25 ~" in view


@pytest.mark.parametrize("size", [(80, 24), (50, 16)], ids=["80x24", "50x16"])
def test_calendar_snapshot(
    snap_compare: Callable[..., bool], make_app: MakeApp, ctx: Context, size: tuple[int, int]
) -> None:
    seed(ctx)
    assert snap_compare(make_app(), terminal_size=size, press=["c", "up", "up", "up", "up", "up", "up", "up"])


async def test_years_back_the_old_days_are_there_and_the_cursor_stops_at_the_start(
    make_app: MakeApp, ctx: Context
) -> None:
    from datetime import timedelta

    from footbase_tui.core.calendar import Planner

    start = date(2022, 3, 7)
    ctx.store.set_program("foundation", start)
    planner = Planner(ctx.catalog, ctx.catalog.programs["foundation"], start)
    old_day = date(2023, 3, 4)  # three years back is Mar 3; a practice day after a planned one
    while not (planner.planned(old_day) and planner.planned(old_day - timedelta(days=1))):
        old_day += timedelta(days=1)
    planned = planner.planned(old_day) or ()
    at = f"{old_day}T07:00:00Z"
    items = tuple(ItemResult(e, 1, "done", at, sets=1) for e in planned)
    ctx.store.save_session(
        Session(new_id(), old_day, "Europe/Berlin", at, None, "foundation", "manual", items)
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*["left_curly_bracket"] * 3, *["down"] * (old_day - date(2023, 3, 3)).days)
        await pilot.pause()
        assert cursor(app) == old_day
        text = screen_text(app)
        assert f"{old_day:%a %d %b %Y} · all done · {len(planned)}/{len(planned)}" in text
        await pilot.press("up")
        assert f"{old_day - timedelta(days=1):%a %d %b %Y} · missed" in screen_text(app)
        await pilot.press(*["left_curly_bracket"] * 3)
        assert cursor(app) == start
        assert "before the program started" not in screen_text(app)


async def test_a_day_done_but_for_a_reasoned_skip_says_so(make_app: MakeApp, ctx: Context) -> None:
    ctx.store.set_program("foundation", date(2026, 2, 23))
    basics = ("barefoot-walk", "toe-spread-glove", "towel-curls", "short-foot")
    at = "2026-03-02T07:00:00Z"
    items = (
        *(ItemResult(e, 1, "done", at, sets=1) for e in basics[:3]),
        ItemResult(basics[3], 1, "skipped", at, reason="sore arch"),
    )
    ctx.store.save_session(
        Session(new_id(), date(2026, 3, 2), "Europe/Berlin", at, None, "foundation", "manual", items)
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("up")
        text = screen_text(app)
        assert "Mon 02 Mar 2026 · done, 1 skipped with a reason · 3/4" in text
        assert "skipped: sore arch" in text


@pytest.mark.parametrize(
    ("size", "moves"),
    [
        pytest.param((80, 24), {"up": -1, "down": 1, "left": -7, "right": 7}, id="80x24-weeks-as-columns"),
        pytest.param((50, 16), {"up": -7, "down": 7, "left": -1, "right": 1}, id="50x16-weeks-as-rows"),
    ],
)
async def test_the_arrows_follow_what_is_drawn(
    make_app: MakeApp, ctx: Context, size: tuple[int, int], moves: dict[str, int]
) -> None:
    from datetime import timedelta

    seed(ctx)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("left_square_bracket")  # Feb 3: room to move every way
        start = cursor(app)
        for key, days in moves.items():
            await pilot.press(key)
            assert cursor(app) == start + timedelta(days=days), key
            await pilot.press({"up": "down", "down": "up", "left": "right", "right": "left"}[key])
            assert cursor(app) == start


@pytest.mark.parametrize(
    ("size", "first_line", "stats"),
    [
        pytest.param(
            (80, 24),
            "Apr 2025–Mar 2026",
            # 4 done of 7 planned days x 4 (Feb 23-28, Mar 2; the rest day and today out).
            f"Apr 2025–Mar 2026: 1 day practised · longest streak 1 · adherence {4 / 28:.0%}",
            id="80x24",
        ),
        # March: a rest day, a missed day (0 of 4), and today still open.
        pytest.param((50, 16), "March 2026", "Mar 2026: 0 days · longest 0 · done 0%", id="50x16"),
    ],
)
async def test_the_year_and_the_period_of_the_view_are_shown(
    make_app: MakeApp, ctx: Context, size: tuple[int, int], first_line: str, stats: str
) -> None:
    seed(ctx)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("c")
        await pilot.pause()
        view = str(app.screen.query_one(HeatmapView).render())
        assert view.splitlines()[0] == first_line
        assert stats in screen_text(app)
        await pilot.press(*["left_curly_bracket"] * 5)  # back to the program's start
        await pilot.pause()
        view = str(app.screen.query_one(HeatmapView).render())
        assert "2025" in view.splitlines()[0] or "2024" in view.splitlines()[0]


async def test_the_pain_scale_makes_the_worst_days_the_most_visible(make_app: MakeApp) -> None:
    from textual.color import Color

    from footbase_tui.heatmap import PAIN_GLYPHS
    from footbase_tui.tui.widgets.heatmap_view import theme_styles

    heights = " ▁▂▃▄▅▆▇█"
    levels = [heights.index(PAIN_GLYPHS[n]) for n in range(11)]
    assert levels == sorted(levels) and levels[10] > levels[5] > levels[0]  # bars rise, no colour needed
    app = make_app()
    async with app.run_test(size=(80, 24)):
        for theme in ("textual-dark", "textual-light", "nord", "gruvbox"):
            app.theme = theme
            variables = app.get_css_variables()
            styles = theme_styles(variables)
            bg = Color.parse(variables["background"])

            def contrast(name: str, styles: dict[str, Style] = styles, bg: Color = bg) -> float:
                colour = styles[name].color
                assert colour is not None
                triplet = colour.get_truecolor()
                return abs(Color(*triplet).brightness - bg.brightness)

            shades = [contrast(f"pain{n}") for n in range(1, 5)]
            assert shades == sorted(shades), theme  # each step stands out more than the last
            assert styles["pain4"].bold
        app.theme = "ansi-dark"
        assert theme_styles(app.get_css_variables())["pain4"].bold  # named colours, still marked

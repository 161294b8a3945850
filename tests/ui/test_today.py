"""Today: routine, details, marking done, skipping, rest days and bad pain days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from textual.geometry import Region
from textual.widgets import OptionList

from footbase_tui.context import Context
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from footbase_tui.tui.screens.walkthrough import WalkthroughScreen
from tests.uikit import screen_text, settle

TODAY = date(2026, 3, 3)  # the fake clock's day in Berlin
MakeApp = Callable[..., FootbaseApp]


def visible_lines(app: FootbaseApp, region: Region) -> list[str]:
    """The text a person sees in `region` of the screen right now."""
    strips = app.screen._compositor.render_strips()
    return [strip.text[region.x : region.right].strip() for strip in strips[region.y : region.bottom]]


def pain(ctx: Context, level: int, day: date, hour: int = 7) -> None:
    ctx.store.add_pain(PainEntry(new_id(), f"{day}T{hour:02d}:00:00Z", "Europe/Berlin", day, level))


async def test_today_shows_the_day_the_routine_and_details(make_app: MakeApp) -> None:
    app = make_app(start=TODAY - timedelta(days=2))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Tue 03 Mar 2026" in text and "Foundation" in text and "week 1 of 6 (Basics), day 3" in text
        assert "0/4" in text and "streak 0 days" in text
        options = app.screen.query_one("#routine", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "Barefoot walk at home" in prompts[0] and "10 min" in prompts[0]
        assert "3 x 6 reps, hold 3 s, each foot" in prompts[3]
        assert "Barefoot walk" in screen_text(app).split("Steps")[0]
        await pilot.press("down")
        text = screen_text(app)
        assert "Hand glove" in text and "Common mistakes" in text and "When to stop" in text


async def test_space_marks_done_by_hand_and_back(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await settle(pilot)  # saves run in a worker
        assert "1/4" in screen_text(app)
        [session] = ctx.store.load().sessions
        assert session.items[0].exercise == "barefoot-walk" and session.items[0].status == "done"
        await pilot.press("space")
        await pilot.pause()
        assert "0/4" in screen_text(app)


async def test_x_skips_with_an_optional_reason(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "x")
        await pilot.press(*"sore heel", "enter")
        await settle(pilot)  # saves run in a worker
        results = {i.exercise: i for s in ctx.store.load().sessions for i in s.items}
        assert results["towel-curls"].status == "skipped"
        assert results["towel-curls"].reason == "sore heel"
        options = app.screen.query_one("#routine", OptionList)
        assert "skipped: sore heel" in str(options.get_option_at_index(2).prompt)
        # Skipping and escaping changes nothing.
        await pilot.press("up", "x", "escape")
        await settle(pilot)  # saves run in a worker
        assert "toe-spread-glove" not in {i.exercise for s in ctx.store.load().sessions for i in s.items}


async def test_s_starts_at_the_first_undone_and_enter_at_the_selected(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # barefoot walk done through the day
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        assert app.screen.items[0].id == "toe-spread-glove"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        assert app.screen.items[0].id == "short-foot"


async def test_a_rest_day_says_so_and_offers_the_short_program(make_app: MakeApp, ctx: Context) -> None:
    app = make_app(start=TODAY - timedelta(days=6))  # today is day 7: a rest day
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "rest day" in text and "Rest day: nothing planned" in text and "Desk five" in text
        await pilot.press("g")
        await pilot.pause()
        text = screen_text(app)
        assert "Today follows Desk five" in text and "0/4" in text
        assert ctx.store.load().day_plans[TODAY].reason == "choice"
        await pilot.press("g")
        await pilot.pause()
        assert "Rest day: nothing planned" in screen_text(app)


async def test_high_pain_offers_the_gentle_program_and_shows_the_warning_signs(
    make_app: MakeApp, ctx: Context
) -> None:
    pain(ctx, 8, TODAY)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Pain 8/10 today" in text
        assert "Stop exercising and get help" in text and "both legs" in text and "fever" in text
        assert "A&E now" in text and "urgent help the same day" in text and "See a GP" in text
        await pilot.press("g")
        await pilot.pause()
        text = screen_text(app)
        assert "adapted" in text and "Desk five" in text
        assert "Stop exercising and get help" not in text
        assert ctx.store.load().day_plans[TODAY].reason == "pain"


async def test_a_jump_over_the_usual_pain_also_offers_it(make_app: MakeApp, ctx: Context) -> None:
    for n in range(1, 10):
        pain(ctx, 2, TODAY - timedelta(days=n))
    pain(ctx, 4, TODAY)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Pain 4/10 today, up from a usual 2" in screen_text(app)


async def test_no_offer_on_an_ordinary_day(make_app: MakeApp, ctx: Context) -> None:
    pain(ctx, 3, TODAY - timedelta(days=1))
    pain(ctx, 3, TODAY)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Stop exercising and get help" not in screen_text(app)


async def test_markup_in_a_user_catalog_is_shown_literally(make_app: MakeApp, ctx: Context) -> None:
    from footbase_tui.catalog_files import builtin_catalog_dir

    ctx.paths.catalog_dir.mkdir(parents=True)
    text = (builtin_catalog_dir() / "exercises" / "short-foot.yaml").read_text()
    evil = 'name: "Arch [/] [bold]lift[@click=app.quit]"'
    evil = 'name: "Arch [/] [bold]lift[@click=app.quit]"'
    text = text.replace("name: Short-foot (arch activation)", evil)
    (ctx.paths.catalog_dir / "short-foot.yaml").write_text(text)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert "Arch [/] [bold]lift[@click=app.quit]" in screen_text(app)
        options = app.screen.query_one("#routine", OptionList)
        assert "Arch [/] [bold]lift" in str(options.get_option_at_index(3).prompt)
        assert app.is_running


async def test_the_warning_signs_scroll_whole_with_a_hint_at_50x16(make_app: MakeApp, ctx: Context) -> None:
    from textual.containers import VerticalScroll

    from footbase_tui.core.warning_signs import all_signs

    pain(ctx, 8, TODAY)
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await settle(pilot)
        box = app.screen.query_one("#banner", VerticalScroll)
        hint = app.screen.query_one("#banner-hint")
        assert box.region.height >= 3 and box.max_scroll_y > 0
        assert hint.display and hint.region.height == 1 and "more" in str(hint.render())
        seen: list[str] = []
        await pilot.press("shift+tab")
        assert app.focused is box
        for _ in range(40):  # read it the way a person does: one line down at a time
            seen.extend(visible_lines(app, box.region))
            if box.scroll_y >= box.max_scroll_y:
                break
            await pilot.press("down")
            await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.pause()
        assert not hint.display  # nothing is left below
        read = " ".join(" ".join(seen).split())
        for sign in all_signs():
            assert sign in read


async def test_screening_effects_show_on_today_and_in_the_detail(make_app: MakeApp, ctx: Context) -> None:
    ctx.paths.config.write_text(
        "timezone: Europe/Berlin\nscreening: {foot_sensation: true, falls: false, recent_injury: null}\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Check your feet today" in text
        assert "Walk at home in socks or soft shoes" in text
        assert "Adjusted: in socks with grip or soft, flexible indoor shoes, not barefoot" in text

"""Today's level suggestions: a met rule offers the next level (u accepts, h holds), d drops a
level at any time, and a pain rise after an exercise suggests a step down."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from textual.widgets import OptionList

from footbase_tui.context import Context
from footbase_tui.core.records import ItemResult, LevelChange, PainEntry, Session, new_id
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from tests.uikit import screen_text, settle, wait_until

# The fake clock's day: week 5 (Strengthen) of a start on 02-03, which allows short-foot at
# level 2 (at the phase's dosage: 2 x 6 holds).
TODAY = date(2026, 3, 3)
START = TODAY - timedelta(days=28)
MakeApp = Callable[..., FootbaseApp]


def practise(ctx: Context, day: date, exercise: str = "short-foot", level: int = 1, hour: int = 7) -> None:
    at = f"{day}T{hour:02d}:10:00Z"
    item = ItemResult(exercise, level, "done", at, sets=3)
    ctx.store.save_session(
        Session(
            new_id(),
            day,
            "Europe/Berlin",
            f"{day}T{hour:02d}:00:00Z",
            at,
            "foundation",
            "walkthrough",
            (item,),
        )
    )


def pain(ctx: Context, level: int, day: date, hour: int, minute: int = 0) -> None:
    utc = f"{day}T{hour:02d}:{minute:02d}:00Z"
    ctx.store.add_pain(PainEntry(new_id(), utc, "Europe/Berlin", day, level))


def five_days(ctx: Context) -> None:
    for n in range(5):
        practise(ctx, date(2026, 2, 24) + timedelta(days=n))


def level_of(ctx: Context, exercise: str) -> int | None:
    changes = [c for c in ctx.store.load().level_changes if c.exercise == exercise]
    return changes[-1].to_level if changes else None


def note(app: FootbaseApp) -> str:
    return str(app.screen.query_one("#level-note").render())


async def test_a_met_rule_is_suggested_and_u_raises_the_level(make_app: MakeApp, ctx: Context) -> None:
    five_days(ctx)
    app = make_app(start=START)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Short-foot" in note(app) and "5 of 5 sessions done: ready for level 2" in note(app)
        assert "u: move up" in note(app)
        await pilot.press("u")
        await settle(pilot)
        assert level_of(ctx, "short-foot") == 2
        assert ctx.store.load().level_changes[-1].why == "accepted"
        assert isinstance(app.screen, TodayScreen)
        assert not app.screen.query_one("#level-note").display
        options = app.screen.query_one("#routine", OptionList)
        row = str(options.get_option_at_index(3).prompt)
        assert "Short-foot" in row and "L2" in row and "2 x 6 reps, hold 5 s" in row  # level 2 now
        await pilot.press("u")  # no suggestion now: nothing more happens
        await settle(pilot)
        assert level_of(ctx, "short-foot") == 2


async def test_h_holds_and_the_suggestion_goes(make_app: MakeApp, ctx: Context) -> None:
    five_days(ctx)
    app = make_app(start=START)
    async with app.run_test(size=(50, 16)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#level-note").display
        await pilot.press("h")
        await settle(pilot)
        assert level_of(ctx, "short-foot") == 1
        assert ctx.store.load().level_changes[-1].why == "hold"
        assert not app.screen.query_one("#level-note").display


async def test_d_drops_the_selected_exercise_a_level(make_app: MakeApp, ctx: Context) -> None:
    ctx.store.change_level(
        LevelChange(
            new_id(), "short-foot", 1, 2, "up", "2026-03-01T08:00:00Z", "Europe/Berlin", date(2026, 3, 1)
        )
    )
    app = make_app(start=START)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Strengthen's order: barefoot-walk, toe-spread-glove, towel-curls, short-foot, ...
        await pilot.press("d")  # barefoot-walk is at level 1: nothing to drop
        await pilot.press("down", "down", "down", "d")  # in one burst
        await settle(pilot)
        assert level_of(ctx, "short-foot") == 1
        assert level_of(ctx, "barefoot-walk") is None
        assert [c.why for c in ctx.store.load().level_changes] == ["up", "down"]


async def test_a_two_point_rise_suggests_a_step_down(make_app: MakeApp, ctx: Context) -> None:
    ctx.store.change_level(
        LevelChange(
            new_id(), "short-foot", 1, 2, "up", "2026-03-01T06:00:00Z", "Europe/Berlin", date(2026, 3, 1)
        )
    )
    yesterday = TODAY - timedelta(days=1)
    pain(ctx, 3, yesterday, 6)
    practise(ctx, yesterday, level=2)  # 07:00-07:10
    pain(ctx, 5, yesterday, 7, 20)
    app = make_app(start=START)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "pain rose 2 points after it: try level 1 next time" in note(app)
        assert "u: use level 1" in note(app)
        await pilot.press("u")
        await settle(pilot)
        assert level_of(ctx, "short-foot") == 1
        assert ctx.store.load().level_changes[-1].why == "pain"


async def test_persistent_pain_shows_a_calm_note_until_dismissed_for_a_week(
    make_app: MakeApp, ctx: Context
) -> None:
    for ago in (0, 2, 4):
        pain(ctx, 8, TODAY - timedelta(days=ago), 6)
    app = make_app(start=START)
    async with app.run_test(size=(50, 16)) as pilot:
        await settle(pilot)
        text = note(app)
        assert "pain of 7 or more on 3 of the last 7 days" in text and "GP or physiotherapist" in text
        shown = screen_text(app)  # at 50x16 all of it is on screen
        assert "o: noted" in shown and "physiotherapist" in shown and "one page" in shown, shown
        assert "Barefoot walk" in shown  # never blocking: the routine stays in view
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("o")
        await settle(pilot)
        assert not app.screen.query_one("#level-note").display
        await pilot.press("s")  # never blocking: the routine is right there
        await settle(pilot)
        assert not isinstance(app.screen, TodayScreen)
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not again.screen.query_one("#level-note").display  # not again this week
    ctx.clock.advance(7 * 86400)
    for ago in (0, 1, 3):
        pain(ctx, 8, TODAY + timedelta(days=7 - ago), 6)
    week_later = make_app()
    async with week_later.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "GP or physiotherapist" in note(week_later)


async def test_at_start_up_the_suggestion_follows_the_first_frame(ctx: Context) -> None:
    five_days(ctx)
    ctx.store.set_program("foundation", START)
    app = FootbaseApp(
        Context(ctx.paths, clock=ctx.clock, lock_timeout=0.5), watch_interval=3600, streak_delay=0.05
    )
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_until(lambda: "ready for level 2" in note(app), 5.0)
        await pilot.press("u")
        await settle(pilot)
        assert level_of(ctx, "short-foot") == 2


async def test_the_detail_shows_the_rule_progress(make_app: MakeApp, ctx: Context) -> None:
    for n in range(3):
        practise(ctx, date(2026, 2, 26) + timedelta(days=n))
    app = make_app(start=START)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")  # short-foot
        await settle(pilot)
        detail = str(app.screen.query_one("#detail").render())
        assert "So far: 3 of 5 sessions in the last 10 days" in detail and "(met)" not in detail
        assert not app.screen.query_one("#level-note").display

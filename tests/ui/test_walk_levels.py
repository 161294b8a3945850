"""The walkthrough's summary offers a level whose move-up rule is met: u moves it up and h
holds it, stored as Today's u and h store them, in a burst as typed slowly, at 50x16 too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import LevelChange
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from footbase_tui.tui.screens.walkthrough import WalkthroughScreen
from tests.ui.test_today_levels import START, level_of, practise
from tests.uikit import keys_now, settle, wait_until, walk_to_the_end

MakeApp = Callable[..., FootbaseApp]
READY = "Short-foot (arch activation): 5 of 5 sessions done: ready for level 2."


def five_days(ctx: Context, *exercises: str) -> None:
    for n in range(5):
        for exercise in exercises:
            practise(ctx, date(2026, 2, 24) + timedelta(days=n), exercise)


def lines(app: FootbaseApp) -> str:
    """What is on the terminal now, row by row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def changes(ctx: Context) -> list[tuple[str, int, int, str]]:
    return [(c.exercise, c.from_level, c.to_level, c.why) for c in ctx.store.load().level_changes]


async def to_the_summary(app: FootbaseApp, pilot: object, clock: FakeClock) -> WalkthroughScreen:
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("s")  # type: ignore[attr-defined]
    await walk_to_the_end(pilot, clock)  # type: ignore[arg-type]
    await settle(pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen) and screen.finished
    return screen


async def test_at_50x16_the_summary_offers_the_level_and_u_then_the_answer_land_in_a_burst(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock
) -> None:
    five_days(ctx, "short-foot")
    app = make_app(start=START)
    async with app.run_test(size=(50, 16)) as pilot:
        await to_the_summary(app, pilot, fake_clock)
        seen = lines(app)
        # On screen at once: the offer with its keys, the question, its field, the key bar.
        assert "ready for level 2. u: move up" in seen and "h: hold at level 1" in seen
        assert "How is your back now?" in seen and "0-10, enter to skip" in seen
        assert "u up  h hold" in seen.splitlines()[-1]
        keys_now(app, "u", "3", "enter")  # typed in one go, over SSH
        assert await wait_until(lambda: isinstance(app.screen, TodayScreen), 5)
        await settle(pilot)
        assert changes(ctx) == [("short-foot", 1, 2, "accepted")]  # as Today's u stores it
        [entry] = ctx.store.load().pain
        assert entry.level == 3


async def test_h_holds_and_the_summary_says_so_and_the_keys_go(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock
) -> None:
    five_days(ctx, "short-foot")
    app = make_app(start=START)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_the_summary(app, pilot, fake_clock)
        assert READY in " ".join(lines(app).split())
        await pilot.press("h")
        await settle(pilot)
        assert changes(ctx) == [("short-foot", 1, 1, "hold")]
        seen = lines(app)
        assert "Short-foot (arch activation): stays at level 1" in seen
        assert "ready for level 2" not in seen and "u Move up" not in seen
        await pilot.press("u")  # nothing offered now: nothing happens, and the field is untouched
        await settle(pilot)
        assert len(changes(ctx)) == 1 and app.screen is screen
        assert screen.query_one("#wt-pain").value == ""  # type: ignore[attr-defined]


async def test_two_ready_are_offered_one_after_the_other_in_a_burst(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock
) -> None:
    five_days(ctx, "short-foot", "heel-raises")
    app = make_app(start=START)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_summary(app, pilot, fake_clock)
        assert "(1 more after this)" in lines(app)
        keys_now(app, "h", "u")
        assert await wait_until(lambda: len(ctx.store.load().level_changes) == 2, 5)
        await settle(pilot)
        assert changes(ctx) == [("short-foot", 1, 1, "hold"), ("heel-raises", 1, 2, "accepted")]
        assert "Heel raises: level 1 -> 2" in lines(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and level_of(ctx, "heel-raises") == 2


async def test_no_rule_met_no_offer_and_u_is_not_typed_away(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await to_the_summary(app, pilot, fake_clock)
        seen = lines(app)
        assert "move up" not in seen and "u up" not in seen
        await pilot.press("u", "h")
        await settle(pilot)
        assert changes(ctx) == []


async def test_a_level_raised_meanwhile_is_refused_plainly(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock
) -> None:
    five_days(ctx, "short-foot")
    app = make_app(start=START)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_summary(app, pilot, fake_clock)
        # From the shell, while the summary is open: short-foot to 2, the ceiling of week 5.
        ctx.store.change_level(
            LevelChange(
                "x1", "short-foot", 1, 2, "up", "2026-03-03T08:30:00Z", "Europe/Berlin", date(2026, 3, 3)
            )
        )
        app.reload()
        await pilot.press("u")
        await settle(pilot)
        assert changes(ctx) == [("short-foot", 1, 2, "up")]  # nothing more saved


async def test_in_week_five_the_question_and_its_field_fit_at_50x16(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock
) -> None:
    # Seven exercises: their rows wrap, and the field used to sit below the last row.
    app = make_app(start=START)
    async with app.run_test(size=(50, 16)) as pilot:
        await to_the_summary(app, pilot, fake_clock)
        seen = lines(app)
        assert "How is your back now?" in seen and "0-10, enter to skip" in seen
        assert seen.splitlines()[-1].startswith("enter ")  # and the key bar below
        await pilot.press("up", "up", "up", "up", "up", "up", "up", "up")  # the top, by keys
        await settle(pilot)
        assert "Done for now." in lines(app)


async def test_keys_typed_as_the_last_exercise_ends_wait_for_the_summary(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock
) -> None:
    # N skips the rest of the last exercise, which ends the session; the keys typed right
    # after it (before the summary is drawn) go to the summary, in order.
    five_days(ctx, "short-foot")
    app = make_app(start=START)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        walk = app.screen
        assert isinstance(walk, WalkthroughScreen)

        def on_the_last(screen: WalkthroughScreen) -> bool:
            current = screen.engine.current if screen.engine else None
            return current is not None and current.item == len(screen.items) - 1

        for _ in range(400):
            if on_the_last(walk):
                break
            await pilot.press("N")
        assert on_the_last(walk)
        keys_now(app, "N", "u", "3", "enter")
        assert await wait_until(lambda: isinstance(app.screen, TodayScreen), 5)
        await settle(pilot)
        assert changes(ctx) == [("short-foot", 1, 2, "accepted")]
        [entry] = ctx.store.load().pain
        assert entry.level == 3

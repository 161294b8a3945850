"""The screening in the app: asked at first start (with the warning signs, once), skippable,
answers kept in the config and shown on Today."""

from __future__ import annotations

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.screening import ScreeningModal
from footbase_tui.tui.screens.today import TodayScreen
from tests.uikit import keys_now, screen_text, settle


def first_start_app(ctx: Context, fresh: bool = True) -> FootbaseApp:
    """The app as the command line starts it; `fresh`: a config that never had the questions."""
    if fresh:
        ctx.paths.config.write_text("timezone: Europe/Berlin\n", encoding="utf-8")
    return FootbaseApp(Context(ctx.paths, clock=ctx.clock, lock_timeout=0.5), 3600, 0, first_start=True)


async def test_first_start_asks_and_a_burst_of_answers_lands(ctx: Context) -> None:
    app = first_start_app(ctx)
    async with app.run_test(size=(50, 16)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ScreeningModal)
        text = screen_text(app)
        assert "not medical advice" in text and "A&E now" in text
        assert "question 1 of 3" in text and "lost some feeling" in text
        from tests.ui.test_today import visible_lines

        shown = " ".join(visible_lines(app, app.screen.region))
        assert "question 1 of 3" in shown and "y yes" in shown  # the question is never scrolled away
        intro = app.screen.query_one("#screening-intro")
        seen: list[str] = []
        for _ in range(40):  # the welcome and the warning signs below scroll into view
            seen.extend(visible_lines(app, app.screen.region))
            await pilot.press("down")
        read = " ".join(" ".join(seen).split())
        assert "See a GP" in read and "A&E now" in read and intro.scroll_y == intro.max_scroll_y > 0
        assert "question 1 of 3" in " ".join(visible_lines(app, app.screen.region))
        keys_now(app, "y", "n", "s")  # one packet over SSH
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        saved = ctx.paths.config.read_text(encoding="utf-8")
        assert "foot_sensation: true" in saved and "falls: false" in saved and "recent_injury: null" in saved
        assert "Check your feet today" in screen_text(app)
    again = first_start_app(ctx, fresh=False)
    async with again.run_test(size=(50, 16)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, TodayScreen)  # asked once, not every start


async def test_skipping_says_so_once_and_is_not_asked_again(ctx: Context) -> None:
    app = first_start_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert any("Screening skipped" in n.message for n in app._notifications)
        assert "screening:" in ctx.paths.config.read_text(encoding="utf-8")
        app.open_screening()  # the command palette's "Screening"
        await pilot.pause()
        assert isinstance(app.screen, ScreeningModal)
        assert "A&E now" not in screen_text(app)  # the warning signs come with the first start only
        await pilot.press("n", "n", "y")
        await settle(pilot)
        assert "recent_injury: true" in ctx.paths.config.read_text(encoding="utf-8")
        assert "clinician's go-ahead" in screen_text(app)


async def test_pain_and_quit_still_work_over_the_questions(ctx: Context) -> None:
    from footbase_tui.tui.modals.pain_entry import PainEntryModal

    app = first_start_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ScreeningModal)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PainEntryModal)
        await pilot.press("4", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ScreeningModal)  # back to the question
        assert [e.level for e in ctx.store.load().pain] == [4]
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert "screening:" not in ctx.paths.config.read_text(encoding="utf-8")  # quitting is not skipping


async def test_a_first_walkthrough_during_a_recent_injury_keeps_the_planned_program(ctx: Context) -> None:
    from tests.ui.test_walkthrough import advance

    ctx.paths.config.write_text(
        "timezone: Europe/Berlin\nscreening: {recent_injury: true}\n", encoding="utf-8"
    )
    app = first_start_app(ctx, fresh=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "clinician's go-ahead" in screen_text(app)
        await pilot.press("s")  # the gentle program's first exercise
        await pilot.pause()
        assert isinstance(ctx.clock, FakeClock)
        await advance(pilot, ctx.clock, 5 + 10 + 2 + 10)  # one squeeze and spread, then rest
        await advance(pilot, ctx.clock, 600)
        await settle(pilot)
    snap = ctx.store.load()
    assert snap.sessions and snap.sessions[0].program == "desk-five"
    assert snap.meta.program == "foundation"
    assert snap.day_plans[snap.sessions[0].date].program == "desk-five"  # the calendar counts it so


async def test_a_config_that_cannot_be_written_says_not_saved(ctx: Context) -> None:
    app = first_start_app(ctx)
    ctx.paths.config.parent.chmod(0o755)  # open to others: footbase refuses to write there
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("y", "y", "y")
            await settle(pilot)
            [(title, message)] = [(n.title, n.message) for n in app._notifications if n.severity == "error"]
            assert title == "Not saved" and "Screening not saved" in message and "chmod 700" in message
            assert "screening:" not in ctx.paths.config.read_text(encoding="utf-8")
    finally:
        ctx.paths.config.parent.chmod(0o700)


async def test_a_config_broken_meanwhile_is_not_saved_and_kept(ctx: Context) -> None:
    app = first_start_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        ctx.paths.config.write_text("timezone: [Europe/Berlin\n", encoding="utf-8")  # edited by hand
        await pilot.press("n", "n", "n")
        await settle(pilot)
        assert any(n.title == "Not saved" for n in app._notifications)
        assert ctx.paths.config.read_text(encoding="utf-8") == "timezone: [Europe/Berlin\n"

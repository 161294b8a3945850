"""A rise of 2 points after a session offers the gentle program for the rest of the day, on
Today and in `footbase today --json` alike (one use case: Practice.gentle_today/bad_day)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from tests.conftest import Result
from tests.uikit import screen_text, settle, walk_to_the_end

TODAY = date(2026, 3, 3)  # the fake clock: 08:00Z, 09:00 in Berlin
MakeApp = Callable[..., FootbaseApp]
REASON = "pain 6/10 after this morning's session, up from 3 before"


def pain(ctx: Context, level: int, hour: int) -> None:
    ctx.store.add_pain(PainEntry(new_id(), f"{TODAY}T{hour:02d}:00:00Z", "Europe/Berlin", TODAY, level))


async def test_a_rise_after_the_session_offers_the_gentle_program_for_the_rest_of_the_day(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock, run: Callable[..., Result]
) -> None:
    pain(ctx, 3, 7)  # before the session
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await settle(pilot)
        assert "Stop exercising" not in screen_text(app)
        await pilot.press("s")
        await walk_to_the_end(pilot, fake_clock)
        await settle(pilot)
        await pilot.press("6", "enter")  # the check at the end: up 3 points
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "4/4" in text  # all done: the offer still stands, for the rest of the day
        assert REASON.capitalize() in text
        assert "g: do Desk five for the rest of today" in text
        assert "Stop exercising and get help" in text
        data = json.loads(run("today", "--json").out)
        assert data["bad_day"]["reason"] == REASON  # the shell says the same
        await pilot.press("g")
        await settle(pilot)
        assert ctx.store.load().day_plans[TODAY].reason == "pain"
        assert "adapted" in screen_text(app) and "Desk five" in screen_text(app)


async def test_a_rise_of_one_or_pain_back_down_offers_nothing(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock, run: Callable[..., Result]
) -> None:
    pain(ctx, 3, 7)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await walk_to_the_end(pilot, fake_clock)
        await settle(pilot)
        await pilot.press("4", "enter")  # up 1: no reason to go gently
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Stop exercising" not in screen_text(app) and "rest of today" not in screen_text(app)
    assert "bad_day" not in json.loads(run("today", "--json").out)


async def test_before_any_practice_the_offer_is_the_usual_one(make_app: MakeApp, ctx: Context) -> None:
    pain(ctx, 3, 6)
    pain(ctx, 8, 7)  # high pain, but no session today: today's usual offer, not "the rest of"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Pain 8/10 today." in text and "today instead" in text and "rest of today" not in text

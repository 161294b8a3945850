"""The app across midnight and while another footbase holds the store."""

from __future__ import annotations

from collections.abc import Callable

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.fileio import exclusive_lock
from footbase_tui.tui.app import FootbaseApp
from tests.uikit import screen_text, settle

MakeApp = Callable[..., FootbaseApp]


async def test_today_moves_on_at_midnight(make_app: MakeApp, fake_clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Tue 03 Mar 2026" in screen_text(app)
        fake_clock.advance(16 * 3600)  # 09:00 -> 01:00 the next day in Berlin
        app.check_store()
        await settle(pilot)
        assert "Wed 04 Mar 2026" in screen_text(app)


async def test_waiting_for_the_lock_is_said_in_the_app(make_app: MakeApp, ctx: Context) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        with exclusive_lock(ctx.store.lock_path, 5.0):
            await pilot.press("p", "4", "enter")
            await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("Waiting for another footbase" in m for m in messages)
        assert any(m.startswith("not saved") for m in messages)
        assert ctx.store.load().pain == []

"""A long session in the app: nothing it is done with stays alive, and what it writes itself
is always allowed, whatever the config says.

- Reading the store never freezes the collector's view of the process (gc.freeze kept every
  object alive at a reload, dismissed dialogs included, for good).
- With `contexts:` in the config lacking "exercise", the check after a walkthrough saves.
"""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from collections.abc import Callable

from textual.pilot import Pilot

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.pain_entry import PainEntryModal
from footbase_tui.tui.screens.today import TodayScreen
from tests.uikit import screen_text, settle, walk_to_the_end

MakeApp = Callable[..., FootbaseApp]
KIND = "long-running app checks"


async def log_pain(pilot: Pilot[None], level: str) -> weakref.ref[PainEntryModal]:
    await pilot.press("p")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, PainEntryModal)
    await pilot.press(level, "enter")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, PainEntryModal)
    return weakref.ref(dialog)


async def test_dismissed_dialogs_are_collected_after_saves(
    make_app: MakeApp, ctx: Context, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dialogs = [await log_pain(pilot, str(level)) for level in (2, 3, 4)]
        assert sorted(e.level for e in ctx.store.load().pain) == [2, 3, 4]  # same minute: any order
        await settle(pilot)
        gc.collect()
        assert gc.get_freeze_count() == 0
        alive = [ref for ref in dialogs if ref() is not None]
        assert alive == [], f"{len(alive)} of {len(dialogs)} dismissed dialogs are still alive"


async def test_the_check_after_a_walkthrough_saves_when_the_config_lacks_exercise(
    make_app: MakeApp, ctx: Context, fake_clock: FakeClock, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    ctx.paths.config.write_text("timezone: Europe/Berlin\ncontexts: [walking, sitting]\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await walk_to_the_end(pilot, fake_clock)
        assert "How is your back now?" in screen_text(app)
        await pilot.press("3", "enter")
        await settle(pilot)
        [entry] = ctx.store.load().pain
        assert (entry.level, entry.context) == (3, "exercise")
        assert isinstance(app.screen, TodayScreen)

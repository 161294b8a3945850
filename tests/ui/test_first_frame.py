"""The first frame of Today waits only for what it shows (issue 14: the app's start is
measured against a bare Textual app in `make bench`):

- the other screens, the dialogs, the calendar's and the trends' code and pendulum are
  imported when first used, never before Today is on screen;
- what the start read is kept out of the collector's sight only for the start itself.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from datetime import date

from footbase_tui.context import Context
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from tests.conftest import subprocess_env
from tests.uikit import wait_until

# Run as its own process, built as benchmarks/first_frame.py builds it: the modules loaded
# at the moment Textual hands over the first painted frame of Today, one per line.
PROBE = """
import sys
from footbase_tui.context import Context
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.today import TodayScreen
from footbase_tui.tui.screens.today import TodayScreen

app = FootbaseApp(Context.from_args(None))
seen = []
real_display = app._display

def display(screen, renderable):
    real_display(screen, renderable)
    if renderable is not None and isinstance(screen, TodayScreen) and not seen:
        seen.append(sorted(sys.modules))

app._display = display

async def stop(pilot):
    for _ in range(200):
        if seen:
            break
        await pilot.pause()
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=stop)
if not seen:
    sys.exit("no frame of Today was painted")
print("\\n".join(seen[0]))
"""

LATER = (
    "pendulum",
    "footbase_tui.tui.screens.calendar",
    "footbase_tui.tui.screens.journal",
    "footbase_tui.tui.screens.walkthrough",
    "footbase_tui.tui.screens.walk_record",
    "footbase_tui.tui.modals",
    # The calendar's and the trends' code (the streak is counted after the first frame).
    "footbase_tui.core.calendar",
    "footbase_tui.core.trends",
    "footbase_tui.core.practice_pain",
    # OpenSSL (~3 ms): only a damaged store, a restore or the calendar's cache hash anything.
    "hashlib",
)


def test_the_first_frame_of_today_imports_no_other_screen_no_dialog_and_no_pendulum(ctx: Context) -> None:
    ctx.store.set_program("foundation", date.today())  # a training day: the routine is drawn
    r = subprocess.run(
        [sys.executable, "-c", PROBE], env=subprocess_env(ctx), capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    loaded = r.stdout.split()
    assert "footbase_tui.tui.screens.today" in loaded  # the probe saw Today itself
    early = [m for m in loaded if any(m == name or m.startswith(name + ".") for name in LATER)]
    assert early == []


async def test_the_start_leaves_nothing_out_of_the_collectors_sight(ctx: Context) -> None:
    ctx.store.set_program("foundation", ctx.today())
    app = FootbaseApp(
        Context(ctx.paths, clock=ctx.clock, lock_timeout=0.5), watch_interval=3600, streak_delay=0.05
    )
    assert gc.get_freeze_count() > 0  # the store was read out of the collector's sight
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        # A cycle made before it (a dismissed dialog, say) can be collected again.
        assert await wait_until(lambda: gc.get_freeze_count() == 0, 5.0)

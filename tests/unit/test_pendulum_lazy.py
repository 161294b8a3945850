"""pendulum writes footbase's times in words, but only where they are shown: the quick commands
and the app's first frame never import it (each check runs in a fresh process)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from footbase_tui.context import Context
from tests.conftest import subprocess_env


def imported(ctx: Context, *argv: str) -> set[str]:
    """The top-level modules a real `python -m footbase_tui ARGV` imports (from -X importtime)."""
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "footbase_tui", *argv],
        env=subprocess_env(ctx),
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    lines = [line.split("|")[-1] for line in r.stderr.splitlines() if line.startswith("import time:")]
    return {name.strip().split(".")[0] for name in lines}


@pytest.mark.parametrize(
    "argv",
    [["pain", "3", "--where", "foot", "--note", "stairs"], ["status"], ["status", "--json"]],
)
def test_quick_commands_never_import_pendulum(ctx: Context, argv: list[str]) -> None:
    # an entry first, so status has a last pain to speak of
    pain = [sys.executable, "-m", "footbase_tui", "pain", "2"]
    subprocess.run(pain, env=subprocess_env(ctx), check=True, capture_output=True)
    modules = imported(ctx, *argv)
    assert "footbase_tui" in modules  # the probe sees footbase's own imports
    assert "pendulum" not in modules


def test_the_report_imports_pendulum(ctx: Context) -> None:
    # The other side of the probe: where words are written, pendulum is there ("... before this report").
    pain = [sys.executable, "-m", "footbase_tui", "pain", "2", "--note", "stairs"]
    subprocess.run(pain, env=subprocess_env(ctx), check=True, capture_output=True)
    assert "pendulum" in imported(ctx, "export", "--format", "md")


FIRST_FRAME = """
import asyncio, sys
from datetime import UTC, datetime
from pathlib import Path
from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.paths import Paths
from footbase_tui.tui.app import FootbaseApp

async def main() -> None:
    ctx = Context(Paths(db=Path(sys.argv[1]), config=Path(sys.argv[2])),
                  clock=FakeClock(instant=datetime(2026, 3, 3, 8, 0, tzinfo=UTC)))
    app = FootbaseApp(ctx, watch_interval=3600, streak_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("first frame:", "pendulum" in sys.modules)
        await pilot.press("j")
        await pilot.pause()
        print("journal:", "pendulum" in sys.modules)

asyncio.run(main())
"""


def test_the_apps_first_frame_does_not_import_pendulum_and_the_journal_does(ctx: Context) -> None:
    pain = [
        sys.executable,
        "-m",
        "footbase_tui",
        "pain",
        "2",
        "--at",
        "2026-03-03T08:00",
    ]  # before the app's clock
    subprocess.run(pain, env=subprocess_env(ctx), check=True, capture_output=True)
    r = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(ctx.paths.db), str(ctx.paths.config)],
        env=subprocess_env(ctx),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "first frame: False" in r.stdout, r.stdout
    assert "journal: True" in r.stdout, r.stdout  # the entry's "(... ago)" is drawn with pendulum

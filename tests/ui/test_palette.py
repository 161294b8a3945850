"""The command palette lists every key of the screen; screenshots land in the data folder;
the app can be built with no arguments (as `textual run --dev` does)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from footbase_tui.context import Context
from footbase_tui.tui.app import FootbaseApp
from tests.uikit import settle


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("j", ["Journal: add", "Journal: Period", "Journal: Place", "Journal: Doing", "Journal: Trend span"]),
        ("c", ["Calendar: Today's cell", "Calendar: Practice/pain"]),
    ],
)
async def test_the_palette_lists_the_screens_own_keys(
    make_app: Callable[..., FootbaseApp], key: str, expected: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in expected:
            assert title in titles, (title, titles)
        assert len(titles) == len(set(t.casefold() for t in titles))  # nothing listed twice


async def test_a_palette_entry_runs_the_keys_action(make_app: Callable[..., FootbaseApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await settle(pilot)
        before = str(app.screen.query_one("#jr-filters").render())
        [period] = [c for c in app.get_system_commands(app.screen) if c.title == "Journal: Period"]
        period.callback()
        await settle(pilot)
        assert str(app.screen.query_one("#jr-filters").render()) != before  # the period moved on


async def test_a_screenshot_goes_to_the_data_folder_privately_without_downloads(
    make_app: Callable[..., FootbaseApp], ctx: Context
) -> None:
    app = make_app()
    assert not (Path.home() / "Downloads").exists()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        saved = app.deliver_screenshot()
        await settle(pilot)
    assert saved is not None
    path = Path(saved)
    assert path.parent == ctx.paths.data_dir / "screenshots"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert path.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_the_app_builds_itself_with_no_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTBASE_DB", str(tmp_path / "dev" / "footbase.json"))
    app = FootbaseApp()
    assert app.ctx.paths.db == tmp_path / "dev" / "footbase.json"
    assert app.snapshot.pain == []

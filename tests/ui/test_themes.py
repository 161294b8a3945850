"""Themes: `theme:` in the config (checked against Textual's themes), the picked theme kept
across a restart (0600 state file; a later config change wins), and the heatmap, pain
levels and progress bar drawn in the theme's colours."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.color import Color

from footbase_tui.context import Context
from footbase_tui.core.errors import ConfigError
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.widgets.day_header import DayHeader
from tests.uikit import settle

MakeApp = Callable[..., FootbaseApp]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((50, 16), id="50x16")]


def set_config(config_file: Path, extra: str) -> None:
    config_file.write_text("timezone: Europe/Berlin\n" + extra, encoding="utf-8")


def bar_colour(app: FootbaseApp) -> str:
    """The colour the progress bar is drawn in."""
    header = app.screen.query_one(DayHeader)
    text = header.render()
    bar = next(
        span
        for span in text.spans
        if "░" in text.plain[span.start : span.end] or "█" in text.plain[span.start : span.end]
    )
    style = bar.style
    assert not isinstance(style, str) and style.color is not None
    return style.color.get_truecolor().hex


@pytest.mark.parametrize("size", SIZES)
async def test_the_config_theme_is_used(make_app: MakeApp, config_file: Path, size: tuple[int, int]) -> None:
    set_config(config_file, "theme: nord\n")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        assert bar_colour(app).lower() == Color.parse(app.get_css_variables()["success"]).hex.lower()


@pytest.mark.parametrize("value", ["no-such-theme", "Nord", "[nord]", "42"])
def test_an_unknown_theme_is_refused_in_one_line(make_app: MakeApp, config_file: Path, value: str) -> None:
    set_config(config_file, f"theme: {value}\n")
    with pytest.raises(ConfigError) as err:
        make_app()
    message = str(err.value)
    assert "theme" in message and "\n" not in message and str(config_file) in message


def test_bare_footbase_with_an_unknown_theme_exits_2(
    run: Callable[..., object], config_file: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("footbase_tui.cli.has_terminal", lambda: True)  # as at a terminal
    set_config(config_file, "theme: no-such-theme\n")
    r = run()
    assert r.code == 2 and "unknown theme 'no-such-theme'" in r.err and r.err.count("\n") == 1  # type: ignore[attr-defined]
    assert not ctx.paths.db.exists()  # nothing written


@pytest.mark.parametrize("size", SIZES)
async def test_the_picked_theme_is_kept_across_a_restart(
    make_app: MakeApp, ctx: Context, config_file: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        first_bar = bar_colour(app)
        app.theme = "gruvbox"  # what the picker (ctrl+p, "Change theme") does
        await settle(pilot)
        assert bar_colour(app) != first_bar  # redrawn in the new theme's colours
    state = ctx.paths.ui_state
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    again = make_app()
    async with again.run_test(size=size) as pilot:
        await settle(pilot)
        assert again.theme == "gruvbox"
    set_config(config_file, "theme: ansi-dark\n")  # the config changed since: it wins
    third = make_app()
    async with third.run_test(size=size) as pilot:
        await settle(pilot)
        assert third.theme == "ansi-dark"


async def test_a_broken_state_file_means_the_default(make_app: MakeApp, ctx: Context) -> None:
    ctx.paths.ui_state.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    ctx.paths.ui_state.write_bytes(b"\x00not json")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"

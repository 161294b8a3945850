"""Shared fixtures: every test runs with its own home, store, config and a fake clock."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from footbase_tui.cli import main
from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.paths import Paths

if TYPE_CHECKING:
    from footbase_tui.tui.app import FootbaseApp


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real home; no stray overrides from the developer's shell."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for var in ("FOOTBASE_DB", "FOOTBASE_CONFIG", "FOOTBASE_DEBUG", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TZ", "UTC")
    return home


@pytest.fixture
def clock() -> FakeClock:
    # Tuesday 2026-03-03 09:00 in Berlin (08:00 UTC).
    return FakeClock(instant=datetime(2026, 3, 3, 8, 0, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir(mode=0o700)
    return d


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    cfg_dir = tmp_path / "config"
    cfg_dir.mkdir(mode=0o700)
    cfg = cfg_dir / "config.yaml"
    # The safety questions count as asked (and skipped), so the app opens on Today; the
    # screening's own tests write a config without them.
    cfg.write_text("timezone: Europe/Berlin\nscreening: {}\n", encoding="utf-8")
    return cfg


@pytest.fixture
def ctx(data_dir: Path, config_file: Path, clock: FakeClock) -> Context:
    return Context(Paths(db=data_dir / "footbase.json", config=config_file), clock=clock, lock_timeout=0.5)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(ctx: Context) -> Callable[..., Result]:
    """Run a footbase command in-process against the test context."""

    def _run(*argv: str, stdin: str | None = None) -> Result:
        out, err = io.StringIO(), io.StringIO()
        fresh = Context(ctx.paths, clock=ctx.clock, lock_timeout=ctx.lock_timeout)
        if stdin is not None:
            import sys

            old = sys.stdin
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main(list(argv), context=fresh)
                except SystemExit as exc:  # argparse errors and --help
                    code = int(exc.code or 0)
        finally:
            if stdin is not None:
                sys.stdin = old
        return Result(code, out.getvalue(), err.getvalue())

    return _run


def subprocess_env(ctx: Context) -> dict[str, str]:
    """Environment for running footbase as a real process against the test context."""
    env = dict(os.environ)
    env["FOOTBASE_DB"] = str(ctx.paths.db)
    env["FOOTBASE_CONFIG"] = str(ctx.paths.config)
    return env


@pytest.fixture
def make_app(ctx: Context) -> Callable[..., FootbaseApp]:
    """Build the app the way the CLI does; the store watcher is driven by hand in tests."""

    from footbase_tui.tui.app import FootbaseApp

    def _make(start: date | None = None, program: str = "foundation") -> FootbaseApp:
        if start is not None:
            ctx.store.set_program(program, start)
        return FootbaseApp(
            Context(ctx.paths, clock=ctx.clock, lock_timeout=0.5), watch_interval=3600, streak_delay=0
        )

    return _make


@pytest.fixture
def fake_clock(ctx: Context) -> FakeClock:
    assert isinstance(ctx.clock, FakeClock)
    return ctx.clock


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that compares a drawing (it uses snap_compare) as `snapshot`, wherever it
    lives, so `-m "not snapshot"` leaves them all out (make test-oldest: the SVGs are drawn by the
    locked Textual)."""
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.snapshot)

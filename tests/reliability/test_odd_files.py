"""Odd files at footbase's paths: a FIFO, a folder, a symlink where a plain file belongs.

footbase opens such paths only if they are regular files, without blocking: a FIFO at the
store gets one line (never a hang); at the draft, the catalog cache, the calendar memo or
the config it is ignored or refused in one line. A refused store path on a write says
"not saved", like every other refusal of a write.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from footbase_tui.context import Context
from footbase_tui.tui.drafts import DraftBox
from tests.conftest import Result, subprocess_env

Run = Callable[..., Result]
KIND = "odd files at footbase's paths"


def footbase(ctx: Context, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """A real process, so that a hang is a timeout of this test, not of the whole suite."""
    return subprocess.run(
        [sys.executable, "-m", "footbase_tui", *argv],
        env={**subprocess_env(ctx), **env},
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )


def one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("footbase: "), err
    assert "internal error" not in err and "Traceback" not in err, err


@pytest.mark.parametrize("argv", [("journal",), ("status",), ("today",), ("pain", "3")])
def test_a_fifo_at_the_store_is_one_line_never_a_hang(
    ctx: Context, argv: tuple[str, ...], tally: Counter[str]
) -> None:
    tally[KIND] += 1
    os.mkfifo(ctx.paths.db, 0o600)
    r = footbase(ctx, *argv)
    assert r.returncode == 1, r.stderr
    one_line(r.stderr)
    assert "not a regular file" in r.stderr
    if argv[0] == "pain":
        assert r.stderr.startswith("footbase: not saved")


@pytest.mark.parametrize("where", ["cache", "memo"])
def test_a_fifo_at_the_cache_or_the_memo_is_ignored(
    ctx: Context, run: Run, tmp_path: Path, where: str, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("done", "--all").code == 0
    cache = tmp_path / "cache"
    env = {"XDG_CACHE_HOME": str(cache)}
    assert footbase(ctx, "status", **env).returncode == 0  # writes the catalog cache
    assert footbase(ctx, "calendar", **env).returncode == 0
    folder = cache / "footbase"
    pattern = "catalog-*.pickle" if where == "cache" else "calendar-*.json"
    found = sorted(folder.glob(pattern))
    if not found:  # no memo for a short history: put a FIFO where it would go
        found = [folder / "calendar-0000000000000000.json"]
    for path in found:
        path.unlink(missing_ok=True)
        os.mkfifo(path, 0o600)
    for argv in (("status",), ("today",), ("calendar",)):
        r = footbase(ctx, *argv, **env)
        assert r.returncode == 0, r.stderr


def test_a_fifo_at_the_draft_is_ignored(ctx: Context, tally: Counter[str]) -> None:
    tally[KIND] += 1
    os.mkfifo(ctx.paths.draft, 0o600)
    got: list[object] = []
    reader = threading.Thread(target=lambda: got.append(DraftBox(ctx.paths.draft).load()), daemon=True)
    reader.start()
    reader.join(5)
    assert got == [None], "reading the draft blocked on a FIFO"


def test_a_fifo_at_the_config_is_one_line(ctx: Context, tally: Counter[str]) -> None:
    tally[KIND] += 1
    ctx.paths.config.unlink()
    os.mkfifo(ctx.paths.config, 0o600)
    r = footbase(ctx, "status")
    assert r.returncode == 2, r.stderr
    one_line(r.stderr)
    assert "not a regular file" in r.stderr


@pytest.mark.parametrize("odd", ["folder", "symlink"])
def test_a_refused_store_path_on_a_write_says_not_saved(
    ctx: Context, run: Run, tmp_path: Path, odd: str, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    if odd == "folder":
        ctx.paths.db.mkdir(mode=0o700)
    else:
        real = tmp_path / "elsewhere.json"
        real.write_text("{}")
        ctx.paths.db.symlink_to(real)
    r = run("pain", "3")
    assert r.code == 1, r.err
    one_line(r.err)
    assert r.err.startswith("footbase: not saved"), r.err
    assert run("journal").code == 1  # a read says what is wrong, without "not saved"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read any folder")
def test_a_store_in_a_folder_that_cannot_be_read_says_how_to_fix_it(
    ctx: Context, run: Run, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "3").code == 0
    folder = ctx.paths.db.parent
    folder.chmod(0o000)
    try:
        for argv in (("journal",), ("pain", "4")):
            r = run(*argv)
            assert r.code == 1, r.err
            one_line(r.err)
            assert "permission denied" in r.err and "chmod" in r.err, r.err
    finally:
        folder.chmod(0o700)

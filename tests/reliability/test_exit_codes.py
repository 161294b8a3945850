"""Exit codes that tell the truth, tried against real closed and full streams.

- A write whose confirmation cannot be printed (`> /dev/full`) exits 3, says it was saved,
  and is on disk exactly once; never "nothing was saved".
- `--note -` with standard input closed: "no note on standard input", exit 2.
- A backup name with a path in it, or unknown, is bad input: exit 2, nothing read or written.
- Every date option and every imported date is bounded: no OverflowError at the far ends.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from footbase_tui.context import Context
from tests.conftest import Result, subprocess_env

Run = Callable[..., Result]
KIND = "exit-code cases checked"
FULL = Path("/dev/full")
# Closes file descriptor 0, then becomes the command given after it: stdin really closed.
CLOSE_STDIN = [sys.executable, "-c", "import os, sys; os.close(0); os.execv(sys.executable, sys.argv[1:])"]


def footbase(ctx: Context, *argv: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    """footbase as a real process; standard output and error captured unless given."""
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    cmd = [sys.executable, "-m", "footbase_tui", *argv]
    return subprocess.run(cmd, env=subprocess_env(ctx), text=True, timeout=60, check=False, **kw)


def one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("footbase: "), err
    assert "Traceback" not in err and "internal error" not in err, err


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [("pain", "3", "--note", "full disk"), ("done", "--all")])
def test_a_save_whose_report_cannot_be_written_exits_3(
    ctx: Context, argv: tuple[str, ...], tally: Counter[str]
) -> None:
    tally[KIND] += 1
    with FULL.open("w") as full:
        r = footbase(ctx, *argv, stdout=full, stderr=subprocess.PIPE)
    assert r.returncode == 3, r.stderr
    one_line(r.stderr)
    assert "saved, but the report could not be written" in r.stderr
    assert "nothing" not in r.stderr
    snap = ctx.store.load()
    assert len(snap.pain) + len(snap.sessions) == 1  # saved once, and only once


def test_the_exit_code_for_a_save_without_a_report_is_documented() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "saved, but the report could not be written" in readme


def test_a_note_from_a_closed_standard_input_is_bad_input(ctx: Context, tally: Counter[str]) -> None:
    tally[KIND] += 1
    r = footbase(ctx, "pain", "3", "--note", "-", stdin=subprocess.DEVNULL)
    assert r.returncode == 0  # an empty (but open) standard input is an empty note
    r = subprocess.run(
        [*CLOSE_STDIN, sys.executable, "-m", "footbase_tui", "pain", "4", "--note", "-"],
        env=subprocess_env(ctx),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2, r.stderr
    one_line(r.stderr)
    assert "no note on standard input" in r.stderr
    assert [e.level for e in ctx.store.load().pain] == [3]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("../../etc/passwd", "is a path, not a backup name"),
        ("/etc/passwd", "is a path, not a backup name"),
        ("..", "is a path, not a backup name"),
        ("back\\slash", "is a path, not a backup name"),
        ("2001-01-01", "no backup called"),
    ],
)
def test_a_bad_backup_name_is_bad_input(
    run: Run, ctx: Context, name: str, says: str, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "2").code == 0
    before = ctx.paths.db.read_bytes()
    r = run("restore", name)
    assert r.code == 2, r.err
    one_line(r.err)
    assert says in r.err
    assert ctx.paths.db.read_bytes() == before
    assert not list(ctx.paths.db.parent.glob("*.before-restore-*"))


@pytest.mark.parametrize(
    "argv",
    [
        ("export", "--format", "md", "--until", "9999-12-31"),
        ("export", "--format", "csv", "--since", "0001-01-01"),
        ("export", "--format", "json", "--until", "9999-12-31"),
        ("journal", "--since", "0001-01-01"),
        ("journal", "--since", "9999-12-31"),
        ("today", "--date", "0001-01-01"),
        ("done", "--all", "--date", "0001-01-01"),
        ("program", "foundation", "--start", "9999-12-31"),
        ("program", "foundation", "--start", "0001-01-01"),
    ],
)
def test_every_date_option_is_bounded(
    run: Run, ctx: Context, argv: tuple[str, ...], tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "2").code == 0
    before = ctx.paths.db.read_bytes()
    r = run(*argv)
    assert r.code == 2, (r.out, r.err)
    one_line(r.err)
    assert "1970-01-01 to 2199-12-31" in r.err
    assert ctx.paths.db.read_bytes() == before


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("pain", 0, "date"), "9999-12-31"),
        (("pain", 0, "date"), "0001-01-01"),
        (("pain", 0, "utc"), "9999-12-31T23:00:00Z"),
        (("pain", 0, "utc"), "0001-01-01T00:00:00Z"),
        (("sessions", 0, "date"), "9999-12-31"),
        (("sessions", 0, "start"), "0001-01-01T00:00:00Z"),
        (("meta", "start"), "9999-12-31"),
    ],
)
def test_import_refuses_far_future_and_year_one_dates(
    run: Run, ctx: Context, tmp_path: Path, where: tuple[object, ...], value: str, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "2", "--note", "private words").code == 0
    assert run("done", "--all").code == 0
    export = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(export)).code == 0
    data = json.loads(export.read_text())
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    data["pain"][0]["id"] = "0f7e5a9c-0000-4000-8000-00000000000a"  # would be a new entry
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = ctx.paths.db.read_bytes()
    r = run("import", str(bad))
    assert r.code == 2, (r.out, r.err)
    one_line(r.err)
    assert "1970-01-01 to 2199-12-31" in r.err
    assert ctx.paths.db.read_bytes() == before
    for argv in (("journal",), ("journal", "--json"), ("export", "--format", "md")):
        assert run(*argv).code == 0


@pytest.mark.parametrize("damage", ["truncated", "level 11"])
def test_restore_list_writes_nothing_and_shows_a_damaged_backup_as_damaged(
    run: Run, ctx: Context, damage: str, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    assert run("pain", "2").code == 0
    assert run("pain", "3").code == 0  # the second save keeps a backup of the first
    [backup] = ctx.paths.backups.iterdir()
    raw = backup.read_bytes()
    if damage == "truncated":
        backup.write_bytes(raw[: len(raw) // 2])
    else:
        data = json.loads(raw)
        for doc in data["pain"].values():
            doc["level"] = 11
        backup.write_text(json.dumps(data, separators=(",", ":")))
    folders = (ctx.paths.db.parent, ctx.paths.backups)
    before = {p: sorted(q.name for q in p.iterdir()) for p in folders}
    r = run("restore", "--list")
    assert r.code == 0, r.err
    assert {p: sorted(q.name for q in p.iterdir()) for p in folders} == before  # nothing written
    line = next(line for line in r.out.splitlines() if line.startswith(backup.name))
    assert "damaged" in line, r.out
    assert "cannot be restored" in r.out

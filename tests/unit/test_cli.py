"""The command line as a person uses it: one confirming line, or one clear error and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from footbase_tui.context import Context
from footbase_tui.fileio import exclusive_lock
from tests.conftest import Result, subprocess_env

Run = Callable[..., Result]


def test_pain_saves_and_prints_one_line(run: Run, ctx: Context) -> None:
    r = run(
        "pain",
        "4",
        "--where",
        "low-back",
        "--where",
        "hip,knee",
        "--context",
        "sitting",
        "--note",
        "after the drive",
    )
    assert r.code == 0, r.err
    assert r.out.count("\n") == 1
    assert "pain 4/10" in r.out and "low-back, hip, knee" in r.out and "09:00" in r.out
    [entry] = ctx.store.load().pain
    assert (entry.level, entry.where, entry.context, entry.note) == (
        4,
        ("low-back", "hip", "knee"),
        "sitting",
        "after the drive",
    )
    assert entry.tz == "Europe/Berlin" and str(entry.date) == "2026-03-03"


def test_place_and_context_names_match_in_any_case(run: Run, ctx: Context) -> None:
    r = run("pain", "4", "--where", "Low-Back,KNEE", "--context", "Sitting")
    assert r.code == 0, r.err
    [entry] = ctx.store.load().pain
    assert (entry.where, entry.context) == (("low-back", "knee"), "sitting")


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["pain", "11"], "0 (no pain) to 10"),
        (["pain", "-1"], "0 (no pain) to 10"),
        (["pain", "4.5"], "0 (no pain) to 10"),
        (["pain", "abc"], "0 (no pain) to 10"),
        (["pain", "NaN"], "0 (no pain) to 10"),
        (["pain", "inf"], "0 (no pain) to 10"),
        (["pain", "1e1"], "0 (no pain) to 10"),
        (["pain", "５"], "0 (no pain) to 10"),
        (["pain", ""], "0 (no pain) to 10"),
        (["pain", "3", "--where", "elbow"], "allowed: low-back"),
        (["pain", "3", "--context", "dancing"], "allowed: walking"),
        (["pain", "3", "--at", "noon"], "HH:MM"),
        (["pain", "3", "--at", "23:59"], "future"),
        (["pain", "3", "--at", "2026-02-30T10:00"], "not a real date"),
        (["pain", "3", "--note", "x" * 2001], "at most 2000"),
        (["pain"], "required"),
        (["pain", "3", "--bogus"], "unrecognized"),
        (["journal", "--last", "0"], "1 to 100000"),
        (["journal", "--since", "last week"], "YYYY-MM-DD"),
        (["today", "--date", "2026-13-01"], "not a real date"),
        (["today", "--date", "2030-01-01"], "future"),
        (["done", "towel"], "not in the routine"),
        (["done"], "or use --all"),
        (["catalog", "show", "nope"], "no exercise or program"),
        (["program", "nope"], "no program called"),
        (["restore", "footbase-1999-01-01.json"], "no backup called"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    run: Run, ctx: Context, argv: list[str], says: str
) -> None:
    r = run(*argv)
    assert r.code != 0
    assert r.code == 2 or argv[0] == "restore"
    assert says in r.err
    assert r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err
    assert not ctx.paths.db.exists()


def test_a_note_from_stdin_is_cleaned_of_escapes(run: Run, ctx: Context) -> None:
    r = run("pain", "2", "--note", "-", stdin="\x1b]0;owned\x07sore \x1b[2Jarch [/]\n")
    assert r.code == 0, r.err
    assert ctx.store.load().pain[0].note == "sore arch [/]"


def test_at_yesterday_lands_on_yesterday(run: Run, ctx: Context) -> None:
    assert run("pain", "5", "--at", "yesterday 22:30").code == 0
    e = ctx.store.load().pain[0]
    assert str(e.date) == "2026-03-02" and e.utc == "2026-03-02T21:30:00Z"


def test_journal_json_shape(run: Run) -> None:
    run("pain", "3", "--where", "neck", "--note", "a\nb")
    run("pain", "6", "--context", "lifting", "--at", "08:00")
    r = run("journal", "--json")
    data = json.loads(r.out)
    assert [d["level"] for d in data] == [6, 3]  # oldest first
    assert set(data[0]) == {"id", "at", "date", "level", "where", "context", "note"}
    assert data[0]["at"] == "2026-03-03T08:00:00+01:00"
    assert data[1]["note"] == "a\nb" and data[1]["where"] == ["neck"]
    assert json.loads(run("journal", "--json", "--last", "1").out)[0]["level"] == 3
    assert json.loads(run("journal", "--json", "--since", "2026-03-04").out) == []


def test_today_json_and_done(run: Run) -> None:
    data = json.loads(run("today", "--json").out)
    assert data["program"] == "foundation" and data["day_index"] == 1
    assert data["rest_day"] is False
    first = data["items"][0]
    assert set(first) == {
        "exercise",
        "name",
        "level",
        "sets",
        "reps",
        "seconds",
        "hold_s",
        "per_side",
        "status",
        "own_level",
        "ceiling",
        "move_up",
        "suggestion",
        "adjusted",
    }
    assert [i["status"] for i in data["items"]] == ["todo"] * 4
    walk = next(i for i in data["items"] if i["exercise"] == "barefoot-walk")
    assert walk["seconds"] == 600 and walk["reps"] is None and walk["hold_s"] is None
    r = run("done", "barefoot-walk")
    assert r.code == 0 and "1/4" in r.out
    statuses = {i["exercise"]: i["status"] for i in json.loads(run("today", "--json").out)["items"]}
    assert statuses["barefoot-walk"] == "done" and statuses["short-foot"] == "todo"
    assert "4/4" in run("done", "--all").out
    assert "already done" in run("done", "--all").out
    text = run("today").out
    assert "[x] barefoot-walk" in text and "4/4 done" in text


def test_the_program_starts_at_the_first_practice(run: Run, ctx: Context) -> None:
    run("done", "short-foot", "--date", "yesterday")
    meta = ctx.store.load().meta
    assert meta.program == "foundation" and str(meta.start) == "2026-03-02"
    assert json.loads(run("today", "--json").out)["day_index"] == 2


def test_status_line(run: Run, ctx: Context) -> None:
    run("done", "--all", "--date", "yesterday")
    run("done", "short-foot")
    ctx.clock.advance(2 * 3600)  # type: ignore[attr-defined]
    run("pain", "3")
    ctx.clock.advance(3 * 3600)  # type: ignore[attr-defined]
    out = run("status").out.strip()
    assert out == "footbase: today 1/4 · streak 2 days · pain 3/10 3 h ago"


def test_program_choice(run: Run) -> None:
    assert run("program", "desk-five", "--start", "2026-03-01").code == 0
    data = json.loads(run("today", "--json").out)
    assert data["program"] == "desk-five" and data["day_index"] == 3


def test_catalog_commands(run: Run, tmp_path: Path) -> None:
    assert "short-foot" in run("catalog", "list").out
    shown = run("catalog", "show", "short-foot").out
    assert "Steps:" in shown and "move up when" in shown and "Sources:" in shown
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: exercise\nid: x\n")
    r = run("catalog", "check", str(bad))
    assert r.code == 2 and f"{bad}:1:" in r.err
    assert run("catalog", "check").code == 2  # no user catalog folder yet


def test_a_user_catalog_error_is_one_line_for_every_command(run: Run, ctx: Context) -> None:
    ctx.paths.catalog_dir.mkdir()
    (ctx.paths.catalog_dir / "mine.yaml").write_text("kind: program\nid: mine\n")
    r = run("today")
    assert r.code == 2 and "mine.yaml" in r.err and r.err.count("\n") == 1


def test_a_bad_config_is_one_line(run: Run, ctx: Context) -> None:
    ctx.paths.config.write_text("timezone: Mars/Olympus\n")
    r = run("pain", "3")
    assert r.code == 2 and "config.yaml:1: timezone" in r.err
    assert not ctx.paths.db.exists()


def test_a_corrupt_store_stops_every_command_with_recovery_advice(run: Run, ctx: Context) -> None:
    ctx.paths.db.write_bytes(b"")
    for argv in (["pain", "3"], ["journal"], ["today"], ["status"]):
        r = run(*argv)
        assert r.code == 1 and "is empty" in r.err and "restore" in r.err
    assert ctx.paths.db.read_bytes() == b""


def test_a_busy_store_gives_up_with_not_saved(run: Run, ctx: Context) -> None:
    run("pain", "1")
    with exclusive_lock(ctx.store.lock_path, 1.0):
        r = run("pain", "2")
    assert r.code == 1
    assert "waiting for another footbase" in r.err and "not saved" in r.err
    assert len(ctx.store.load().pain) == 1


def test_help_on_every_command(run: Run) -> None:
    for argv in (
        ["--help"],
        ["pain", "--help"],
        ["journal", "--help"],
        ["today", "--help"],
        ["done", "--help"],
        ["status", "--help"],
        ["catalog", "--help"],
        ["catalog", "check", "--help"],
        ["locate", "--help"],
        ["restore", "--help"],
        ["program", "--help"],
    ):
        r = run(*argv)
        assert r.code == 0 and "usage: footbase" in r.out


def test_locate_honours_the_overrides(ctx: Context, tmp_path: Path) -> None:
    env = subprocess_env(ctx)
    out = subprocess.run(
        [sys.executable, "-m", "footbase_tui", "locate"], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert f"store:   {ctx.paths.db}" in out and f"config:  {ctx.paths.config}" in out
    assert f"sync the data folder {ctx.paths.db.parent} (the store and backups/), never the cache" in out
    other = tmp_path / "other.json"
    out = subprocess.run(
        [sys.executable, "-m", "footbase_tui", "--db", str(other), "locate"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"store:   {other}" in out


def test_default_paths_follow_xdg(isolated_env: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOOTBASE_")}
    out = subprocess.run(
        [sys.executable, "-m", "footbase_tui", "locate"], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert f"{isolated_env}/.local/share/footbase/footbase.json" in out
    assert f"{isolated_env}/.config/footbase/config.yaml" in out
    assert f"cache:   {isolated_env}/.cache/footbase" in out


PROBE = """
import sys
from footbase_tui.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in ("textual", "rich", "pendulum", "hashlib") if m in sys.modules)
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["pain", "3", "--where", "foot"],
        ["journal", "--json"],
        ["today"],
        ["status"],
        ["done", "short-foot"],
        ["catalog", "list"],
        ["locate"],
        ["warning-signs"],
        ["restore", "--list"],
    ],
)
def test_quick_paths_never_import_textual(ctx: Context, argv: list[str]) -> None:
    r = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        env=subprocess_env(ctx),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "HEAVY:\n" in r.stderr  # nothing heavy was imported


def test_python_dash_m_and_version() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "footbase_tui", "--version"], capture_output=True, text=True, check=True
    )
    assert r.stdout.startswith("footbase ")

"""`footbase doctor` on a healthy, a damaged and a mis-moded store: plain lines, exit 0/1."""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import pytest

from footbase_tui.commands.doctor_cmd import check_terminal, check_zone, declared_range, in_range
from footbase_tui.context import Context
from tests.conftest import Result

Run = Callable[..., Result]


def _problems(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("PROBLEM")]


@pytest.fixture
def healthy(run: Run, ctx: Context) -> Context:
    run("pain", "3", "--where", "foot")
    run("done", "short-foot")
    return ctx


def test_a_healthy_store_passes(run: Run, healthy: Context) -> None:
    r = run("doctor")
    assert r.code == 0, r.out
    assert _problems(r.out) == []
    assert "every record valid (1 pain entry, 1 session, 0 day plans)" in r.out
    assert "no sync conflict copies" in r.out and "readable by you only" in r.out
    assert f"catalog: {len(healthy.catalog.exercises)} exercises" in r.out and "Textual " in r.out
    assert r.out.rstrip().endswith("Everything footbase needs is in order.")


def test_a_damaged_record_is_a_problem(run: Run, healthy: Context) -> None:
    raw = json.loads(healthy.paths.db.read_text())
    raw["pain"][next(iter(raw["pain"]))]["level"] = "high"
    healthy.paths.db.write_text(json.dumps(raw))
    r = run("doctor")
    assert r.code == 1
    [problem] = _problems(r.out)
    assert "damaged record" in problem and "restore" in problem
    assert "1 problem found." in r.out
    assert "catalog:" in r.out  # the other checks still ran


def test_a_broken_file_is_a_problem(run: Run, healthy: Context) -> None:
    healthy.paths.db.write_bytes(b'{"pain": ')
    r = run("doctor")
    assert r.code == 1 and "store:" in _problems(r.out)[0]


def test_open_modes_are_problems_with_the_fix(run: Run, healthy: Context) -> None:
    os.chmod(healthy.paths.db, 0o644)
    os.chmod(healthy.paths.data_dir, 0o755)
    r = run("doctor")
    assert r.code == 1
    problems = "\n".join(_problems(r.out))
    assert f"chmod 700 {healthy.paths.data_dir}" in problems
    assert f"chmod 600 {healthy.paths.db}" in problems
    assert "Traceback" not in r.out + r.err


def test_a_sync_conflict_copy_is_a_problem_with_a_merge_line(run: Run, healthy: Context) -> None:
    copy = healthy.paths.data_dir / "footbase.sync-conflict-20260301-101010-ABCDEFG.json"
    copy.write_bytes(healthy.paths.db.read_bytes())
    os.chmod(copy, 0o600)
    r = run("doctor")
    assert r.code == 1
    [problem] = _problems(r.out)
    assert str(copy) in problem and "| footbase import -" in problem


def test_the_merge_line_works(run: Run, healthy: Context, tmp_path: object) -> None:
    """What doctor advises for a conflict copy: export it and import the export from stdin."""
    exported = run("export", "--format", "json").out
    r = run("import", "-", stdin=exported)
    assert r.code == 0 and "0 added" in r.out and "unchanged" in r.out
    r = run("import", "-", stdin="not json")
    assert r.code == 2 and "standard input: not a footbase export" in r.err


def test_a_bad_config_is_a_problem_not_a_crash(run: Run, healthy: Context) -> None:
    healthy.paths.config.write_text("timezone: Mars/Olympus\n")
    r = run("doctor")
    assert r.code == 1 and any("timezone" in p for p in _problems(r.out))


def test_zone_against_the_session(ctx: Context) -> None:
    [(level, text)] = check_zone(ctx, {"TZ": "America/New_York"})
    assert level == "note" and "Europe/Berlin" in text and "America/New_York" in text
    [(level, _)] = check_zone(ctx, {"TZ": "Europe/Berlin"})
    assert level == "ok"


def test_the_declared_textual_range() -> None:
    bounds = declared_range(["rich>=14.2", "textual>=7.5,<9", "tzdata"], "textual")
    assert bounds == [(">=", (7, 5)), ("<", (9,))]
    assert in_range((8, 2, 8), bounds) and in_range((7, 5, 0), bounds)
    assert not in_range((7, 0, 0), bounds) and not in_range((9, 0, 0), bounds)


def test_the_terminal_lines() -> None:
    lines = dict(check_terminal({"TERM": "dumb"}, tty=True))
    assert "TERM is dumb" in lines["note"]
    lines = dict(check_terminal({"TERM": "xterm-256color"}, tty=True))
    assert "256 colours" in lines["ok"]
    assert "not a terminal" in dict(check_terminal({"TERM": "xterm"}, tty=False))["note"]


def test_doctor_json(run: Run, healthy: Context) -> None:
    r = run("doctor", "--json")
    doc = json.loads(r.out)
    assert r.code == 0 and doc["ok"] is True
    assert {c["level"] for c in doc["checks"]} <= {"ok", "note"}
    os.chmod(healthy.paths.db, 0o640)
    r = run("doctor", "--json")
    doc = json.loads(r.out)
    assert r.code == 1 and doc["ok"] is False
    assert [c["text"] for c in doc["checks"] if c["level"] == "PROBLEM"] == [
        f"file {healthy.paths.db} is readable by others (0640): chmod 600 {healthy.paths.db}"
    ]

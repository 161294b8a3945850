"""Every command that prints facts can print them as JSON, and the JSON parses."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from footbase_tui.context import Context
from tests.conftest import Result

Run = Callable[..., Result]


def _json(run: Run, *argv: str) -> object:
    r = run(*argv, "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_status_json_says_what_a_reminder_needs(run: Run, ctx: Context) -> None:
    today = _json(run, "today")
    assert isinstance(today, dict)
    fresh = _json(run, "status")
    assert fresh == {
        "date": "2026-03-03",
        "program": "foundation",
        "state": "todo",
        "complete": False,
        "done": 0,
        "total": 4,
        "todo": [i["exercise"] for i in today["items"]],
        "starts": None,
        "streak": 0,
        "last_pain": None,
        "line": "footbase: today 0/4 · streak 0 days",
    }
    run("done", "short-foot")
    run("pain", "3")
    ctx.clock.advance(2 * 3600)  # type: ignore[attr-defined]
    doc = _json(run, "status")
    assert isinstance(doc, dict)
    assert (doc["state"], doc["done"], doc["complete"]) == ("partial", 1, False)
    assert "short-foot" not in doc["todo"] and len(doc["todo"]) == 3
    assert doc["last_pain"] == {"level": 3, "at": "2026-03-03T09:00:00+01:00", "minutes_ago": 120}
    assert doc["line"] == run("status").out.strip()
    run("done", "--all")
    doc = _json(run, "status")
    assert isinstance(doc, dict)
    assert (doc["state"], doc["complete"], doc["todo"], doc["streak"]) == ("done", True, [], 1)


def test_catalog_json(run: Run) -> None:
    listed = _json(run, "catalog", "list")
    assert isinstance(listed, dict)
    ids = [e["id"] for e in listed["exercises"]]
    assert "short-foot" in ids and ids == sorted(ids)
    assert {"id", "name", "position", "origin"} <= set(listed["exercises"][0])
    assert "foundation" in [p["id"] for p in listed["programs"]]
    ex = _json(run, "catalog", "show", "short-foot")
    assert isinstance(ex, dict)
    assert ex["kind"] == "exercise" and ex["steps"] and ex["levels"][0]["dosage"]["sets"] >= 1
    prog = _json(run, "catalog", "show", "foundation")
    assert isinstance(prog, dict)
    assert prog["kind"] == "program" and prog["phases"][0]["items"][0]["exercise"]
    r = run("catalog", "show", "nope", "--json")
    assert r.code == 2 and r.out == ""


def test_program_json(run: Run) -> None:
    doc = _json(run, "program")
    assert isinstance(doc, dict)
    assert (doc["following"], doc["chosen"], doc["start"]) == ("foundation", False, "2026-03-03")
    assert {p["id"] for p in doc["programs"]} >= {"foundation", "desk-five"}
    saved = _json(run, "program", "desk-five", "--start", "2026-03-01")
    assert saved == {"saved": True, "following": "desk-five", "start": "2026-03-01"}
    doc = _json(run, "program")
    assert isinstance(doc, dict) and (doc["following"], doc["chosen"]) == ("desk-five", True)


def test_locate_json(run: Run, ctx: Context) -> None:
    doc = _json(run, "locate")
    assert isinstance(doc, dict)
    assert doc["store"] == str(ctx.paths.db) and doc["store_exists"] is False
    assert doc["config"] == str(ctx.paths.config) and doc["config_exists"] is True
    assert doc["backups"] == str(ctx.paths.backups)


def test_restore_list_json(run: Run, ctx: Context) -> None:
    assert _json(run, "restore", "--list") == []
    run("pain", "3")
    ctx.clock.advance(86400)  # type: ignore[attr-defined]
    run("pain", "4")  # a new day's first change keeps a backup
    backups = _json(run, "restore", "--list")
    assert isinstance(backups, list) and backups
    assert set(backups[0]) == {"name", "bytes", "pain_entries", "sessions", "error"}
    assert backups[0]["error"] is None and isinstance(backups[0]["pain_entries"], int)


# How to run each command that takes --json, when it needs more than its name.
JSON_ARGV = {
    "catalog": [["catalog", "list"], ["catalog", "show", "towel-curls"]],
    "restore": [["restore", "--list"]],
    "calendar": [["calendar", "--months", "1"]],
}


def _json_commands() -> list[list[str]]:
    """Every subcommand whose parser (or a sub-parser of it) has a --json option."""
    import argparse

    from footbase_tui.cli import build_parser

    found: list[str] = []

    def has_json(parser: argparse.ArgumentParser) -> bool:
        for action in parser._actions:
            if "--json" in action.option_strings:
                return True
            if isinstance(action, argparse._SubParsersAction) and any(
                has_json(sub) for sub in action.choices.values()
            ):
                return True
        return False

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [name for name, sub in action.choices.items() if has_json(sub)]
    return [argv for name in sorted(set(found)) for argv in JSON_ARGV.get(name, [[name]])]


def _readme_row(command: str) -> str:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### JSON for scripts") :]
    section = section[: section.index("\n## ")]
    rows = [line for line in section.splitlines() if line.startswith(f"| `footbase {command}")]
    assert rows, f"README's 'JSON for scripts' has no row for footbase {command} --json"
    return rows[0]


def test_the_json_commands_are_found_from_the_parser() -> None:
    names = {argv[0] for argv in _json_commands()}
    assert {"status", "today", "journal", "trends", "doctor", "locate"} <= names


@pytest.mark.parametrize("argv", _json_commands(), ids=" ".join)
def test_every_json_parses_and_its_keys_are_in_the_readme(run: Run, argv: list[str]) -> None:
    """A script writer reads the README's table: each top-level key printed is named there."""
    doc = _json(run, *argv)
    command = " ".join(a for a in argv if a.isalpha() or a == "--list")
    row = _readme_row(command)
    if argv[:2] == ["catalog", "show"]:  # "every field of that exercise", as the catalog's README lists
        assert isinstance(doc, dict) and "`kind`" in row and "kind" in doc
        return
    keys: set[str] = set()
    if isinstance(doc, dict):
        keys = set(doc)
    elif isinstance(doc, list) and doc and isinstance(doc[0], dict):
        keys = set(doc[0])
    if argv[0] == "today":  # the items' keys too: a reminder script reads them
        keys |= set(doc["items"][0]) if isinstance(doc, dict) and doc["items"] else set()
    missing = sorted(k for k in keys if f"`{k}`" not in row)
    assert not missing, f"footbase {command} --json prints keys the README does not name: {missing}"


def test_the_readme_reminder_speaks_only_while_something_is_left(ctx: Context, tmp_path: Path) -> None:
    """The footbase-remind script of the README, run as written against a real store."""
    import os
    import re
    import subprocess
    import sys

    from tests.conftest import subprocess_env

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    script = re.search(r"```sh\n(#!/bin/sh\n# footbase-remind.*?)```", readme, re.S)
    assert script, "the README has the footbase-remind script"
    home = tmp_path / "remindhome"
    (home / ".local" / "bin").mkdir(parents=True)
    fake = home / ".local" / "bin" / "footbase"
    fake.write_text(f'#!/bin/sh\nexec {sys.executable} -m footbase_tui "$@"\n')
    remind = tmp_path / "footbase-remind"
    remind.write_text(script.group(1))
    for f in (fake, remind):
        os.chmod(f, 0o700)
    env = subprocess_env(ctx) | {"HOME": str(home), "PATH": f"/usr/bin:/bin:{Path(sys.executable).parent}"}

    def remind_now() -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(remind)], env=env, capture_output=True, text=True, timeout=60)

    r = remind_now()
    assert r.returncode == 0 and r.stdout.startswith("footbase: today 0/"), r.stderr
    subprocess.run([str(fake), "done", "--all"], env=env, check=True, capture_output=True, timeout=60)
    r = remind_now()
    assert r.returncode == 0 and r.stdout == "", r.stdout + r.stderr

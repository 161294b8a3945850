"""The safety screening: kept in the config, validated, and what each answer changes."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable

import pytest

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from tests.conftest import Result

Run = Callable[..., Result]

BALANCE_PROGRAM = """\
kind: program
id: balance-test
name: Balance test
description: Hard balance work, for the test.
gentle: false
phases:
  - name: Hard
    from_week: 1
    until_week: null
    items:
      - {exercise: single-leg-balance, level: 3}
      - {exercise: toe-walks, level: 3}
      - {exercise: heel-walks, level: 2}
      - {exercise: towel-curls, level: 1}
"""


def today(run: Run) -> dict[str, object]:
    r = run("today", "--json")
    assert r.code == 0, r.err
    data: dict[str, object] = json.loads(r.out)
    return data


def items(data: dict[str, object]) -> dict[str, dict[str, object]]:
    listed = data["items"]
    assert isinstance(listed, list)
    return {i["exercise"]: i for i in listed}


def effects(data: dict[str, object]) -> dict[str, str]:
    screening = data["screening"]
    assert isinstance(screening, dict)
    return {e["key"]: e["note"] for e in screening["effects"]}


def test_unanswered_changes_nothing_and_today_says_so(run: Run, ctx: Context) -> None:
    ctx.paths.config.write_text("timezone: Europe/Berlin\n", encoding="utf-8")
    data = today(run)
    assert effects(data) == {} and all(i["adjusted"] is None for i in items(data).values())
    assert "safety questions are not answered yet: footbase screening" in run("today").out


def test_answers_are_kept_in_the_config_with_its_other_lines(run: Run, ctx: Context) -> None:
    ctx.paths.config.write_text("# mine\ntimezone: Europe/Berlin\nbell: false\n", encoding="utf-8")
    r = run("screening", "--falls", "yes", "--foot-sensation", "no")
    assert r.code == 0, r.err
    text = ctx.paths.config.read_text(encoding="utf-8")
    assert text.startswith("# mine\ntimezone: Europe/Berlin\nbell: false\n")
    assert "screening:" in text and "falls: true" in text and "foot_sensation: false" in text
    assert "recent_injury: null" in text
    assert stat.S_IMODE(ctx.paths.config.stat().st_mode) == 0o600
    run("screening", "--falls", "no")  # again: the block is replaced, not repeated
    text = ctx.paths.config.read_text(encoding="utf-8")
    assert text.count("screening:") == 1 and "falls: false" in text and "foot_sensation: false" in text
    shown = run("screening", "--show").out
    assert "falls: no" in shown and "recent_injury: not answered" in shown
    assert "not answered yet" not in run("today").out


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("screening: {falls: maybe}\n", "falls: expected true, false or null"),
        ("screening: {diabetes: true}\n", "unknown question; known: foot_sensation, falls, recent_injury"),
        ("screening: [falls]\n", "expected a mapping"),
    ],
)
def test_a_bad_screening_setting_is_one_line(run: Run, ctx: Context, config: str, message: str) -> None:
    ctx.paths.config.write_text(config, encoding="utf-8")
    r = run("today")
    assert r.code == 2 and message in r.err and r.err.count("\n") == 1


def test_a_bad_flag_is_a_usage_error_and_writes_nothing(run: Run, ctx: Context) -> None:
    before = ctx.paths.config.read_text(encoding="utf-8")
    r = run("screening", "--falls", "maybe")
    assert r.code == 2 and "yes or no" in r.err
    assert ctx.paths.config.read_text(encoding="utf-8") == before


def test_foot_sensation_means_no_barefoot_walking_and_a_daily_feet_check(run: Run) -> None:
    run("screening", "--foot-sensation", "yes")
    data = today(run)
    walk = items(data)["barefoot-walk"]
    assert walk["name"] == "Walk at home in socks or soft shoes"
    assert "not barefoot" in str(walk["adjusted"]) and "feet have lost some feeling" in str(walk["adjusted"])
    assert "Check your feet" in effects(data)["foot_sensation"]
    out = run("today").out
    assert "adjusted because you said your feet have lost some feeling" in out and "Check your feet" in out


def test_falls_means_supported_balance_never_eyes_closed_or_backwards(run: Run, ctx: Context) -> None:
    programs = ctx.paths.catalog_dir / "programs"
    programs.mkdir(parents=True)
    (programs / "balance-test.yaml").write_text(BALANCE_PROGRAM, encoding="utf-8")
    assert run("program", "balance-test").code == 0
    for ex in ("single-leg-balance", "toe-walks"):  # the person has reached level 3 of each
        for _ in range(2):
            assert run("level", ex, "up").code == 0
    before = items(today(run))
    assert before["single-leg-balance"]["level"] == 3 and before["toe-walks"]["level"] == 3
    run("screening", "--falls", "yes")
    data = today(run)
    after = items(data)
    assert after["single-leg-balance"]["level"] == 2  # eyes open
    assert after["toe-walks"]["level"] == 2  # forward only
    for ex in ("single-leg-balance", "toe-walks", "heel-walks"):
        assert "hand on a counter" in str(after[ex]["adjusted"]), ex
    assert after["towel-curls"]["adjusted"] is None
    assert "never with eyes closed or walking backwards" in effects(data)["falls"]


def test_recent_injury_means_a_clinicians_go_ahead_and_the_gentle_program(run: Run) -> None:
    assert today(run)["program"] == "foundation"
    run("screening", "--recent-injury", "yes")
    data = today(run)
    assert data["program"] == "desk-five"
    assert "clinician's go-ahead" in effects(data)["recent_injury"]
    run("screening", "--recent-injury", "no")  # confirmed: back to the program
    assert today(run)["program"] == "foundation"


def test_a_first_practice_during_a_recent_injury_keeps_the_planned_program(run: Run, ctx: Context) -> None:
    run("screening", "--recent-injury", "yes")
    r = run("done", "--all")
    assert r.code == 0, r.err
    snap = ctx.store.load()
    assert snap.meta.program == "foundation"  # the gentle program only stood in
    day = ctx.today()
    assert snap.day_plans[day].program == "desk-five"  # and the calendar counts the day by it
    fresh = Context(ctx.paths, clock=ctx.clock)
    [cell] = fresh.practice.cells(snap, day, day)
    assert cell.state == "done" and cell.done == cell.planned == 4
    run("screening", "--recent-injury", "no")
    assert today(run)["program"] == "desk-five"  # the day was practised so; it stays
    assert isinstance(ctx.clock, FakeClock)
    ctx.clock.advance(86400)
    assert today(run)["program"] == "foundation"  # the next day follows the program


def test_on_a_terminal_it_asks_each_question_and_enter_keeps_the_answer(
    run: Run, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    answers = iter(["maybe", "yes", "", "n"])  # a wrong word is asked again
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    r = run("screening")
    assert r.code == 0, r.err
    assert "please type yes or no" in r.out and "nothing is sent anywhere" in r.out
    assert "Feet that feel less can be cut" in r.out  # each question says why it matters
    text = ctx.paths.config.read_text(encoding="utf-8")
    assert "foot_sensation: true" in text and "falls: null" in text and "recent_injury: false" in text


def test_input_ending_midway_saves_nothing(run: Run, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    def ended(prompt: str = "") -> str:
        raise EOFError

    before = ctx.paths.config.read_text(encoding="utf-8")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", ended)
    r = run("screening")
    assert r.code == 2 and "nothing was saved" in r.err and r.err.count("\n") == 1
    assert ctx.paths.config.read_text(encoding="utf-8") == before

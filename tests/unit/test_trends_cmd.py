"""`footbase trends`: the figures as text and JSON, bad --weeks, the quick path."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from footbase_tui.context import Context
from tests.conftest import Result, subprocess_env
from tests.practice_history import seed_history
from tests.unit.test_cli import PROBE

Run = Callable[..., Result]
TODAY = date(2026, 3, 3)  # the clock fixture's day, a Tuesday
START = date(2025, 12, 8)  # a Monday: this week is the program's 13th


def seed(ctx: Context) -> None:
    # Weeks 3, 6, 9 and 12 of the program: only their Monday practised. Pain 3 after a day
    # practised, 6 after a planned day missed (and 3 after rest days following practice).
    seed_history(
        ctx,
        START,
        TODAY - timedelta(days=1),
        lambda d: ((d - START).days // 7) % 3 != 2 or d.weekday() == 0,
        lambda d, yesterday: 3 if yesterday else 6,
    )


def test_trends_json_has_the_figures_with_their_counts(run: Run, ctx: Context) -> None:
    seed(ctx)
    r = run("trends", "--json", "--weeks", "13")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["period"] == {"first": "2025-12-08", "last": "2026-03-03", "weeks": 13}
    # One entry an evening from Dec 8 to Mar 2: 85 days.
    assert doc["pain"]["entries"] == 85
    after, weeks, around = doc["practice_pain"]
    assert (after["a"]["average"], after["b"]["average"]) == (3.0, 6.0)
    assert after["enough"] and after["missing"] is None
    # 12 complete weeks: 4 with only Monday done, 8 with everything.
    assert (weeks["a"]["n"], weeks["b"]["n"], weeks["unit"]) == (8, 4, "weeks")
    assert weeks["enough"]
    assert around["unit"] == "practice days" and around["a"]["n"] == around["b"]["n"]
    assert doc["trend"]["weeks"] == 13 and doc["trend"]["text"].startswith("Weekly pain over 13 weeks")
    assert len(doc["weeks"]) == 13 and doc["weeks"][0]["start"] == "2025-12-08"
    assert doc["weeks"][2]["adherence"] == 0.2  # week 3: Monday of 5 planned days
    assert "not proof" in doc["note"]


def test_trends_text_names_the_period_and_what_is_missing(run: Run, ctx: Context) -> None:
    seed(ctx)
    r = run("trends", "--weeks", "2")
    assert r.code == 0, r.err
    assert r.out.startswith("Pain and practice, last 2 weeks (2026-02-23 to 2026-03-03)\n")
    assert "By place:\n  low-back: 8x, average" in r.out
    # Two weeks cannot hold 3 complete weeks on each side; it says so, with no averages.
    assert "- Pain in weeks with 80%+ of the plan done vs in weeks below 80%: needs at least 3" in r.out
    assert "week of     pain 0-10         plan done\n2026-02-23  " in r.out
    assert "not proof" in r.out


def test_trends_on_an_empty_store(run: Run) -> None:
    r = run("trends")
    assert r.code == 0, r.err
    assert "Pain: 0 entries, average -" in r.out
    assert "needs at least 4 weeks with pain logged (has 0)" in r.out
    doc = json.loads(run("trends", "--json").out)
    assert doc["pain"]["entries"] == 0 and doc["practice_pain"][0]["a"]["average"] is None


@pytest.mark.parametrize("weeks", ["0", "-3", "x", "2.5", "1041"])
def test_bad_weeks_is_a_usage_error(run: Run, ctx: Context, weeks: str) -> None:
    r = run("trends", "--weeks", weeks)
    assert r.code == 2
    assert r.out == ""
    assert r.err.count("\n") == 1 and "--weeks" in r.err
    assert not ctx.paths.db.exists()  # nothing written


def test_trends_is_a_quick_path(ctx: Context) -> None:
    seed(ctx)
    r = subprocess.run(
        [sys.executable, "-c", PROBE, "trends", "--json"],
        env=subprocess_env(ctx),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "HEAVY:\n" in r.stderr  # no textual, rich or pendulum
    json.loads(r.stdout)

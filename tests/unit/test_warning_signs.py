"""The warning signs in their three tiers: the command, after high pain, on a bad day."""

from __future__ import annotations

import json
from collections.abc import Callable

from footbase_tui.core.warning_signs import TIERS, all_signs
from tests.conftest import Result

Run = Callable[..., Result]


def test_the_command_prints_the_three_tiers_in_order(run: Run) -> None:
    r = run("warning-signs")
    assert r.code == 0, r.err
    emergency = r.out.index("A&E now")
    urgent = r.out.index("urgent help the same day")
    gp = r.out.index("See a GP")
    assert emergency < urgent < gp
    for sign in all_signs():
        assert sign in r.out
    assert "bladder or bowels" in r.out[emergency:urgent]
    assert "fever" in r.out[urgent:gp] and "not better after a few weeks" in r.out[gp:]
    assert "not medical advice" in r.out


def test_pain_of_seven_or_more_points_to_the_warning_signs(run: Run) -> None:
    r = run("pain", "8")
    assert r.code == 0, r.err
    [saved] = r.out.splitlines()  # standard output stays the one line scripts read
    assert saved.startswith("saved: pain 8/10")
    [pointer] = r.err.splitlines()
    assert "pain 8/10 is high" in pointer and "footbase warning-signs" in pointer
    assert run("pain", "7").err.count("warning-signs") == 1


def test_lower_pain_prints_only_the_saved_line(run: Run) -> None:
    r = run("pain", "6")
    assert r.code == 0 and r.out.count("\n") == 1 and "warning" not in r.out and r.err == ""


def test_today_on_a_bad_pain_day_prints_the_tiers(run: Run) -> None:
    assert "A&E" not in run("today").out
    run("pain", "8")
    r = run("today")
    assert r.code == 0, r.err
    assert "Pain 8/10 today" in r.out
    for tier in TIERS:
        assert tier.action in r.out
    data = json.loads(run("today", "--json").out)
    assert data["bad_day"]["reason"] == "pain 8/10 today"
    assert [t["tier"] for t in data["bad_day"]["warning_signs"]] == ["emergency", "urgent", "gp"]


def test_every_sign_of_the_emergency_tier_is_there() -> None:
    emergency = " ".join(TIERS[0].signs)
    for words in ("bladder", "bowels", "genitals", "buttocks", "inner thighs", "both legs", "sex"):
        assert words in emergency

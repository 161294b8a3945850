"""Sides done as the catalog says (alternate or block), the switch-side pause per exercise,
and named holds."""

from __future__ import annotations

from footbase_tui.core.countdown import (
    Countdown,
    ItemCompleted,
    PhaseKind,
    PlanItem,
    SetCompleted,
    build_phases,
    planned_seconds,
)

K = PhaseKind
GLOVE = PlanItem(
    "glove",
    "hold",
    per_side=True,
    sets=3,
    reps=2,
    hold_s=10,
    rest_rep_s=2,
    rest_set_s=5,
    sides="block",
    switch_s=12,
    holds=("SQUEEZE", "SPREAD"),
)


def test_block_does_every_set_on_one_foot_then_switches_once() -> None:
    phases = build_phases([GLOVE])
    sides = [p.side for p in phases if p.kind is K.HOLD]
    assert sides == ["left"] * 6 + ["right"] * 6
    switches = [p for p in phases if p.kind is K.SWITCH]
    assert len(switches) == 1 and switches[0].seconds == 12.0 and switches[0].side == "right"
    rests = [(p.set_no, p.side) for p in phases if p.kind is K.REST]
    assert rests == [(1, "left"), (2, "left"), (1, "right"), (2, "right")]
    # a set is done when both feet did it: only the right foot's sets complete one
    done = [(p.set_no, p.side, p.completes_item) for p in phases if p.completes_set]
    assert done == [(1, "right", False), (2, "right", False), (3, "right", True)]


def test_alternate_switches_every_set_with_the_exercises_own_pause() -> None:
    item = PlanItem("curls", "manual", per_side=True, sets=2, reps=5, switch_s=8)
    switches = [p.seconds for p in build_phases([item], switch_s=5) if p.kind is K.SWITCH]
    assert switches == [8.0, 8.0]
    default = PlanItem("curls", "manual", per_side=True, sets=2, reps=5)
    assert [p.seconds for p in build_phases([default], switch_s=5) if p.kind is K.SWITCH] == [5.0, 5.0]


def test_named_holds_take_turns_by_rep() -> None:
    holds = [p.label for p in build_phases([GLOVE]) if p.kind is K.HOLD]
    assert holds == ["SQUEEZE", "SPREAD"] * 6
    plain = PlanItem("spread", "hold", per_side=False, sets=1, reps=2, hold_s=5)
    assert [p.label for p in build_phases([plain]) if p.kind is K.HOLD] == [None, None]


def test_running_a_block_item_through_completes_its_sets_in_order() -> None:
    phases = build_phases([GLOVE])
    total = planned_seconds(phases)
    # get ready 5, per foot 3 x (10+2+10) + 2 rests of 5, one switch of 12
    assert total == 5 + 2 * (3 * 22 + 2 * 5) + 12
    cd = Countdown(phases, 0.0)
    events = cd.update(total)
    assert [e.set_no for e in events if isinstance(e, SetCompleted)] == [1, 2, 3]
    assert any(isinstance(e, ItemCompleted) for e in events) and cd.finished

"""The walkthrough's plan: a routine as phases (get ready, holds, work, rest, side switches), in
order, each with its planned length. core.countdown runs them; core.program_load sums them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum


class PhaseKind(StrEnum):
    """What a phase of the walkthrough is: get ready, a hold, the release after it, work, rest
    between sets, a side switch, or a wait (a set at your own pace, no duration)."""

    GET_READY = "get-ready"
    HOLD = "hold"
    RELEASE = "release"
    WORK = "work"
    REST = "rest"
    SWITCH = "switch-side"
    WAIT = "wait"  # a manual set: no duration, waits for confirm()


PACES = ("hold", "tempo", "manual", "timed")
WORK_KINDS = frozenset({PhaseKind.HOLD, PhaseKind.WORK, PhaseKind.WAIT})
K_READY = PhaseKind.GET_READY


@dataclass(frozen=True)
class PlanItem:
    """One exercise of today's routine, as plain data."""

    name: str
    pace: str  # "hold" | "tempo" | "manual" | "timed"
    per_side: bool
    sets: int
    reps: int | None = None
    seconds: int | None = None  # timed: length of one set
    hold_s: int | None = None  # hold: hold per rep
    tempo_s: int | None = None  # tempo: seconds per rep
    rest_rep_s: int = 0  # hold: release between reps (none after the last rep of a side)
    rest_set_s: int = 30  # rest between sets (none after the last set)
    sides: str = (
        "alternate"  # per side: "alternate" (left, right each set) or "block" (all sets left, then right)
    )
    switch_s: float | None = None  # the switch-side pause; None: build_phases' default
    holds: tuple[str, ...] = ()  # names of the holds, in turn by rep (e.g. SQUEEZE, SPREAD)


@dataclass(frozen=True)
class Phase:
    """One stretch of the walkthrough with a single countdown (or, for WAIT, none)."""

    kind: PhaseKind
    seconds: float | None  # None only for WAIT
    item: int  # index of the PlanItem
    set_no: int  # 1-based
    sets: int
    rep_no: int | None  # 1-based for HOLD/RELEASE; None otherwise
    reps: int | None
    side: str | None  # "left" | "right" | None (not per side)
    completes_set: bool  # finishing this phase completes set `set_no` of the item
    completes_item: bool  # finishing this phase completes the item (its last work phase)
    label: str | None = None  # a named hold ("SQUEEZE"), shown instead of the kind's word


def _check(item: PlanItem) -> None:
    if item.pace not in PACES:
        raise ValueError(f"{item.name}: unknown pace {item.pace!r}")
    if item.sets < 1:
        raise ValueError(f"{item.name}: needs at least one set")
    if item.pace in ("hold", "tempo") and (item.reps is None or item.reps < 1):
        raise ValueError(f"{item.name}: a {item.pace} item needs reps")
    if item.pace == "hold" and item.hold_s is None:
        raise ValueError(f"{item.name}: a hold item needs hold_s")
    if item.pace == "tempo" and item.tempo_s is None:
        raise ValueError(f"{item.name}: a tempo item needs tempo_s")
    if item.pace == "timed" and item.seconds is None:
        raise ValueError(f"{item.name}: a timed item needs seconds")
    if item.sides not in ("alternate", "block"):
        raise ValueError(f"{item.name}: unknown sides {item.sides!r}")


def _phase(
    item: PlanItem,
    index: int,
    kind: PhaseKind,
    seconds: float | None,
    set_no: int,
    side: str | None,
    rep_no: int | None = None,
) -> Phase:
    return Phase(
        kind=kind,
        seconds=None if seconds is None else float(seconds),
        item=index,
        set_no=set_no,
        sets=item.sets,
        rep_no=rep_no,
        reps=item.reps,
        side=side,
        completes_set=False,
        completes_item=False,
    )


def _work_block(item: PlanItem, index: int, set_no: int, side: str | None) -> list[Phase]:
    """The work of one side (or of the whole set when not per side), without the completion flags."""
    if item.pace == "hold":
        assert item.reps is not None and item.hold_s is not None
        block: list[Phase] = []
        for rep in range(1, item.reps + 1):
            hold = _phase(item, index, PhaseKind.HOLD, item.hold_s, set_no, side, rep)
            if item.holds:
                hold = replace(hold, label=item.holds[(rep - 1) % len(item.holds)])
            block.append(hold)
            if rep < item.reps and item.rest_rep_s > 0:
                block.append(_phase(item, index, PhaseKind.RELEASE, item.rest_rep_s, set_no, side, rep))
        return block
    if item.pace == "tempo":
        assert item.reps is not None and item.tempo_s is not None
        return [_phase(item, index, PhaseKind.WORK, item.reps * item.tempo_s, set_no, side)]
    if item.pace == "timed":
        assert item.seconds is not None
        return [_phase(item, index, PhaseKind.WORK, item.seconds, set_no, side)]
    return [_phase(item, index, PhaseKind.WAIT, None, set_no, side)]


def build_phases(items: Sequence[PlanItem], get_ready_s: float = 5, switch_s: float = 5) -> list[Phase]:
    """Every phase of the routine, in order. GET_READY, SWITCH and REST carry the side that
    comes next; REST carries the set just done (the next is set_no + 1). A per-side item
    alternates feet within each set, or with sides="block" does all its sets on the left,
    then switches once and does them on the right; either way set n counts as done when
    both feet have done it."""
    phases: list[Phase] = []
    for index, item in enumerate(items):
        _check(item)
        switch = switch_s if item.switch_s is None else item.switch_s
        sides: tuple[str | None, ...] = ("left", "right") if item.per_side else (None,)
        phases.append(_phase(item, index, PhaseKind.GET_READY, get_ready_s, 1, sides[0]))
        if item.per_side and item.sides == "block":
            for side in sides:
                if side == "right":
                    phases.append(_phase(item, index, PhaseKind.SWITCH, switch, 1, "right"))
                for set_no in range(1, item.sets + 1):
                    block = _work_block(item, index, set_no, side)
                    if side == "right":
                        last = max(i for i, phase in enumerate(block) if phase.kind in WORK_KINDS)
                        block[last] = replace(
                            block[last], completes_set=True, completes_item=set_no == item.sets
                        )
                    phases.extend(block)
                    if set_no < item.sets and item.rest_set_s > 0:
                        phases.append(_phase(item, index, PhaseKind.REST, item.rest_set_s, set_no, side))
            continue
        for set_no in range(1, item.sets + 1):
            block = []
            for side in sides:
                if side == "right":
                    block.append(_phase(item, index, PhaseKind.SWITCH, switch, set_no, "right"))
                block.extend(_work_block(item, index, set_no, side))
            last = max(i for i, phase in enumerate(block) if phase.kind in WORK_KINDS)
            block[last] = replace(block[last], completes_set=True, completes_item=set_no == item.sets)
            phases.extend(block)
            if set_no < item.sets and item.rest_set_s > 0:
                phases.append(_phase(item, index, PhaseKind.REST, item.rest_set_s, set_no, sides[0]))
    return phases


def planned_seconds(phases: Sequence[Phase], wait_s: float = 0) -> float:
    """The phases' total planned length; each at-your-own-pace set counts `wait_s`."""
    return sum(wait_s if p.seconds is None else p.seconds for p in phases)

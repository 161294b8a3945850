"""How much a program asks: days a week and minutes a day per phase, from the countdown
engine's own phases (so the numbers are what the walkthrough will run)."""

from __future__ import annotations

from dataclasses import dataclass

from footbase_tui.core.catalog import Catalog, Dosage, Exercise, Phase, Program, item_dosage
from footbase_tui.core.phases import PlanItem, build_phases, planned_seconds

MANUAL_REP_S = {"towel-curls": 5, "marble-pickup": 6, "ankle-alphabet": 60}  # at your own pace
DEFAULT_MANUAL_REP_S = 5


def plan_item_of(exercise: Exercise, dosage: Dosage) -> PlanItem:
    """The countdown engine's item for `exercise` done at `dosage`."""
    return PlanItem(
        name=exercise.name,
        pace=exercise.pace,
        per_side=exercise.per_side,
        sets=dosage.sets,
        reps=dosage.reps,
        seconds=dosage.seconds,
        hold_s=dosage.hold_s,
        tempo_s=dosage.tempo_s,
        rest_rep_s=dosage.rest_rep_s,
        rest_set_s=dosage.rest_set_s,
        sides=exercise.sides,
        switch_s=exercise.switch_s,
        holds=exercise.holds,
    )


@dataclass(frozen=True)
class PhaseLoad:
    """One phase of a program: its weeks, practice days a week and minutes a practice day."""

    name: str
    from_week: int
    until_week: int | None
    days_per_week: int
    minutes: float  # the walkthrough's phases, get-ready and switches included
    exercises: int


def phase_seconds(catalog: Catalog, phase: Phase) -> float:
    """Seconds one practice day of `phase` takes in the walkthrough; a set at your own pace
    counts its reps at that exercise's usual pace (MANUAL_REP_S)."""
    total = 0.0
    for item in phase.items:
        ex = catalog.exercises.get(item.exercise)
        if ex is None:
            continue
        dosage = item_dosage(ex, item)
        phases = build_phases([plan_item_of(ex, dosage)])
        wait = (dosage.reps or 1) * MANUAL_REP_S.get(ex.id, DEFAULT_MANUAL_REP_S)
        total += planned_seconds(phases, wait_s=wait)
    return total


def program_load(catalog: Catalog, program: Program) -> list[PhaseLoad]:
    """Each phase's days a week and minutes a day, in order."""
    return [
        PhaseLoad(
            name=phase.name,
            from_week=phase.from_week,
            until_week=phase.until_week,
            days_per_week=7 - len(phase.rest_days),
            minutes=phase_seconds(catalog, phase) / 60,
            exercises=len(phase.items),
        )
        for phase in program.phases
    ]

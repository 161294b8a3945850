"""One exercise at one level, as plain data every face draws from.

Today's detail pane styles it, the walkthrough takes its steps and stop rule from it, and
`footbase catalog show` prints it as text (`catalog_lines`). Nothing here knows a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from footbase_tui.core.catalog import Dosage, Exercise
from footbase_tui.core.routine import dosage_line


@dataclass(frozen=True)
class ExerciseView:
    """The sections of one exercise at one level, each a plain string or a tuple of them.

    `note` (why today's dosage was adjusted) and `progress` (towards moving up) are None
    when there is nothing to say."""

    exercise_id: str
    title: str
    level: int
    level_name: str
    purpose: str
    position: str  # e.g. "Seated, each foot in turn."
    equipment: str  # e.g. "towel, chair", or "none"
    dosage: str  # e.g. "2 x 10 reps, each foot · rest 30 s between sets"
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    stop_rule: str
    move_up: str
    sources: tuple[str, ...] = ()
    note: str | None = None
    progress: str | None = None


def sides_text(ex: Exercise) -> str:
    """How the feet take turns: 'both feet', 'each foot in turn' or 'all sets on one foot,
    then the other'."""
    if not ex.per_side:
        return "both feet"
    return "all sets on one foot, then the other" if ex.sides == "block" else "each foot in turn"


def exercise_view(
    exercise: Exercise,
    level: int,
    dosage: Dosage | None = None,
    note: str | None = None,
    progress: str | None = None,
) -> ExerciseView:
    """`exercise` at `level` (clamped to its levels): only that level's position, steps and
    equipment; `dosage` (today's, overrides included) or else the level's own; `note` and
    `progress` kept only when they say something. The stop rule is the catalog's, once."""
    lv = exercise.level(level)
    return ExerciseView(
        exercise_id=exercise.id,
        title=exercise.name,
        level=lv.level,
        level_name=lv.name,
        purpose=exercise.purpose,
        position=f"{exercise.position_at(lv.level).capitalize()}, {sides_text(exercise)}.",
        equipment=", ".join(exercise.equipment_at(lv.level)) or "none",
        dosage=dosage_line(dosage or lv.dosage, exercise.per_side),
        steps=exercise.steps_at(lv.level),
        cues=exercise.cues,
        mistakes=exercise.mistakes,
        stop_rule=exercise.caution,
        move_up=lv.move_up_when,
        sources=exercise.sources,
        note=note or None,
        progress=progress or None,
    )


def catalog_lines(views: Sequence[ExerciseView]) -> list[str]:
    """The text of `footbase catalog show ID`: the exercise's views at each of its levels,
    in order (at least one), as lines. What every level shares is said once; each level
    then gives its name, dosage, position, equipment, its steps where they differ from the
    level before, and when to move up. Refuses (ValueError) an empty `views`."""
    if not views:
        raise ValueError("catalog_lines needs the view of at least one level")
    first = views[0]
    out = [f"{first.title} ({first.exercise_id})", first.purpose, "Steps:"]
    out += [f"  {n}. {step}" for n, step in enumerate(first.steps, 1)]
    out.append("Cues:")
    out += [f"  - {cue}" for cue in first.cues]
    out.append("Common mistakes:")
    out += [f"  - {m}" for m in first.mistakes]
    out.append(f"When to stop: {first.stop_rule}")
    out.append("Levels:")
    before: ExerciseView | None = None
    for v in views:
        out.append(f"  {v.level}. {v.level_name}: {v.dosage}")
        out.append(f"     {v.position} Equipment: {v.equipment}")
        if before is not None and v.steps != before.steps:
            out.append("     steps at this level:")
            out += [f"       {n}. {step}" for n, step in enumerate(v.steps, 1)]
        out.append(f"     move up when: {v.move_up}")
        before = v
    out.append("Sources:")
    out += [f"  - {s}" for s in first.sources]
    return out

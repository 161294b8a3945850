"""Exercise and program models (the validation from YAML-shaped data is in
core/catalog_parse.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from footbase_tui.core.errors import CatalogError
from footbase_tui.core.guidance import DEFAULT_SWITCH_S

__all__ = ["CatalogError"]

Key = tuple[str | int, ...]
LineOf = Callable[[Key], int | None]

PACES = ("hold", "tempo", "manual", "timed")
POSITIONS = ("seated", "standing")


@dataclass(frozen=True)
class Dosage:
    """How much one level asks for: sets, and per set reps, seconds, a hold or a tempo (in seconds),
    with the rests between reps and between sets in seconds."""

    sets: int
    reps: int | None = None
    seconds: int | None = None
    hold_s: int | None = None
    tempo_s: int | None = None
    rest_rep_s: int = 0
    rest_set_s: int = 30


@dataclass(frozen=True)
class MoveUp:
    """The rule for moving to the next level, as data the code checks: at least `sessions`
    practice days at this level within the last `within_days` days (counted since the level
    was reached or last held); with `all_sets`, only days whose every set was done count;
    with `pain_rise_max`, a day whose pain rose by more than that over the level before the
    session does not count."""

    sessions: int
    within_days: int
    all_sets: bool = True
    pain_rise_max: int | None = None


@dataclass(frozen=True)
class Level:
    """One level of an exercise: its number (1-4), name and dosage, when to move up (in words, and
    as `move_up`, the rule the code checks)."""

    level: int
    name: str
    dosage: Dosage
    move_up_when: str
    move_up: MoveUp | None = None  # None: the last level, or a user entry without a rule
    position: str | None = None  # None: the exercise's position
    steps: tuple[str, ...] = ()  # the steps at this level, instead of the exercise's
    equipment: tuple[str, ...] = ()  # needed at this level on top of the exercise's


@dataclass(frozen=True)
class Exercise:
    """One exercise of the catalog: how it is done and what to watch for, its pace and its 2 to 4
    levels; `origin` is the file it came from."""

    id: str
    name: str
    purpose: str
    position: str
    per_side: bool
    equipment: tuple[str, ...]
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    caution: str
    pace: str
    levels: tuple[Level, ...]
    sources: tuple[str, ...]
    origin: str = ""
    sides: str = "alternate"  # per side: "alternate" feet each set, or "block" (all sets, then the other)
    switch_s: int = DEFAULT_SWITCH_S  # the walkthrough's switch-side pause
    holds: tuple[str, ...] = ()  # names of alternating holds, e.g. ("SQUEEZE", "SPREAD")

    def level(self, number: int) -> Level:
        """The level `number`, clamped to the levels that exist."""
        number = max(1, min(number, len(self.levels)))
        return self.levels[number - 1]

    def position_at(self, number: int) -> str:
        """The position at level `number` (the level's own, else the exercise's)."""
        return self.level(number).position or self.position

    def steps_at(self, number: int) -> tuple[str, ...]:
        """The steps at level `number`: the level's own if it has them, else the exercise's."""
        return self.level(number).steps or self.steps

    def equipment_at(self, number: int) -> tuple[str, ...]:
        """The equipment at level `number`: the exercise's, then that level's own."""
        return self.equipment + self.level(number).equipment


@dataclass(frozen=True)
class ProgramItem:
    """An exercise in a phase of a program, at a level, with `dosage` fields overriding that
    level's."""

    exercise: str
    level: int
    dosage: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Phase:
    """A stretch of a program's weeks (until_week None: it runs on), its rest days (1-7 within each
    week) and its items."""

    name: str
    from_week: int
    until_week: int | None
    rest_days: tuple[int, ...]
    items: tuple[ProgramItem, ...]


@dataclass(frozen=True)
class Program:
    """A program: its phases in week order, the last running on; a `gentle` one stands in on bad
    days. `origin` is its file."""

    id: str
    name: str
    description: str
    gentle: bool
    phases: tuple[Phase, ...]
    origin: str = ""

    def phase_for_week(self, week: int) -> Phase:
        """The phase whose weeks include `week` (1-based); the last phase when none does."""
        for phase in self.phases:
            if phase.from_week <= week and (phase.until_week is None or week <= phase.until_week):
                return phase
        return self.phases[-1]


@dataclass(frozen=True)
class Catalog:
    """The loaded exercises and programs, each by id."""

    exercises: Mapping[str, Exercise]
    programs: Mapping[str, Program]

    def program(self, program_id: str) -> Program | None:
        """The program `program_id`, or None if the catalog has none by that id."""
        return self.programs.get(program_id)

    def gentle_program(self) -> Program | None:
        """The first program marked gentle (the bad-day stand-in), or None if there is none."""
        gentle = [p for p in self.programs.values() if p.gentle]
        return gentle[0] if gentle else None


def item_dosage(exercise: Exercise, item: ProgramItem) -> Dosage:
    """The dosage an item asks for: its level's, with the item's overrides on top."""
    base = exercise.level(item.level).dosage
    if not item.dosage:
        return base
    return replace(base, **dict(item.dosage))

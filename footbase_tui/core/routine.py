"""A day's routine: what the program asks for on a date, and what has been done of it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from footbase_tui.core.catalog import Catalog, Dosage, Exercise, Program, item_dosage
from footbase_tui.core.phases import PlanItem
from footbase_tui.core.program_load import plan_item_of
from footbase_tui.core.records import DayPlan, ItemResult, Session, stamp_key

UNDONE = ("todo", "partial")  # statuses the walkthrough still offers


@dataclass(frozen=True)
class RoutineItem:
    """One exercise of a day's routine at its level and dosage, with its latest status that day
    (todo, done, partial or skipped), a skip's reason, and when that result was recorded."""

    exercise: Exercise
    level: int
    dosage: Dosage
    status: str = "todo"
    reason: str | None = None
    result_at: str | None = None  # when its latest result was recorded

    @property
    def id(self) -> str:
        """The exercise's id."""
        return self.exercise.id


@dataclass(frozen=True)
class DayRoutine:
    """What a program asks for on `day`: `day_index` counts from 1 on `start` (below 1 before it),
    `phase` is the phase's name, and a rest day has no items."""

    day: date
    program: Program
    start: date
    day_index: int
    rest_day: bool
    phase: str
    items: tuple[RoutineItem, ...]

    @property
    def before_start(self) -> bool:
        """Whether `day` comes before the program's first day."""
        return self.day_index < 1

    @property
    def week(self) -> int:
        """The program week `day` falls in, from 1."""
        return (self.day_index - 1) // 7 + 1

    @property
    def day_in_week(self) -> int:
        """The day of the program week, 1-7 (day 1 falls on `start`'s weekday)."""
        return (self.day_index - 1) % 7 + 1

    @property
    def done(self) -> int:
        """How many items are done (a partly done one does not count)."""
        return sum(1 for i in self.items if i.status == "done")

    @property
    def total(self) -> int:
        """How many items the day plans."""
        return len(self.items)

    def position(self, size: str = "full") -> str:
        """Where the day is in the program, in words: "week 3 of 6 (Build), day 2" in a
        phase that ends, "Maintain, week 3, day 2" in the open-ended last one, and
        "Maintain since Mar 2017" once that is over a year: never "week 524". Shorter for
        narrow terminals: size "short" ("week 3/6, day 2", "Maintain wk 3, day 2") and
        "tiny" ("week 3/6", "Maintain wk 3", "Maintain")."""
        if self.before_start:
            return ""
        phase = self.program.phase_for_week(self.week)
        ends = [p.until_week for p in self.program.phases if p.until_week is not None]
        day = "" if size == "tiny" else f", day {self.day_in_week}"
        if phase.until_week is not None and ends:
            if size == "full":
                return f"week {self.week} of {max(ends)} ({phase.name}){day}"
            return f"week {self.week}/{max(ends)}{day}"
        week_in_phase = self.week - phase.from_week + 1
        if week_in_phase > 52:
            since = self.start + timedelta(weeks=phase.from_week - 1)
            return phase.name if size == "tiny" else f"{phase.name} since {since:%b %Y}"
        return f"{phase.name}{', week' if size == 'full' else ' wk'} {week_in_phase}{day}"

    def first_undone(self) -> int | None:
        """The first item still to do (not yet done or skipped; partly done counts)."""
        for n, item in enumerate(self.items):
            if item.status in UNDONE:
                return n
        return None


def item_result(
    item: RoutineItem, status: str, at: str, sets: int = 0, reason: str | None = None
) -> ItemResult:
    """An exercise's result after `sets` sets; reps and seconds follow from its dosage."""
    d = item.dosage
    return ItemResult(
        item.id,
        item.level,
        status,
        at,
        sets=sets,
        reps=(d.reps or 0) * sets,
        seconds=(d.seconds or 0) * sets,
        reason=reason,
        planned_sets=d.sets,
    )


def latest_results(sessions: Iterable[Session]) -> dict[str, ItemResult]:
    """Each exercise's most recent result over a day's sessions (the last word wins)."""
    latest: dict[str, ItemResult] = {}
    for session in sessions:
        for result in session.items:
            seen = latest.get(result.exercise)
            if seen is None or stamp_key(result.at) >= stamp_key(seen.at):
                latest[result.exercise] = result
    return latest


def plan_day(
    catalog: Catalog,
    program: Program,
    start: date,
    day: date,
    levels: Mapping[str, int] | None = None,
) -> DayRoutine:
    """What the program asks for on `day` (nothing before its start, nothing on rest days).

    With `levels` (the person's level of each exercise; level 1 for one not named), each
    item is at that level capped by the program's (the phase's ceiling); without, at the
    program's level."""
    index = (day - start).days + 1
    if index < 1:
        return DayRoutine(day, program, start, index, False, "", ())
    week = (index - 1) // 7 + 1
    phase = program.phase_for_week(week)
    rest = ((index - 1) % 7 + 1) in phase.rest_days
    items: list[RoutineItem] = []
    if not rest:
        for pi in phase.items:
            exercise = catalog.exercises.get(pi.exercise)
            if exercise is None:
                continue
            top = min(pi.level, len(exercise.levels))
            level = top if levels is None else max(1, min(levels.get(pi.exercise, 1), top))
            dosage = item_dosage(exercise, pi) if level == pi.level else exercise.level(level).dosage
            items.append(RoutineItem(exercise, level, dosage))
    return DayRoutine(day, program, start, index, rest, phase.name, tuple(items))


def day_routine(
    catalog: Catalog,
    program: Program,
    start: date,
    day: date,
    sessions: Iterable[Session],
    levels: Mapping[str, int] | None = None,
) -> DayRoutine:
    """The planned routine for `day` (at `levels`, see plan_day) with each item's status
    from that day's sessions."""
    plan = plan_day(catalog, program, start, day, levels)
    results = latest_results(s for s in sessions if s.date == day)
    items = []
    for item in plan.items:
        result = results.get(item.id)
        if result is None:
            items.append(item)
        else:
            items.append(
                RoutineItem(item.exercise, item.level, item.dosage, result.status, result.reason, result.at)
            )
    return DayRoutine(
        plan.day, plan.program, plan.start, plan.day_index, plan.rest_day, plan.phase, tuple(items)
    )


def seconds_text(seconds: int) -> str:
    """'45 s', '10 min', '1 min 30 s'."""
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    if seconds > 60:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds} s"


def dosage_text(dosage: Dosage, per_side: bool) -> str:
    """Dosage in plain words: '3 x 10 reps, hold 5 s, each foot' or '10 min'."""
    if dosage.seconds is not None:
        length = seconds_text(dosage.seconds)
        core = length if dosage.sets == 1 else f"{dosage.sets} x {length}"
    else:
        reps = dosage.reps or 0
        unit = "rep" if reps == 1 else "reps"
        core = f"{reps} {unit}" if dosage.sets == 1 else f"{dosage.sets} x {reps} {unit}"
        if dosage.hold_s:
            core += f", hold {seconds_text(dosage.hold_s)}"
    if per_side:
        core += ", each foot"
    return core


def dosage_line(dosage: Dosage, per_side: bool) -> str:
    """The full dosage: dosage_text, then the tempo and the rests, e.g. '2 x 10 reps,
    each foot · 3 s per rep · rest 30 s between sets'."""
    parts = [dosage_text(dosage, per_side)]
    if dosage.tempo_s:
        parts.append(f"{seconds_text(dosage.tempo_s)} per rep")
    rests = []
    if dosage.rest_rep_s and (dosage.reps or 0) > 1:
        rests.append(f"{seconds_text(dosage.rest_rep_s)} between reps")
    if dosage.sets > 1:
        rests.append(
            f"{seconds_text(dosage.rest_set_s)} between sets" if dosage.rest_set_s else "no rest between sets"
        )
    if rests:
        parts.append("rest " + ", ".join(rests))
    return " · ".join(parts)


def routine_for(
    catalog: Catalog,
    program: Program,
    start: date,
    day: date,
    sessions: Iterable[Session],
    plan: DayPlan | None,
    levels: Mapping[str, int] | None = None,
) -> DayRoutine:
    """Like day_routine, but a day plan (gentle program today) replaces the program."""
    if plan is not None:
        other = catalog.program(plan.program)
        if other is not None:
            return day_routine(catalog, other, day, day, sessions, levels)
    return day_routine(catalog, program, start, day, sessions, levels)


def walk_round(routine: DayRoutine, start: int) -> list[RoutineItem]:
    """The exercises a walkthrough started at item `start` goes through: that one, then
    every one still to do after it, then those before it (the round wraps)."""
    items = routine.items
    order = [*range(start + 1, len(items)), *range(start)]
    return [items[start], *(items[n] for n in order if items[n].status in UNDONE)]


def plan_item(item: RoutineItem) -> PlanItem:
    """The item as the countdown engine takes it (sides, the switch and named holds too)."""
    return plan_item_of(item.exercise, item.dosage)

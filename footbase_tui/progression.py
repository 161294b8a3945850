"""The level use cases both faces ask for: each routine item's level, its move-up rule's
progress and any suggestion; and a person's up / down / hold of an exercise.

Works on a loaded Snapshot (the rule checks read only the last few weeks of it), so Today
and `footbase today` pay a few lookups, not a walk over the history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from footbase_tui.core.levels import (
    BASELINE_DAYS,
    START_LEVEL,
    STEP_DOWN_DAYS,
    LevelState,
    LevelView,
    Suggestion,
    ceiling,
    current_levels,
    level_view,
)
from footbase_tui.core.localtime import stamp_after
from footbase_tui.core.pain_watch import PROGRAM_DAYS, PainNote, note_due, persistent_pain
from footbase_tui.core.records import LevelChange, PainEntry, new_id
from footbase_tui.errors import StoreError, UsageError
from footbase_tui.fileio import atomic_write, ensure_private_dir, read_nofollow

if TYPE_CHECKING:
    from collections.abc import Sequence

    from footbase_tui.context import Context
    from footbase_tui.core.catalog import Exercise
    from footbase_tui.core.routine import DayRoutine
    from footbase_tui.store import Snapshot

ACTIONS = ("up", "down", "hold")
RECENT_DAYS = 49  # covers the longest rule window (+ baseline days) and the six-week note
NOTE_FILE = "notes-seen.json"  # beside the store: when the pain note was last dismissed


@dataclass(frozen=True)
class LevelChanged:
    """What `change` did, and the line that says so."""

    change: LevelChange
    line: str


class Progression:
    """Levels over one Context: views for a day's routine, and changes by the person."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def recent_pain(self, snap: Snapshot, today: date) -> list[PainEntry]:
        """The entries `views` and `pain_note` look at (the last seven weeks), fetched once."""
        return snap.pain_since(today - timedelta(days=RECENT_DAYS))

    def views(
        self,
        snap: Snapshot,
        routine: DayRoutine,
        today: date | None = None,
        pain: Sequence[PainEntry] | None = None,
    ) -> dict[str, LevelView]:
        """Each item's level view on `today` (the routine's day by default); `pain`: the
        recent_pain already fetched."""
        day = today or routine.day
        exercises = [i.exercise for i in routine.items]
        if not exercises:
            return {}
        states = current_levels(snap.level_changes)
        window = max(
            [STEP_DOWN_DAYS]
            + [lv.move_up.within_days for ex in exercises for lv in ex.levels if lv.move_up is not None]
        )
        first = day - timedelta(days=window)
        sessions = [s for n in range(window + 1) for s in snap.sessions_on(first + timedelta(days=n))]
        if pain is None or window + BASELINE_DAYS > RECENT_DAYS:
            pain = snap.pain_since(first - timedelta(days=BASELINE_DAYS))
        week = max(1, routine.week)
        return {
            ex.id: level_view(
                ex, states.get(ex.id), ceiling(routine.program, week, ex.id), sessions, pain, day
            )
            for ex in exercises
        }

    def moves_up(self, snap: Snapshot, routine: DayRoutine, exercises: Sequence[str]) -> list[Suggestion]:
        """The move-up suggestions (a met rule, below the ceiling) for `exercises` of
        `routine`, in the order given: what the walkthrough's summary offers after a
        session. A step down after a pain rise is not one (Today offers it)."""
        views = self.views(snap, routine)
        found = [views[ex].suggestion for ex in exercises if ex in views]
        return [s for s in found if s is not None and s.why == "rule"]

    def change(self, snap: Snapshot, exercise_id: str, action: str, routine: DayRoutine) -> LevelChanged:
        """`prepare` the change and save it (NotSaved if the level changed meanwhile)."""
        done = self.prepare(snap, exercise_id, action, routine)
        self.ctx.saves.change_level(done.change)
        return done

    def prepare(self, snap: Snapshot, exercise_id: str, action: str, routine: DayRoutine) -> LevelChanged:
        """The change that moves `exercise_id` up, down or holds it, as of today's routine
        (its program and week give the ceiling), not yet saved. Refuses with UsageError an
        unknown exercise or action, a move above the ceiling or the last level, below level
        1, or an exercise the program has not used yet."""
        catalog = self.ctx.catalog
        exercise = catalog.exercises.get(exercise_id)
        if exercise is None:
            known = ", ".join(sorted(catalog.exercises))
            raise UsageError(f"no exercise called '{exercise_id}'; exercises: {known}")
        if action not in ACTIONS:
            raise UsageError(f"expected up, down or hold, got {action!r}")
        state = current_levels(snap.level_changes).get(exercise.id) or LevelState(START_LEVEL)
        own = state.level
        top = ceiling(routine.program, max(1, routine.week), exercise.id)
        view = None
        if any(i.id == exercise.id for i in routine.items):
            view = self.views(snap, routine).get(exercise.id)
        suggested = view.suggestion if view else None
        if action == "up":
            to = own + 1
            if top is None:
                raise UsageError(f"{exercise.id} is not part of {routine.program.name} yet; nothing changed")
            if own >= len(exercise.levels):
                raise UsageError(f"{exercise.id} is already at its last level ({own}); nothing changed")
            if own >= top:
                raise UsageError(
                    f"{exercise.id} is at level {own}, the highest {routine.program.name} allows "
                    f"in week {max(1, routine.week)}; nothing changed"
                )
            why = "accepted" if suggested and suggested.to == to else "up"
        elif action == "down":
            to = own - 1
            if own <= 1:
                raise UsageError(f"{exercise.id} is already at level 1; nothing changed")
            why = "pain" if suggested and suggested.why == "pain" else "down"
        else:
            to, why = own, "hold"
        latest = snap.level_changes[-1].at if snap.level_changes else None
        change = LevelChange(
            id=new_id(),
            exercise=exercise.id,
            from_level=own,
            to_level=to,
            why=why,
            at=stamp_after(self.ctx.clock.now(), latest),  # changes keep their order
            tz=self.ctx.local.zone_name,
            date=self.ctx.today(),
        )
        return LevelChanged(change, _line(exercise, change))

    def pain_note(
        self, snap: Snapshot, planned: DayRoutine, today: date, pain: Sequence[PainEntry] | None = None
    ) -> PainNote | None:
        """The persistent-pain note for today (core.pain_watch), unless it was dismissed in
        the last week. `planned` is today's routine of the program followed (its day
        number); adherence is counted only when the six-week sign needs it."""
        if not note_due(self.dismissed_on(), today):
            return None
        entries = snap.pain_since(today - timedelta(days=PROGRAM_DAYS)) if pain is None else pain

        def adherence() -> float | None:
            cells = self.ctx.practice.cells(snap, today - timedelta(days=PROGRAM_DAYS - 1), today)
            planned_items = sum(c.planned for c in cells)
            return sum(c.done for c in cells) / planned_items if planned_items else None

        return persistent_pain(entries, today, planned.day_index, adherence)

    @property
    def _note_path(self) -> Path:
        return self.ctx.paths.data_dir / NOTE_FILE

    def dismissed_on(self) -> date | None:
        """The day the pain note was last dismissed (None: never, or an unreadable file)."""
        try:
            raw = read_nofollow(self._note_path)
            value = json.loads(raw)["pain_note_dismissed"] if raw else None
            return date.fromisoformat(value) if isinstance(value, str) else None
        except (StoreError, OSError, ValueError, KeyError, TypeError):
            return None

    def dismiss_pain_note(self, today: date) -> None:
        """Keep the note away for a week (a private 0600 file; a failure is no error)."""
        try:
            ensure_private_dir(self._note_path.parent)
            atomic_write(self._note_path, json.dumps({"pain_note_dismissed": today.isoformat()}).encode())
        except (StoreError, OSError):
            pass


def _line(exercise: Exercise, c: LevelChange) -> str:
    name = exercise.level(c.to_level).name
    if c.why == "hold":
        rule = exercise.level(c.to_level).move_up
        again = f"; the move-up rule counts again from now (0 of {rule.sessions})" if rule else ""
        return f"{exercise.id} stays at level {c.to_level} ({name}){again}"
    return f"{exercise.id}: level {c.from_level} -> {c.to_level} ({name})"

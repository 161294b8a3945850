"""Levels that follow the person: the current level of each exercise, the program's ceiling,
the "move up" rule's progress, and the pain rise that suggests a step back.

The program decides which exercises a day holds and the highest level each phase allows
(the level its item names: the ceiling). The person's own level comes from their level
changes; with none, an exercise starts at level 1. Nothing here raises a level: it only
says when a rule is met, and the person accepts or holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from footbase_tui.core.catalog import Exercise, MoveUp, Program
from footbase_tui.core.records import ItemResult, LevelChange, PainEntry, Session, latest_levels, stamp_key

START_LEVEL = 1
MEANINGFUL_RISE = 2  # points on the 0-10 scale: the minimal important change
BASELINE_DAYS = 3  # the entry a session is compared with is at most this old
STEP_DOWN_DAYS = 14  # a pain rise suggests a step down if the exercise was done this recently
COUNTED = {True: frozenset(("done",)), False: frozenset(("done", "partial"))}


@dataclass(frozen=True)
class LevelState:
    """An exercise's current level for the person, and since when (None: never changed)."""

    level: int
    since: str | None = None
    why: str | None = None


def current_levels(changes: Iterable[LevelChange]) -> dict[str, LevelState]:
    """Each exercise's latest change (by time, then id) as its current level."""
    return {ex: LevelState(c.to_level, c.at, c.why) for ex, c in latest_levels(changes).items()}


def ceiling(program: Program, week: int, exercise: str) -> int | None:
    """The highest level the program allows for `exercise` in week `week`: its level in the
    phase of that week, else the highest it had in any earlier phase; None if the program
    has not used it yet."""
    phase = program.phase_for_week(week)
    for item in phase.items:
        if item.exercise == exercise:
            return item.level
    earlier = [
        item.level
        for p in program.phases
        if p.from_week <= week
        for item in p.items
        if item.exercise == exercise
    ]
    return max(earlier) if earlier else None


@dataclass(frozen=True)
class RuleProgress:
    """How far a level's move-up rule is: `done` counted sessions of `needed`."""

    done: int
    needed: int
    within_days: int

    @property
    def met(self) -> bool:
        """Whether enough sessions are counted to move up a level."""
        return self.done >= self.needed

    @property
    def text(self) -> str:
        """'3 of 5'."""
        return f"{min(self.done, self.needed)} of {self.needed}"


def _after(stamp: str, since: str | None) -> bool:
    return since is None or stamp_key(stamp) > stamp_key(since)


def pain_rises(session: Session, pain: Sequence[PainEntry]) -> dict[str, tuple[int, bool]]:
    """For each exercise of `session`: (rise, new) from the first pain check after it.

    The rise is that check's level minus the last entry before the session (at most
    BASELINE_DAYS old); `new` says the pain went up at that check (above the previous check
    of the session, or the baseline), so a later exercise is not blamed for an earlier
    one's rise. Checks are entries of the session's date from its start on. An exercise
    with no check after it, or a session with no baseline, has no entry. `pain` is in time
    order.
    """
    start = stamp_key(session.start)
    oldest = (session.date - timedelta(days=BASELINE_DAYS)).isoformat()
    baseline: int | None = None
    checks: list[PainEntry] = []
    for e in pain:
        key = stamp_key(e.utc)
        if key < start:
            if e.date.isoformat() >= oldest:
                baseline = e.level
        elif e.date == session.date:
            checks.append(e)
    if baseline is None or not checks:
        return {}
    pending = sorted(session.items, key=lambda r: stamp_key(r.at))
    out: dict[str, tuple[int, bool]] = {}
    previous = baseline
    for check in checks:
        at = stamp_key(check.utc)
        while pending and stamp_key(pending[0].at) <= at:
            result = pending.pop(0)
            out.setdefault(result.exercise, (check.level - baseline, check.level > previous))
        previous = check.level
    return out


def _results(exercise: str, sessions: Iterable[Session]) -> list[tuple[Session, ItemResult]]:
    """Each day's latest result for `exercise`, with its session, oldest day first."""
    latest: dict[date, tuple[Session, ItemResult]] = {}
    for s in sessions:
        for r in s.items:
            if r.exercise != exercise:
                continue
            seen = latest.get(s.date)
            if seen is None or stamp_key(r.at) >= stamp_key(seen[1].at):
                latest[s.date] = (s, r)
    return [latest[d] for d in sorted(latest)]


def rule_progress(
    rule: MoveUp,
    exercise: str,
    level: int,
    sessions: Iterable[Session],
    pain: Sequence[PainEntry],
    today: date,
    since: str | None = None,
) -> RuleProgress:
    """The rule's progress on `today`: the days in the last `rule.within_days` (today
    included) whose latest result for `exercise` is at `level`, recorded after `since` (the
    level's last change), done (or partial when `all_sets` is false), and without a pain
    rise above `pain_rise_max`. `sessions` may hold any days; `pain` is in time order."""
    first = today - timedelta(days=rule.within_days - 1)
    statuses = COUNTED[rule.all_sets]
    done = 0
    for session, result in _results(exercise, (s for s in sessions if first <= s.date <= today)):
        if result.level != level or result.status not in statuses or not _after(result.at, since):
            continue
        if rule.pain_rise_max is not None:
            rise = pain_rises(session, pain).get(exercise)
            if rise is not None and rise[0] > rule.pain_rise_max:
                continue
        done += 1
    return RuleProgress(done, rule.sessions, rule.within_days)


def step_down_due(
    exercise: str,
    level: int,
    sessions: Iterable[Session],
    pain: Sequence[PainEntry],
    today: date,
    since: str | None = None,
) -> int | None:
    """The pain rise (points) that suggests `exercise` one level down next time, or None.

    Looks at the latest day in the last STEP_DOWN_DAYS on which the exercise was done after
    `since` (the level's last change): a rise of MEANINGFUL_RISE or more at the first check
    after it, and new at that check. Never below level 1."""
    if level <= 1:
        return None
    first = today - timedelta(days=STEP_DOWN_DAYS)
    recent = [
        (s, r)
        for s, r in _results(exercise, (s for s in sessions if first <= s.date <= today))
        if r.status in ("done", "partial") and _after(r.at, since)
    ]
    if not recent:
        return None
    session, _ = recent[-1]
    rise = pain_rises(session, pain).get(exercise)
    if rise is not None and rise[0] >= MEANINGFUL_RISE and rise[1]:
        return rise[0]
    return None


@dataclass(frozen=True)
class Suggestion:
    """A level change footbase offers: `to` is one above or below `level`."""

    exercise: str
    level: int
    to: int
    why: str  # "rule" (the move-up rule is met) or "pain" (a pain rise after it)
    text: str


@dataclass(frozen=True)
class LevelView:
    """What Today and `today --json` show of an item's level."""

    exercise: str
    level: int  # the person's level, capped by the ceiling: what the routine uses
    own: int  # the person's level, as recorded (or START_LEVEL)
    ceiling: int | None
    progress: RuleProgress | None  # None on the last level or without a rule
    suggestion: Suggestion | None


def level_view(
    exercise: Exercise,
    state: LevelState | None,
    top: int | None,
    sessions: Sequence[Session],
    pain: Sequence[PainEntry],
    today: date,
) -> LevelView:
    """The item's level, its rule's progress and any suggestion (a step down after a pain
    rise comes before a move up; a move up only below the ceiling)."""
    own = state.level if state else START_LEVEL
    since = state.since if state else None
    allowed = min(top or own, len(exercise.levels))
    level = max(1, min(own, allowed))
    rule = exercise.level(level).move_up if level < len(exercise.levels) else None
    progress = rule_progress(rule, exercise.id, level, sessions, pain, today, since) if rule else None
    suggestion = None
    rise = step_down_due(exercise.id, level, sessions, pain, today, since)
    if rise is not None:
        suggestion = Suggestion(
            exercise.id,
            level,
            level - 1,
            "pain",
            f"pain rose {rise} points after it: try level {level - 1} next time",
        )
    elif progress is not None and progress.met and level < allowed:
        suggestion = Suggestion(
            exercise.id,
            level,
            level + 1,
            "rule",
            f"{progress.text} sessions done: ready for level {level + 1}",
        )
    return LevelView(exercise.id, level, own, top, progress, suggestion)


def levels_in(views: Mapping[str, LevelView]) -> dict[str, int]:
    """The level each exercise is practised at (for building the routine)."""
    return {ex: v.level for ex, v in views.items()}

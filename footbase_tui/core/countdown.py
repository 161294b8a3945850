"""The walkthrough's countdown engine: a routine's phases (core.phases), each run to a deadline on
a monotonic clock. The plan's names (Phase, PhaseKind, PlanItem, build_phases, planned_seconds)
are importable from here too: the walkthrough needs both halves.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from footbase_tui.core.phases import K_READY, WORK_KINDS
from footbase_tui.core.phases import Phase as Phase
from footbase_tui.core.phases import PhaseKind as PhaseKind
from footbase_tui.core.phases import PlanItem as PlanItem
from footbase_tui.core.phases import build_phases as build_phases
from footbase_tui.core.phases import planned_seconds as planned_seconds


@dataclass(frozen=True)
class PhaseRecord:
    """A phase that was left: how long it was planned for and how long it actually ran."""

    index: int
    kind: PhaseKind
    item: int
    planned_s: float | None
    active_s: float  # time actually spent running in it, pauses excluded
    skipped: bool  # left early with next()/skip_item()/back()


@dataclass(frozen=True)
class PhaseStarted:
    """The phase at `index` of the countdown's phases began."""

    index: int
    phase: Phase


@dataclass(frozen=True)
class SetCompleted:
    """Set `set_no` of item `item` was done: every work phase of it ran out or was confirmed."""

    item: int
    set_no: int


@dataclass(frozen=True)
class ItemCompleted:
    """Item `item` ended with all its sets done."""

    item: int


@dataclass(frozen=True)
class ItemSkipped:
    """The item was left (skip_item, or its last set ended) with `sets_done` of its sets done."""

    item: int
    sets_done: int


@dataclass(frozen=True)
class Tally:
    """What was done of one item: sets run through, reps or holds run, seconds spent (no pauses)."""

    sets_done: int
    sets: int
    reps_done: int
    active_s: float


@dataclass(frozen=True)
class Finished:
    """The last phase was left: the routine is over."""


Event: TypeAlias = PhaseStarted | SetCompleted | ItemCompleted | ItemSkipped | Finished


class Countdown:
    """Runs the phases against deadlines; the caller passes the monotonic `now` to every call.

    A phase's end is a deadline, not a count of ticks: update() may be called late or irregularly
    and each following phase still starts at the previous deadline. Paused time moves the deadline.
    Commands given while paused (next, back, confirm, ...) keep the pause: the new phase waits,
    with its full duration, for resume().

    A set counts as done only when every work phase of it ran out (or, at your own pace, was
    confirmed) since the set was last entered: next() through a phase never does a set.
    """

    def __init__(self, phases: Sequence[Phase], now: float, start_index: int = 0) -> None:
        self.phases: tuple[Phase, ...] = tuple(phases)
        if not 0 <= start_index <= len(self.phases):
            raise ValueError(f"start_index {start_index} outside 0..{len(self.phases)}")
        self.index = start_index
        self.records: list[PhaseRecord] = []
        self._paused_at: float | None = None
        self._start = now  # when the current run of the phase began
        self._deadline: float | None = None  # None for WAIT
        self._paused_s = 0.0  # paused time within the current run (already added to the deadline)
        self._carried_s = 0.0  # active time of earlier runs of this phase, before restart()
        self._sets_done: dict[int, set[int]] = {}
        self._ran: set[int] = set()  # work phases that ran out or were confirmed
        if not self.finished:
            self._begin(now)

    @property
    def current(self) -> Phase | None:
        """The phase running now; None once finished."""
        return self.phases[self.index] if self.index < len(self.phases) else None

    @property
    def paused(self) -> bool:
        """Whether the countdown is paused."""
        return self._paused_at is not None

    @property
    def finished(self) -> bool:
        """Whether every phase has been left."""
        return self.index >= len(self.phases)

    def remaining(self, now: float) -> float | None:
        """Seconds left in the current phase at `now` (frozen while paused, never below 0); None for
        a wait, or once finished."""
        if self.finished or self._deadline is None:
            return None
        return max(0.0, self._deadline - self._effective(now))

    def active_elapsed(self, now: float) -> float:
        """Seconds the current run of the current phase has been running at `now`, pauses left out
        (a restart starts it again from 0); 0.0 once finished."""
        if self.finished:
            return 0.0
        return max(0.0, self._effective(now) - self._start - self._paused_s)

    def total_active(self) -> float:
        """Seconds spent in the phases left so far, pauses left out."""
        return sum(record.active_s for record in self.records)

    # -- running -------------------------------------------------------------------------------

    def update(self, now: float) -> list[Event]:
        """Leave every phase whose deadline has passed by `now`, each next one starting at the
        previous deadline; returns the events in order (none while paused or finished)."""
        if self.finished or self.paused:
            return []
        events: list[Event] = []
        while not self.finished and self._deadline is not None and self._deadline <= now:
            events += self._complete(self._deadline, skipped=False)
        return events

    def pause(self, now: float) -> None:
        """Stop the clock at `now`; nothing if paused already or finished."""
        if not self.finished and not self.paused:
            self._paused_at = now

    def resume(self, now: float) -> None:
        """Run on from `now`, the paused time added to the deadline; nothing if not paused."""
        if self.finished or self._paused_at is None:
            return
        gap = max(0.0, now - self._paused_at)
        self._paused_s += gap
        if self._deadline is not None:
            self._deadline += gap
        self._paused_at = None

    def toggle_pause(self, now: float) -> None:
        """Pause at `now` if running, resume if paused."""
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    # -- commands ------------------------------------------------------------------------------

    def next(self, now: float) -> list[Event]:
        """Leave the current phase early (it does no set) and start the next; returns the events
        (none once finished)."""
        if self.finished:
            return []
        return self._complete(now, skipped=True) + self.update(now)

    def confirm(self, now: float) -> list[Event]:
        """Finish a wait phase (a set at your own pace) as done; returns the events, none unless the
        current phase is a wait."""
        phase = self.current
        if phase is None or phase.kind is not PhaseKind.WAIT:
            return []
        return self._complete(now, skipped=False) + self.update(now)

    def back(self, now: float) -> list[Event]:
        """Go back to the previous phase and run it again in full (the first phase restarts);
        returns the events, none once finished."""
        phase = self.current
        if phase is None:
            return []
        if self.index == 0:
            self.restart(now)
            return [PhaseStarted(0, phase)]
        self._record(now, skipped=True)
        return self._enter(self.index - 1, now)

    def restart(self, now: float) -> None:
        """Run the current phase again from its full length, the time already spent kept for its
        record; nothing once finished."""
        if self.finished:
            return
        self._carried_s += self.active_elapsed(now)
        self._begin(now)

    def adjust(self, now: float, delta_s: float) -> list[Event]:
        """Move the current phase's deadline by `delta_s` seconds (negative: sooner); one that
        passes ends the phase as run out. Returns the events; none for a wait, or once finished."""
        if self.finished or self._deadline is None:
            return []
        self._deadline += delta_s
        if self._deadline - self._effective(now) > 0:
            return []
        return self._complete(now, skipped=False) + self.update(now)

    def skip_item(self, now: float) -> list[Event]:
        """Leave the rest of the current item and start the next item's first phase; returns the
        events, ItemSkipped (with the sets done) first, none once finished."""
        phase = self.current
        if phase is None:
            return []
        self._record(now, skipped=True)
        target = self.index + 1
        while target < len(self.phases) and self.phases[target].item == phase.item:
            target += 1
        events: list[Event] = [ItemSkipped(phase.item, len(self._sets_done.get(phase.item, ())))]
        return events + self._enter(target, now) + self.update(now)

    # -- internals -----------------------------------------------------------------------------

    def _effective(self, now: float) -> float:
        """The instant the clock of the current phase stands at: frozen at the pause while paused."""
        return now if self._paused_at is None else self._paused_at

    def _begin(self, at: float) -> None:
        """Start a fresh run of the current phase at `at` (still paused if the countdown is paused)."""
        phase = self.phases[self.index]
        self._start = at
        self._paused_s = 0.0
        self._deadline = None if phase.seconds is None else at + phase.seconds
        if self._paused_at is not None:
            self._paused_at = at

    def _record(self, at: float, skipped: bool) -> None:
        phase = self.phases[self.index]
        active = max(0.0, self._effective(at) - self._start - self._paused_s) + self._carried_s
        self.records.append(PhaseRecord(self.index, phase.kind, phase.item, phase.seconds, active, skipped))
        if phase.kind in WORK_KINDS:
            if skipped:
                self._ran.discard(self.index)
            else:
                self._ran.add(self.index)

    def _complete(self, at: float, skipped: bool) -> list[Event]:
        """Leave the current phase at `at` having done it, and start the next one at `at`."""
        phase = self.phases[self.index]
        self._record(at, skipped)
        events: list[Event] = []
        if phase.completes_set:
            done = self._sets_done.setdefault(phase.item, set())
            if self._set_ran(phase.item, phase.set_no):
                done.add(phase.set_no)
                events.append(SetCompleted(phase.item, phase.set_no))
            else:
                done.discard(phase.set_no)
        if phase.completes_item:
            count = len(self._sets_done.get(phase.item, ()))
            ended = ItemCompleted(phase.item) if count == phase.sets else ItemSkipped(phase.item, count)
            events.append(ended)
        return events + self._enter(self.index + 1, at)

    def _set_ran(self, item: int, set_no: int) -> bool:
        return all(
            i in self._ran
            for i, p in enumerate(self.phases)
            if p.item == item and p.set_no == set_no and p.kind in WORK_KINDS
        )

    def tally(self, item: int, now: float | None = None) -> Tally:
        """What has been done of `item` so far: sets run through, reps run, active seconds.

        Seconds count every phase of the item but its get-ready, paused time left out (with
        `now`, the running phase so far too); reps
        count holds (or tempo reps, by the time spent) that ran, halved for a per-side item.
        """
        phases = [(i, p) for i, p in enumerate(self.phases) if p.item == item]
        if not phases:
            return Tally(0, 0, 0, 0.0)
        sets = phases[0][1].sets
        sides = len({p.side for _, p in phases if p.kind in WORK_KINDS}) or 1
        active = sum(r.active_s for r in self.records if r.item == item and r.kind is not K_READY)
        running = self.current
        if now is not None and running is not None and running.item == item and running.kind is not K_READY:
            active += self.active_elapsed(now) + self._carried_s
        best: dict[int, float] = {}
        for r in self.records:
            if r.item != item or r.kind not in WORK_KINDS:
                continue
            p = self.phases[r.index]
            if r.index in self._ran:
                reps = 1.0 if p.kind is PhaseKind.HOLD else float(p.reps or 0)
            elif p.kind is PhaseKind.WORK and p.reps and p.seconds:
                reps = min(float(p.reps), math.floor(r.active_s / (p.seconds / p.reps)))
            else:
                reps = 0.0
            best[r.index] = max(best.get(r.index, 0.0), reps)
        return Tally(len(self._sets_done.get(item, ())), sets, int(sum(best.values()) // sides), active)

    def _enter(self, index: int, at: float) -> list[Event]:
        self.index = index
        self._carried_s = 0.0
        if self.finished:
            self._paused_at = None
            self._deadline = None
            return [Finished()]
        self._begin(at)
        return [PhaseStarted(index, self.phases[index])]

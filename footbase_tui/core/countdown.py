"""The walkthrough's countdown engine: a routine as phases, each run to a deadline on a monotonic clock."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypeAlias


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

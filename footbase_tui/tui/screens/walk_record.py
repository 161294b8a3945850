"""What the walkthrough writes down: each exercise's sets done of planned, reps and the
seconds really spent, as one session saved after every set (and on hang-up); and the pain
checks after an exercise (config `pain_check: exercise`) and at the end."""

from __future__ import annotations

from datetime import datetime

from textual.dom import DOMNode

from footbase_tui.core.countdown import Countdown
from footbase_tui.core.localtime import iso_utc, stamp_after
from footbase_tui.core.records import ItemResult, Session
from footbase_tui.core.routine import DayRoutine, RoutineItem
from footbase_tui.tui.host import host_of
from footbase_tui.tui.messages import PainLogged


class WalkRecording(DOMNode):
    """The recording half of the walkthrough screen (which sets these attributes)."""

    routine: DayRoutine
    planned: str  # the program a first practice chooses (never a stand-in for the day)
    items: list[RoutineItem]
    results: dict[str, ItemResult]
    engine: Countdown | None
    session_id: str
    started_at: datetime

    def _stamp(self, index: int) -> str:
        item = self.items[index]
        previous = self.results[item.id].at if item.id in self.results else item.result_at
        return stamp_after(host_of(self).ctx.clock.now(), previous)

    def record(self, index: int, status: str | None = None) -> None:
        """Write down what the engine counted for item `index`: sets done of planned, reps,
        seconds spent (pauses left out); `status` None: done when every set is, else partial."""
        if self.engine is None:
            return
        item = self.items[index]
        tally = self.engine.tally(index, host_of(self).ctx.clock.monotonic())
        if status in (None, "partial"):  # partial means some sets, never none nor all
            done = tally.sets_done
            status = "done" if done >= tally.sets else "partial" if done else "todo"
        self.results[item.id] = ItemResult(
            item.id,
            item.level,
            status,
            self._stamp(index),
            sets=tally.sets_done,
            reps=tally.reps_done,
            seconds=round(tally.active_s),
            planned_sets=tally.sets,
        )

    def record_set(self, index: int, set_no: int) -> None:
        self.record(index)

    def record_status(self, index: int, status: str) -> None:
        self.record(index, status)

    def record_current(self) -> None:
        """Bring the time of the exercise under way up to now (before leaving or hanging up)."""
        engine = self.engine
        current = engine.current if engine else None
        if current is not None and self.items[current.item].id in self.results:
            self.record(current.item, self.results[self.items[current.item].id].status)

    def session(self, ended: bool) -> Session:
        ctx = host_of(self).ctx
        return Session(
            id=self.session_id,
            date=self.routine.day,
            tz=ctx.local.zone_name,
            start=iso_utc(self.started_at),
            end=iso_utc(ctx.clock.now()) if ended else None,
            program=self.routine.program.id,
            kind="walkthrough",
            items=tuple(self.results.values()),
        )

    async def save(self, ended: bool = False) -> None:
        if not self.results:
            return
        program = (self.planned, self.routine.day)
        await host_of(self).save(host_of(self).ctx.saves.save_session, self.session(ended), program)

    def save_now(self) -> None:
        """On hang-up: write what was done, synchronously."""
        self.record_current()
        if self.results:
            host_of(self).ctx.saves.save_session(self.session(True), (self.planned, self.routine.day))

    # ---- pain checks ---------------------------------------------------------------------

    def check_after(self, index: int) -> None:
        """With `pain_check: exercise`, ask for the back's pain after an exercise (not after
        the last one: the session's end asks then). The countdown waits while it is open."""
        if host_of(self).ctx.config.pain_check != "exercise" or index >= len(self.items) - 1:
            return
        from footbase_tui.tui.modals.pain_check import PainCheckModal

        def saved(level: int | None) -> None:
            if level is not None:
                self.run_worker(self.save_check(level), exclusive=False)

        host_of(self).open_dialog(PainCheckModal(self.items[index].exercise.name), saved)

    async def save_check(self, level: int) -> bool:
        """Save a pain check as an entry of context "exercise"; says so, or why not."""
        from footbase_tui.core.pain_input import PainInput, build_entry

        ctx = host_of(self).ctx
        entry = build_entry(
            PainInput(level, context="exercise"),
            at=ctx.clock.now(),
            local=ctx.local,
            locations=ctx.config.locations,
            contexts=ctx.config.contexts,
            source="check",
        )
        ok, _ = await host_of(self).save(ctx.saves.log_pain, entry)
        if ok:
            self.app.post_message(PainLogged(entry.level, " after practice"))
        return bool(ok)

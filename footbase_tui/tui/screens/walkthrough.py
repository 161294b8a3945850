"""The guided walkthrough: runs today's routine phase by phase on the countdown engine.

Progress is saved to the store after every set, so a crash or a dropped link keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from footbase_tui.core.countdown import (
    Countdown,
    Finished,
    ItemCompleted,
    ItemSkipped,
    Phase,
    PhaseKind,
    PhaseStarted,
    SetCompleted,
    build_phases,
)
from footbase_tui.core.exercise_view import exercise_view
from footbase_tui.core.records import ItemResult, new_id
from footbase_tui.core.routine import DayRoutine, RoutineItem, plan_item, seconds_text, walk_round
from footbase_tui.tui.safe import plain
from footbase_tui.tui.screens.base import FootbaseScreen
from footbase_tui.tui.screens.walk_levels import LEVEL_ACTIONS, WalkLevels
from footbase_tui.tui.screens.walk_record import WalkRecording
from footbase_tui.tui.widgets.field import Field
from footbase_tui.tui.widgets.phase_display import PhaseDisplay, PhaseView, position_text
from footbase_tui.tui.widgets.walk_keys import WalkKeys, walk_keys
from footbase_tui.tui.widgets.walk_summary import SummaryData, result_words

TICK_S = 0.1
WORDS = {
    PhaseKind.GET_READY: "GET READY",
    PhaseKind.HOLD: "HOLD",
    PhaseKind.RELEASE: "RELEASE",
    PhaseKind.WORK: "GO",
    PhaseKind.REST: "REST",
    PhaseKind.SWITCH: "SWITCH SIDE",
    PhaseKind.WAIT: "AT YOUR PACE",
}
NOTES = {PhaseKind.WAIT: "press enter when the set is done"}
ASK_AFTER_S = 10  # leaving asks once this much practice (or any set) would be left behind
SHORT_H = 24  # below this many rows the steps give their room to the countdown (i shows them)


def phase_word(p: Phase) -> str:
    """What the phase is called on screen: a named hold ("SQUEEZE"), else its kind's word."""
    return p.label or WORDS[p.kind]


class WalkthroughScreen(WalkLevels, WalkRecording, FootbaseScreen):
    BINDINGS = [
        Binding("enter", "confirm", "Set done", id="wt-confirm"),
        Binding("space", "pause", "Pause", id="wt-pause"),
        Binding("n", "next", "Next", id="wt-next"),
        Binding("N", "skip_item", "Skip exercise", key_display="N", id="wt-skip"),
        Binding("plus,equals_sign", "adjust(10)", "+10s", key_display="+", id="wt-plus"),
        Binding("minus", "adjust(-10)", "-10s", key_display="-", id="wt-minus"),
        Binding("b", "back", "Back", id="wt-back"),
        Binding("r", "restart", "Restart", id="wt-restart"),
        Binding("i", "steps", "Steps (show or hide)", id="wt-steps-key"),
        Binding("escape", "leave", "Leave", id="wt-leave"),
        Binding("q", "leave(True)", "Quit", id="wt-quit"),
    ]

    def __init__(self, routine: DayRoutine, start_index: int, planned: str | None = None) -> None:
        super().__init__()
        self.routine = routine
        # The program a first practice chooses: the planned one, not a stand-in for the day.
        self.planned = planned or routine.program.id
        self.items: list[RoutineItem] = walk_round(routine, start_index)
        self.results: dict[str, ItemResult] = {}
        self.session_id = new_id()
        self.finished = False
        self.engine: Countdown | None = None
        self.held = False  # paused because a dialog or overlay is on top

    # ---- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="wt-main"):
            yield PhaseDisplay(id="wt-display")
            with VerticalScroll(id="wt-steps"):
                yield Static(id="wt-steps-text")
        with VerticalScroll(id="wt-summary"):  # at 50x16 it scrolls to the pain field
            yield Static(id="wt-summary-text")
            yield Field(
                placeholder="0-10, enter to skip",
                restrict=r"[0-9]{0,2}",
                max_length=2,
                lets_through="uh",  # the level keys (WalkLevels)
                id="wt-pain",
            )
        yield WalkKeys(id="wt-keys")

    def on_mount(self) -> None:
        self.query_one("#wt-summary").display = False
        clock = self.fb.ctx.clock
        self.started_at = clock.now()
        phases = build_phases([plan_item(i) for i in self.items])
        self.engine = Countdown(phases, clock.monotonic())
        self._unhook = self.fb.on_hangup_hook(self.save_now)
        self._timer = self.set_interval(TICK_S, self.tick)
        self.show_steps(0)
        self._apply_height(self.app.size.height)
        self.tick()

    def on_resize(self, event: events.Resize) -> None:
        self._apply_height(event.size.height)

    def _apply_height(self, height: int) -> None:
        self.set_class(height < SHORT_H, "-short")
        self.show_keys()

    def action_steps(self) -> None:
        self.toggle_class("-steps")
        self.show_keys()

    def show_keys(self) -> None:
        """The key bar for now: what goes on first, ? always last."""
        engine = self.engine
        current = engine.current if engine else None
        self.query_one(WalkKeys).show_keys(
            walk_keys(
                finished=self.finished,
                paused=engine is not None and engine.paused and not self.held,
                waiting=current is not None and current.kind == PhaseKind.WAIT,
                short=self.has_class("-short"),
                steps_shown=self.has_class("-steps"),
                move_up=self.level_offered(),
            )
        )

    def on_screen_suspend(self) -> None:
        """A dialog, the help or the palette came on top: hold the countdown until it goes."""
        engine = self.engine
        if engine is not None and not self.finished and not engine.paused:
            engine.pause(self.fb.ctx.clock.monotonic())
            self.held = True
            self.show()

    def on_screen_resume(self) -> None:
        """Back on top: a countdown held for a dialog goes on, and says so."""
        engine = self.engine
        if not self.held or engine is None:
            return
        self.held = False
        if not self.finished and engine.paused:
            engine.resume(self.fb.ctx.clock.monotonic())
            self.notify("Countdown resumed.", timeout=2)
        self.show()

    def on_unmount(self) -> None:
        unhook = getattr(self, "_unhook", None)
        if callable(unhook):
            unhook()

    # ---- the clock -----------------------------------------------------------------------

    def tick(self) -> None:
        """Advance the engine to now and show it (called by the timer; tests call it directly)."""
        if self.engine is None or self.finished:
            return
        self.handle(self.engine.update(self.fb.ctx.clock.monotonic()))
        self.show()

    def handle(self, events: Iterable[object]) -> None:
        changed = False
        for event in events:
            if isinstance(event, PhaseStarted):
                self.signal_phase()
                self.show_steps(event.phase.item)
            elif isinstance(event, SetCompleted):
                self.record_set(event.item, event.set_no)
                changed = True
            elif isinstance(event, ItemCompleted):
                self.record_status(event.item, "done")
                changed = True
                self.check_after(event.item)
            elif isinstance(event, ItemSkipped):
                self.record_status(event.item, "partial" if event.sets_done else "skipped")
                changed = True
                if event.sets_done:
                    self.check_after(event.item)
            elif isinstance(event, Finished):
                self.finish()
                return
        if changed:
            self.run_worker(self.save(), exclusive=False)

    def signal_phase(self) -> None:
        if self.fb.ctx.config.bell:
            self.app.bell()
        else:
            self.add_class("-flash")
            self.set_timer(0.3, lambda: self.remove_class("-flash"))

    def show(self) -> None:
        engine = self.engine
        if engine is None or engine.current is None:
            return
        self.show_keys()
        now = self.fb.ctx.clock.monotonic()
        phase = engine.current
        item = self.items[phase.item]
        following = engine.phases[engine.index + 1] if engine.index + 1 < len(engine.phases) else None
        if following is None:
            next_text = "the summary"
        elif following.item != phase.item:
            next_text = self.items[following.item].exercise.name
        else:
            secs = f" {seconds_text(round(following.seconds))}" if following.seconds else ""
            next_text = f"{phase_word(following).split(' —')[0].lower()}{secs}"
        overall = (self.routine.done + phase.item) / max(1, self.routine.total)
        self.query_one(PhaseDisplay).show(
            PhaseView(
                exercise=item.exercise.name,
                level=item.level,
                phase_word=phase_word(phase),
                remaining=engine.remaining(now),
                position=position_text(phase, engine.active_elapsed(now), item.dosage.tempo_s),
                next_text=next_text,
                item_no=phase.item + 1,
                item_count=len(self.items),
                overall=min(1.0, overall),
                paused=engine.paused,
                held=self.held,
                note=NOTES.get(phase.kind, ""),
            )
        )

    def show_steps(self, index: int) -> None:
        item = self.items[index]
        view = exercise_view(item.exercise, item.level)
        t = Text()
        for n, step in enumerate(view.steps, 1):
            t.append(f"{n}. ")
            t.append_text(plain(step))
            t.append("\n")
        for cue in view.cues:
            t.append("• ", style="dim")
            t.append_text(plain(cue, "italic"))
            t.append("\n")
        t.append("When to stop: ", style="bold")
        t.append_text(plain(view.stop_rule))
        self.query_one("#wt-steps-text", Static).update(t)

    # ---- actions -------------------------------------------------------------------------

    def _act(self, name: str, *args: float) -> None:
        if self.engine is None or self.finished:
            return
        now = self.fb.ctx.clock.monotonic()
        result = getattr(self.engine, name)(now, *args)
        self.handle(result or [])
        self.show()

    def action_pause(self) -> None:
        self._act("toggle_pause")

    def action_confirm(self) -> None:
        if self.finished:
            return
        self._act("confirm")

    def action_next(self) -> None:
        self._act("next")

    def action_back(self) -> None:
        self._act("back")

    def action_restart(self) -> None:
        self._act("restart")

    def action_adjust(self, seconds: float) -> None:
        self._act("adjust", seconds)

    def action_skip_item(self) -> None:
        self._act("skip_item")

    def leave(self) -> None:
        self.action_leave()

    def action_leave(self, quit_app: bool = False) -> None:
        """Leave (escape) or quit footbase (q); while a session runs, ask first. The
        countdown waits under the question (as under any dialog)."""
        from footbase_tui.tui.modals.confirm import ConfirmModal

        def go() -> None:
            if quit_app:
                self.app.exit()
            else:
                self.app.pop_screen()

        engine = self.engine
        now = self.fb.ctx.clock.monotonic()
        spent = engine.total_active() + engine.active_elapsed(now) if engine else 0.0
        if self.finished or (not self.results and spent < ASK_AFTER_S):
            go()  # nothing to lose
            return
        where = "Quit footbase" if quit_app else "Leave the walkthrough"

        async def answer(keep: bool | None) -> None:
            if keep is None:
                return
            self.finished = True
            if keep and self.results:
                self.record_current()
                await self.save(ended=True)
            elif self.results:
                await self.fb.save(self.fb.ctx.saves.delete_session, self.session_id)
            go()

        if self.results:
            modal = ConfirmModal(f"{where}. Keep what was done?", "y keep it · n discard it · esc carry on")
        else:
            verb = "quit" if quit_app else "leave"
            modal = ConfirmModal(f"{where}? Nothing is recorded yet.", f"y or n: {verb} · esc carry on")
        self.app.push_screen(modal, answer)

    # ---- the end -------------------------------------------------------------------------

    def finish(self) -> None:
        self.finished = True
        self._timer.stop()
        self.fb.hold_keys()  # keys typed ahead are for the summary: held until it is drawn
        self.run_worker(self._finish())

    async def _finish(self) -> None:
        try:
            await self._summary()
        finally:
            self.fb.dialog_ready()

    async def _summary(self) -> None:
        await self.save(ended=True)
        fb = self.fb
        snap = fb.snapshot
        streak = fb.ctx.practice.streak(snap)
        done = sum(1 for r in self.results.values() if r.status == "done")
        partial = sum(1 for r in self.results.values() if r.status == "partial")
        skipped = sum(1 for r in self.results.values() if r.status == "skipped")
        spent = self.engine.total_active() if self.engine else 0.0
        rows = tuple(
            (i.exercise.name, result_words(self.results[i.id])) for i in self.items if i.id in self.results
        )
        ask = fb.ctx.config.pain_check != "off"
        self.query_one("#wt-main").display = False
        self.query_one("#wt-summary").display = True
        self.find_moves()
        self.show_summary(SummaryData(spent, done, skipped, streak, partial, rows, ask))
        if ask:
            self.query_one("#wt-pain", Input).focus()
        else:  # pain_check: off: the summary only, and esc goes back
            self.query_one("#wt-pain").display = False
        self.after_levels()

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value:
            if not value.isdigit() or int(value) > 10:
                self.notify("Type 0 to 10, or leave it empty to skip.", severity="warning")
                return
            if not await self.save_check(int(value)):
                return
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in LEVEL_ACTIONS:
            return self.finished and self.level_offered()
        if self.finished:
            return action in ("leave", "steps")
        if action == "confirm":
            current = self.engine.current if self.engine else None
            return current is not None and current.kind == PhaseKind.WAIT
        return True

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Pause / resume", "Pause the countdown", self.action_pause)
        yield SystemCommand("Next phase", "Skip to the next phase", self.action_next)
        yield SystemCommand("Previous phase", "Go back one phase", self.action_back)
        yield SystemCommand("Restart phase", "Start this phase again", self.action_restart)
        yield SystemCommand("Add 10 seconds", "Longer phase", lambda: self.action_adjust(10))
        yield SystemCommand("Take 10 seconds", "Shorter phase", lambda: self.action_adjust(-10))
        yield SystemCommand("Skip exercise", "Skip the rest of this exercise", self.action_skip_item)
        yield SystemCommand("Leave walkthrough", "Stop here", self.action_leave)

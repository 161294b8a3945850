"""Today: the day's routine, its progress, and the way into the walkthrough."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.widgets import OptionList, Static

from footbase_tui.core.adapt import WINDOW_DAYS, PainOffer, gentle_offer
from footbase_tui.core.catalog import Program
from footbase_tui.core.localtime import iso_utc, stamp_after
from footbase_tui.core.records import DayPlan, Session, new_id
from footbase_tui.core.routine import DayRoutine, RoutineItem, dosage_text, item_result
from footbase_tui.errors import UsageError
from footbase_tui.practice import Screened
from footbase_tui.tui.safe import plain
from footbase_tui.tui.screens.base import FootbaseScreen
from footbase_tui.tui.widgets.day_header import DayHeader, HeaderData
from footbase_tui.tui.widgets.exercise_detail import ExerciseDetail
from footbase_tui.tui.widgets.key_bar import KeyBar
from footbase_tui.tui.widgets.level_note import LevelNote, progress_text
from footbase_tui.tui.widgets.routine_list import RoutineList, RoutineRow
from footbase_tui.tui.widgets.warning_signs import tiers_text

if TYPE_CHECKING:  # the level code is imported just after the first frame
    from footbase_tui.core.levels import LevelView, Suggestion
    from footbase_tui.core.pain_watch import PainNote


@dataclass(frozen=True)
class TodayView:
    routine: DayRoutine
    planned: Program
    plan: DayPlan | None
    offer: PainOffer | None
    streak: int | None  # None until counted, just after the first frame
    screened: Screened | None = None  # what the screening answers changed, and why
    levels: Mapping[str, LevelView] = field(default_factory=dict)  # per exercise of the routine
    pain_note: PainNote | None = None  # persistent pain: see a GP or physiotherapist

    def suggestion(self) -> Suggestion | None:
        """The first item's level suggestion (the keys act on this one)."""
        for item in self.routine.items:
            view = self.levels.get(item.id)
            if view is not None and view.suggestion is not None:
                return view.suggestion
        return None


BANNER_HINT = "▼ more: shift+tab, then ↓ to read it all"


class TodayScreen(FootbaseScreen):
    """The default screen."""

    KEY_ORDER = (
        ("start", "Start"),
        ("toggle_done", "Done"),
        ("pain", "Pain"),
        ("mode('calendar')", "Cal"),
        ("mode('journal')", "Jrnl"),
        ("skip", "Skip"),
        ("gentle", "Gentle"),
    )

    BINDINGS = [
        Binding("s", "start", "Start", id="start"),
        Binding("space", "toggle_done", "Done", id="toggle-done"),
        Binding("x", "skip", "Skip", id="skip"),
        Binding("g", "gentle", "Gentle", id="gentle"),
        Binding("u", "level_accept", "Accept level", id="level-accept"),
        Binding("h", "level_hold", "Hold level", id="level-hold"),
        Binding("d", "level_drop", "Drop level", id="level-drop"),
        Binding("o", "note_seen", "Noted", id="pain-note-seen"),
    ]

    view: TodayView | None = None
    _header: HeaderData

    def compose(self) -> ComposeResult:
        yield DayHeader(id="day-header")
        with VerticalScroll(id="banner"):
            yield Static(id="banner-text")
        yield Static(BANNER_HINT, id="banner-hint", markup=False)
        yield LevelNote(id="level-note")
        with Container(id="today-body"):
            yield RoutineList(id="routine")
            with VerticalScroll(id="detail-scroll"):
                yield ExerciseDetail(id="detail")
        yield KeyBar(self.KEY_ORDER)

    _started = False

    def on_mount(self) -> None:
        # (Textual also calls FootbaseScreen.on_mount: handlers run for each class.)
        self.watch(self.query_one("#banner", VerticalScroll), "scroll_y", self._banner_hint, init=False)
        self.show_latest()
        self._started = True
        self.query_one(RoutineList).focus()

    # ---- data ----------------------------------------------------------------------------

    def build_view(self) -> TodayView:
        app = self.fb
        ctx, snap = app.ctx, app.snapshot
        today = ctx.today()
        chosen = ctx.practice.plan(snap.meta, today)
        program = chosen.program
        plan = snap.day_plans.get(today)
        screened = ctx.practice.screened(snap, today, chosen)
        routine = screened.routine
        planned = ctx.practice.planned(snap, today, chosen)
        offer = None
        if plan is None and not planned.rest_day and routine.done == 0:
            offer = gentle_offer(snap.pain_since(today - timedelta(days=WINDOW_DAYS)), today)
        return TodayView(routine, program, plan, offer, None, screened)

    def show_levels(self) -> None:
        """The level suggestions and the pain note: the rule checks read the last weeks of
        the snapshot already loaded (a few ms on ten years); at start-up they come just
        after the first frame, like the streak."""
        from footbase_tui.progression import Progression

        view = self.view
        if view is None:
            return
        ctx, snap = self.fb.ctx, self.fb.snapshot
        today = view.routine.day
        progression = Progression(ctx)
        pain = progression.recent_pain(snap, today)
        planned = ctx.practice.planned(snap, today)
        self.view = replace(
            view,
            levels=progression.views(snap, view.routine, today, pain),
            pain_note=progression.pain_note(snap, planned, today, pain),
        )
        self._show_level_note(self.view)
        self._show_detail()
        self.refresh_bindings()

    def count_streak(self) -> None:
        """The streak may walk years of history: it is counted in a thread, so the routine
        is on screen first (a long streak costs ~100 ms on ten years)."""
        view = self.view
        if view is None:
            return
        ctx, snap = self.fb.ctx, self.fb.snapshot
        day = view.routine.day

        def count() -> None:
            streak = ctx.practice.streak(snap, day)
            self.app.call_from_thread(self._show_streak, snap, streak)

        self.run_worker(count, thread=True, exclusive=True, group="streak")

    def _show_streak(self, snap: object, streak: int) -> None:
        if self.view is None or snap is not self.fb.snapshot or not hasattr(self, "_header"):
            return  # the store changed meanwhile; a newer count is on its way
        self.view = replace(self.view, streak=streak)
        self._header = replace(self._header, streak=streak)
        self.query_one(DayHeader).show(self._header)

    def refresh_data(self) -> None:
        self.view = v = self.build_view()
        r = v.routine
        state = ""
        if v.plan is not None:  # the gentle program today: name it, then what it replaces
            state = "adapted" if v.plan.reason == "pain" else ""
        elif r.rest_day:
            state = "rest day"
        where, where_short, where_tiny = r.position(), r.position("short"), r.position("tiny")
        if v.plan is not None:
            where = where_short = where_tiny = f"instead of {v.planned.name}"
        self._header = HeaderData(
            date_text=f"{r.day:%a %d %b %Y}",
            date_short=f"{r.day:%a %d %b}",
            where_short=where_short,
            where_tiny=where_tiny,
            state_short="rest" if state == "rest day" else state,
            program=r.program.name,
            where_in_program=where,
            done=r.done,
            total=r.total,
            streak=v.streak,
            state=state,
        )
        self.query_one(DayHeader).show(self._header)
        if self._started or not self.fb.streak_delay:
            self.count_streak()
            self.show_levels()
        else:  # at start-up, after the first frame is on screen: it competes for the CPU
            self.set_timer(self.fb.streak_delay, self.count_streak)
            self.set_timer(self.fb.streak_delay, self.show_levels)
        self._show_banner(v)
        self._show_level_note(self.view)
        rows = [
            RoutineRow(
                i.id,
                i.exercise.name,
                i.level,
                dosage_text(i.dosage, i.exercise.per_side),
                i.exercise.equipment_at(i.level)[0] if i.exercise.equipment_at(i.level) else "",
                i.status,
                i.reason,
            )
            for i in r.items
        ]
        routine_list = self.query_one(RoutineList)
        routine_list.show(rows)
        routine_list.display = bool(rows)
        self._show_detail()
        self.refresh_bindings()

    def _banner_hint(self, *_: object) -> None:
        """The hint shows while part of the banner is out of sight below; the banner takes
        focus (to scroll by keys) only when it has more than fits."""
        box = self.query_one("#banner", VerticalScroll)
        more = box.display and box.max_scroll_y > 0
        box.can_focus = more
        self.query_one("#banner-hint").display = more and box.scroll_y < box.max_scroll_y

    def on_resize(self, event: events.Resize) -> None:
        # (Textual also calls SizeGuard.on_resize: handlers run for each class.)
        self.call_after_refresh(self._banner_hint)

    def _show_banner(self, v: TodayView) -> None:
        banner = self.query_one("#banner-text", Static)
        gentle = self.fb.ctx.catalog.gentle_program()
        gentle_name = gentle.name if gentle else "the gentle program"
        t = Text()
        if v.plan is not None:
            t.append(f"Today follows {v.routine.program.name}. ")
            t.append("g: back to the planned routine.", style="dim")
        elif v.routine.rest_day:
            t.append("Rest day: nothing planned. ", style="bold")
            t.append(f"Want to move anyway? g: {gentle_name}, a short seated routine.")
        elif v.offer is not None:
            t.append(f"{v.offer.reason.capitalize()}. ", style="bold")
            t.append(f"g: do {gentle_name} today instead (the day counts as adapted, not missed).\n")
            t.append_text(tiers_text())
        elif v.routine.before_start:
            t.append(f"{v.routine.program.name} starts on {v.routine.start:%a %d %b}.")
        elif v.routine.total and v.routine.done == v.routine.total:
            t.append("All done for today. Well kept.", style="bold green")
        for effect in v.screened.effects if v.screened else ():
            t.append("\n" if t.plain else "")
            t.append_text(plain(effect.note))
        banner.update(t)
        self.query_one("#banner").display = bool(t.plain)
        self.query_one("#banner-hint").display = False
        self.call_after_refresh(self._banner_hint)

    def _show_level_note(self, v: TodayView) -> None:
        s = v.suggestion()
        name = next((i.exercise.name for i in v.routine.items if s and i.id == s.exercise), None)
        self.query_one(LevelNote).show(name, s, v.pain_note)

    def selected(self) -> RoutineItem | None:
        if self.view is None:
            return None
        index = self.query_one(RoutineList).highlighted
        items = self.view.routine.items
        return items[index] if index is not None and 0 <= index < len(items) else None

    def _show_detail(self) -> None:
        item = self.selected()
        detail = self.query_one(ExerciseDetail)
        if item is None:
            detail.show(None)
        else:
            progress = progress_text(self.view.levels.get(item.id)) if self.view else None
            note = self.view.screened.notes.get(item.id) if self.view and self.view.screened else None
            detail.show(item.exercise, item.level, item.dosage, note, progress)
        self.query_one("#detail-scroll").display = item is not None

    @on(OptionList.OptionHighlighted, "#routine")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#routine")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.start_walkthrough(event.option_index)

    # ---- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        v = self.view
        if v is None:
            return True
        if action in ("start", "toggle_done", "skip"):
            return bool(v.routine.items)
        if action == "gentle":
            return v.plan is not None or v.routine.rest_day or v.offer is not None
        if action == "note_seen":
            return v.pain_note is not None
        if action in ("level_accept", "level_hold"):
            return v.suggestion() is not None
        if action == "level_drop":
            item = self.selected()
            return item is not None and item.level > 1
        return True

    def action_note_seen(self) -> None:
        from footbase_tui.progression import Progression

        if self.view is None or self.view.pain_note is None:
            return
        Progression(self.fb.ctx).dismiss_pain_note(self.view.routine.day)
        self.view = replace(self.view, pain_note=None)
        self._show_level_note(self.view)
        self.refresh_bindings()

    async def action_level_accept(self) -> None:
        s = self.view.suggestion() if self.view else None
        if s is not None:
            await self._change_level(s.exercise, "up" if s.to > s.level else "down")

    async def action_level_hold(self) -> None:
        s = self.view.suggestion() if self.view else None
        if s is not None:
            await self._change_level(s.exercise, "hold")

    async def action_level_drop(self) -> None:
        item = self.selected()
        if item is not None and item.level > 1:
            await self._change_level(item.id, "down")

    async def _change_level(self, exercise: str, action: str) -> None:
        from footbase_tui.progression import Progression

        if self.view is None:
            return
        ctx = self.fb.ctx
        try:
            done = Progression(ctx).prepare(self.fb.snapshot, exercise, action, self.view.routine)
        except UsageError as exc:
            self.notify(str(exc), timeout=5)
            return
        saved, _ = await self.fb.save(ctx.store.change_level, done.change)
        if saved:
            self.notify(done.line, timeout=4)

    def action_start(self) -> None:
        if self.view is None:
            return
        first = self.view.routine.first_undone()
        if first is None:
            self.notify("Everything is done or skipped for today.")
            return
        self.start_walkthrough(first)

    def start_walkthrough(self, index: int) -> None:
        from footbase_tui.tui.screens.walkthrough import WalkthroughScreen

        if self.view is None or not self.view.routine.items:
            return
        self.run_worker(self._keep_stand_in())
        self.app.push_screen(WalkthroughScreen(self.view.routine, index, self.view.planned.id))

    def _result(self, item: RoutineItem, status: str, reason: str | None = None) -> Session:
        ctx = self.fb.ctx
        now = iso_utc(ctx.clock.now())
        result = item_result(
            item,
            status,
            stamp_after(ctx.clock.now(), item.result_at),
            sets=item.dosage.sets if status == "done" else 0,
            reason=reason,
        )
        assert self.view is not None
        r = self.view.routine
        return Session(new_id(), r.day, ctx.local.zone_name, now, now, r.program.id, "manual", (result,))

    async def action_toggle_done(self) -> None:
        item = self.selected()
        if item is None or self.view is None:
            return
        status = "todo" if item.status == "done" else "done"
        program = (self.view.planned.id, self.view.routine.day)
        await self._keep_stand_in()
        await self.fb.save(self.fb.ctx.store.save_session, self._result(item, status), program)

    async def _keep_stand_in(self) -> None:
        """Store the day plan the screening stands in (the gentle program for a recent
        injury) before practice is saved, so the calendar counts the day by it."""
        stand_in = self.view.screened.stand_in if self.view and self.view.screened else None
        if stand_in is not None:
            await self.fb.save(self.fb.ctx.store.set_day_plan, stand_in, stand_in.date)

    def action_skip(self) -> None:
        from footbase_tui.tui.modals.skip_reason import SkipReasonModal

        item = self.selected()
        if item is None:
            return
        if item.status == "skipped":  # x again un-skips: say so, it is easy to press twice
            self.run_worker(self._save_skip(item, None, undo=True))
            self.notify(f"{item.exercise.name}: no longer skipped (x skips it again).", timeout=4)
            return

        def done(reason: str | None) -> None:
            if reason is not None:
                self.run_worker(self._save_skip(item, reason.strip() or None))

        self.fb.open_dialog(SkipReasonModal(item.exercise.name), done)

    async def _save_skip(self, item: RoutineItem, reason: str | None, undo: bool = False) -> None:
        assert self.view is not None
        session = self._result(item, "todo" if undo else "skipped", reason)
        await self._keep_stand_in()
        await self.fb.save(
            self.fb.ctx.store.save_session, session, (self.view.planned.id, self.view.routine.day)
        )

    async def action_gentle(self) -> None:
        v = self.view
        ctx = self.fb.ctx
        gentle = ctx.catalog.gentle_program()
        if v is None or gentle is None:
            return
        day = v.routine.day
        if v.plan is not None:
            await self.fb.save(ctx.store.set_day_plan, None, day)
            return
        reason = "pain" if v.offer is not None and not v.routine.rest_day else "choice"
        plan = DayPlan(day, gentle.id, reason, iso_utc(ctx.clock.now()))
        await self.fb.save(ctx.store.set_day_plan, plan, day)

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Start walkthrough", "Begin at the first undone exercise", self.action_start)
        yield SystemCommand(
            "Toggle done",
            "Mark the selected exercise done by hand",
            lambda: self.run_worker(self.action_toggle_done()),
        )
        yield SystemCommand("Skip exercise", "Skip the selected exercise for today", self.action_skip)
        yield SystemCommand(
            "Gentle program today",
            "Swap today's routine for the gentle one",
            lambda: self.run_worker(self.action_gentle()),
        )

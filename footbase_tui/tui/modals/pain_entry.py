"""The quick pain entry: level, optional places, context and note; enter saves from anywhere."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static

from footbase_tui.config import Config
from footbase_tui.core.errors import PainInputError
from footbase_tui.core.localtime import LocalTime, TimeInputError, iso_utc, parse_at, wall_time
from footbase_tui.core.pain_input import PainInput, build_entry
from footbase_tui.core.records import PainEntry
from footbase_tui.core.text import clean_text, shown
from footbase_tui.errors import not_saved_message
from footbase_tui.store import EditConflict, StoreError
from footbase_tui.tui.drafts import PainDraft
from footbase_tui.tui.host import Host, host_of
from footbase_tui.tui.messages import PainLogged, StoreChanged
from footbase_tui.tui.modals.confirm import ConfirmModal
from footbase_tui.tui.sizes import MIN_HEIGHT, MIN_WIDTH
from footbase_tui.tui.widgets.choice_lists import CheckGrid, ChoiceList
from footbase_tui.tui.widgets.field import Field


def describe(e: PainEntry) -> str:
    """One line about an entry, for a question."""
    parts = [f"{e.level}/10"]
    if e.where:
        parts.append(", ".join(e.where))
    if e.context:
        parts.append(e.context)
    if e.note:
        first = e.note.splitlines()[0]
        more = len(first) > 40 or "\n" in e.note.strip()
        parts.append(f'"{first[:40]}{"…" if more else ""}"')
    return shown(" · ".join(parts))


class PainEntryModal(ModalScreen[bool]):
    """Dismisses with True once the entry is on disk; a failed save keeps what was typed."""

    BINDINGS = [
        # Enter is not a priority binding: keys typed ahead in one burst (a fast typist over
        # SSH, a paste) must reach the fields, in order, before the save reads them. The
        # fields submit (Input) or select (the lists) on enter, and that saves.
        Binding("escape", "cancel", "Cancel", id="pain-cancel"),
        # Tab moves focus once the keys before it are done and holds the keys after it till
        # then, so in a burst over SSH each key lands in the field a slow typist's would.
        Binding("tab", "next_field", "Next field", show=False, priority=True),
        Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True),
    ]

    def __init__(
        self,
        config: Config,
        draft: PainDraft | None = None,
        restored: bool = False,
        context: str | None = None,
        editing: PainEntry | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.editing = editing
        if editing is not None and draft is None:
            # A record from elsewhere may carry escapes: the fields draw what they hold.
            draft = PainDraft(
                str(editing.level), editing.where, editing.context, shown(editing.note, multiline=True)
            )
        self.draft = draft or PainDraft(context=context)
        self.when_typed = ""
        if editing is not None:
            self.when_typed = f"{wall_time(editing.utc, editing.tz):%Y-%m-%d %H:%M}"
        # An edit keeps the entry's places and activity even when the config no longer lists
        # them: they are shown (marked), kept unless unticked, and accepted on save.
        self.outside_where = tuple(w for w in editing.where if w not in config.locations) if editing else ()
        kept_context = editing.context if editing and editing.context not in config.contexts else None
        self.outside_context = (kept_context,) if kept_context else ()
        self.restored = restored
        self._unhook: object = None
        self._saving = False

    @property
    def fb(self) -> Host:
        """The hosting app, as far as dialogs may use it."""
        return host_of(self)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pain-box"):  # scrolls when the terminal is very small
            title = "Log pain — restored draft" if self.restored else "Log pain"
            if self.editing is not None:
                title = f"Edit pain entry of {self.editing.date:%a %d %b %Y}"
                title += " — restored draft" if self.restored else ""
            yield Label(title, id="pain-title")
            with Horizontal(id="pain-level-row"):
                yield Label("Level 0-10 ")
                yield Field(
                    self.draft.level,
                    placeholder="0 = none",
                    restrict=r"[0-9]{0,2}",
                    max_length=2,
                    id="pain-level",
                )
                if self.editing is not None:  # an edit may move the entry in time too
                    yield Label(" at ")
                    yield Field(self.when_typed, placeholder="YYYY-MM-DD HH:MM", id="pain-when")
            with Horizontal(id="pain-lists"):
                yield CheckGrid(
                    self.config.locations, self.draft.where, outside=self.outside_where, id="pain-where"
                )
                yield ChoiceList(
                    self.config.contexts,
                    [self.draft.context] if self.draft.context else [],
                    outside=self.outside_context,
                    id="pain-context",
                )
            yield Field(self.draft.note, placeholder="note (optional)", id="pain-note")
            yield Static("", id="pain-error")
            yield Static("⏎ save · tab next · space tick · esc cancel", id="pain-hint")
            yield Static("⏎ save · esc cancel", id="pain-hint-short")

    def on_mount(self) -> None:
        self.query_one("#pain-where", CheckGrid).border_title = "where"
        self.query_one("#pain-context", ChoiceList).border_title = "doing"
        self.query_one("#pain-level", Input).focus()
        self.query_one("#pain-error", Static).display = False
        self._fit(self.app.size.width, self.app.size.height)
        self._unhook = self.fb.on_hangup_hook(self.save_draft)
        self.fb.dialog_ready()  # keys typed ahead of this dialog go to the field now, in order

    def action_next_field(self) -> None:
        self.fb.focus_after_keys(forward=True)

    def action_previous_field(self) -> None:
        self.fb.focus_after_keys(forward=False)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Below the minimum size the lists go and level, note and a short hint stay: a
        clipped form would be typed into blind, and a hidden one would drop the keys."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-small")
        if small and isinstance(self.focused, OptionList | CheckGrid):
            self.query_one("#pain-note", Input).focus()

    def on_unmount(self) -> None:
        if callable(self._unhook):
            self._unhook()

    def current(self) -> PainDraft:
        where = tuple(self.query_one("#pain-where", CheckGrid).chosen)
        context = self.query_one("#pain-context", ChoiceList).value
        return PainDraft(
            level=self.query_one("#pain-level", Input).value.strip(),
            where=where,
            context=context,
            note=self.query_one("#pain-note", Input).value,
        )

    def save_draft(self) -> None:
        """Called when the terminal goes away: keep what was typed (0600) for next time."""
        draft = self.current()
        if not draft.empty:
            # An edit's draft names the entry, so that it comes back as that edit, not a new one.
            self.fb.drafts.save(replace(draft, editing=self.editing.id if self.editing else None))

    def _error(self, message: str) -> None:
        error = self.query_one("#pain-error", Static)
        error.update(message)
        error.display = bool(message)  # no empty line taking a row at 50x16

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    @on(CheckGrid.Submitted)
    def _submitted(self, event: Message) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Save in a worker: waiting for another footbase's lock must not hold up keys."""
        if self._saving:
            return
        self._saving = True
        self.run_worker(self._save(), exclusive=True, group="pain-save")

    async def _save(self) -> None:
        try:
            await self._save_now()
        finally:
            self._saving = False

    async def _save_now(self) -> None:
        draft = self.current()
        if not draft.level.isdigit() or not 0 <= int(draft.level) <= 10:
            self._error("Type a level from 0 (no pain) to 10.")
            self.query_one("#pain-level", Input).focus()
            return
        ctx = self.fb.ctx
        try:
            entry = build_entry(
                PainInput(int(draft.level), draft.where, draft.context, clean_text(draft.note)),
                at=ctx.clock.now(),
                local=ctx.local,
                locations=(*self.config.locations, *self.outside_where),
                contexts=(*self.config.contexts, *self.outside_context),
                source="app",
            )
        except PainInputError as exc:
            self._error(str(exc))
            return
        if self.editing is not None:
            moved = self._moved(self.editing)
            if moved is None:
                return
            mine = replace(
                moved, level=entry.level, where=entry.where, context=entry.context, note=entry.note
            )
            await self._save_edit(mine, self.editing)
            return
        ok, _ = await self.fb.save(ctx.saves.log_pain, entry)
        if not ok:
            self._error("Not saved — your text is still here; try again.")
            return
        self.fb.drafts.clear()
        self.app.post_message(PainLogged(entry.level))
        self.dismiss(True)

    def _moved(self, entry: PainEntry) -> PainEntry | None:
        """The entry at the date and time typed (as it was if that is unchanged), or None
        after saying why not (not a time, in the future, inside a clock change)."""
        field = self.query_one("#pain-when", Input)
        typed = field.value.strip()
        if typed == self.when_typed:
            return entry  # the seconds stay as they were
        ctx = self.fb.ctx
        local = LocalTime(entry.tz, ctx.local.day_starts_at)
        try:
            at = parse_at(typed, ctx.clock.now(), local)
        except TimeInputError as exc:
            self._error(f"{exc}.")
            field.focus()
            return None
        return replace(entry, utc=iso_utc(at), date=local.day_of(at))

    async def _save_edit(self, mine: PainEntry, expected: PainEntry | None) -> None:
        """Save an edit; if another process changed the entry meanwhile, ask which to keep."""
        try:
            # expected None: deleted elsewhere, and the person chose to keep theirs
            await asyncio.to_thread(self.fb.ctx.saves.edit_pain, mine, expected)
        except EditConflict as conflict:
            theirs = conflict.theirs if isinstance(conflict.theirs, PainEntry) else None
            now = describe(theirs) if theirs else "it was deleted"
            question = (
                f"This entry was changed elsewhere while you edited it. Now: {now}. "
                f"Yours: {describe(mine)}. Keep yours?"
            )

            async def answer(keep_mine: bool | None) -> None:
                if keep_mine is None:
                    return  # back to the form, text intact
                if keep_mine:
                    await self._save_edit(mine, theirs)
                else:
                    self.app.post_message(StoreChanged())  # theirs stands: show it
                    self.dismiss(False)

            self.app.push_screen(ConfirmModal(question, "y keep yours · n keep theirs · esc back"), answer)
            return
        except StoreError as exc:
            line = not_saved_message(exc)  # the words the notice and the CLI use
            self._error(f"{line[0].upper()}{line[1:]} — your text is still here; try again.")
            return
        if self.restored:
            self.fb.drafts.clear()  # the draft was this edit: it is on disk now
        self.app.post_message(StoreChanged())
        self.app.post_message(PainLogged(mine.level))
        self.dismiss(True)

    def action_cancel(self) -> None:
        if self.restored:
            self.fb.drafts.clear()
        self.dismiss(False)

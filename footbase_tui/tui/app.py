"""The footbase App: screens as modes, global keys, store watching, hang-up handling."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from footbase_tui.context import Context
from footbase_tui.core.screening import Screening
from footbase_tui.core.text import shown
from footbase_tui.errors import NotSaved, internal_error_line, not_saved_message
from footbase_tui.store import Snapshot, StoreError
from footbase_tui.tui.drafts import DraftBox
from footbase_tui.tui.messages import PainLogged, StoreChanged
from footbase_tui.tui.palette import binding_commands
from footbase_tui.tui.screens.base import FootbaseScreen
from footbase_tui.tui.screenshots import save_screenshot

T = TypeVar("T")
WATCH_INTERVAL_S = 1.0
STREAK_DELAY_S = 0.2
HOLD_KEYS_MAX_S = 1.0  # keys typed ahead of a dialog are never held longer than this


def _calendar_screen() -> Screen[None]:
    from footbase_tui.tui.screens.calendar import CalendarScreen

    return CalendarScreen()


def _journal_screen() -> Screen[None]:
    from footbase_tui.tui.screens.journal import JournalScreen

    return JournalScreen()


class FocusAfterKeys(Message):
    """Sent along the path the keys before a focus change took: it arrives after them."""

    def __init__(self, forward: bool) -> None:
        super().__init__()
        self.forward = forward


class FootbaseApp(App[None]):
    """Owns the dependencies and the latest snapshot of the store; screens read from it."""

    CSS_PATH = "app.tcss"
    TITLE = "footbase"
    ENABLE_COMMAND_PALETTE = True
    DEFAULT_MODE = "today"  # start on Today itself: switching after mount re-applies all CSS
    BINDINGS = [
        Binding("p", "pain", "Pain", id="pain"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("t", "mode('today')", "Today", id="today"),
        Binding("c", "mode('calendar')", "Calendar", id="calendar"),
        Binding("j", "mode('journal')", "Journal", id="journal"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        ctx: Context | None = None,
        watch_interval: float = WATCH_INTERVAL_S,
        streak_delay: float = STREAK_DELAY_S,
        first_start: bool = False,
    ) -> None:
        """`ctx` None: build it as the command line does (`--db` aside), so that
        `textual run --dev footbase_tui.tui.app:FootbaseApp` works."""
        super().__init__()
        ctx = ctx if ctx is not None else Context.from_args(None)
        self.ctx = ctx
        # The command line starts the app with first_start: the screening is asked then,
        # once, until it is answered or skipped (tests start without it).
        self.first_start = first_start
        # At start-up the streak (which may walk years) is counted after the first frame.
        self.streak_delay = streak_delay
        self.drafts = DraftBox(ctx.paths.draft)
        # Waiting for another footbase's lock: say so in the app, never on stderr (which
        # would scribble over the screen).
        ctx.store.on_wait = self._say_waiting
        self.snapshot: Snapshot = ctx.store.load()
        self._watch_interval = watch_interval
        self._stamp = self._store_stamp()
        self._day = ctx.today()
        self._hangup_hooks: list[Callable[[], None]] = []
        self._held: list[events.Key | events.Paste] | None = None  # see open_dialog
        self._hold_after = 0.0  # keys typed after this moment are held
        self._key_time = 0.0  # when the key being handled was typed
        self._hold_timer: Timer | None = None
        self.crash_line: str | None = None  # what to print after a crash (see _handle_exception)
        from footbase_tui.tui.screens.today import TodayScreen
        from footbase_tui.tui.themes import ThemeMemory, check_theme

        # The theme: the config's (refused in one line if Textual has no such theme) or
        # the one picked last in the app; set before the first frame.
        check_theme(ctx.config.theme, self.available_themes, ctx.config.source)
        self.themes = ThemeMemory(ctx.paths.ui_state)
        chosen = self.themes.choose(ctx.config.theme, self.available_themes)
        if chosen is not None:
            self.theme = chosen
        self._kept_theme = self.theme

        self.add_mode("today", lambda: TodayScreen())
        self.add_mode("calendar", _calendar_screen)  # imported when first opened
        self.add_mode("journal", _journal_screen)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification shows plain text: an error may quote a file, a table name such
        as `[/]` or a note, which must neither style the screen nor reach the terminal raw."""
        super().notify(
            shown(message, multiline=True),
            title=shown(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def _handle_exception(self, error: Exception) -> None:
        """Textual prints a crash as a traceback with local variables, and one of them may
        hold a note: print the CLI's one line instead (a damaged store: what is wrong and
        how to recover), with a traceback without locals only under FOOTBASE_DEBUG=1."""
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it at the end of a test
            self._exception = error
            self._exception_event.set()
        if isinstance(error, StoreError):
            line = not_saved_message(error) if isinstance(error, NotSaved) else str(error)
        else:
            line = internal_error_line(error, self.ctx.store.writes > 0)
        # Printed by run_app once the terminal is back to normal: one line, not cropped.
        self.crash_line = f"footbase: {shown(line)}"
        if os.environ.get("FOOTBASE_DEBUG"):
            from rich.traceback import Traceback

            trace = Traceback.from_exception(type(error), error, error.__traceback__, show_locals=False)
            self._exit_renderables.append(trace)
        self.bell()
        self._close_messages_no_wait()

    # ---- start and stop ------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_interval(self._watch_interval, self.check_store)
        self.theme_changed_signal.subscribe(self, lambda theme: self.keep_theme(theme.name))
        try:
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGHUP, self.hang_up)
        except (NotImplementedError, RuntimeError, ValueError):
            pass
        draft = self.drafts.load()
        if draft is not None:
            self.call_after_refresh(self.open_pain, draft, True)
        elif self.first_start and not self.ctx.config.screening_asked:
            self.call_after_refresh(self.open_screening, True)
        self.call_after_refresh(self.merge_conflict_copies)

    async def merge_conflict_copies(self) -> None:
        """Merge the sync conflict copies beside the store (off the event loop), say what
        each did in one line, and show the merged records."""
        try:
            merged = await asyncio.to_thread(self.ctx.store.merge_conflict_copies)
        except StoreError as exc:
            self.notify(str(exc), title="Sync conflict copy", severity="error", timeout=10, markup=False)
            return
        for done in merged:
            self.notify(done.line(), title="Sync conflict copy", timeout=10, markup=False)
        if merged:
            self.reload()

    def keep_theme(self, name: str) -> None:
        """A theme picked (ctrl+p, "Change theme"): remember it for the next start."""
        if name == self._kept_theme:
            return
        try:
            self.themes.remember(name, self.ctx.config.theme)
        except StoreError as exc:
            self.notify(f"The theme will not be kept: {exc}", severity="warning", timeout=6)
            return
        self._kept_theme = name

    def on_hangup_hook(self, hook: Callable[[], None]) -> Callable[[], None]:
        """Register something to save when the terminal goes away; returns an unregister."""
        self._hangup_hooks.append(hook)
        return lambda: self._hangup_hooks.remove(hook) if hook in self._hangup_hooks else None

    def hang_up(self) -> None:
        """SIGHUP (an SSH drop): save what is in progress and leave within 2 s."""
        for hook in list(self._hangup_hooks):
            with contextlib.suppress(Exception):  # keep saving the rest
                hook()
        # The terminal is gone; if shutting down stalls on it, leave anyway.
        timer = threading.Timer(1.0, os._exit, args=(129,))
        timer.daemon = True
        timer.start()
        self.exit()

    # ---- the store -----------------------------------------------------------------------

    def _store_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.ctx.paths.db)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _say_waiting(self) -> None:
        message = "Waiting for another footbase to finish saving…"
        if threading.current_thread() is threading.main_thread():
            self.notify(message, timeout=5)
        else:  # store writes run in a worker thread
            self.call_from_thread(self.notify, message, timeout=5)

    def check_store(self) -> None:
        """Reload when another process changed the store, or a new day began (cheap: one
        stat a second)."""
        if self._store_stamp() != self._stamp or self.ctx.today() != self._day:
            self.reload(check=True)

    def reload(self, check: bool = False) -> None:
        """Read the store again and redraw. With `check` (another program changed the file),
        every record is read now: a damaged one is a notification, never a crash later on
        whichever screen reads it first (our own saves write only checked records)."""
        self._stamp = self._store_stamp()
        self._day = self.ctx.today()
        before = self.snapshot
        try:
            snapshot = self.ctx.store.load()
            if check:
                _ = snapshot.pain, snapshot.sessions, snapshot.day_plans  # raise StoreCorrupt now
            self.snapshot = snapshot
            # The screens in view redraw now; the others when they are shown again. A record
            # damaged by another program shows up here, as records are read when drawn.
            self._redraw()
        except StoreError as exc:
            self.notify(str(exc), title="Store", severity="error", timeout=10)
            self.snapshot = before  # keep showing what was read last
            with contextlib.suppress(StoreError):
                self._redraw()

    def _redraw(self) -> None:
        for s in self.screen_stack:
            if isinstance(s, FootbaseScreen) and s.is_mounted:
                s.show_latest()

    async def save(self, write: Callable[..., T], *args: Any) -> tuple[bool, T | None]:
        """Run a store write off the event loop; say "not saved" plainly if it fails."""
        try:
            result = await asyncio.to_thread(write, *args)
        except StoreError as exc:
            self.notify(not_saved_message(exc), title="Not saved", severity="error", timeout=10)
            return False, None
        self.reload()
        return True, result

    # ---- keys typed ahead of a dialog ------------------------------------------------------

    def open_dialog(self, dialog: Screen[T], callback: Callable[[T | None], Any] | None = None) -> None:
        """Push a dialog with a text field, holding the keys typed after the one that opened
        it until the field has focus. In a burst (over SSH: 'e', '7', enter in one packet)
        those keys are already on their way to the screen underneath, which would drop them
        or act on them. The dialog calls dialog_ready; after 1 s they are let go anyway."""
        self._start_holding()
        self.push_screen(dialog, callback)

    def hold_keys(self) -> None:
        """Hold the keys typed after this one until dialog_ready (at most HOLD_KEYS_MAX_S)."""
        self._start_holding()

    def dialog_ready(self) -> None:
        """The dialog has asked for focus: deliver the held keys, in order, after that."""
        self.call_later(self._release_keys)

    def focus_after_keys(self, forward: bool = True) -> None:
        """Tab inside a dialog: move focus once the keys typed before it are done, and hold
        the keys typed after it until then. Keys reach a widget through its queue, and a
        list acts on space or the arrows only when the key bubbles back to the app, which
        looks up the focused widget's bindings then: had focus already moved, a burst
        (`6 tab space tab enter`) would tick the next list instead."""
        self._start_holding()
        target = self.screen.focused or self.screen
        target.post_message(FocusAfterKeys(forward))  # travels behind the earlier keys

    def _start_holding(self) -> None:
        if self._held is None:
            self._held = []
            self._hold_after = self._key_time
            self._hold_timer = self.set_timer(HOLD_KEYS_MAX_S, self._release_keys)

    async def on_focus_after_keys(self, message: FocusAfterKeys) -> None:
        message.stop()
        if message.forward:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()
        await self._release_keys()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste):
            if self._held is not None and event.time > self._hold_after:
                self._held.append(event)  # fresh from the terminal, or back from below
                return
            self._key_time = event.time
        await super().on_event(event)

    async def _release_keys(self) -> None:
        held, self._held = self._held or [], None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        waiting = sorted(held, key=lambda e: e.time)  # in the order they were typed
        while waiting:
            event = waiting.pop(0)
            fresh = (
                events.Key(event.key, event.character)
                if isinstance(event, events.Key)
                else events.Paste(event.text)
            )
            self._key_time = fresh.time
            await super().on_event(fresh)  # to whatever has focus now
            if self._held is not None:  # that key began a new hold (a tab, a dialog)
                self._held[:0] = waiting  # the rest wait for it, still in order
                return

    # ---- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No "t Today" while on Today itself: the footer has little room at 50 columns.
        return not (
            action == "mode"
            and parameters
            and parameters[0] == self.current_mode
            and len(self.screen_stack) == 1
        )

    def action_mode(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)
        elif len(self.screen_stack) > 1 and isinstance(self.screen, FootbaseScreen):
            self.screen.leave()  # t during the walkthrough: back to Today (asking to keep)

    # ---- messages up (tui/messages.py) ----------------------------------------------------

    def on_pain_logged(self, message: PainLogged) -> None:
        """Say the entry is saved; from 7 up, with the pointer to the warning signs."""
        from footbase_tui.tui.widgets.warning_signs import saved_pain_notice

        n = saved_pain_notice(message.level, message.after)
        self.notify(n.message, title=n.title, severity=n.severity, timeout=n.timeout, markup=False)

    def on_store_changed(self, message: StoreChanged) -> None:
        self.reload()

    def action_pain(self) -> None:
        self.open_pain(None, False)

    def open_pain(self, draft: Any, restored: bool) -> None:
        from footbase_tui.tui.modals.pain_entry import PainEntryModal

        if isinstance(self.screen, PainEntryModal):
            return
        editing = None
        if draft is not None and getattr(draft, "editing", None):
            # A draft of an edit comes back as that edit (if the entry is gone: as a new one).
            with contextlib.suppress(StoreError):
                editing = next((e for e in self.snapshot.pain if e.id == draft.editing), None)
        self.open_dialog(PainEntryModal(self.ctx.config, draft=draft, restored=restored, editing=editing))

    def open_screening(self, first_start: bool = False) -> None:
        """Ask the safety questions; the answers go to the config file (skipping counts as
        asked, and says once how to come back)."""
        from footbase_tui.tui.modals.screening import ScreeningModal

        if isinstance(self.screen, ScreeningModal):
            return

        def done(answers: Screening | None) -> None:
            if answers is not None:
                self.run_worker(self._save_screening(answers))

        self.push_screen(ScreeningModal(self.ctx.config.screening, first_start), done)

    async def _save_screening(self, answers: Screening) -> None:
        from dataclasses import replace

        from footbase_tui.config import save_screening
        from footbase_tui.core.errors import ConfigError, YamlError

        try:
            await asyncio.to_thread(save_screening, self.ctx.paths.config, answers)
        except (StoreError, ConfigError, YamlError) as exc:
            # The message names a path, which may hold markup-like text: shown literally.
            message = f"Screening not saved: {exc}"
            self.notify(message, title="Not saved", severity="error", timeout=10, markup=False)
            return
        self.ctx.config = replace(self.ctx.config, screening=answers, screening_asked=True)
        if answers.answered:
            self.notify("Saved: screening. Today shows what it adjusts.", timeout=4)
        else:
            self.notify("Screening skipped. ctrl+p, Screening, asks any time.", timeout=8)
        self.reload()

    def action_help(self) -> None:
        from footbase_tui.tui.modals.help import HelpModal

        if isinstance(self.screen, HelpModal):
            return
        notes = list(self.screen.help_notes()) if isinstance(self.screen, FootbaseScreen) else []
        self.push_screen(HelpModal(self.screen, notes))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Today", "Today's routine", lambda: self.action_mode("today"))
        yield SystemCommand("Calendar", "Consistency calendar", lambda: self.action_mode("calendar"))
        yield SystemCommand("Journal", "Pain journal", lambda: self.action_mode("journal"))
        yield SystemCommand("Log pain", "Quick pain entry (0-10)", self.action_pain)
        yield SystemCommand("Help", "Every key on this screen", self.action_help)
        yield SystemCommand("Screening", "The safety questions that adjust your routine", self.open_screening)
        if isinstance(screen, FootbaseScreen):
            own = list(screen.commands())
            yield from own
            yield from binding_commands(screen, (c.title for c in own))

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save the screen as SVG in the data folder's `screenshots/` (see screenshots.py)."""
        return save_screenshot(self, self.ctx.paths.data_dir, filename, path, time_format)

"""The footbase App: screens as modes, global keys, store watching, hang-up handling."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

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
from footbase_tui.tui.startup import THAW_AFTER_S, read_frozen, thaw
from footbase_tui.tui.typeahead import TypeAheadApp

T = TypeVar("T")
WATCH_INTERVAL_S = 1.0
STREAK_DELAY_S = 0.2


def _calendar_screen() -> Screen[None]:
    from footbase_tui.tui.screens.calendar import CalendarScreen

    return CalendarScreen()


def _journal_screen() -> Screen[None]:
    from footbase_tui.tui.screens.journal import JournalScreen

    return JournalScreen()


class FootbaseApp(TypeAheadApp):
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
        # With the start-up deferrals on, the store is read out of the collector's sight
        # until after the first frame (see startup.py).
        self.snapshot: Snapshot = read_frozen(ctx.store.load) if streak_delay else ctx.store.load()
        self._watch_interval = watch_interval
        self._stamp = self._store_stamp()
        self._day = ctx.today()
        self._hangup_hooks: list[Callable[[], None]] = []
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
        if self.streak_delay:  # the store was read frozen (see startup.py)
            self.set_timer(THAW_AFTER_S, thaw)
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

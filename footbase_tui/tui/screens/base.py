"""The base of every footbase screen: a "make the window larger" notice below 50x16."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events
from textual.app import SystemCommand
from textual.screen import Screen
from textual.widgets import Footer, Static

if TYPE_CHECKING:
    from footbase_tui.tui.app import FootbaseApp

MIN_WIDTH = 50
MIN_HEIGHT = 16


class TooSmall(Static):
    """Shown instead of the screen's content when the terminal is too small."""


class SizeGuard:
    """For screens and dialogs: below the minimum size, hide the content and say so plainly.

    (Textual calls on_mount and on_resize of every class that defines them, this one too.)
    """

    def on_mount(self) -> None:
        assert isinstance(self, Screen)
        self.mount(
            TooSmall(f"Make the window larger: footbase needs {MIN_WIDTH}x{MIN_HEIGHT}.", id="too-small")
        )
        self._apply_size(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        assert isinstance(self, Screen)
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        self.set_class(width < 80, "-narrow")
        for footer in self.query(Footer):
            footer.compact = width < 80


class FootbaseScreen(SizeGuard, Screen[None]):
    """A footbase screen: sizes guarded, data from the app's snapshot."""

    @property
    def fb(self) -> FootbaseApp:
        from footbase_tui.tui.app import FootbaseApp

        assert isinstance(self.app, FootbaseApp)
        return self.app

    def show_latest(self) -> None:
        """Redraw from the app's current snapshot (and remember which one was drawn)."""
        self._drawn_from = self.fb.snapshot
        self.refresh_data()

    def on_screen_resume(self) -> None:
        # A screen of another mode, or under a dialog, may have missed a reload.
        if getattr(self, "_drawn_from", None) is not self.fb.snapshot:
            self.show_latest()

    def leave(self) -> None:
        """Go back to the screen below (the walkthrough asks first)."""
        self.app.pop_screen()

    def refresh_data(self) -> None:
        """Draw from self.fb.snapshot; called via show_latest when the store changed."""

    def help_notes(self) -> Iterable[tuple[str, str]]:
        """One-sentence explanations the help screen adds for this screen."""
        return ()

    def commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        return ()

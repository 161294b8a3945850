"""The smallest terminal footbase draws in, and the guard that says so below it (a leaf:
screens and dialogs alike use it)."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer, Static

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

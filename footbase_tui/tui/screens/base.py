"""The base of every footbase screen: a "make the window larger" notice below 50x16."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.screen import Screen

from footbase_tui.tui.host import Host, host_of
from footbase_tui.tui.sizes import SizeGuard


class FootbaseScreen(SizeGuard, Screen[None]):
    """A footbase screen: sizes guarded, data from the app's snapshot."""

    # The footer's keys in the order they matter here, each with a short label for narrow
    # terminals (see widgets/key_bar.py); the app's keys follow.
    KEY_ORDER: tuple[tuple[str, str], ...] = ()

    @property
    def fb(self) -> Host:
        """The hosting app, as far as screens may use it."""
        return host_of(self)

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

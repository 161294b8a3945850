"""What screens and dialogs may ask of the app that hosts them, as a protocol.

Screens and modals depend on this, never on `FootbaseApp` itself, so nothing below the app
imports it (the import graph stays one-way: app -> screens -> modals -> widgets).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from textual.screen import Screen

    from footbase_tui.context import Context
    from footbase_tui.store import Snapshot
    from footbase_tui.tui.drafts import DraftBox

T = TypeVar("T")


class Host(Protocol):
    """The app as its screens see it: the context, the latest snapshot, and the few things
    only the app does (saving off the event loop, holding keys for a dialog)."""

    ctx: Context
    snapshot: Snapshot
    drafts: DraftBox
    streak_delay: float

    async def save(self, write: Callable[..., T], *args: Any) -> tuple[bool, T | None]:
        """Run a store write off the event loop; False (and a "not saved" notice) on failure."""
        ...

    def reload(self) -> None:
        """Read the store again and redraw the screens in view."""
        ...

    def open_dialog(self, dialog: Screen[T], callback: Callable[[T | None], Any] | None = None) -> None:
        """Push a dialog with a text field, holding keys typed ahead until it has focus."""
        ...

    def dialog_ready(self) -> None:
        """A dialog has focused its field: deliver the keys held for it, in order."""
        ...

    def hold_keys(self) -> None:
        """Hold the keys typed from now on until dialog_ready (at most a second): for a
        screen that draws its field a moment later (the walkthrough's summary)."""
        ...

    def focus_after_keys(self, forward: bool = True) -> None:
        """Move focus (tab in a dialog) after the keys typed before it, holding later ones."""
        ...

    def open_pain(self, draft: Any, restored: bool) -> None:
        """Open the pain entry dialog (with a restored draft, if any)."""
        ...

    def on_hangup_hook(self, hook: Callable[[], None]) -> Callable[[], None]:
        """Register something to save when the terminal goes away; returns an unregister."""
        ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification."""
        ...


def host_of(node: DOMNode) -> Host:
    """The app hosting `node`, as a Host (the app class itself is not imported here)."""
    return cast("Host", node.app)

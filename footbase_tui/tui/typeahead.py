"""Keys typed ahead of a dialog: held until its field has focus, then let go in order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

T = TypeVar("T")
HOLD_KEYS_MAX_S = 1.0  # keys typed ahead of a dialog are never held longer than this


class FocusAfterKeys(Message):
    """Sent along the path the keys before a focus change took: it arrives after them."""

    def __init__(self, forward: bool) -> None:
        super().__init__()
        self.forward = forward


class TypeAheadApp(App[None]):
    """An app that holds the keys typed after the one that opened a dialog (or moved the
    focus in it) until the dialog is ready for them; FootbaseApp is one."""

    def __init__(self) -> None:
        super().__init__()
        self._held: list[events.Key | events.Paste] | None = None  # see open_dialog
        self._hold_after = 0.0  # keys typed after this moment are held
        self._key_time = 0.0  # when the key being handled was typed
        self._hold_timer: Timer | None = None

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

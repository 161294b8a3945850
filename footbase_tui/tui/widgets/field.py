"""A one-line text field that does not blink: an idle app should not repaint over SSH."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input


class Field(Input):
    def __init__(self, *args: Any, lets_through: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cursor_blink = False
        # Characters the field never takes, left to the screen's bindings (the walkthrough
        # summary's u and h beside its 0-10 field); an Input takes every printable key.
        self.lets_through = frozenset(lets_through)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Whether the field takes `key`: every printable one but those it lets through."""
        if character is not None and character in self.lets_through:
            return False
        return super().check_consume_key(key, character)

    # Editing keys done here, in arrival order. As bindings they run only after the key
    # has bubbled up, so in a burst (typing ahead over SSH: backspace then 8) the 8 lands
    # first and the backspace then deletes it.
    _EDIT_KEYS = {
        "backspace": "delete_left",
        "delete": "delete_right",
        "left": "cursor_left",
        "right": "cursor_right",
        "home": "home",
        "end": "end",
    }

    async def _on_key(self, event: events.Key) -> None:
        action = self._EDIT_KEYS.get(event.key)
        if action is None:
            return  # Input's own handler (Textual runs it after this one) types it
        event.prevent_default()
        event.stop()
        getattr(self, f"action_{action}")()

    def _on_paste(self, event: events.Paste) -> None:
        # Textual's Input keeps only the first line of a paste; a pasted note must not
        # lose its other lines, so they are joined with spaces on this one-line field.
        # (Textual runs the handler of each class; prevent_default stops Input's own.)
        event.prevent_default()
        event.stop()
        text = " ".join(line.strip() for line in event.text.splitlines())
        if not text:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)

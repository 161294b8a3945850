"""A one-line text field that does not blink: an idle app should not repaint over SSH."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input


class Field(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cursor_blink = False

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

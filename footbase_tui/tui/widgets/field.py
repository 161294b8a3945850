"""A one-line text field that does not blink: an idle app should not repaint over SSH."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


class Field(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cursor_blink = False

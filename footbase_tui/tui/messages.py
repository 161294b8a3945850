"""Typed messages up: what a dialog or a screen's part tells the app, instead of reaching
into it to make things happen. Data flows down as attributes; these flow up, and the app
handles them (`on_pain_logged`, `on_store_changed` in tui/app.py).

A leaf: it imports Textual's Message only, so every tui layer may post these.
"""

from __future__ import annotations

from textual.message import Message


class PainLogged(Message):
    """A pain entry is on disk (logged, edited, or a check after an exercise): the app
    says "Saved: pain N/10" and, from 7 up, points to the warning signs."""

    def __init__(self, level: int, after: str = "") -> None:
        super().__init__()
        self.level = level
        self.after = after  # words after the level, e.g. " after practice"


class StoreChanged(Message):
    """Something was written to the store outside the app's `save` (an edit that may meet
    a conflict): the app reads the store again and redraws the screens in view."""

"""Typed messages that flow up from dialogs and widgets to the app."""

from __future__ import annotations

from textual.message import Message


class DialogReady(Message):
    """A dialog has focused its field: the keys typed ahead of it may be delivered now."""

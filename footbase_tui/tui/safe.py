"""Showing user text as plain text: no markup, no escape sequences."""

from __future__ import annotations

from rich.text import Text

from footbase_tui.core.text import shown


def plain(text: str, style: str = "") -> Text:
    """A Text that shows `text` literally: `[/]` stays `[/]`, escapes are stripped."""
    return Text(shown(text, multiline=True), style=style)

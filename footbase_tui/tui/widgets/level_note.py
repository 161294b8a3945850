"""Today's level note: a suggested level change (u accepts, h holds) and the calm
persistent-pain note (o dismisses it for a week). Hidden when there is neither."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from footbase_tui.tui.safe import plain

if TYPE_CHECKING:
    from footbase_tui.core.levels import LevelView, Suggestion
    from footbase_tui.core.pain_watch import PainNote


def note_text(name: str | None, suggestion: Suggestion | None, pain_note: PainNote | None) -> Text:
    """The note: `name` is the suggested exercise's display name."""
    t = Text()
    if suggestion is not None:
        t.append_text(plain(f"{name or suggestion.exercise}: {suggestion.text}. ", "bold"))
        accept = "move up" if suggestion.to > suggestion.level else f"use level {suggestion.to}"
        t.append(f"u: {accept} · h: hold at level {suggestion.level}", style="dim")
    if pain_note is not None:
        if t.plain:
            t.append("\n")
        t.append("o: noted · ", style="dim")  # the key first: never cut off at 50x16
        t.append(f"A note: {pain_note.reason}. ", style="bold")
        t.append(pain_note.text)
    return t


def progress_text(view: LevelView | None) -> str | None:
    """'3 of 5 sessions in the last 10 days' for the detail pane (None without a rule)."""
    if view is None or view.progress is None:
        return None
    p = view.progress
    return f"{p.text} sessions in the last {p.within_days} days" + (" (met)" if p.met else "")


class LevelNote(Static):
    def show(self, name: str | None, suggestion: Suggestion | None, pain_note: PainNote | None) -> None:
        text = note_text(name, suggestion, pain_note)
        self.update(text)
        self.display = bool(text.plain)

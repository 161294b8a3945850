"""Every key of the screen below, each with what it does, and what the numbers mean."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from footbase_tui.tui.widgets.warning_signs import tiers_text

NOTES = (
    (
        "Streak",
        "Days practised in a row; rest days, adapted days and skips with a reason "
        "do not break it, a missed planned day does.",
    ),
    ("Adapted", "A day you swapped for the gentle program because of pain: it counts, it is not missed."),
)


def declared_bindings(screen: Screen[object]) -> list[Binding]:
    """The screen's own keys, then the app's: everything, available now or not, but for
    an app key the screen takes for itself (j moves down on the Calendar, so its 'j
    Journal' is not listed there)."""
    out: list[Binding] = []
    taken: set[str] = set()
    for source in (type(screen).BINDINGS, type(screen.app).BINDINGS):
        mine = source is type(screen).BINDINGS
        for b in source:
            binding = b if isinstance(b, Binding) else Binding(*b)
            keys = {k.strip() for k in binding.key.split(",")}
            if mine:
                taken |= keys
            elif keys <= taken:
                continue
            if binding.description:
                out.append(binding)
    return out


def help_text(screen: Screen[object], notes: Sequence[tuple[str, str]] = ()) -> Text:
    """Every key of `screen` (and the app's), then `notes` (or the general ones)."""
    t = Text()
    t.append("Keys on this screen\n", style="bold")
    seen: set[str] = set()
    for b in declared_bindings(screen):
        if b.description in seen:
            continue
        seen.add(b.description)
        shown = b.key_display or screen.app.get_key_display(b)
        _, action, params = parse_action(b.action)
        owner = screen if b in type(screen).BINDINGS else screen.app
        allowed = owner.check_action(action, params)
        t.append(f"  {shown:<8}", style="bold")
        t.append(f" {b.description}{'' if allowed else ' (not now)'}\n")
    t.append("  ctrl+p   ", style="bold")
    t.append(" every action, by name (command palette)\n")
    t.append("\n")
    for title, text in notes or NOTES:
        t.append(f"{title}: ", style="bold")
        t.append(text + "\n")
    t.append("\nfootbase gives exercise guidance, not medical advice. ", style="italic")
    t.append("\n")
    t.append_text(tiers_text("Back-pain warning signs: stop exercising and get help if any apply."))
    t.append("\n")
    t.append("\nescape or ? closes this.", style="dim")
    return t


class HelpModal(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="help-close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, below: Screen[object], notes: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.below = below
        self.notes = notes

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="help-box"):
            yield Static(help_text(self.below, self.notes), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

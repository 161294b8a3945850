"""A yes / no / stay question answered with one key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from footbase_tui.tui.safe import plain


class ConfirmModal(ModalScreen[bool | None]):
    """y → True, n → False, escape → None (changed my mind)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n", "answer(False)", "No", id="confirm-no"),
        Binding("escape", "answer(None)", "Stay", id="confirm-stay"),
    ]

    def __init__(self, question: str, hint: str = "y yes · n no · esc stay") -> None:
        super().__init__()
        self.question = question
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # As wide as the dialog, so it wraps, never cut; it may quote a note: no markup.
            yield Label(plain(self.question), classes="question")
            yield Static(self.hint, classes="hint")

    def action_answer(self, value: bool | None) -> None:
        self.dismiss(value)

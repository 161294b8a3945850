"""The pain check after one exercise of the walkthrough (config `pain_check: exercise`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from footbase_tui.tui.host import host_of
from footbase_tui.tui.safe import plain
from footbase_tui.tui.widgets.field import Field


class PainCheckModal(ModalScreen[int | None]):
    """Dismisses with the pain level 0-10, or None: enter on an empty field or escape skips."""

    BINDINGS = [Binding("escape", "skip", "Skip", id="check-skip")]

    def __init__(self, exercise_name: str) -> None:
        super().__init__()
        self.exercise_name = exercise_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(f"After {self.exercise_name}: how is your back now? (0-10)"))
            yield Field(placeholder="0 = no pain", max_length=2, id="check-level")
            yield Static("enter saves (empty: skip) · esc skip", classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        host_of(self).dialog_ready()  # keys typed ahead of this dialog go to the field, in order

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.dismiss(None)
        elif value.isdigit() and int(value) <= 10:
            self.dismiss(int(value))
        else:
            self.notify("Type 0 to 10, or leave it empty to skip.", severity="warning")

    def action_skip(self) -> None:
        self.dismiss(None)

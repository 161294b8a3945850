"""Skip an exercise for today, with an optional reason."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from footbase_tui.tui.host import host_of
from footbase_tui.tui.safe import plain
from footbase_tui.tui.widgets.field import Field


class SkipReasonModal(ModalScreen[str | None]):
    """Dismisses with the reason ("" for none), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="skip-cancel")]

    def __init__(self, exercise_name: str) -> None:
        super().__init__()
        self.exercise_name = exercise_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(f"Skip {self.exercise_name} today?"))
            yield Field(placeholder="reason (optional), e.g. sore heel", max_length=120, id="skip-reason")
            yield Static("enter skip · esc keep it", classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        host_of(self).dialog_ready()  # keys typed ahead of this dialog go to the field now, in order

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

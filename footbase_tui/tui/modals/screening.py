"""The safety screening in the app: three yes/no questions, one key each, skippable."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from footbase_tui.core.screening import QUESTIONS, Screening
from footbase_tui.core.warning_signs import NOT_ADVICE
from footbase_tui.tui.widgets.warning_signs import tiers_text

HINT = "y yes · n no · s skip this one · esc skip the rest"


class ScreeningModal(ModalScreen[Screening | None]):
    """Asks each question in turn and dismisses with the answers (None: closed at once,
    nothing answered). At first start it opens with the not-advice line and the warning
    signs, shown this once."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="screening-yes"),
        Binding("n", "answer(False)", "No", id="screening-no"),
        Binding("s", "answer(None)", "Skip", id="screening-skip"),
        Binding("escape", "stop", "Skip the rest", id="screening-stop"),
        # A modal hides the app's keys: quitting and logging pain still work from here.
        Binding("q", "app.quit", "Quit", show=False),
        Binding("p", "app.pain", "Pain", show=False),
    ]

    def __init__(self, current: Screening, first_start: bool = False) -> None:
        super().__init__()
        self.answers = current
        self.first_start = first_start
        self.index = 0
        self.asked = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="screening-box"):
            yield Static(id="screening-text")
            hint = HINT + (" · ↓ scrolls the welcome below" if self.first_start else "")
            yield Static(hint, classes="hint", markup=False)
            with VerticalScroll(id="screening-intro"):
                yield Static(id="screening-intro-text")

    def on_mount(self) -> None:
        intro = self.query_one("#screening-intro", VerticalScroll)
        intro.display = self.first_start
        self.set_class(self.first_start, "-first")
        if self.first_start:  # shown this once, below the question (it scrolls at 50x16)
            t = Text("Welcome to footbase. ", style="bold")
            t.append(NOT_ADVICE + "\n")
            t.append_text(tiers_text("Back-pain warning signs: stop exercising and get help if any apply."))
            self.query_one("#screening-intro-text", Static).update(t)
            intro.focus()
        self._show()

    def _show(self) -> None:
        q = QUESTIONS[self.index]
        t = Text()
        t.append(f"Safety question {self.index + 1} of {len(QUESTIONS)}", style="bold")
        t.append(" (answers stay in your config file; nothing is sent anywhere)\n", style="dim")
        t.append(q.ask + "\n", style="bold")
        t.append(q.why, style="italic")
        self.query_one("#screening-text", Static).update(t)

    def action_answer(self, value: bool | None) -> None:
        if value is not None:
            self.answers = replace(self.answers, **{QUESTIONS[self.index].key: value})
            self.asked += 1
        self.index += 1
        if self.index >= len(QUESTIONS):
            self.dismiss(self.answers)
        else:
            self._show()

    def action_stop(self) -> None:
        self.dismiss(self.answers)

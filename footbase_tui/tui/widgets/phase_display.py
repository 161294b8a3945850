"""The walkthrough's face: exercise, set/rep/side, the phase in words, a big countdown, what's next."""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, ProgressBar, Static

from footbase_tui.tui.safe import plain

FINAL_SECONDS = 3


@dataclass(frozen=True)
class PhaseView:
    exercise: str
    level: int
    phase_word: str
    remaining: float | None  # None: at your own pace
    position: str  # "set 1 of 3 · rep 2 of 6 · left foot"
    next_text: str
    item_no: int
    item_count: int
    overall: float  # 0..1 through today's routine
    paused: bool
    held: bool = False  # paused while a dialog is open; it goes on when the dialog closes


def clock_text(seconds: float | None) -> str:
    if seconds is None:
        return "--"
    whole = max(0, math.ceil(seconds - 1e-9))
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return str(whole)


class PhaseDisplay(Vertical):
    """Gets a PhaseView; repaints only the parts that changed."""

    DEFAULT_CSS = """
    PhaseDisplay { height: auto; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._last: PhaseView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="wt-title")
        yield Static(id="wt-position")
        yield Static(id="wt-phase")
        yield Digits("", id="wt-digits")
        yield Static(id="wt-next")
        yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="wt-progress")

    def show(self, view: PhaseView) -> None:
        last = self._last
        self._last = view
        if last is None or (last.exercise, last.level, last.item_no) != (
            view.exercise,
            view.level,
            view.item_no,
        ):
            title = plain(view.exercise, "bold")
            title.append(f"  L{view.level} · {view.item_no} of {view.item_count}", style="dim")
            title.no_wrap = True
            title.overflow = "ellipsis"
            self.query_one("#wt-title", Static).update(title)
        if last is None or last.position != view.position:
            self.query_one("#wt-position", Static).update(view.position)
        if last is None or (last.phase_word, last.paused, last.held) != (
            view.phase_word,
            view.paused,
            view.held,
        ):
            word = Text(view.phase_word, style="bold")
            if view.held:
                word.append("  (paused while the dialog is open)", style="dim")
            elif view.paused:
                word.append("  (paused — space resumes)", style="dim")
            self.query_one("#wt-phase", Static).update(word)
        text = clock_text(view.remaining)
        digits = self.query_one("#wt-digits", Digits)
        if digits.value != text:
            digits.update(text)
        final = view.remaining is not None and view.remaining <= FINAL_SECONDS
        digits.set_class(final, "-final")
        if last is None or last.next_text != view.next_text:
            self.query_one("#wt-next", Static).update(Text("Next: ", style="dim") + plain(view.next_text))
        bar = self.query_one("#wt-progress", ProgressBar)
        if bar.progress != view.overall:
            bar.update(progress=view.overall)

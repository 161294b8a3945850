"""The walkthrough's face: exercise, set/rep/side, the phase in big words, the countdown as
large as fits, what's next, and a progress bar drawn in glyphs (visible without colour)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from footbase_tui.core.countdown import Phase, PhaseKind
from footbase_tui.tui.safe import plain
from footbase_tui.tui.widgets.big_text import BigText

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
    note: str = ""  # what to do now when the word alone does not say it ("enter when ...")


def position_text(p: Phase, elapsed: float, tempo_s: int | None) -> str:
    """'set 1 of 3 · rep 2 of 6 · left foot': where in the exercise the phase is."""
    parts = [f"set {p.set_no} of {p.sets}"]
    if p.kind == PhaseKind.REST:  # a rest is before the next set, not part of the last one
        parts = [f"next: set {p.set_no + 1} of {p.sets}"]
    if p.rep_no is not None and p.reps:
        parts.append(f"rep {p.rep_no} of {p.reps}")
    elif p.kind == PhaseKind.WORK and tempo_s and p.reps:
        parts.append(f"rep {min(p.reps, int(elapsed // tempo_s) + 1)} of {p.reps}")
    elif p.kind == PhaseKind.WAIT and p.reps:
        parts.append(f"{p.reps} reps")
    if p.side:
        parts.append(f"{p.side} foot")
    return " · ".join(parts)


def clock_text(seconds: float | None) -> str:
    if seconds is None:
        return "--"
    whole = max(0, math.ceil(seconds - 1e-9))
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return str(whole)


def bar_text(share: float, width: int) -> Text:
    """A progress bar `width` cells wide: filled and empty parts differ in glyph, not only in
    colour."""
    width = max(1, width)
    filled = round(max(0.0, min(1.0, share)) * width)
    t = Text("█" * filled, style="bold")
    t.append("░" * (width - filled), style="dim")
    return t


class PhaseDisplay(Vertical):
    """Gets a PhaseView; repaints only the parts that changed."""

    DEFAULT_CSS = """
    PhaseDisplay { height: 1fr; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._last: PhaseView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="wt-title")
        yield Static(id="wt-position")
        yield BigText(id="wt-phase", max_scale=3)
        yield Static(id="wt-note")
        yield BigText(id="wt-digits")
        yield Static(id="wt-next")
        yield Static(id="wt-progress")

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
        self.query_one("#wt-phase", BigText).update(view.phase_word)
        if last is None or (last.note, last.paused, last.held) != (view.note, view.paused, view.held):
            note = Text(view.note)
            if view.held:
                note = Text("Paused until the dialog closes", style="bold")
            elif view.paused:
                note = Text("Paused: space resumes", style="bold")
            widget = self.query_one("#wt-note", Static)
            widget.update(note)
            widget.display = bool(note.plain)
        text = clock_text(view.remaining)
        digits = self.query_one("#wt-digits", BigText)
        digits.update(text)
        final = view.remaining is not None and view.remaining <= FINAL_SECONDS
        digits.set_class(final, "-final")
        if last is None or last.next_text != view.next_text:
            self.query_one("#wt-next", Static).update(Text("Next: ", style="dim") + plain(view.next_text))
        self._overall = view.overall
        self._draw_bar()

    def on_resize(self) -> None:
        self._draw_bar()

    def _draw_bar(self) -> None:
        share = getattr(self, "_overall", 0.0)
        bar = self.query_one("#wt-progress", Static)
        width = bar.content_size.width or self.size.width
        label = f" {round(share * 100)}%"
        key = (share, width)
        if getattr(self, "_bar_key", None) != key:
            self._bar_key = key
            bar.update(bar_text(share, width - len(label)) + Text(label, style="dim"))

"""The end-of-walkthrough summary: time spent, done and skipped, streak, and the pain check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from footbase_tui.core.humane import duration_words
from footbase_tui.core.records import ItemResult
from footbase_tui.core.routine import seconds_text
from footbase_tui.tui.safe import plain

if TYPE_CHECKING:
    from footbase_tui.core.levels import Suggestion


@dataclass(frozen=True)
class SummaryData:
    seconds: float  # time actually spent practising, pauses left out
    done: int
    skipped: int
    streak: int
    partial: int = 0
    rows: tuple[tuple[str, str], ...] = ()  # (exercise name, what was done of it)
    ask: bool = True  # end with the pain check (config pain_check: off leaves it out)
    moves: Text | None = None  # levels ready to move up (moves_text), just above the question


def result_words(r: ItemResult) -> str:
    """'3 of 3 sets · 2 min 10 s', 'partly: 1 of 3 sets · 40 s', 'skipped'."""
    if r.status == "skipped" and not r.sets:
        return "skipped"
    sets = f"{r.sets} of {r.planned_sets} sets" if r.planned_sets else f"{r.sets} sets"
    words = sets if r.status == "done" else f"partly: {sets}"
    return f"{words} · {seconds_text(r.seconds)}" if r.seconds else words


def summary_text(d: SummaryData) -> Text:
    t = Text("Done for now.\n\n", style="bold")
    t.append(f"Time: {duration_words(d.seconds)}")
    t.append(" (pauses left out)\n", style="dim")
    t.append(f"Exercises done: {d.done}")
    if d.partial:
        t.append(f", partly: {d.partial}")
    if d.skipped:
        t.append(f", skipped: {d.skipped}")
    t.append(f"\nStreak: {d.streak} day{'s' if d.streak != 1 else ''}\n")
    for name, words in d.rows:
        t.append("  ")
        t.append_text(plain(name))
        t.append(f": {words}\n", style="dim")
    t.append("\n")
    if d.moves is not None and d.moves.plain:
        t.append_text(d.moves)
        t.append("\n\n")
    if d.ask:
        t.append("How is your back now? 0-10, enter to skip.", style="bold")
    else:
        t.append("esc: back to Today", style="dim")
    return t


def moves_text(names: Mapping[str, str], ups: Sequence[Suggestion], moved: Sequence[str]) -> Text:
    """The summary's level lines: what was moved or held here (`moved`, one line each), then
    the first exercise ready to move up with its keys, as Today words it (u accepts, h
    holds), and how many more are ready after it. `names`: display names by exercise id."""
    from footbase_tui.tui.widgets.level_note import note_text

    t = Text()
    for line in moved:
        t.append("\n" if t.plain else "")
        t.append_text(plain(line, "dim"))
    if ups:
        first = ups[0]
        t.append("\n" if t.plain else "")
        t.append_text(note_text(names.get(first.exercise), first, None))
        if len(ups) > 1:
            t.append(f" ({len(ups) - 1} more after this)", style="dim")
    return t

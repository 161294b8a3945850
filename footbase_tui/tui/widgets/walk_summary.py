"""The end-of-walkthrough summary: time spent, done and skipped, streak, and the pain check."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text


@dataclass(frozen=True)
class SummaryData:
    seconds: float  # time actually spent practising, pauses left out
    done: int
    skipped: int
    streak: int
    partial: int = 0


def summary_text(d: SummaryData) -> Text:
    minutes, seconds = divmod(round(d.seconds), 60)
    t = Text("Done for now.\n\n", style="bold")
    t.append(f"Time: {minutes} min {seconds:02d} s")
    t.append(" (pauses left out)\n", style="dim")
    t.append(f"Exercises done: {d.done}")
    if d.partial:
        t.append(f", partly: {d.partial}")
    if d.skipped:
        t.append(f", skipped: {d.skipped}")
    t.append(f"\nStreak: {d.streak} day{'s' if d.streak != 1 else ''}\n\n")
    t.append("How is your back now? 0-10, enter to skip.", style="bold")
    return t

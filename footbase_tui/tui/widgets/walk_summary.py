"""The end-of-walkthrough summary: time spent, done and skipped, streak, and the pain check."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text


@dataclass(frozen=True)
class SummaryData:
    seconds: float
    done: int
    skipped: int
    streak: int


def summary_text(d: SummaryData) -> Text:
    minutes, seconds = divmod(round(d.seconds), 60)
    t = Text("Done for now.\n\n", style="bold")
    t.append(f"Time: {minutes} min {seconds:02d} s\n")
    t.append(f"Exercises done: {d.done}")
    if d.skipped:
        t.append(f", skipped: {d.skipped}")
    t.append(f"\nStreak: {d.streak} day{'s' if d.streak != 1 else ''}\n\n")
    t.append("How is your back now? 0-10, enter to skip.", style="bold")
    return t

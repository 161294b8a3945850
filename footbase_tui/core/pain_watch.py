"""Persistent pain: when to show a calm note that suggests seeing a GP or physiotherapist.

Three signs, each from the person's own journal: severe pain on several recent days, a
meaningful worsening over two weeks, or no meaningful improvement after six weeks of
keeping up the program. The note is information, never a block; Today shows it at most
once a week and the person can dismiss it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from footbase_tui.core.records import PainEntry
from footbase_tui.core.trends import change_14, daily_average, is_meaningful

SEVERE = 7  # a day counts as severe when any entry that day is 7 or more
SEVERE_DAYS = 3  # ... on this many of the last 7 days
PROGRAM_DAYS = 42  # six weeks
GOOD_ADHERENCE = 0.8  # planned items done over those six weeks
MIN_DAYS = 3  # days with an entry each side of a comparison
NOTE_EVERY_DAYS = 7
NOTABLE = 3  # below this average, no improvement is no reason for the note
WORSE_POINTS = 2.0

NOTE_TEXT = (
    "Worth a look from a GP or physiotherapist; footbase export --format md gives them your "
    "journal on one page."
)


@dataclass(frozen=True)
class PainNote:
    """Why the note shows (`reason`, one plain sentence) and what it says."""

    sign: str  # "severe" | "worse" | "stuck"
    reason: str
    text: str = NOTE_TEXT


def persistent_pain(
    entries: Sequence[PainEntry],
    today: date,
    program_day: int,
    adherence: Callable[[], float | None],
) -> PainNote | None:
    """The note's reason, or None.

    - severe: an entry of SEVERE or more on SEVERE_DAYS of the last 7 days;
    - worse: the last 14 days average WORSE_POINTS (the minimal important change on the
      0-10 scale) or more above the 14 before, with MIN_DAYS days of entries each side;
    - stuck: on program day PROGRAM_DAYS or later, with at least GOOD_ADHERENCE of the
      planned items done over the last six weeks (`adherence`, asked only then), the last
      14 days average NOTABLE or more and are not meaningfully better than the first 14 days of
      those six weeks (MIN_DAYS days of entries each side).
    """
    week = [e for e in entries if today - timedelta(days=6) <= e.date <= today]
    severe = {e.date for e in week if e.level >= SEVERE}
    if len(severe) >= SEVERE_DAYS:
        return PainNote("severe", f"pain of {SEVERE} or more on {len(severe)} of the last 7 days")
    change = change_14(entries, today)
    if (
        change.delta is not None
        and change.delta >= WORSE_POINTS
        and change.recent_days >= MIN_DAYS
        and change.before_days >= MIN_DAYS
        and change.recent is not None
        and change.before is not None
    ):
        return PainNote(
            "worse", f"pain over the last two weeks is up from {change.before:.1f} to {change.recent:.1f}"
        )
    if program_day < PROGRAM_DAYS:
        return None
    daily = daily_average(entries)
    recent = [v for d, v in daily.items() if today - timedelta(days=13) <= d <= today]
    first = [v for d, v in daily.items() if today - timedelta(days=41) <= d <= today - timedelta(days=28)]
    if len(recent) < MIN_DAYS or len(first) < MIN_DAYS:
        return None
    now, then = sum(recent) / len(recent), sum(first) / len(first)
    if now < NOTABLE or (then > now and is_meaningful(now - then, then)):
        return None
    kept = adherence()
    if kept is None or kept < GOOD_ADHERENCE:
        return None
    return PainNote(
        "stuck",
        f"after six weeks with {kept:.0%} of the routine done, pain is {now:.1f} (it was {then:.1f})",
    )


def note_due(dismissed: date | None, today: date) -> bool:
    """Show the note unless it was dismissed in the last NOTE_EVERY_DAYS days."""
    return dismissed is None or (today - dismissed).days >= NOTE_EVERY_DAYS

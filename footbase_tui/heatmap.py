"""The heatmap as rows of (glyph, style name), shared by `footbase calendar` and the app.

Shades come from glyphs first (readable with NO_COLOR and in 16 colours); colour only
repeats them, on single-hue scales that stay distinct for colour-blind eyes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from footbase_tui.core.calendar import DayCell, Grid, PeriodStats, Stats, pain_shade, shade

PRACTICE_GLYPHS = {0: "·", 1: "░", 2: "▒", 3: "█"}
STATE_GLYPHS = {"rest": "-", "adapted": "~", "skipped": "x", "before-start": " ", "future": "○"}
# Pain: bars that rise with the level, so the worst days stand tallest without colour.
PAIN_GLYPHS = {0: "▁", 1: "▁", 2: "▂", 3: "▃", 4: "▄", 5: "▅", 6: "▅", 7: "▆", 8: "▇", 9: "█", 10: "█"}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Style names -> 256-colour numbers (for `footbase calendar`; the app takes its colours
# from the theme). Practice: one blue hue, light to dark. Pain: dim grey to bright yellow,
# rising in lightness, so the worst days are the most visible on a dark terminal and the
# scale reads the same to colour-blind eyes.
PALETTE = {
    "p0": 240,
    "p1": 110,
    "p2": 68,
    "p3": 25,
    "rest": 244,
    "adapted": 139,
    "skipped": 179,
    "future": 238,
    "none": 236,
    "pain0": 243,
    "pain1": 109,
    "pain2": 179,
    "pain3": 214,
    "pain4": 226,
}


@dataclass(frozen=True)
class Cell:
    glyph: str
    style: str
    day: date | None


def cell_for(c: DayCell | None, pain_mode: bool) -> tuple[str, str]:
    if c is None:
        return " ", "none"
    if pain_mode:
        if c.pain_avg is None:
            return ("·", "none") if c.state not in ("future", "before-start") else (" ", "none")
        level = min(10, int(c.pain_avg + 0.5))  # half up: 4.5 shows as 5
        return PAIN_GLYPHS[level], f"pain{pain_shade(c.pain_avg)}"
    if c.state in STATE_GLYPHS and not (c.state == "adapted" and c.done):
        return STATE_GLYPHS[c.state], c.state if c.state in PALETTE else "none"
    if c.state == "adapted":
        return "~", "adapted"
    s = shade(c)
    return PRACTICE_GLYPHS[s], f"p{s}"


def weekday_labels(week_starts: str) -> tuple[str, ...]:
    return WEEKDAYS[6:] + WEEKDAYS[:6] if week_starts == "sunday" else WEEKDAYS


def rows(g: Grid, cells: Mapping[date, DayCell], pain_mode: bool) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for r in range(7):
        row = []
        for week in g.weeks:
            day = week[r]
            glyph, style = cell_for(cells.get(day) if day else None, pain_mode)
            row.append(Cell(glyph, style, day))
        out.append(row)
    return out


def month_line(g: Grid, indent: int) -> str:
    line = [" "] * (indent + len(g.weeks) + 4)
    for col, name in sorted(g.months.items()):
        pos = indent + col
        if all(ch == " " for ch in line[max(0, pos - 1) : pos + len(name)]):
            line[pos : pos + len(name)] = list(name)
    return "".join(line).rstrip()


def legend(pain_mode: bool, narrow: bool = False) -> str:
    if pain_mode:
        return "▁▃▅▇█ pain 0→10 · no entry" if narrow else "▁▃▅▇█ pain 0→10, the day's average  · no entry"
    if narrow:
        return "·░▒█ none→all - rest ~ adapted x skip ○ next"
    return "·░▒█ none→all  - rest  ~ adapted  x skipped  ○ to come  blank: not started"


def period_label(first: date, last: date) -> str:
    """ "Dec 2026", or "Jan–Dec 2026", or "Dec 2025–Dec 2026": the months a view shows."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%b %Y}"
    if first.year == last.year:
        return f"{first:%b}–{last:%b %Y}"
    return f"{first:%b %Y}–{last:%b %Y}"


def period_lines(p: PeriodStats, s: Stats, narrow: bool = False) -> list[str]:
    """The view's figures (which period, days practised, its longest streak, adherence over
    its complete days), then the ones as of today (current streak, habit strength)."""
    label = period_label(p.first, p.last)
    adherence = "–" if p.adherence is None else f"{p.adherence:.0%}"
    days = f"{p.days_practised} day{'' if p.days_practised == 1 else 's'}"
    if narrow:
        return [
            f"{label}: {days} · longest {p.longest_streak} · done {adherence}",
            f"now: streak {s.current_streak} (best {s.longest_streak}) · habit {s.strength:.0%}",
        ]
    return [
        f"{label}: {days} practised · longest streak {p.longest_streak} · adherence {adherence}",
        f"now: streak {s.current_streak} (longest {s.longest_streak}) · last 30 days "
        f"{s.adherence[30]:.0%} · habit strength {s.strength:.0%}",
    ]


def stats_lines(s: Stats, narrow: bool = False) -> list[str]:
    a = s.adherence
    if narrow:
        return [
            f"streak {s.current_streak} (best {s.longest_streak}) · week {s.week_days} · "
            f"month {s.month_days}",
            f"done {a[7]:.0%}/{a[30]:.0%}/{a[90]:.0%} (7/30/90d) · strength {s.strength:.0%}",
        ]
    return [
        f"streak {s.current_streak} (longest {s.longest_streak}) · this week {s.week_days} · "
        f"this month {s.month_days}",
        f"adherence 7d {a[7]:.0%} · 30d {a[30]:.0%} · 90d {a[90]:.0%} · habit strength {s.strength:.0%}",
    ]

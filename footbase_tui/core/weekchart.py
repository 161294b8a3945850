"""Weekly pain beside weekly adherence as text: block-character columns for a screen, and
one row per week for a report.

Block elements (the eighths ▁..█) rather than braille or a plotting library: each week is
one column whose height is the value, the two bands share their columns so a week's pain
sits right above its adherence, and the shape reads without colour (NO_COLOR, TERM=linux)
and in any font that has the sparkline glyphs. Pure: weeks in, lines of text out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from footbase_tui.core.practice_pain import Week

BLOCKS = " ▁▂▃▄▅▆▇█"
NO_DATA = "·"
LABEL = 5  # "pain " / "done "


@dataclass(frozen=True)
class Column:
    """One column of the chart: one week, or several merged when the width is short."""

    start: date
    pain: float | None  # mean of its weeks' pain
    adherence: float | None  # planned exercises done over planned, across its weeks


def weeks_per_column(weeks: int, width: int) -> int:
    """How many weeks share a column when `weeks` are drawn in a chart `width` wide."""
    return max(1, -(-weeks // max(1, width - LABEL)))


def columns(weeks: Sequence[Week], width: int) -> tuple[list[Column], int]:
    """The weeks merged so at most `width` columns remain (newest kept whole at the right);
    returns the columns and how many weeks each holds."""
    if not weeks or width <= 0:
        return [], 1
    per = max(1, -(-len(weeks) // width))
    out: list[Column] = []
    # Group from the newest backwards, so the current week is never merged with a half group.
    groups = [weeks[max(0, i - per) : i] for i in range(len(weeks), 0, -per)][::-1]
    for g in groups:
        pains = [w.pain for w in g if w.pain is not None]
        planned = sum(w.planned for w in g)
        done = sum(w.done for w in g)
        out.append(
            Column(
                g[0].start, sum(pains) / len(pains) if pains else None, done / planned if planned else None
            )
        )
    return out, per


def _band(values: Sequence[float | None], rows: int) -> list[str]:
    """Values 0..1 as `rows` lines of eighth blocks, top line first; a recorded 0 still
    shows the lowest block, and a missing value a dot on the bottom line."""
    levels = rows * 8
    lines = []
    for r in range(rows - 1, -1, -1):
        out = []
        for v in values:
            if v is None:
                out.append(NO_DATA if r == 0 else " ")
                continue
            filled = max(1, round(min(max(v, 0.0), 1.0) * levels))
            out.append(BLOCKS[min(8, max(0, filled - r * 8))])
        lines.append("".join(out))
    return lines


def _months(cols: Sequence[Column], cw: int) -> str:
    """Month names under the columns where a month begins (left out where they would touch)."""
    line = [" "] * (len(cols) * cw)
    free = 0
    previous = None
    for i, c in enumerate(cols):
        month = (c.start.year, c.start.month)
        at = i * cw
        if month != previous and at >= free and at + 3 <= len(line):
            line[at : at + 3] = f"{c.start:%b}"
            free = at + 4
        previous = month
    return "".join(line).rstrip()


def _widen(line: str, cw: int) -> str:
    """Each column `cw` characters: the bar doubled, then a gap (cw 1: the bar alone)."""
    if cw == 1:
        return line
    return "".join(ch * (cw - 1) + " " for ch in line).rstrip()


def column_chart(weeks: Sequence[Week], width: int, rows: int = 2, key: bool = True) -> list[str]:
    """The chart in at most `width` columns: a pain band (0-10), a plan-done band (0-100%),
    each `rows` high, then the month names and (with `key`) a one-line key. A week gets up
    to 3 characters when there is room; when there is too little, weeks are merged."""
    cols, per = columns(weeks, max(1, width - LABEL))
    if not cols:
        return []
    cw = max(1, min(3, (width - LABEL) // len(cols)))
    pain = _band([None if c.pain is None else c.pain / 10 for c in cols], rows)
    done = _band([c.adherence for c in cols], rows)
    pain_labels = ["pain ", *["0-10 " if k == rows - 2 else "     " for k in range(rows - 1)]]
    done_labels = ["done ", *["%    " if k == rows - 2 else "     " for k in range(rows - 1)]]
    lines = [a + _widen(b, cw) for a, b in zip(pain_labels, pain, strict=True)]
    lines += [a + _widen(b, cw) for a, b in zip(done_labels, done, strict=True)]
    lines.append(" " * LABEL + _months(cols, cw))
    if key:
        unit = "1 week" if per == 1 else f"{per} weeks"
        text = f"a column is {unit} · {NO_DATA} nothing logged or planned · done = share of the plan"
        lines.append(text if len(text) <= width else f"a column is {unit} · {NO_DATA} nothing logged")
    return lines


def week_rows(weeks: Sequence[Week]) -> list[str]:
    """One line per week for a report: the week, a pain bar (a cell a point), its average,
    and a plan-done bar (a cell per 10%) with its percentage."""
    lines = ["week of     pain 0-10         plan done"]
    for w in weeks:
        if w.pain is None:
            pain = f"{NO_DATA:<10}    -"
        else:
            halves = round(w.pain * 2)
            bar = "█" * (halves // 2) + ("▌" if halves % 2 else "")
            pain = f"{bar:<10} {w.pain:4.1f}"
        share = w.adherence
        if share is None:
            done = "no plan"
        else:
            tenths = round(share * 10)
            done = "█" * tenths + "░" * (10 - tenths) + f" {share:4.0%}"
        lines.append(f"{w.start}  {pain}   {done}")
    return lines

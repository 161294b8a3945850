"""Trends and the practice-pain link, as text: the weekly chart, the comparisons in plain
words, averages, change, places."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from footbase_tui.core.practice_pain import (
    TrendView,
    comparison_sentence,
    missing_note,
    trend_sentence,
)
from footbase_tui.core.text import shown
from footbase_tui.core.trends import CORRELATION_NOTE, Change
from footbase_tui.core.weekchart import column_chart, weeks_per_column

BARS = "▁▂▃▄▅▆▇█"
CHART_SPANS = (12, 26, 52)  # weeks; r cycles them


def sparkline(values: Sequence[float | None], width: int) -> str:
    """Pain 0-10 on a fixed scale (so shapes compare), squeezed into `width` by averaging;
    a blank where there is no entry."""
    if not values or width <= 0:
        return ""
    size = max(1, -(-len(values) // width))
    out = []
    for i in range(0, len(values), size):
        chunk = [v for v in values[i : i + size] if v is not None]
        if not chunk:
            out.append(" ")
            continue
        avg = sum(chunk) / len(chunk)
        out.append(BARS[min(len(BARS) - 1, int(avg / 10 * (len(BARS) - 1) + 0.5))])
    return "".join(out)


def change_text(c: Change) -> str:
    """The 14-vs-14 change in words (or that there is not enough to compare)."""
    if c.direction == "unknown" or c.delta is None or c.recent is None or c.before is None:
        return "not enough entries yet to compare two weeks"
    arrow = {"better": "↓ better", "worse": "↑ worse", "same": "about the same"}[c.direction]
    mark = " (a meaningful change)" if c.meaningful else ""
    return f"{c.before:.1f} → {c.recent:.1f}, {arrow}{mark}"


def _num(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}"


def trend_text(v: TrendView, width: int, scope: str, chart_weeks: int, chart_rows: int = 2) -> Text:
    """The panel: the chart of the last `chart_weeks` weeks first (what people look at), then
    the practice-pain sentences and the figures, all over the period named by `scope`."""
    t = Text()
    per = weeks_per_column(min(chart_weeks, len(v.chart)), max(12, width))
    merged = f", {per} a column" if per > 1 else ""
    title = f"Weekly pain and plan done, last {chart_weeks} weeks{merged} "
    keys = "(r: 12/26/52)"
    if len(title) + len(keys) > width:
        title, keys = f"Pain, plan done: {chart_weeks} weeks{merged} ", "(r)"
    t.append(title, style="bold")
    t.append(keys + "\n", style="dim")
    for line in column_chart(v.chart[-chart_weeks:], max(12, width), chart_rows, key=chart_rows > 1):
        t.append(line + "\n")
    scope = shown(scope)
    t.append(f"Practice and pain, {scope}\n", style="bold")
    for c in v.comparisons:
        t.append(comparison_sentence(c) + "\n")
    t.append(trend_sentence(v.trend) + "\n")
    note = missing_note(v)
    if note:
        t.append(note + " (f)\n", style="dim")
    t.append(CORRELATION_NOTE + "\n", style="italic dim")
    t.append(f"Pain, {scope}: ", style="bold")
    t.append(f"{v.entries} entr{'y' if v.entries == 1 else 'ies'}, average {_num(v.average)}\n")
    t.append(sparkline(v.series, max(10, width)) + "\n")
    t.append(f"average 7 days {_num(v.avg_7)} · 30 days {_num(v.avg_30)}\n")
    t.append("last 14 days vs the 14 before: ")
    t.append(change_text(v.change) + "\n", style="bold" if v.change.meaningful else "")
    if v.places:
        t.append(f"By place, {scope}: ", style="bold")
        t.append(
            " · ".join(
                f"{shown(p.place)} {p.entries}× avg {p.average:.1f}"
                + {"better": " ↓", "worse": " ↑"}.get(p.change.direction, "")
                for p in v.places[:4]
            )
        )
    return t

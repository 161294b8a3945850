"""Trends and the practice-pain link, as text: sparkline, averages, change, places."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from footbase_tui.core.text import shown
from footbase_tui.core.trends import CORRELATION_NOTE, Change, Comparison, TrendView

BARS = "▁▂▃▄▅▆▇█"


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
    if c.direction == "unknown" or c.delta is None or c.recent is None or c.before is None:
        return "not enough entries yet to compare two weeks"
    arrow = {"better": "↓ better", "worse": "↑ worse", "same": "about the same"}[c.direction]
    mark = " (a meaningful change)" if c.meaningful else ""
    return f"{c.before:.1f} → {c.recent:.1f}, {arrow}{mark}"


def comparison_text(c: Comparison) -> str:
    if not c.enough or c.mean_a is None or c.mean_b is None:
        return f"{c.label_a} vs {c.label_b}: {c.missing}"
    return f"{c.label_a}: {c.mean_a:.1f} ({c.n_a}) · {c.label_b}: {c.mean_b:.1f} ({c.n_b})"


def trend_text(v: TrendView, width: int) -> Text:
    t = Text()
    t.append(f"Daily pain, last {v.span_days} days ", style="bold")
    t.append("(r: 30/90/365)\n", style="dim")
    t.append(sparkline(v.series, max(10, width - 2)) + "\n")
    avg7 = "-" if v.avg_7 is None else f"{v.avg_7:.1f}"
    avg30 = "-" if v.avg_30 is None else f"{v.avg_30:.1f}"
    t.append(f"average 7 days {avg7} · 30 days {avg30}\n")
    t.append("last 14 days vs the 14 before: ")
    t.append(change_text(v.change) + "\n", style="bold" if v.change.meaningful else "")
    if v.places:
        t.append("By place: ", style="bold")
        t.append(
            " · ".join(
                f"{shown(p.place)} {p.entries}× avg {p.average:.1f}"
                + {"better": " ↓", "worse": " ↑"}.get(p.change.direction, "")
                for p in v.places[:4]
            )
            + "\n"
        )
    t.append("Practice and pain\n", style="bold")
    for c in v.comparisons:
        t.append(comparison_text(c) + "\n")
    t.append(CORRELATION_NOTE, style="italic dim")
    return t

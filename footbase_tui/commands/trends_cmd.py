"""`footbase trends`: pain over the last weeks, by place, and beside the practice, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from typing import Any

from footbase_tui.context import Context
from footbase_tui.core.calendar import week_start_of
from footbase_tui.core.practice_pain import TrendView, comparison_sentence, trend_sentence
from footbase_tui.core.text import clean_text
from footbase_tui.core.trends import CORRELATION_NOTE, Change
from footbase_tui.core.weekchart import week_rows
from footbase_tui.errors import UsageError

DEFAULT_WEEKS = 12
MAX_WEEKS = 1040  # twenty years


def _r(v: float | None, digits: int = 2) -> float | None:
    return None if v is None else round(v, digits)


def _change_json(c: Change) -> dict[str, Any]:
    return {
        "recent": _r(c.recent),
        "before": _r(c.before),
        "delta": _r(c.delta),
        "percent": _r(c.percent, 1),
        "meaningful": c.meaningful,
        "direction": c.direction,
        "recent_days": c.recent_days,
        "before_days": c.before_days,
    }


def trends_json(v: TrendView, weeks: int) -> dict[str, Any]:
    """The figures as plain JSON: numbers rounded to 2 places, dates as YYYY-MM-DD."""
    t = v.trend
    return {
        "period": {"first": v.first.isoformat(), "last": v.last.isoformat(), "weeks": weeks},
        "pain": {
            "entries": v.entries,
            "average": _r(v.average),
            "average_7_days": _r(v.avg_7),
            "average_30_days": _r(v.avg_30),
        },
        "change_14": _change_json(v.change),
        "places": [
            {
                "place": p.place,
                "entries": p.entries,
                "average": _r(p.average),
                "change_14": _change_json(p.change),
            }
            for p in v.places
        ],
        "practice_pain": [
            {
                # Nothing is shown below MIN_SIDE a side: the averages only when enough.
                "a": {"label": c.label_a, "average": _r(c.mean_a) if c.enough else None, "n": c.n_a},
                "b": {"label": c.label_b, "average": _r(c.mean_b) if c.enough else None, "n": c.n_b},
                "unit": c.unit,
                "enough": c.enough,
                "missing": c.missing or None,
                "text": comparison_sentence(c),
            }
            for c in v.comparisons
        ],
        "trend": {
            "weeks": t.weeks,
            "span_weeks": t.span,
            "per_week": _r(t.per_week, 3),
            "start": _r(t.start),
            "end": _r(t.end),
            "direction": t.direction,
            "missing": t.missing or None,
            "text": trend_sentence(t),
        },
        "weeks": [
            {
                "start": w.start.isoformat(),
                "pain": _r(w.pain),
                "pain_days": w.pain_days,
                "planned": w.planned,
                "done": _r(w.done),
                "adherence": _r(w.adherence, 3),
                "complete": w.complete,
            }
            for w in v.chart
        ],
        "note": CORRELATION_NOTE,
    }


def _num(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}"


def _change_words(c: Change) -> str:
    if c.direction == "unknown" or c.delta is None:
        return "not enough entries to compare (needs an entry in each 14 days)"
    word = {"better": "better", "worse": "worse", "same": "about the same"}[c.direction]
    mark = ", a meaningful change" if c.meaningful else ""
    return f"{_num(c.before)} -> {_num(c.recent)}, {word}{mark}"


def trends_text(v: TrendView, weeks: int) -> str:
    """The figures for a terminal: plain lines, no colour."""
    unit = "week" if weeks == 1 else f"{weeks} weeks"
    lines = [
        f"Pain and practice, last {unit} ({v.first} to {v.last})",
        "",
        f"Pain: {v.entries} entr{'y' if v.entries == 1 else 'ies'}, average {_num(v.average)}"
        f" · last 7 days {_num(v.avg_7)} · last 30 days {_num(v.avg_30)}",
        f"Last 14 days vs the 14 before: {_change_words(v.change)}",
    ]
    if v.places:
        lines.append("By place:")
        for p in v.places:
            arrow = {"better": ", better", "worse": ", worse"}.get(p.change.direction, "")
            place = clean_text(p.place, multiline=False)
            lines.append(f"  {place}: {p.entries}x, average {p.average:.1f}{arrow}")
    lines += ["", "Practice and pain:"]
    lines += [f"- {comparison_sentence(c)}" for c in v.comparisons]
    lines += [f"- {trend_sentence(v.trend)}", CORRELATION_NOTE, "", *week_rows(v.chart)]
    return "\n".join(lines) + "\n"


def run_trends(ctx: Context, args: argparse.Namespace) -> int:
    weeks = DEFAULT_WEEKS if args.weeks is None else args.weeks
    if not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(f"--weeks must be from 1 to {MAX_WEEKS}, got {weeks}")
    snap = ctx.store.load()
    today = ctx.today()
    plan = ctx.practice.plan(snap.meta, today)
    if plan.warning:
        print(f"footbase: {plan.warning}", file=sys.stderr)
    first = week_start_of(today, ctx.config.week_starts) - timedelta(weeks=weeks - 1)
    view = ctx.practice.trends(snap, snap.pain, first, weeks)
    if args.json:
        json.dump(trends_json(view, weeks), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(trends_text(view, weeks))
    return 0

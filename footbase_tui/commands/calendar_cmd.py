"""`footbase calendar`: the heatmap and the numbers as text, ANSI colour only on a terminal."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from datetime import date, timedelta

from footbase_tui.context import Context
from footbase_tui.core.calendar import DayCell, Stats, grid, months_back
from footbase_tui.errors import UsageError
from footbase_tui.heatmap import PALETTE, legend, month_line, rows, stats_lines, weekday_labels


def calendar_data(ctx: Context, first: date, last: date) -> tuple[dict[date, DayCell], Stats, date]:
    """Cells for first..last and the stats (which look at the whole history)."""
    snap = ctx.store.load()
    today = ctx.today()
    cells, stats = ctx.practice.calendar(snap, first, last)
    return {c.day: c for c in cells}, stats, today


def _range(args: argparse.Namespace, today: date, width: int) -> tuple[date, date]:
    if args.year is not None:
        if not 1970 <= args.year <= today.year:
            raise UsageError(f"--year must be from 1970 to {today.year}, got {args.year}")
        return date(args.year, 1, 1), min(date(args.year, 12, 31), today + timedelta(days=0))
    months = args.months
    if months is None:
        fit = max(1, (width - 5) // 5)  # ~4.35 week columns a month
        months = min(12, fit)
    if not 1 <= months <= 120:
        raise UsageError(f"--months must be from 1 to 120, got {months}")
    return months_back(today, months), today


def _paint(text: str, style: str, colour: bool) -> str:
    if not colour or style == "none":
        return text
    return f"\x1b[38;5;{PALETTE[style]}m{text}\x1b[0m"


def run_calendar(ctx: Context, args: argparse.Namespace) -> int:
    width = shutil.get_terminal_size((80, 24)).columns
    today = ctx.today()
    first, last = _range(args, today, width)
    cells, stats, today = calendar_data(ctx, first, last)
    if args.json:
        days = {}
        d = first
        while d <= last:
            c = cells[d]
            days[d.isoformat()] = {
                "planned": c.planned,
                "done": c.done,
                "state": c.state,
                "pain_avg": None if c.pain_avg is None else round(c.pain_avg, 2),
            }
            d += timedelta(days=1)
        out = {
            "days": days,
            "current_streak": stats.current_streak,
            "longest_streak": stats.longest_streak,
            "adherence": {str(k): v for k, v in stats.adherence.items()},
            "strength": stats.strength,
        }
        json.dump(out, sys.stdout, indent=1)
        print()
        return 0
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    g = grid(first, last, ctx.config.week_starts)
    print(month_line(g, 4))
    for label, row in zip(weekday_labels(ctx.config.week_starts), rows(g, cells, args.pain), strict=True):
        line = "".join(_paint(c.glyph, c.style, colour) for c in row)
        print(f"{label} {line}".rstrip())
    print(legend(args.pain))
    for line in stats_lines(stats):
        print(line)
    return 0

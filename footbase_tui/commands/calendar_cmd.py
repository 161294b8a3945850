"""`footbase calendar`: the heatmap and the numbers as text, ANSI colour only on a terminal."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Mapping
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


# 16-colour fallbacks for terminals without 256 colours (the glyphs carry the shades anyway).
PALETTE16 = {
    "p0": 90,
    "p1": 36,
    "p2": 34,
    "p3": 94,
    "rest": 37,
    "adapted": 35,
    "skipped": 33,
    "future": 90,
    "pain0": 37,
    "pain1": 36,
    "pain2": 33,
    "pain3": 35,
    "pain4": 95,
}


def colour_depth(stdout_tty: bool, env: Mapping[str, str]) -> int:
    """0 (none), 16 or 256 colours for the calendar's text, from the usual conventions:
    NO_COLOR wins; FORCE_COLOR or CLICOLOR_FORCE colour even a pipe; otherwise only a
    terminal whose TERM is not 'dumb'. 256 colours only where TERM or COLORTERM says so."""
    if env.get("NO_COLOR"):
        return 0
    forced = any(env.get(k, "") not in ("", "0", "false") for k in ("FORCE_COLOR", "CLICOLOR_FORCE"))
    term = env.get("TERM", "")
    if not forced and (not stdout_tty or term in ("", "dumb")):
        return 0
    if "256" in term or env.get("COLORTERM", "").lower() in ("truecolor", "24bit") or term == "xterm-kitty":
        return 256
    if env.get("FORCE_COLOR", "") in ("2", "3"):
        return 256
    return 16


def _paint(text: str, style: str, depth: int) -> str:
    if not depth or style == "none":
        return text
    if depth == 256 and style in PALETTE:
        return f"\x1b[38;5;{PALETTE[style]}m{text}\x1b[0m"
    if style in PALETTE16:
        return f"\x1b[{PALETTE16[style]}m{text}\x1b[0m"
    return text


def _blocks(first: date, last: date, columns: int, week_starts: str) -> list[tuple[date, date]]:
    """first..last cut at month boundaries into blocks whose grid fits `columns` week
    columns; a month wider than that is a block of its own (it still fits 6 columns)."""
    out: list[tuple[date, date]] = []
    start = first
    while start <= last:
        end = _month_end(start, last)
        while end < last:
            longer = _month_end(end + timedelta(days=1), last)
            if len(grid(start, longer, week_starts).weeks) > columns:
                break
            end = longer
        out.append((start, end))
        start = end + timedelta(days=1)
    return out


def _month_end(day: date, last: date) -> date:
    nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return min(nxt - timedelta(days=1), last)


def _fit(lines: list[str], width: int) -> list[str]:
    """Lines no wider than `width`, broken between words (never inside one)."""
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        out += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""]
    return out


def _span(first: date, last: date) -> str:
    if first.year == last.year and (first.month, last.month, last.day) == (1, 12, 31):
        return str(first.year)
    return (
        f"{first:%b %Y} – {last:%b %Y}"
        if (first.year, first.month) != (last.year, last.month)
        else f"{first:%B %Y}"
    )


def _empty(cells: Mapping[date, DayCell]) -> bool:
    return all(
        c.state in ("before-start", "future") and not c.done and c.pain_avg is None for c in cells.values()
    )


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
    if args.year is not None and _empty(cells):
        print(f"nothing recorded in {args.year}: no practice and no pain entries that year")
        return 0
    depth = colour_depth(sys.stdout.isatty(), os.environ)
    labels = weekday_labels(ctx.config.week_starts)
    blocks = _blocks(first, last, max(6, width - 5), ctx.config.week_starts)
    for n, (start, end) in enumerate(blocks):
        if n:
            print()
        g = grid(start, end, ctx.config.week_starts)
        print(_span(start, end))
        months = month_line(g, 4)
        while len(months) > width - 1:  # a label at the right edge: leave it out, never cut it
            months = months[: months.rstrip().rfind(" ")].rstrip()
        print(months)
        for label, row in zip(labels, rows(g, cells, args.pain), strict=True):
            line = "".join(_paint(c.glyph, c.style, depth) for c in row)
            print(f"{label} {line}".rstrip())
    narrow = width < 80
    for line in _fit([legend(args.pain, narrow), *stats_lines(stats, narrow)], width - 1):
        print(line)
    return 0

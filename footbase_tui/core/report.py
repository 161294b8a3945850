"""The readable exports: CSV rows for a spreadsheet and a Markdown report for a clinician.

Pure: given records, returns rows or text. The JSON exchange shape is in core/exchange.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from footbase_tui.core.calendar import DayCell, compute_stats, practised, week_start_of
from footbase_tui.core.exchange import sorted_pain, sorted_sessions
from footbase_tui.core.localtime import wall_time
from footbase_tui.core.records import (
    PainEntry,
    Session,
)
from footbase_tui.core.trends import is_meaningful

DISCLAIMER = "Exercise guidance, not medical advice; these are one person's records."
PAIN_COLUMNS = ("id", "date", "time", "utc", "tz", "level", "where", "context", "note", "source")
EXERCISE_COLUMNS = (
    "session_id",
    "date",
    "exercise",
    "name",
    "level",
    "status",
    "sets",
    "sets_planned",
    "reps",
    "seconds",
    "reason",
    "program",
    "session_kind",
)

Row = list[str | int]


def safe_cell(text: str) -> str:
    """User text for a spreadsheet: a leading = + - @ would start a formula, so a ' goes first."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def pain_rows(entries: Iterable[PainEntry]) -> list[Row]:
    """The header and one row per entry, in time order."""
    rows: list[Row] = [list(PAIN_COLUMNS)]
    for e in sorted_pain(entries):
        wall = wall_time(e.utc, e.tz)
        rows.append(
            [
                e.id,
                e.date.isoformat(),
                f"{wall:%H:%M}",
                e.utc,
                e.tz,
                e.level,
                safe_cell(";".join(e.where)),
                safe_cell(e.context or ""),
                safe_cell(e.note),
                safe_cell(e.source),
            ]
        )
    return rows


def exercise_rows(sessions: Iterable[Session], names: Mapping[str, str]) -> list[Row]:
    """The header and one row per exercise result, sessions in time order."""
    rows: list[Row] = [list(EXERCISE_COLUMNS)]
    for s in sorted_sessions(sessions):
        for i in s.items:
            rows.append(
                [
                    s.id,
                    s.date.isoformat(),
                    i.exercise,
                    safe_cell(names.get(i.exercise, "")),
                    i.level,
                    i.status,
                    i.sets,
                    i.planned_sets or "",
                    i.reps,
                    i.seconds,
                    safe_cell(i.reason or ""),
                    s.program,
                    s.kind,
                ]
            )
    return rows


# ---- the Markdown report -------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInput:
    """What the report is made of; records and cells already cut to the period."""

    first: date
    last: date
    today: date
    program_id: str
    program_name: str
    program_start: date
    names: Mapping[str, str]  # exercise and program id -> name
    pain: Sequence[PainEntry]
    sessions: Sequence[Session]
    cells: Sequence[DayCell]  # one per day, first..last
    heatmap: Sequence[str]  # the heatmap's text lines (glyphs only)
    week_starts: str = "monday"


@dataclass(frozen=True)
class WeekPain:
    start: date
    entries: int
    average: float
    low: int
    high: int


@dataclass(frozen=True)
class Change:
    week: date
    before_week: date
    before: float
    after: float

    @property
    def better(self) -> bool:
        return self.after < self.before


def weekly_pain(entries: Iterable[PainEntry], week_starts: str = "monday") -> list[WeekPain]:
    """Weeks with at least one entry, oldest first (by the entries' local dates)."""
    by_week: dict[date, list[int]] = defaultdict(list)
    for e in entries:
        by_week[week_start_of(e.date, week_starts)].append(e.level)
    return [
        WeekPain(week, len(levels), sum(levels) / len(levels), min(levels), max(levels))
        for week, levels in sorted(by_week.items())
    ]


def meaningful_changes(weeks: Sequence[WeekPain]) -> list[Change]:
    """Each week whose average moved by >= 2 points or >= 30% from the week just before
    (weeks without entries are not compared)."""
    out = []
    for before, after in pairwise(weeks):
        if after.start - before.start != timedelta(days=7):
            continue
        if is_meaningful(after.average - before.average, before.average):
            out.append(Change(after.start, before.start, before.average, after.average))
    return out


def frequent_contexts(entries: Iterable[PainEntry], top: int = 5) -> list[tuple[str, int, float]]:
    """(context, entries, average level) of entries with some pain (level >= 1), most first."""
    levels: dict[str, list[int]] = defaultdict(list)
    for e in entries:
        if e.context and e.level > 0:
            levels[e.context].append(e.level)
    ranked = sorted(
        ((ctx, len(lv), sum(lv) / len(lv)) for ctx, lv in levels.items()), key=lambda t: (-t[1], -t[2], t[0])
    )
    return ranked[:top]


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, no column breaks."""
    return " ".join(text.split()).replace("|", "\\|")


def _pct(part: float) -> str:
    return f"{part:.0%}"


def _levels_section(r: ReportInput) -> list[str]:
    lines = [
        "## Program and levels",
        "",
        f"- Program: {_cell(r.program_name)} (`{r.program_id}`), day 1 = {r.program_start}",
    ]
    programs = Counter(s.program for s in r.sessions)
    if programs:
        parts = ", ".join(f"{_cell(r.names.get(p, p))} {n}" for p, n in programs.most_common())
        lines.append(f"- Sessions in the period: {len(r.sessions)} ({parts})")
    else:
        lines.append("- Sessions in the period: none")
    best: dict[str, int] = {}
    times: Counter[str] = Counter()
    last: dict[str, date] = {}
    for s in r.sessions:
        for i in s.items:
            if i.status != "done":
                continue
            best[i.exercise] = max(best.get(i.exercise, 0), i.level)
            times[i.exercise] += 1
            last[i.exercise] = max(last.get(i.exercise, s.date), s.date)
    lines.append("")
    if not best:
        lines.append("No exercise was done in this period.")
        return lines
    lines += ["| exercise | highest level done | times done | last done |", "|---|---|---|---|"]
    for ex in sorted(best, key=lambda x: (r.names.get(x, x).lower(), x)):
        name = r.names.get(ex)
        label = f"{_cell(name)} (`{ex}`)" if name else f"`{ex}`"
        lines.append(f"| {label} | {best[ex]} | {times[ex]} | {last[ex]} |")
    return lines


def _adherence_section(r: ReportInput) -> list[str]:
    # The period's last complete day is the day before `ref` (today is not complete).
    ref = min(r.last + timedelta(days=1), r.today)
    cells = [c for c in r.cells if r.first <= c.day <= r.last]
    stats = compute_stats(cells, ref, r.week_starts)
    counted = [c for c in cells if c.day < ref and c.state not in ("before-start", "rest", "future")]
    planned = sum(c.planned for c in counted)
    done = round(sum(c.credit for c in counted), 1)  # a partly done exercise counts its share
    days = sum(1 for c in counted if practised(c))
    a = stats.adherence
    lines = [
        "## Adherence",
        "",
        f"- Planned exercises done, last 7 / 30 / 90 complete days to {ref - timedelta(days=1)}: "
        f"{_pct(a[7])} / {_pct(a[30])} / {_pct(a[90])}",
    ]
    if planned:
        lines.append(
            f"- Whole period: {done:g} of {planned} planned exercises done "
            f"({_pct(done / planned)}), practised on {days} of {len(counted)} days "
            "with a plan"
        )
    else:
        lines.append("- Whole period: no complete day with a plan")
    lines.append(f"- Longest run of days practised: {stats.longest_streak}")
    return lines


def _pain_section(r: ReportInput) -> list[str]:
    lines = ["## Pain", ""]
    if not r.pain:
        return [*lines, "No pain entries in this period."]
    levels = [e.level for e in r.pain]
    lines += [
        f"{len(levels)} entries, average {sum(levels) / len(levels):.1f} "
        f"(lowest {min(levels)}, highest {max(levels)}), on a 0-10 scale.",
        "",
        "### Weekly averages",
        "",
        "| week of | entries | average | min | max |",
        "|---|---|---|---|---|",
    ]
    weeks = weekly_pain(r.pain, r.week_starts)
    for w in weeks:
        lines.append(f"| {w.start} | {w.entries} | {w.average:.1f} | {w.low} | {w.high} |")
    lines += ["", "### Meaningful changes", ""]
    changes = meaningful_changes(weeks)
    if not changes:
        lines.append(
            "None: no week's average moved by 2 points or 30% from the week before "
            "(compared only where both weeks have entries)."
        )
    for c in changes:
        word = "better" if c.better else "worse"
        lines.append(
            f"- Week of {c.week}: average {c.after:.1f}, from {c.before:.1f} the week of "
            f"{c.before_week} ({c.after - c.before:+.1f}): {word}"
        )
    lines += ["", "### Most frequent aggravating contexts", ""]
    top = frequent_contexts(r.pain)
    if not top:
        lines.append("No entry with pain names what was being done.")
        return lines
    lines += ["| context | entries | average |", "|---|---|---|"]
    for name, count, avg in top:
        lines.append(f"| {_cell(name)} | {count} | {avg:.1f} |")
    return lines


def _notes_section(r: ReportInput) -> list[str]:
    lines = ["## Notes", ""]
    noted = [e for e in sorted_pain(r.pain) if e.note][::-1]
    if not noted:
        return [*lines, "No notes in this period."]
    for e in noted:
        wall = wall_time(e.utc, e.tz)
        lines.append(f"**{e.date} {wall:%H:%M} · pain {e.level}/10**")
        lines.append("")
        # Every line quoted: a note's own markup stays inside its quote.
        lines += [f"> {line}".rstrip() for line in e.note.split("\n")]
        lines.append("")
    return lines[:-1]


def markdown_report(r: ReportInput) -> str:
    days = (r.last - r.first).days + 1
    lines = [
        "# footbase report",
        "",
        f"Period: {r.first} to {r.last} ({days} day{'s' if days != 1 else ''}), made {r.today}",
        "",
        *_levels_section(r),
        "",
        *_adherence_section(r),
        "",
        "## Practice calendar",
        "",
        "```text",
        *r.heatmap,
        "```",
        "",
        *_pain_section(r),
        "",
        *_notes_section(r),
        "",
        DISCLAIMER,
    ]
    return "\n".join(lines) + "\n"

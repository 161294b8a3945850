"""The Markdown report for a clinician: program and levels, adherence, pain, notes.

Pure: given records, returns text. The CSV rows are in core/csv_rows.py, the JSON exchange
shape in core/exchange.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from footbase_tui.core.calendar import DayCell, compute_stats, practised, week_start_of
from footbase_tui.core.exchange import sorted_pain
from footbase_tui.core.humane import duration_words, span_words
from footbase_tui.core.localtime import from_iso_utc, wall_time
from footbase_tui.core.practice_pain import TrendView, comparison_sentence, trend_sentence
from footbase_tui.core.records import PainEntry, Session
from footbase_tui.core.text import shown
from footbase_tui.core.trends import CORRELATION_NOTE, is_meaningful
from footbase_tui.core.weekchart import week_rows

DISCLAIMER = "Exercise guidance, not medical advice; these are one person's records."


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
    notes_max: int | None = None  # only the newest notes; None: all of the period's
    made_at: datetime | None = None  # when the report is made: recent notes say how long before
    more_hint: str = ""  # said beside the period when it is a default, e.g. how to see more
    practice: TrendView | None = None  # the practice-pain figures over the period


@dataclass(frozen=True)
class WeekPain:
    """One week's pain entries: the week's first day, how many, and their average, lowest and
    highest level."""

    start: date
    entries: int
    average: float
    low: int
    high: int


@dataclass(frozen=True)
class Change:
    """A meaningful move in weekly average pain, from `before` in week `before_week` to `after` in
    the week after it, `week`."""

    week: date
    before_week: date
    before: float
    after: float

    @property
    def better(self) -> bool:
        """Whether the pain went down."""
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


SESSION_CAP_S = 2 * 3600  # a walkthrough left open overnight counts as two hours at most


def practice_time_words(sessions: Iterable[Session]) -> str:
    """The summed start-to-end time of `sessions` to the minute, in words ("1 hour 5 minutes";
    "under a minute"), each capped at SESSION_CAP_S."""
    total = 0.0
    for s in sessions:
        if s.end:
            seconds = (from_iso_utc(s.end) - from_iso_utc(s.start)).total_seconds()
            total += min(max(seconds, 0.0), SESSION_CAP_S)
    minutes = round(total / 60)
    return duration_words(minutes * 60) if minutes >= 1 else "under a minute"


RELATIVE_DAYS = 14  # older notes carry their date only


def _before(utc_text: str, made_at: datetime | None) -> str:
    """' · 3 hours before this report' for a note of the last RELATIVE_DAYS days, else ''."""
    if made_at is None:
        return ""
    then = from_iso_utc(utc_text)
    if not timedelta(0) <= made_at - then <= timedelta(days=RELATIVE_DAYS):
        return ""
    return f" · {span_words(then, made_at)} before this report"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, no column breaks."""
    return " ".join(shown(text).split()).replace("|", "\\|")


def _pct(part: float) -> str:
    return f"{part:.0%}"


def _levels_section(r: ReportInput) -> list[str]:
    lines = [
        "## Program and levels",
        "",
        f"- Program: {_cell(r.program_name)} (`{_cell(r.program_id)}`), day 1 = {r.program_start}",
    ]
    programs = Counter(s.program for s in r.sessions)
    if programs:
        parts = ", ".join(f"{_cell(r.names.get(p, p))} {n}" for p, n in programs.most_common())
        lines.append(f"- Sessions in the period: {len(r.sessions)} ({parts})")
    else:
        lines.append("- Sessions in the period: none")
    guided = [s for s in r.sessions if s.kind == "walkthrough" and s.end]
    if guided:
        lines.append(f"- Time in guided walkthroughs: {practice_time_words(guided)} ({len(guided)} sessions)")
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
        label = f"{_cell(name)} (`{_cell(ex)}`)" if name else f"`{_cell(ex)}`"
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


def _practice_section(v: TrendView) -> list[str]:
    """The comparisons and the trend in plain words, then weekly pain beside plan done."""
    lines = ["## Practice and pain", ""]
    lines += [f"- {comparison_sentence(c)}" for c in v.comparisons]
    lines += [f"- {trend_sentence(v.trend)}", "", f"_{CORRELATION_NOTE}_"]
    if v.chart:
        n = len(v.chart)
        lines += [
            "",
            f"### Weekly pain and plan done, last {n} week{'s' if n != 1 else ''} of the period",
            "",
            "```text",
            *week_rows(v.chart),
            "```",
            "",
            "Pain: one block a point (▌ half a point). Plan done: planned exercises done, one "
            "block a tenth; · is a week with no entry.",
        ]
    return lines


def _notes_section(r: ReportInput) -> list[str]:
    lines = ["## Notes", ""]
    noted = [e for e in sorted_pain(r.pain) if e.note][::-1]
    if not noted:
        return [*lines, "No notes in this period."]
    older = len(noted) - r.notes_max if r.notes_max is not None else 0
    if older > 0:
        noted = noted[: r.notes_max]
        lines += [
            f"The {len(noted)} most recent of {len(noted) + older} notes; the period's others are left out.",
            "",
        ]
    for e in noted:
        wall = wall_time(e.utc, e.tz)
        lines.append(f"**{e.date} {wall:%H:%M} · pain {e.level}/10**{_before(e.utc, r.made_at)}")
        lines.append("")
        # Every line quoted: a note's own markup stays inside its quote.
        lines += [f"> {line}".rstrip() for line in shown(e.note, multiline=True).split("\n")]
        lines.append("")
    return lines[:-1]


def markdown_report(r: ReportInput) -> str:
    """The whole report as Markdown: program and levels, adherence, the practice calendar, pain,
    practice and pain (when `practice` is given), notes, then the disclaimer; ends with a
    newline."""
    days = (r.last - r.first).days + 1
    lines = [
        "# footbase report",
        "",
        f"Period: {r.first} to {r.last} ({days} day{'s' if days != 1 else ''}), made {r.today}"
        + (f" ({r.more_hint})" if r.more_hint else ""),
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
        *([*_practice_section(r.practice), ""] if r.practice else []),
        *_notes_section(r),
        "",
        DISCLAIMER,
    ]
    return "\n".join(lines) + "\n"

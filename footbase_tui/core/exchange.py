"""Exporting and importing: the versioned JSON shape, CSV rows and the Markdown report.

Pure: plain values in, plain values (dicts, rows, text) out; reading and writing files is
the `footbase export` / `footbase import` command's job.

The JSON export, version 1
--------------------------

One object; lists are sorted (pain by time then id, sessions by start then id, day plans
by date), so the same records always give the same text::

    {
      "footbase_export": 1,                  # this shape's version; newer ones are refused
      "exported_at": "2026-03-03T08:00:00Z", # when (UTC)
      "store_format": 1,                     # the store format the records are written in
      "meta": {"program": "foundation", "start": "2026-03-02"},   # both may be null
      "pain": [
        {"id": "<uuid>", "utc": "2026-03-03T08:00:00Z", "tz": "Europe/Berlin",
         "date": "2026-03-03", "level": 4,   # 0-10; "date" is the local day it counts for
         "where": ["low-back"], "context": "sitting", "note": "text",  # each optional
         "src": "cli", "upd": "<utc>"}      # where it was logged; last edit (optional)
      ],
      "sessions": [
        {"id": "<uuid>", "date": "2026-03-03", "tz": "Europe/Berlin",
         "start": "<utc>", "end": "<utc>" | null, "program": "foundation",
         "kind": "manual" | "walkthrough" | ...,
         "items": [{"ex": "short-foot", "lv": 1, "st": "done" | "skipped" | "todo",
                    "at": "<utc>", "sets": 3, "reps": 30, "secs": 0, "why": "reason"}]}
      ],                                     # sets/reps/secs/why are left out when empty
      "day_plans": [
        {"date": "2026-03-03", "program": "desk-five", "reason": "pain" | "choice",
         "at": "<utc>"}
      ]
    }

The records are exactly the store's own shapes (`core.records.*_to_doc`) with the id in
front. Dates are local dates as stored; `--since`/`--until` filter on them. An importer
merges by id (day plans by date), so importing the same file twice changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta, tzinfo
from itertools import pairwise
from typing import Any

from footbase_tui.core.calendar import DayCell, compute_stats, practised, week_start_of
from footbase_tui.core.localtime import TimeInputError, from_iso_utc, zone_from_name
from footbase_tui.core.records import (
    NOTE_MAX,
    DayPlan,
    Meta,
    PainEntry,
    Session,
    day_plan_from_doc,
    day_plan_to_doc,
    pain_from_doc,
    pain_to_doc,
    session_from_doc,
    session_to_doc,
    stamp_key,
)
from footbase_tui.core.text import clean_text

EXPORT_VERSION = 1
DISCLAIMER = "Exercise guidance, not medical advice; these are one person's records."

PAIN_COLUMNS = ("id", "date", "time", "utc", "tz", "level", "where", "context", "note", "source")
EXERCISE_COLUMNS = ("session_id", "date", "exercise", "name", "level", "status", "sets", "reps",
                    "seconds", "reason", "program", "session_kind")

ITEM_LEVELS = (1, 4)  # an exercise has 2 to 4 levels (see core.catalog)
COUNT_MAX = 100_000  # sets, reps, seconds of one result
WORD_MAX = 80  # ids, places, contexts, programs: short single-line words
PLAN_REASONS = ("pain", "choice")
CHANGE_POINTS = 2.0  # a week's average pain moving this much...
CHANGE_SHARE = 0.30  # ...or by this share of the week before is worth a mention

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$", re.ASCII)
_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$", re.ASCII)


class ExchangeError(ValueError):
    """A file that is not an export this footbase can import; str() is one line."""


# ---- selecting and ordering ---------------------------------------------------------------

def in_period(day: date, since: date | None, until: date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def sorted_pain(entries: Iterable[PainEntry]) -> list[PainEntry]:
    return sorted(entries, key=lambda e: (stamp_key(e.utc), e.id))


def sorted_sessions(sessions: Iterable[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: (stamp_key(s.start), s.id))


def sorted_plans(plans: Iterable[DayPlan]) -> list[DayPlan]:
    return sorted(plans, key=lambda p: p.date)


# ---- JSON ----------------------------------------------------------------------------------

def export_doc(meta: Meta, pain: Iterable[PainEntry], sessions: Iterable[Session],
               plans: Iterable[DayPlan], *, exported_at: str, store_format: int) -> dict[str, Any]:
    """The export object (see the module docstring); lists come out sorted."""
    return {
        "footbase_export": EXPORT_VERSION,
        "exported_at": exported_at,
        "store_format": store_format,
        "meta": {"program": meta.program, "start": meta.start.isoformat() if meta.start else None},
        "pain": [{"id": e.id, **pain_to_doc(e)} for e in sorted_pain(pain)],
        "sessions": [{"id": s.id, **session_to_doc(s)} for s in sorted_sessions(sessions)],
        "day_plans": [day_plan_to_doc(p) for p in sorted_plans(plans)],
    }


@dataclass(frozen=True)
class ExportData:
    """A checked export: records ready for Store.merge, and the program it followed."""

    program: str | None
    start: date | None
    pain: list[PainEntry]
    sessions: list[Session]
    plans: list[DayPlan]


def _is_utc(value: object) -> bool:
    if not isinstance(value, str) or not _UTC.match(value):
        return False
    try:
        from_iso_utc(value)
    except ValueError:
        return False
    return True


def _word(value: object, what: str, where: str) -> str:
    """A short single-line text without control characters."""
    if not isinstance(value, str) or not value or len(value) > WORD_MAX \
            or clean_text(value, multiline=False) != value:
        raise ExchangeError(f"{where}: {what} is not a short single-line text")
    return value


def _text(value: object, what: str, where: str) -> str:
    """User text (a note, a reason): at most NOTE_MAX characters, no control characters."""
    if not isinstance(value, str) or len(value) > NOTE_MAX or clean_text(value) != value:
        raise ExchangeError(f"{where}: {what} is longer than {NOTE_MAX} characters or has "
                            "control characters")
    return value


def _zone_name(value: str, where: str) -> str:
    try:
        zone_from_name(value)
    except TimeInputError:
        raise ExchangeError(f"{where}: time zone {value[:40]!r} is unknown") from None
    return value


def _records(data: dict[str, Any], key: str) -> list[Any]:
    value = data[key]
    if not isinstance(value, list):
        raise ExchangeError(f"'{key}' is not a list")
    return value


def _record(raw: Any, key: str, index: int) -> tuple[str, dict[str, Any], str]:
    where = f"{key}[{index}]"
    if not isinstance(raw, dict):
        raise ExchangeError(f"{where} is not an object")
    rid = raw.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise ExchangeError(f"{where}: 'id' is missing or not an id")
    return rid, raw, f"{where} (id {rid})"


def _check_pain(raw: Any, index: int) -> PainEntry:
    rid, doc, where = _record(raw, "pain", index)
    for key in ("src", "upd"):
        if key in doc and not isinstance(doc[key], str):
            raise ExchangeError(f"{where}: '{key}' is not text")
    if "upd" in doc and not _is_utc(doc["upd"]):
        raise ExchangeError(f"{where}: 'upd' is not a UTC time")
    try:
        e = pain_from_doc(rid, doc)
    except (ValueError, TypeError) as exc:
        raise ExchangeError(f"pain[{index}]: {exc}") from None
    _zone_name(e.tz, where)
    if len(e.where) > 40:
        raise ExchangeError(f"{where}: more than 40 places in 'where'")
    for w in e.where:
        _word(w, "a place in 'where'", where)
    if e.context is not None:
        _word(e.context, "'context'", where)
    _text(e.note, "'note'", where)
    _word(e.source, "'src'", where)
    return e


def _check_items(doc: dict[str, Any], where: str) -> None:
    items = doc.get("items", [])
    if not isinstance(items, list):
        return  # session_from_doc says so
    lo, hi = ITEM_LEVELS
    for n, item in enumerate(items):
        at = f"{where} item {n}"
        if not isinstance(item, dict):
            raise ExchangeError(f"{at} is not an object")
        lv = item.get("lv")
        if isinstance(lv, int) and not isinstance(lv, bool) and not lo <= lv <= hi:
            raise ExchangeError(f"{at}: level {lv} is outside {lo}-{hi}")
        for key in ("sets", "reps", "secs"):
            value = item.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= COUNT_MAX:
                raise ExchangeError(f"{at}: '{key}' is not a whole number from 0 to {COUNT_MAX}")
        if "why" in item:
            _text(item["why"], "'why'", at)


def _check_session(raw: Any, index: int) -> Session:
    rid, doc, where = _record(raw, "sessions", index)
    if "kind" in doc:
        _word(doc["kind"], "'kind'", where)
    _check_items(doc, where)
    try:
        s = session_from_doc(rid, doc)
    except (ValueError, TypeError) as exc:
        raise ExchangeError(f"sessions[{index}]: {exc}") from None
    _zone_name(s.tz, where)
    _word(s.program, "'program'", where)
    for item in s.items:
        _word(item.exercise, "an item's 'ex'", where)
    return s


def _check_plan(raw: Any, index: int) -> DayPlan:
    where = f"day_plans[{index}]"
    if not isinstance(raw, dict):
        raise ExchangeError(f"{where} is not an object")
    try:
        p = day_plan_from_doc(where, raw)
    except (ValueError, TypeError) as exc:
        raise ExchangeError(str(exc).replace("record ", "", 1)) from None
    _word(p.program, "'program'", where)
    if p.reason not in PLAN_REASONS:
        raise ExchangeError(f"{where}: 'reason' is not one of {', '.join(PLAN_REASONS)}")
    return p


def _check_meta(value: Any) -> tuple[str | None, date | None]:
    if not isinstance(value, dict):
        raise ExchangeError("'meta' is not an object")
    program = value.get("program")
    if program is not None:
        _word(program, "'program'", "meta")
    start = value.get("start")
    if start is None:
        return program, None
    try:
        if not isinstance(start, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", start, re.ASCII):
            raise ValueError
        return program, date.fromisoformat(start)
    except ValueError:
        raise ExchangeError("meta: 'start' is not a date") from None


def _unique(keys: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ExchangeError(f"{what} {key} appears twice")
        seen.add(key)


def read_export(data: Any, store_format: int) -> ExportData:
    """Check a parsed export completely; ExchangeError names the first problem."""
    if not isinstance(data, dict):
        raise ExchangeError("not a footbase export (expected a JSON object)")
    version = data.get("footbase_export")
    if version is None:
        raise ExchangeError("not a footbase export (no 'footbase_export' version)")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError("not a footbase export ('footbase_export' is not a version number)")
    if version > EXPORT_VERSION:
        raise ExchangeError(f"made by a newer footbase (export version {version}; this one "
                            f"reads version {EXPORT_VERSION}): upgrade footbase to import it")
    for key in ("exported_at", "store_format", "meta", "pain", "sessions", "day_plans"):
        if key not in data:
            raise ExchangeError(f"not a complete footbase export (no '{key}')")
    fmt = data["store_format"]
    if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
        raise ExchangeError("'store_format' is not a version number")
    if fmt > store_format:
        raise ExchangeError(f"made by a newer footbase (store format {fmt}; this one knows "
                            f"{store_format}): upgrade footbase to import it")
    if not _is_utc(data["exported_at"]):
        raise ExchangeError("'exported_at' is not a UTC time")
    program, start = _check_meta(data["meta"])
    pain = [_check_pain(raw, i) for i, raw in enumerate(_records(data, "pain"))]
    sessions = [_check_session(raw, i) for i, raw in enumerate(_records(data, "sessions"))]
    plans = [_check_plan(raw, i) for i, raw in enumerate(_records(data, "day_plans"))]
    _unique((e.id for e in pain), "pain entry")
    _unique((s.id for s in sessions), "session")
    _unique((p.date.isoformat() for p in plans), "day plan for")
    return ExportData(program, start, pain, sessions, plans)


# ---- CSV -----------------------------------------------------------------------------------

Row = list[str | int]


def _zone(name: str) -> tzinfo:
    try:
        return zone_from_name(name)
    except TimeInputError:
        return UTC


def safe_cell(text: str) -> str:
    """User text for a spreadsheet: a leading = + - @ would start a formula, so a ' goes first."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def pain_rows(entries: Iterable[PainEntry]) -> list[Row]:
    """The header and one row per entry, in time order."""
    rows: list[Row] = [list(PAIN_COLUMNS)]
    for e in sorted_pain(entries):
        wall = from_iso_utc(e.utc).astimezone(_zone(e.tz))
        rows.append([e.id, e.date.isoformat(), f"{wall:%H:%M}", e.utc, e.tz, e.level,
                     safe_cell(";".join(e.where)), safe_cell(e.context or ""), safe_cell(e.note),
                     safe_cell(e.source)])
    return rows


def exercise_rows(sessions: Iterable[Session], names: Mapping[str, str]) -> list[Row]:
    """The header and one row per exercise result, sessions in time order."""
    rows: list[Row] = [list(EXERCISE_COLUMNS)]
    for s in sorted_sessions(sessions):
        for i in s.items:
            rows.append([s.id, s.date.isoformat(), i.exercise, safe_cell(names.get(i.exercise, "")),
                         i.level, i.status, i.sets, i.reps, i.seconds, safe_cell(i.reason or ""),
                         s.program, s.kind])
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
    return [WeekPain(week, len(levels), sum(levels) / len(levels), min(levels), max(levels))
            for week, levels in sorted(by_week.items())]


def meaningful_changes(weeks: Sequence[WeekPain]) -> list[Change]:
    """Each week whose average moved by >= 2 points or >= 30% from the week just before
    (weeks without entries are not compared)."""
    out = []
    for before, after in pairwise(weeks):
        if after.start - before.start != timedelta(days=7):
            continue
        delta = abs(after.average - before.average)
        if delta >= CHANGE_POINTS - 1e-9 or (
            before.average > 0 and delta / before.average >= CHANGE_SHARE - 1e-9
        ):
            out.append(Change(after.start, before.start, before.average, after.average))
    return out


def frequent_contexts(entries: Iterable[PainEntry], top: int = 5) -> list[tuple[str, int, float]]:
    """(context, entries, average level) of entries with some pain (level >= 1), most first."""
    levels: dict[str, list[int]] = defaultdict(list)
    for e in entries:
        if e.context and e.level > 0:
            levels[e.context].append(e.level)
    ranked = sorted(((ctx, len(lv), sum(lv) / len(lv)) for ctx, lv in levels.items()),
                    key=lambda t: (-t[1], -t[2], t[0]))
    return ranked[:top]


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, no column breaks."""
    return " ".join(text.split()).replace("|", "\\|")


def _pct(part: float) -> str:
    return f"{part:.0%}"


def _levels_section(r: ReportInput) -> list[str]:
    lines = ["## Program and levels", "",
             f"Program: {_cell(r.program_name)} (`{r.program_id}`), day 1 = {r.program_start}"]
    programs = Counter(s.program for s in r.sessions)
    if programs:
        parts = ", ".join(f"{_cell(r.names.get(p, p))} {n}" for p, n in programs.most_common())
        lines.append(f"Sessions in the period: {len(r.sessions)} ({parts})")
    else:
        lines.append("Sessions in the period: none")
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
    done = sum(c.done for c in counted)
    days = sum(1 for c in counted if practised(c))
    a = stats.adherence
    lines = ["## Adherence", "",
             f"- Planned exercises done, last 7 / 30 / 90 complete days to {ref - timedelta(days=1)}: "
             f"{_pct(a[7])} / {_pct(a[30])} / {_pct(a[90])}"]
    if planned:
        lines.append(f"- Whole period: {done} of {planned} planned exercises done "
                     f"({_pct(done / planned)}), practised on {days} of {len(counted)} days "
                     "with a plan")
    else:
        lines.append("- Whole period: no complete day with a plan")
    lines.append(f"- Longest run of days practised: {stats.longest_streak}")
    return lines


def _pain_section(r: ReportInput) -> list[str]:
    lines = ["## Pain", ""]
    if not r.pain:
        return [*lines, "No pain entries in this period."]
    levels = [e.level for e in r.pain]
    lines += [f"{len(levels)} entries, average {sum(levels) / len(levels):.1f} "
              f"(lowest {min(levels)}, highest {max(levels)}), on a 0-10 scale.", "",
              "### Weekly averages", "",
              "| week of | entries | average | min | max |", "|---|---|---|---|---|"]
    weeks = weekly_pain(r.pain, r.week_starts)
    for w in weeks:
        lines.append(f"| {w.start} | {w.entries} | {w.average:.1f} | {w.low} | {w.high} |")
    lines += ["", "### Meaningful changes", ""]
    changes = meaningful_changes(weeks)
    if not changes:
        lines.append("None: no week's average moved by 2 points or 30% from the week before "
                     "(compared only where both weeks have entries).")
    for c in changes:
        word = "better" if c.better else "worse"
        lines.append(f"- Week of {c.week}: average {c.after:.1f}, from {c.before:.1f} the week of "
                     f"{c.before_week} ({c.after - c.before:+.1f}): {word}")
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
        wall = from_iso_utc(e.utc).astimezone(_zone(e.tz))
        lines.append(f"**{e.date} {wall:%H:%M} · pain {e.level}/10**")
        lines.append("")
        # Every line quoted: a note's own markup stays inside its quote.
        lines += [f"> {line}".rstrip() for line in e.note.split("\n")]
        lines.append("")
    return lines[:-1]


def markdown_report(r: ReportInput) -> str:
    days = (r.last - r.first).days + 1
    lines = ["# footbase report", "",
             f"Period: {r.first} to {r.last} ({days} day{'s' if days != 1 else ''}), made {r.today}",
             "", *_levels_section(r), "", *_adherence_section(r), "",
             "## Practice calendar", "", "```text", *r.heatmap, "```", "",
             *_pain_section(r), "", *_notes_section(r), "", DISCLAIMER]
    return "\n".join(lines) + "\n"

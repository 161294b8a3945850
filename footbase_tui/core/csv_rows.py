"""The spreadsheet export: CSV rows of pain entries and exercise results, every cell made safe.

Pure: given records, returns rows. The Markdown report is in core/report.py, the JSON exchange
shape in core/exchange.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from footbase_tui.core.exchange import sorted_pain, sorted_sessions
from footbase_tui.core.localtime import wall_time
from footbase_tui.core.records import PainEntry, Session
from footbase_tui.core.text import shown

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

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # the OWASP rule for CSV injection


def safe_cell(text: str) -> str:
    """Text for a spreadsheet cell: no escape sequence, and a cell that would start a formula
    (= + - @ tab or carriage return first, after any spaces) gets a ' first. Idempotent."""
    text = shown(text, multiline=True)
    lead = text.lstrip(" ")[:1]
    return "'" + text if lead and lead in FORMULA_STARTS else text


def pain_rows(entries: Iterable[PainEntry]) -> list[Row]:
    """The header and one row per entry, in time order."""
    rows: list[Row] = [list(PAIN_COLUMNS)]
    for e in sorted_pain(entries):
        wall = wall_time(e.utc, e.tz)
        rows.append(
            [
                safe_cell(e.id),
                e.date.isoformat(),
                f"{wall:%H:%M}",
                e.utc,
                safe_cell(e.tz),
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
                    safe_cell(s.id),
                    s.date.isoformat(),
                    safe_cell(i.exercise),
                    safe_cell(names.get(i.exercise, "")),
                    i.level,
                    safe_cell(i.status),
                    i.sets,
                    i.planned_sets or "",
                    i.reps,
                    i.seconds,
                    safe_cell(i.reason or ""),
                    safe_cell(s.program),
                    safe_cell(s.kind),
                ]
            )
    return rows

"""Exporting and importing: the versioned JSON shape (below) and the export's side of it; the
checks an import makes of a file live in core.export_read (`read_export`, `check_known`).

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
         "items": [{"ex": "short-foot", "lv": 1, "st": "done" | "partial" | "skipped" | "todo",
                    "at": "<utc>", "sets": 2, "of": 3, "reps": 20, "secs": 95, "why": "reason"}]}
      ],                                     # sets/of/reps/secs/why are left out when empty
      "day_plans": [
        {"date": "2026-03-03", "program": "desk-five", "reason": "pain" | "choice",
         "at": "<utc>"}
      ],
      "levels": [                            # optional (older exports have none)
        {"id": "<uuid>", "ex": "short-foot", "from": 1, "to": 2,
         "why": "accepted" | "up" | "down" | "hold" | "pain",
         "at": "<utc>", "tz": "Europe/Berlin", "date": "2026-03-03"}
      ],                                     # each step of a level, oldest first
      "tombstones": [                        # deleted records (store format 2 on)
        {"kind": "pain" | "sessions" | "days", "id": "<uuid or date>", "at": "<utc>"}
      ]
    }

The records are exactly the store's own shapes (`core.record_docs.*_to_doc`) with the id in
front; from store format 2 on each carries "chg", when that version was made. Dates are
local dates as stored; `--since`/`--until` filter the records on them (tombstones are
always all exported). An importer merges by id (day plans by date) by core.merge's rules
(newest wins, a newer tombstone deletes), so importing the same file twice changes nothing.
A store file itself (another machine's footbase.json) is read as the export of everything
in it. Exports without "tombstones" (store format 1) are read as having none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from footbase_tui.core.record_docs import (
    day_plan_to_doc,
    level_to_doc,
    pain_to_doc,
    session_to_doc,
    tomb_to_doc,
)
from footbase_tui.core.records import (
    DayPlan,
    LevelChange,
    Meta,
    PainEntry,
    Session,
    Tomb,
    stamp_key,
)

EXPORT_VERSION = 1


class ExchangeError(ValueError):
    """A file that is not an export this footbase can import; str() is one line."""


# ---- selecting and ordering ---------------------------------------------------------------


def in_period(day: date, since: date | None, until: date | None) -> bool:
    """Whether `day` lies from `since` to `until`, both included; None leaves that end open."""
    return (since is None or day >= since) and (until is None or day <= until)


def sorted_pain(entries: Iterable[PainEntry]) -> list[PainEntry]:
    """The entries in time order (UTC instant, then id), as a new list."""
    return sorted(entries, key=lambda e: (stamp_key(e.utc), e.id))


def sorted_sessions(sessions: Iterable[Session]) -> list[Session]:
    """The sessions in order of their start (UTC instant, then id), as a new list."""
    return sorted(sessions, key=lambda s: (stamp_key(s.start), s.id))


def sorted_plans(plans: Iterable[DayPlan]) -> list[DayPlan]:
    """The day plans in date order, as a new list."""
    return sorted(plans, key=lambda p: p.date)


# ---- JSON ----------------------------------------------------------------------------------


def export_doc(
    meta: Meta,
    pain: Iterable[PainEntry],
    sessions: Iterable[Session],
    plans: Iterable[DayPlan],
    *,
    exported_at: str,
    store_format: int,
    levels: Iterable[LevelChange] = (),
    tombs: Iterable[Tomb] = (),
) -> dict[str, Any]:
    """The export object (see the module docstring); lists come out sorted."""
    return {
        "footbase_export": EXPORT_VERSION,
        "exported_at": exported_at,
        "store_format": store_format,
        "meta": {"program": meta.program, "start": meta.start.isoformat() if meta.start else None},
        "pain": [{"id": e.id, **pain_to_doc(e)} for e in sorted_pain(pain)],
        "sessions": [{"id": s.id, **session_to_doc(s)} for s in sorted_sessions(sessions)],
        "day_plans": [day_plan_to_doc(p) for p in sorted_plans(plans)],
        "levels": [
            {"id": c.id, **level_to_doc(c)} for c in sorted(levels, key=lambda c: (stamp_key(c.at), c.id))
        ],
        "tombstones": [tomb_to_doc(t) for t in sorted(tombs, key=lambda t: (t.kind, t.id))],
    }


@dataclass(frozen=True)
class ExportData:
    """A checked export: records ready for Store.merge, and the program it followed."""

    program: str | None
    start: date | None
    pain: list[PainEntry]
    sessions: list[Session]
    plans: list[DayPlan]
    levels: list[LevelChange] = field(default_factory=list)
    tombs: list[Tomb] = field(default_factory=list)


KINDS = ("pain", "sessions", "days", "levels")  # the store tables records of an export merge into


def as_records(found: ExportData) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, dict[str, str]]]:
    """The export's records in the stored shape, by kind and id, and its tombstones by kind
    and id (their deleted-at): what core.merge.plan_merge takes."""
    records: dict[str, dict[str, dict[str, Any]]] = {
        "pain": {e.id: pain_to_doc(e) for e in found.pain},
        "sessions": {s.id: session_to_doc(s) for s in found.sessions},
        "days": {p.date.isoformat(): day_plan_to_doc(p) for p in found.plans},
        "levels": {c.id: level_to_doc(c) for c in found.levels},
    }
    tombs: dict[str, dict[str, str]] = {}
    for t in found.tombs:
        tombs.setdefault(t.kind, {})[t.id] = t.at
    return records, tombs

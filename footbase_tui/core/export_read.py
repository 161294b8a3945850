"""Reading an export back (see core.exchange for its shape): every check `footbase import`
and a sync make of a file before its records may merge into a store. A file is hostile
until checked: ids, words and notes are bounded, times are real, zones are known.

Pure: a parsed JSON value in, a checked ExportData out, or ExchangeError naming the first
problem.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from datetime import date
from typing import Any

from footbase_tui.core.exchange import EXPORT_VERSION, KINDS, ExchangeError, ExportData
from footbase_tui.core.localtime import FIRST_DAY, LAST_DAY, TimeInputError, in_bounds, zone_from_name
from footbase_tui.core.record_docs import (
    day_plan_from_doc,
    is_utc_stamp,
    level_from_doc,
    pain_from_doc,
    session_from_doc,
)
from footbase_tui.core.records import NOTE_MAX, DayPlan, LevelChange, PainEntry, Session, Tomb
from footbase_tui.core.text import clean_text

ITEM_LEVELS = (1, 4)  # an exercise has 2 to 4 levels (see core.catalog)
COUNT_MAX = 100_000  # sets, reps, seconds of one result
WORD_MAX = 80  # ids, places, contexts, programs: short single-line words
PLAN_REASONS = ("pain", "choice")
SESSION_KINDS = ("manual", "walkthrough")  # `done` (and ticks in the app), the walkthrough

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$", re.ASCII)


def _word(value: object, what: str, where: str) -> str:
    """A short single-line text without control characters."""
    if (
        not isinstance(value, str)
        or not value
        or len(value) > WORD_MAX
        or clean_text(value, multiline=False) != value
    ):
        raise ExchangeError(f"{where}: {what} is not a short single-line text")
    return value


def _text(value: object, what: str, where: str) -> str:
    """User text (a note, a reason): at most NOTE_MAX characters, no control characters."""
    if not isinstance(value, str) or len(value) > NOTE_MAX or clean_text(value) != value:
        raise ExchangeError(f"{where}: {what} is longer than {NOTE_MAX} characters or has control characters")
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
    doc = {k: v for k, v in raw.items() if k != "id"}  # the stored record has no 'id' field
    return rid, doc, f"{where} (id {rid})"


def _check_pain(raw: Any, index: int) -> PainEntry:
    rid, doc, where = _record(raw, "pain", index)
    for key in ("src", "upd"):
        if key in doc and not isinstance(doc[key], str):
            raise ExchangeError(f"{where}: '{key}' is not text")
    if "upd" in doc and not is_utc_stamp(doc["upd"]):
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
        for key in ("sets", "of", "reps", "secs"):
            value = item.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= COUNT_MAX:
                raise ExchangeError(f"{at}: '{key}' is not a whole number from 0 to {COUNT_MAX}")
        if "why" in item:
            _text(item["why"], "'why'", at)


def _check_session(raw: Any, index: int) -> Session:
    rid, doc, where = _record(raw, "sessions", index)
    if "kind" in doc and doc["kind"] not in SESSION_KINDS:
        raise ExchangeError(f"{where}: 'kind' is not one of {', '.join(SESSION_KINDS)}")
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


def _check_level(raw: Any, index: int) -> LevelChange:
    rid, doc, where = _record(raw, "levels", index)
    try:
        c = level_from_doc(rid, doc)
    except (ValueError, TypeError) as exc:
        raise ExchangeError(f"levels[{index}]: {exc}") from None
    _zone_name(c.tz, where)
    _word(c.exercise, "'ex'", where)
    return c


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
        day = date.fromisoformat(start)
    except ValueError:
        raise ExchangeError("meta: 'start' is not a date") from None
    if not in_bounds(day):
        raise ExchangeError(f"meta: 'start' is not a date from {FIRST_DAY} to {LAST_DAY}")
    return program, day


def check_known(found: ExportData, exercises: Container[str], programs: Container[str]) -> None:
    """Refuse (ExchangeError) an export that names an exercise or a program this catalog does
    not have: a made-up id would show in reports and spreadsheets as if it were one."""
    if found.program is not None and found.program not in programs:
        raise ExchangeError(f"meta: program {found.program[:40]!r} is not in the catalog")
    for n, s in enumerate(found.sessions):
        where = f"sessions[{n}] (id {s.id})"
        if s.program not in programs:
            raise ExchangeError(f"{where}: program {s.program[:40]!r} is not in the catalog")
        for item in s.items:
            if item.exercise not in exercises:
                raise ExchangeError(f"{where}: exercise {item.exercise[:40]!r} is not in the catalog")
    for n, p in enumerate(found.plans):
        if p.program not in programs:
            raise ExchangeError(f"day_plans[{n}]: program {p.program[:40]!r} is not in the catalog")


def _unique(keys: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ExchangeError(f"{what} {key} appears twice")
        seen.add(key)


def _check_tomb(raw: Any, index: int) -> Tomb:
    where = f"tombstones[{index}]"
    if not isinstance(raw, dict) or set(raw) != {"kind", "id", "at"}:
        raise ExchangeError(f"{where} is not an object with exactly 'kind', 'id' and 'at'")
    kind, rid, at = raw["kind"], raw["id"], raw["at"]
    if kind not in KINDS:
        raise ExchangeError(f"{where}: 'kind' is not one of {', '.join(KINDS)}")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise ExchangeError(f"{where}: 'id' is missing or not an id")
    if not is_utc_stamp(at):
        raise ExchangeError(f"{where}: 'at' is not a UTC time")
    return Tomb(kind, rid, at)


def store_as_export(data: dict[str, Any]) -> dict[str, Any] | None:
    """A parsed store file (another machine's footbase.json) as the export of everything in
    it, to be checked like one; None if `data` does not look like a store."""
    meta_table = data.get("meta")
    meta = meta_table.get("meta") if isinstance(meta_table, dict) else None
    if not isinstance(meta, dict) or "format" not in meta:
        return None
    tables = {name: data.get(name, {}) for name in ("pain", "sessions", "days", "levels", "tombs")}
    for name in (n for n, table in tables.items() if not isinstance(table, dict)):
        raise ExchangeError(f"a store file whose table '{name}' is not a mapping")

    def rows(name: str) -> list[Any]:
        return [{"id": rid, **doc} if isinstance(doc, dict) else doc for rid, doc in tables[name].items()]

    return {
        "footbase_export": EXPORT_VERSION,
        "exported_at": meta["created"] if is_utc_stamp(meta.get("created")) else "1970-01-01T00:00:00Z",
        "store_format": meta["format"],
        "meta": {"program": meta.get("program"), "start": meta.get("start")},
        "pain": rows("pain"),
        "sessions": rows("sessions"),
        "day_plans": list(tables["days"].values()),
        "levels": rows("levels"),
        "tombstones": list(tables["tombs"].values()),
    }


def read_export(data: Any, store_format: int) -> ExportData:
    """Check a parsed export (or store file, see `store_as_export`) completely;
    ExchangeError names the first problem."""
    if not isinstance(data, dict):
        raise ExchangeError("not a footbase export (expected a JSON object)")
    if "footbase_export" not in data:
        as_export = store_as_export(data)
        if as_export is None:
            raise ExchangeError("not a footbase export or store (no 'footbase_export' version)")
        data = as_export
    version = data.get("footbase_export")
    if version is None:
        raise ExchangeError("not a footbase export (no 'footbase_export' version)")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError("not a footbase export ('footbase_export' is not a version number)")
    if version > EXPORT_VERSION:
        raise ExchangeError(
            f"made by a newer footbase (export version {version}; this one "
            f"reads version {EXPORT_VERSION}): upgrade footbase to import it"
        )
    for key in ("exported_at", "store_format", "meta", "pain", "sessions", "day_plans"):
        if key not in data:
            raise ExchangeError(f"not a complete footbase export (no '{key}')")
    fmt = data["store_format"]
    if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
        raise ExchangeError("'store_format' is not a version number")
    if fmt > store_format:
        raise ExchangeError(
            f"made by a newer footbase (store format {fmt}; this one knows "
            f"{store_format}): upgrade footbase to import it"
        )
    if not is_utc_stamp(data["exported_at"]):
        raise ExchangeError("'exported_at' is not a UTC time")
    program, start = _check_meta(data["meta"])
    pain = [_check_pain(raw, i) for i, raw in enumerate(_records(data, "pain"))]
    sessions = [_check_session(raw, i) for i, raw in enumerate(_records(data, "sessions"))]
    plans = [_check_plan(raw, i) for i, raw in enumerate(_records(data, "day_plans"))]
    levels = (
        [_check_level(raw, i) for i, raw in enumerate(_records(data, "levels"))] if "levels" in data else []
    )
    tombs = (
        [_check_tomb(raw, i) for i, raw in enumerate(_records(data, "tombstones"))]
        if "tombstones" in data
        else []
    )
    _unique((e.id for e in pain), "pain entry")
    _unique((c.id for c in levels), "level change")
    _unique((s.id for s in sessions), "session")
    _unique((p.date.isoformat() for p in plans), "day plan for")
    _unique((f"{t.kind} {t.id}" for t in tombs), "tombstone of")
    return ExportData(program, start, pain, sessions, plans, levels, tombs)

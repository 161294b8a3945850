"""The stored (JSON) shape of each record in core.records: `*_to_doc` writes it, `*_from_doc`
reads it back and refuses (RecordError) anything that is not exactly that shape.

Split from core.records so the dataclasses read on their own; the store, the export and the
quick paths import the shapes from here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from footbase_tui.core.localtime import FIRST_DAY, LAST_DAY, from_iso_utc, in_bounds
from footbase_tui.core.records import (
    LEVEL_WHYS,
    STATUSES,
    DayPlan,
    ItemResult,
    LevelChange,
    Meta,
    PainEntry,
    Session,
    Tomb,
)


class RecordError(ValueError):
    """A stored record that does not have the expected shape."""


_LEVEL_STEP = {"accepted": 1, "up": 1, "down": -1, "hold": 0, "pain": -1}

_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$", re.ASCII)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _req(doc: dict[str, Any], key: str, kind: type | tuple[type, ...], rid: str) -> Any:
    value = doc.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise RecordError(f"record {rid}: field '{key}' is missing or of the wrong type")
    return value


_SLACK = timedelta(days=1)


def is_utc_stamp(value: object) -> bool:
    """A stored UTC instant: YYYY-MM-DDTHH:MM:SS[.ffffff]Z, and a real time."""
    if not isinstance(value, str) or not _UTC.match(value):
        return False
    try:
        instant = from_iso_utc(value)
    except ValueError:
        return False
    # A day's slack either way: 1970-01-01 00:30 in Berlin is still 1969 in UTC.
    day = instant.date()
    return FIRST_DAY - _SLACK <= day <= LAST_DAY + _SLACK


def _utc(doc: dict[str, Any], key: str, rid: str) -> str:
    value = _req(doc, key, str, rid)
    if not _UTC.match(value):
        raise RecordError(f"record {rid}: field '{key}' is not a UTC time")
    if not is_utc_stamp(value):
        raise RecordError(f"record {rid}: field '{key}' is not a real time from {FIRST_DAY} to {LAST_DAY}")
    return str(value)


def _date(doc: dict[str, Any], key: str, rid: str) -> date:
    value = _req(doc, key, str, rid)
    try:
        if not _DATE.match(value):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise RecordError(f"record {rid}: field '{key}' is not a date") from None
    if not in_bounds(day):
        raise RecordError(f"record {rid}: field '{key}' is not a date from {FIRST_DAY} to {LAST_DAY}")
    return day


# The fields each kind of record may have. Anything else in a store of this format is
# damage (a flipped byte in a key would otherwise make a note silently disappear).
PAIN_KEYS = frozenset(("utc", "tz", "date", "level", "where", "context", "note", "src", "upd", "chg"))
ITEM_KEYS = frozenset(("ex", "lv", "st", "at", "sets", "of", "reps", "secs", "why"))
SESSION_KEYS = frozenset(("date", "tz", "start", "end", "program", "kind", "items", "chg"))
PLAN_KEYS = frozenset(("date", "program", "reason", "at", "chg"))
TOMB_KEYS = frozenset(("kind", "id", "at"))
META_KEYS = frozenset(("format", "created", "program", "start"))
LEVEL_KEYS = frozenset(("ex", "from", "to", "why", "at", "tz", "date"))


def _known(doc: dict[str, Any], allowed: frozenset[str], rid: str, extra_ok: bool) -> None:
    if not extra_ok and not allowed.issuperset(doc):
        unknown = sorted(set(doc) - allowed)[0]
        raise RecordError(f"record {rid}: unknown field {unknown!r}")


def pain_to_doc(e: PainEntry) -> dict[str, Any]:
    """The entry in its stored shape (the id is its key, not a field); empty optional fields are
    left out."""
    doc: dict[str, Any] = {"utc": e.utc, "tz": e.tz, "date": e.date.isoformat(), "level": e.level}
    if e.where:
        doc["where"] = list(e.where)
    if e.context:
        doc["context"] = e.context
    if e.note:
        doc["note"] = e.note
    doc["src"] = e.source
    if e.updated:
        doc["upd"] = e.updated
    if e.changed:
        doc["chg"] = e.changed
    return doc


def _changed(doc: dict[str, Any], rid: str) -> str | None:
    return _utc(doc, "chg", rid) if "chg" in doc else None


def pain_from_doc(rid: str, doc: dict[str, Any], extra_ok: bool = False) -> PainEntry:
    """A stored pain record; `extra_ok` lets fields of a newer format through."""
    _known(doc, PAIN_KEYS, rid, extra_ok)
    level = _req(doc, "level", int, rid)
    if not 0 <= level <= 10:
        raise RecordError(f"record {rid}: level {level} is outside 0-10")
    where = doc.get("where", [])
    if not isinstance(where, list) or not all(isinstance(w, str) for w in where):
        raise RecordError(f"record {rid}: field 'where' is not a list of words")
    context = doc.get("context")
    note = doc.get("note", "")
    if (context is not None and not isinstance(context, str)) or not isinstance(note, str):
        raise RecordError(f"record {rid}: field 'context' or 'note' is not text")
    return PainEntry(
        id=rid,
        utc=_utc(doc, "utc", rid),
        tz=_req(doc, "tz", str, rid),
        date=_date(doc, "date", rid),
        level=level,
        where=tuple(where),
        context=context,
        note=note,
        source=str(doc.get("src", "cli")),
        updated=doc.get("upd") if isinstance(doc.get("upd"), str) else None,
        changed=_changed(doc, rid),
    )


def item_to_doc(r: ItemResult) -> dict[str, Any]:
    """The result in its stored shape, short keys; zero counts and a missing reason are left out."""
    doc: dict[str, Any] = {"ex": r.exercise, "lv": r.level, "st": r.status, "at": r.at}
    for key, value in (("sets", r.sets), ("of", r.planned_sets), ("reps", r.reps), ("secs", r.seconds)):
        if value:
            doc[key] = value
    if r.reason:
        doc["why"] = r.reason
    return doc


def _count(doc: dict[str, Any], key: str, rid: str) -> int:
    value = doc.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RecordError(f"record {rid}: field '{key}' is not a whole number")
    return value


def item_from_doc(rid: str, doc: Any, extra_ok: bool = False) -> ItemResult:
    """A stored item result; raises RecordError if it is not a mapping, has an unknown field (unless
    `extra_ok`), an unknown status, more sets done than planned, or is partial with none or all of
    its sets done."""
    if not isinstance(doc, dict):
        raise RecordError(f"record {rid}: an item is not a mapping")
    _known(doc, ITEM_KEYS, rid, extra_ok)
    status = _req(doc, "st", str, rid)
    if status not in STATUSES:
        raise RecordError(f"record {rid}: item status {status!r} is unknown")
    sets, planned = _count(doc, "sets", rid), _count(doc, "of", rid)
    if planned and sets > planned:
        raise RecordError(f"record {rid}: an item has {sets} sets done of {planned} planned")
    if status == "partial" and not 0 < sets < (planned or sets + 1):
        raise RecordError(f"record {rid}: a partial item needs some sets done, not all of them")
    return ItemResult(
        exercise=_req(doc, "ex", str, rid),
        level=_req(doc, "lv", int, rid),
        status=status,
        at=_utc(doc, "at", rid),
        sets=sets,
        reps=_count(doc, "reps", rid),
        seconds=_count(doc, "secs", rid),
        reason=doc.get("why") if isinstance(doc.get("why"), str) else None,
        planned_sets=planned,
    )


def session_to_doc(s: Session) -> dict[str, Any]:
    """The session in its stored shape (the id is its key), its items inline."""
    doc: dict[str, Any] = {
        "date": s.date.isoformat(),
        "tz": s.tz,
        "start": s.start,
        "end": s.end,
        "program": s.program,
        "kind": s.kind,
        "items": [item_to_doc(i) for i in s.items],
    }
    if s.changed:
        doc["chg"] = s.changed
    return doc


def session_from_doc(rid: str, doc: dict[str, Any], extra_ok: bool = False) -> Session:
    """A stored session; raises RecordError on a missing or mistyped field, an unknown field (unless
    `extra_ok`), a time that is not a real UTC time, or a bad item."""
    _known(doc, SESSION_KEYS, rid, extra_ok)
    items = doc.get("items", [])
    if not isinstance(items, list):
        raise RecordError(f"record {rid}: field 'items' is not a list")
    end = doc.get("end")
    return Session(
        id=rid,
        date=_date(doc, "date", rid),
        tz=_req(doc, "tz", str, rid),
        start=_utc(doc, "start", rid),
        end=_utc(doc, "end", rid) if end is not None else None,
        program=_req(doc, "program", str, rid),
        kind=str(doc.get("kind", "manual")),
        items=tuple(item_from_doc(rid, i, extra_ok) for i in items),
        changed=_changed(doc, rid),
    )


def meta_to_doc(m: Meta) -> dict[str, Any]:
    """The header in its stored shape; an unset program or start is null."""
    return {
        "format": m.format,
        "created": m.created,
        "program": m.program,
        "start": m.start.isoformat() if m.start else None,
    }


def meta_from_doc(doc: dict[str, Any], extra_ok: bool = False) -> Meta:
    """The stored header; raises RecordError on an unknown field (unless `extra_ok`), a missing or
    non-numeric format, or a start that is not a date."""
    _known(doc, META_KEYS, "meta", extra_ok)
    start = doc.get("start")
    program = doc.get("program")
    return Meta(
        format=_req(doc, "format", int, "meta"),
        created=str(doc.get("created", "")),
        program=program if isinstance(program, str) else None,
        start=_date(doc, "start", "meta") if start is not None else None,
    )


def day_plan_to_doc(p: DayPlan) -> dict[str, Any]:
    """The day plan in its stored shape."""
    doc: dict[str, Any] = {"date": p.date.isoformat(), "program": p.program, "reason": p.reason, "at": p.at}
    if p.changed:
        doc["chg"] = p.changed
    return doc


def day_plan_from_doc(rid: str, doc: dict[str, Any], extra_ok: bool = False) -> DayPlan:
    """A stored day plan; raises RecordError on a missing or mistyped field, an unknown field
    (unless `extra_ok`), or a date or time out of range."""
    _known(doc, PLAN_KEYS, rid, extra_ok)
    return DayPlan(
        date=_date(doc, "date", rid),
        program=_req(doc, "program", str, rid),
        reason=_req(doc, "reason", str, rid),
        at=_utc(doc, "at", rid),
        changed=_changed(doc, rid),
    )


def level_to_doc(c: LevelChange) -> dict[str, Any]:
    """The level change in its stored shape (the id is its key)."""
    return {
        "ex": c.exercise,
        "from": c.from_level,
        "to": c.to_level,
        "why": c.why,
        "at": c.at,
        "tz": c.tz,
        "date": c.date.isoformat(),
    }


def level_from_doc(rid: str, doc: dict[str, Any], extra_ok: bool = False) -> LevelChange:
    """A stored level change; refuses levels outside 1-4, a step of more than one level, an
    unknown reason, or a hold that changes the level."""
    _known(doc, LEVEL_KEYS, rid, extra_ok)
    start = _req(doc, "from", int, rid)
    end = _req(doc, "to", int, rid)
    why = _req(doc, "why", str, rid)
    if why not in LEVEL_WHYS:
        raise RecordError(f"record {rid}: level change reason {why!r} is unknown")
    if not (1 <= start <= 4 and 1 <= end <= 4) or end - start != _LEVEL_STEP[why]:
        raise RecordError(f"record {rid}: a {why!r} level change from {start} to {end}")
    return LevelChange(
        id=rid,
        exercise=_req(doc, "ex", str, rid),
        from_level=start,
        to_level=end,
        why=why,
        at=_utc(doc, "at", rid),
        tz=_req(doc, "tz", str, rid),
        date=_date(doc, "date", rid),
    )


def tomb_key(kind: str, rid: str) -> str:
    """A tombstone's id in the store's tombstone table."""
    return f"{kind}/{rid}"


def tomb_to_doc(t: Tomb) -> dict[str, Any]:
    """The tombstone in its stored shape."""
    return {"kind": t.kind, "id": t.id, "at": t.at}


def tomb_from_doc(key: str, doc: dict[str, Any], extra_ok: bool = False) -> Tomb:
    """A stored tombstone; refuses one whose key is not its kind and id."""
    _known(doc, TOMB_KEYS, key, extra_ok)
    tomb = Tomb(kind=_req(doc, "kind", str, key), id=_req(doc, "id", str, key), at=_utc(doc, "at", key))
    if tomb_key(tomb.kind, tomb.id) != key:
        raise RecordError(f"record {key}: a tombstone's key is not its kind and id")
    return tomb

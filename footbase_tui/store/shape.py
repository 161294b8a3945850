"""What a footbase store file must look like: its bytes parsed into tables, or the one
problem that makes it not a store; and a check of every record in it."""

from __future__ import annotations

import gc
from typing import Any, cast

import orjson

from footbase_tui.core.record_docs import (
    RecordError,
    day_plan_from_doc,
    level_from_doc,
    meta_from_doc,
    pain_from_doc,
    session_from_doc,
    tomb_from_doc,
)

# 2: records carry their change stamp ('chg') and deletions leave tombstones ('tombs').
# A format-1 file is read as it is and written back as format 2.
FORMAT = 2
# "levels" (level changes) is written only with the first change, so a store without one
# stays readable.
TABLES = ("meta", "pain", "sessions", "days", "levels", "tombs")
REQUIRED_TABLES = ("meta", "pain", "sessions")


class NotAStore(ValueError):
    """The bytes are not a footbase store; str() finishes "<path> ..." in one line."""


def parse_tables(raw: bytes) -> dict[str, Any]:
    """The store's tables (each present, each a mapping of record id to mapping)."""
    if not raw.strip():
        raise NotAStore("is empty (a store always has content)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise NotAStore("starts with a byte-order mark (it was edited by another program)")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NotAStore("is not UTF-8 text") from None
    # Parsing makes tens of thousands of objects, which set off full collections of
    # the whole heap on the way (22-43 ms of a 4 MB parse, measured with Textual
    # loaded); JSON has no cycles to collect, so the collector waits until the parse is
    # done. Nothing is frozen (gc.freeze would keep every object alive at that moment,
    # dismissed dialogs included, for the rest of the process).
    collecting = gc.isenabled()
    gc.disable()
    try:
        data: Any = orjson.loads(raw)  # refuses NaN and Infinity, like JSON itself
    except orjson.JSONDecodeError as exc:
        raise NotAStore(f"is not valid JSON ({exc})") from None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
        raise NotAStore("is not a footbase store (no meta table)")
    meta = data["meta"].get("meta")
    if not isinstance(meta, dict) or not isinstance(meta.get("format"), int):
        raise NotAStore("is not a footbase store (no format version)")
    unknown = sorted(set(data) - set(TABLES))
    if unknown and meta["format"] <= FORMAT:
        raise NotAStore(f"is not a footbase store (unknown table '{unknown[0]}')")
    for name in TABLES:
        if name in REQUIRED_TABLES and name not in data:
            raise NotAStore(f"is not a footbase store (table '{name}' is missing)")
        table = data.setdefault(name, {})
        if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
            raise NotAStore(f"is not a footbase store (table '{name}' is not a mapping)")
    # JSON lets a key appear twice and parsers keep the last one silently. Every record
    # key opens an object ('"id":{"') exactly once in our compact files, so more of
    # those than records means an id is repeated (a note's quotes are escaped as \").
    opened = raw.count(b'":{"')
    expected = sum(len(t) + (1 if t else 0) for t in (data[n] for n in TABLES))
    if opened > expected:
        raise NotAStore("repeats a record id (one of the two would be lost)")
    return cast(dict[str, Any], data)


def first_damage(data: dict[str, Any]) -> str | None:
    """What is wrong with the first record that is not what footbase writes, if any
    (every record is converted: ~40 ms on ten years)."""
    try:
        for name, convert in (
            ("pain", pain_from_doc),
            ("sessions", session_from_doc),
            ("days", day_plan_from_doc),
            ("levels", level_from_doc),
            ("tombs", tomb_from_doc),
        ):
            for rid, doc in data[name].items():
                convert(rid, doc)
        meta_from_doc(data["meta"]["meta"])
    except RecordError as exc:
        return str(exc)
    return None

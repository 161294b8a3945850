"""Turning what a user typed into a valid pain entry, or one clear reason why not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from footbase_tui.core.errors import PainInputError
from footbase_tui.core.localtime import LocalTime, iso_utc
from footbase_tui.core.records import NOTE_MAX, PainEntry, new_id
from footbase_tui.core.text import clean_text


@dataclass(frozen=True)
class PainInput:
    """What a person typed for one pain entry, before it is checked."""

    level: int
    where: tuple[str, ...] = ()
    context: str | None = None
    note: str = ""


def build_entry(
    data: PainInput,
    at: datetime,
    local: LocalTime,
    locations: tuple[str, ...],
    contexts: tuple[str, ...],
    source: str,
) -> PainEntry:
    """A new entry from what was typed; place and context names match in any case. Raises
    PainInputError for a level outside 0-10, an unknown place or context, or a long note."""
    if isinstance(data.level, bool) or not isinstance(data.level, int) or not 0 <= data.level <= 10:
        raise PainInputError(f"level must be a whole number from 0 to 10, got {data.level!r}")
    where: list[str] = []
    for typed in data.where:
        loc = typed.strip().lower()  # "Low-Back" is low-back: place names are lower-case
        if loc not in locations:
            raise PainInputError(f"unknown location {typed!r}; allowed: {', '.join(locations)}")
        if loc not in where:
            where.append(loc)
    context = data.context.strip().lower() if data.context is not None else None
    if context is not None and context not in contexts:
        raise PainInputError(f"unknown context {data.context!r}; allowed: {', '.join(contexts)}")
    note = clean_text(data.note)
    if len(note) > NOTE_MAX:
        raise PainInputError(f"the note has {len(note)} characters; at most {NOTE_MAX} are allowed")
    return PainEntry(
        id=new_id(),
        utc=iso_utc(at),
        tz=local.zone_name,
        date=local.day_of(at),
        level=data.level,
        where=tuple(where),
        context=context,
        note=note,
        source=source,
    )

"""A hand-checkable practice history for the trends tests: who practised when, what hurt."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from footbase_tui.context import Context
from footbase_tui.core.records import ItemResult, PainEntry, Session, new_id


def seed_history(
    ctx: Context,
    start: date,
    last: date,
    practise: Callable[[date], bool],
    pain: Callable[[date, bool], int | None],
    where: tuple[str, ...] = ("low-back",),
) -> None:
    """From `start` (the program's day 1) to `last`: on each planned day `practise(day)`
    decides whether all its exercises were done (a session 08:00-08:30 UTC); each evening
    (19:00 UTC) `pain(day, practised_yesterday)` is logged unless it is None."""
    ctx.store.set_program("foundation", start)
    snap = ctx.store.load()
    sessions: list[Session] = []
    entries: list[PainEntry] = []
    yesterday = False
    day = start
    while day <= last:
        items = ctx.practice.planned(snap, day).items
        done = bool(items) and practise(day)
        if done:
            at = f"{day}T08:30:00Z"
            results = tuple(ItemResult(i.id, i.level, "done", at, 1, 1, 60) for i in items)
            sessions.append(
                Session(new_id(), day, "UTC", f"{day}T08:00:00Z", at, "foundation", "walk", results)
            )
        level = pain(day, yesterday)
        if level is not None:
            entries.append(PainEntry(new_id(), f"{day}T19:00:00Z", "UTC", day, level, where, None, "", "cli"))
        if items:
            yesterday = done
        day += timedelta(days=1)
    ctx.store.merge(entries, sessions, [])

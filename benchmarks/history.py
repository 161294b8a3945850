"""A realistic multi-year footbase store, written the way the app writes it.

Every record is built with footbase's own dataclasses and converted with its own
`*_to_doc` functions, so the file has exactly the shape `Store` reads and writes: one
compact JSON object {"meta": {"meta": ...}, "pain": {uuid: ...}, "sessions": {uuid: ...}},
plus any other table of `store.TABLES`, empty.
The records are assembled in memory and written once (inserting tens of thousands of
records one by one through `Store` would rewrite the whole file each time).

Usable on its own:  python benchmarks/history.py /tmp/somewhere/footbase.json
"""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from footbase_tui.catalog_files import load_catalog
from footbase_tui.core.catalog import item_dosage
from footbase_tui.core.localtime import LocalTime, iso_utc
from footbase_tui.core.record_docs import meta_to_doc, pain_to_doc, session_to_doc
from footbase_tui.core.records import ItemResult, Meta, PainEntry, Session, new_id
from footbase_tui.store.shape import FORMAT, TABLES

END_DATE = date(2026, 11, 20)
ZONE = "Europe/Berlin"
PROGRAM = "foundation"
LOCATIONS = ("low-back", "hip", "knee", "foot", "neck")
CONTEXTS = ("walking", "sitting", "standing", "exercise")
SKIP_REASONS = ("no time", "foot sore", "travelling", "felt tired", "pain flared up")
NOTES = (
    "after a long walk",
    "stiff in the morning",
    "better after stretching",
    "long day at the desk",
    "new shoes",
    "slept badly",
    "ran for the bus",
    "cold weather",
    "felt good today",
    "sore after stairs",
    "took ibuprofen",
    "gardening",
)


def _first_day(end: date, years: int) -> date:
    """The day after `end` minus `years` calendar years (so the span is `years` years)."""
    try:
        back = end.replace(year=end.year - years)
    except ValueError:  # 29 February in a year without one
        back = end.replace(year=end.year - years, day=28)
    return back + timedelta(days=1)


def _at(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of local wall-clock time `minutes` after midnight on `day`.

    Only times between 06:00 and 23:30 are used, so no DST gap or fold is ever hit.
    """
    wall = datetime.combine(day, time(0, 0)) + timedelta(minutes=minutes)
    return wall.replace(tzinfo=zone).astimezone(UTC)


def _exercise_plan() -> list[tuple[int, int, list[tuple[str, int, int, int, int]]]]:
    """For each phase of the program: (from_week, until_week, [(exercise, level, sets,
    reps per set, seconds per set)]), taken from footbase's own built-in catalog."""
    catalog = load_catalog()
    program = catalog.programs[PROGRAM]
    plan = []
    for phase in program.phases:
        items = []
        for pi in phase.items:
            ex = catalog.exercises[pi.exercise]
            level = min(pi.level, len(ex.levels))
            dose = item_dosage(ex, pi)
            items.append((ex.id, level, dose.sets, dose.reps or 0, dose.seconds or 0))
        plan.append((phase.from_week, phase.until_week or 10**6, items))
    return plan


def build_history(
    db_path: Path,
    years: int = 10,
    seed: int = 7,
    end: date = END_DATE,
    zone_name: str = ZONE,
) -> dict[str, Any]:
    """Write `years` years of daily practice and pain entries ending on `end` to `db_path`.

    A session every day (program "foundation", 4-6 exercises, mostly done, some skipped
    with a reason) and about three pain entries a day (levels drifting 0-10, random
    locations and contexts, a short note on about one in three). The file is written
    compact, 0600, in a 0700 folder. Returns counts and the file size.
    """
    rng = random.Random(seed)
    zone = ZoneInfo(zone_name)
    local = LocalTime(zone_name)
    first = _first_day(end, years)
    plan = _exercise_plan()
    extra_pool = list({e[0]: e for _, _, items in plan for e in items}.values())

    pain: dict[str, Any] = {}
    sessions: dict[str, Any] = {}
    items_total = 0
    skipped_total = 0
    level = 3.0  # the underlying pain level, a mean-reverting random walk
    created = iso_utc(_at(first, 6 * 60, zone))

    day = first
    while day <= end:
        index = (day - first).days + 1
        week = (index - 1) // 7 + 1
        planned = next(items for lo, hi, items in plan if lo <= week <= hi)
        # 4-6 exercises: the phase's own, cut short some days, with an extra on others.
        want = rng.choices((4, 5, 6), weights=(2, 5, 2))[0]
        names = {p[0] for p in planned}
        extras = [e for e in extra_pool if e[0] not in names]
        exercises = (planned + rng.sample(extras, max(0, want - len(planned))))[:want]

        # -- the practice session -------------------------------------------------------
        start = _at(day, rng.choice((rng.randint(6 * 60 + 30, 9 * 60), rng.randint(17 * 60, 21 * 60))), zone)
        at = start
        results = []
        for ex_id, ex_level, sets, reps, seconds in exercises:
            at += timedelta(seconds=rng.randint(90, 420))
            if rng.random() < 0.08:
                results.append(
                    ItemResult(
                        exercise=ex_id,
                        level=ex_level,
                        status="skipped",
                        at=iso_utc(at),
                        reason=rng.choice(SKIP_REASONS),
                    )
                )
                skipped_total += 1
            else:
                results.append(
                    ItemResult(
                        exercise=ex_id,
                        level=ex_level,
                        status="done",
                        at=iso_utc(at),
                        sets=sets,
                        reps=reps * sets,
                        seconds=seconds * sets,
                    )
                )
        session_end = at + timedelta(seconds=rng.randint(10, 120))
        session = Session(
            id=new_id(),
            date=local.day_of(start),
            tz=zone_name,
            start=iso_utc(start),
            end=iso_utc(session_end),
            program=PROGRAM,
            kind="manual",
            items=tuple(results),
        )
        sessions[session.id] = session_to_doc(session)
        items_total += len(results)

        # -- pain entries ---------------------------------------------------------------
        count = rng.choices((1, 2, 3, 4, 5), weights=(1, 3, 5, 3, 1))[0]
        minutes = sorted(rng.sample(range(6 * 60, 23 * 60 + 30), count))
        for m in minutes:
            level += rng.gauss(0, 0.8) + (3.0 - level) * 0.05
            level = min(10.0, max(0.0, level))
            instant = _at(day, m, zone)
            where_count = rng.choices((0, 1, 2), weights=(1, 6, 2))[0]
            entry = PainEntry(
                id=new_id(),
                utc=iso_utc(instant),
                tz=zone_name,
                date=local.day_of(instant),
                level=round(level),
                where=tuple(rng.sample(LOCATIONS, where_count)),
                context=rng.choice(CONTEXTS) if rng.random() < 0.85 else None,
                note=rng.choice(NOTES) if rng.random() < 1 / 3 else "",
                source="cli",
            )
            pain[entry.id] = pain_to_doc(entry)
        day += timedelta(days=1)

    meta = Meta(format=FORMAT, created=created, program=PROGRAM, start=first)
    data: dict[str, Any] = {"meta": {"meta": meta_to_doc(meta)}, "pain": pain, "sessions": sessions}
    for name in TABLES:  # every other table the app keeps ("days", ...) starts empty
        data.setdefault(name, {})
    payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    db_path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(db_path.parent, 0o700)
    fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)

    return {
        "path": str(db_path),
        "first_day": first.isoformat(),
        "last_day": end.isoformat(),
        "zone": zone_name,
        "days": (end - first).days + 1,
        "pain_entries": len(pain),
        "sessions": len(sessions),
        "session_items": items_total,
        "skipped_items": skipped_total,
        "bytes": len(payload),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/history.py PATH/footbase.json")
    print(json.dumps(build_history(Path(sys.argv[1])), indent=2))

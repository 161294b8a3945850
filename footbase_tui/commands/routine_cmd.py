"""`footbase today`, `done`, `status` and `program`: the day's routine from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from footbase_tui.context import Context
from footbase_tui.core.localtime import from_iso_utc, iso_utc, parse_day, stamp_after
from footbase_tui.core.records import Session, new_id
from footbase_tui.core.routine import DayRoutine, dosage_text, item_result
from footbase_tui.errors import UsageError
from footbase_tui.store import Snapshot

if TYPE_CHECKING:  # imported by `footbase today` only (not by done, status, program)
    from footbase_tui.core.levels import LevelView
    from footbase_tui.core.pain_watch import PainNote

MARKS = {"done": "[x]", "skipped": "[-]", "todo": "[ ]"}


def _day(ctx: Context, text: str | None) -> date:
    today = ctx.today()
    if text is None:
        return today
    day = parse_day(text, today)
    if day > today:
        raise UsageError(f"{day} is in the future; pick today or an earlier date")
    return day


def _routine(ctx: Context, snap: Snapshot, day: date) -> DayRoutine:
    plan = ctx.practice.plan(snap.meta, day)
    if plan.warning:
        print(f"footbase: {plan.warning}", file=sys.stderr)
    return ctx.practice.routine(snap, day, plan)


def _level_json(view: LevelView | None) -> dict[str, object]:
    if view is None:
        return {"own_level": None, "ceiling": None, "move_up": None, "suggestion": None}
    p, s = view.progress, view.suggestion
    return {
        "own_level": view.own,
        "ceiling": view.ceiling,
        "move_up": None
        if p is None
        else {
            "done": min(p.done, p.needed),
            "needed": p.needed,
            "within_days": p.within_days,
            "met": p.met,
            "text": p.text,
        },
        "suggestion": None if s is None else {"to": s.to, "why": s.why, "text": s.text},
    }


def routine_json(r: DayRoutine, views: Mapping[str, LevelView] | None = None) -> dict[str, object]:
    """The day's routine as JSON; with `views`, each item's own level, the phase's ceiling,
    the move-up rule's progress and any suggestion."""
    views = views or {}
    return {
        "date": r.day.isoformat(),
        "program": r.program.id,
        "day_index": r.day_index,
        "rest_day": r.rest_day,
        "items": [
            {
                "exercise": i.id,
                "name": i.exercise.name,
                "level": i.level,
                "sets": i.dosage.sets,
                "reps": i.dosage.reps,
                "seconds": i.dosage.seconds,
                "hold_s": i.dosage.hold_s,
                "per_side": i.exercise.per_side,
                "status": i.status,
                **_level_json(views.get(i.id)),
            }
            for i in r.items
        ],
    }


def _levels(ctx: Context, snap: Snapshot, r: DayRoutine) -> tuple[dict[str, LevelView], PainNote | None]:
    """Today's level views and persistent-pain note, from one look at the recent pain."""
    from footbase_tui.progression import Progression

    progression = Progression(ctx)
    pain = progression.recent_pain(snap, r.day)
    views = progression.views(snap, r, r.day, pain)
    return views, progression.pain_note(snap, ctx.practice.planned(snap, r.day), r.day, pain)


def run_today(ctx: Context, args: argparse.Namespace) -> int:
    day = _day(ctx, args.date)
    snap = ctx.store.load()
    r = _routine(ctx, snap, day)
    views, note = _levels(ctx, snap, r) if day == ctx.today() else ({}, None)
    if args.json:
        doc = routine_json(r, views)
        if day == ctx.today():
            doc["pain_note"] = (
                None if note is None else {"sign": note.sign, "reason": note.reason, "text": note.text}
            )
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    head = f"{day:%A %d %B %Y} · {r.program.name}"
    if r.before_start:
        print(f"{head} · starts {r.start:%a %d %b}")
        return 0
    print(f"{head} · week {r.week}, day {r.day_in_week} · {r.phase}")
    if r.rest_day:
        print(
            "Rest day: nothing planned. Feeling like moving? 'footbase program' lists a gentle short routine."
        )
        if note is not None:
            print(f"A note: {note.reason}. {note.text}")
        return 0
    width = max(len(i.id) for i in r.items)
    for i in r.items:
        dose = dosage_text(i.dosage, i.exercise.per_side)
        extra = f"  ({i.reason})" if i.reason else ""
        print(f"  {MARKS.get(i.status, '[ ]')} {i.id:<{width}}  L{i.level}  {dose}{extra}")
    print(f"{r.done}/{r.total} done")
    for view in views.values():
        if view.suggestion is not None:
            s = view.suggestion
            verb = "up" if s.to > s.level else "down"
            print(f"  {view.exercise}: {s.text} (footbase level {view.exercise} {verb})")
    if note is not None:
        print(f"A note: {note.reason}. {note.text}")
    return 0


def run_done(ctx: Context, args: argparse.Namespace) -> int:
    day = _day(ctx, args.date)
    snap = ctx.store.load()
    r = _routine(ctx, snap, day)
    ids = [i.id for i in r.items]
    if r.before_start or r.rest_day or not ids:
        raise UsageError(f"nothing is planned for {day} (rest day or before the program starts)")
    if args.all and args.exercises:
        raise UsageError("name exercises or use --all, not both")
    if not args.all and not args.exercises:
        raise UsageError(f"name the exercises done, or use --all; {day}: {', '.join(ids)}")
    wanted = [i.id for i in r.items if i.status != "done"] if args.all else list(args.exercises)
    for ex in wanted:
        if ex not in ids:
            raise UsageError(f"'{ex}' is not in the routine of {day}; it has: {', '.join(ids)}")
    if not wanted:
        print(f"everything of {day} is already done ({r.total}/{r.total})")
        return 0
    now = iso_utc(ctx.clock.now())
    by_id = {i.id: i for i in r.items}
    results = tuple(
        item_result(
            by_id[ex], "done", stamp_after(ctx.clock.now(), by_id[ex].result_at), sets=by_id[ex].dosage.sets
        )
        for ex in dict.fromkeys(wanted)
    )
    session = Session(
        id=new_id(),
        date=day,
        tz=ctx.local.zone_name,
        start=now,
        end=now,
        program=r.program.id,
        kind="manual",
        items=results,
    )
    ctx.store.save_session(session, program_if_new=(r.program.id, min(r.start, day)))
    done = r.done + sum(1 for ex in dict.fromkeys(wanted) if by_id[ex].status != "done")
    print(f"saved: {', '.join(dict.fromkeys(wanted))} done for {day} ({done}/{r.total})")
    return 0


def run_status(ctx: Context, args: argparse.Namespace) -> int:
    snap = ctx.store.load()
    today = ctx.today()
    plan = ctx.practice.plan(snap.meta)
    start = plan.start
    r = ctx.practice.routine(snap, today, plan)
    parts = ["footbase:"]
    if r.rest_day:
        parts.append("rest day")
    elif r.before_start:
        parts.append(f"starts {start}")
    else:
        parts.append(f"today {r.done}/{r.total}")
    streak = ctx.practice.streak(snap, today)
    parts.append(f"· streak {streak} day{'s' if streak != 1 else ''}")
    for last in snap.last_pain(1):
        parts.append(f"· pain {last.level}/10 {_ago(ctx, last.utc)}")
    print(" ".join(parts))
    return 0


def _ago(ctx: Context, utc: str) -> str:
    seconds = (ctx.clock.now() - from_iso_utc(utc)).total_seconds()
    if seconds < 90:
        return "just now"
    if seconds < 3600 * 1.5:
        return f"{round(seconds / 60)} min ago"
    if seconds < 86400 * 1.5:
        return f"{round(seconds / 3600)} h ago"
    return f"{round(seconds / 86400)} days ago"


def run_program(ctx: Context, args: argparse.Namespace) -> int:
    snap = ctx.store.load()
    if args.program is None:
        plan = ctx.practice.plan(snap.meta)
        program, start = plan.program, plan.start
        if plan.warning:
            print(f"footbase: {plan.warning}", file=sys.stderr)
        chosen = "" if snap.meta.program else " (not chosen yet: starts with your first practice)"
        print(f"following: {program.id} — {program.name}, day 1 = {start}{chosen}")
        for p in ctx.catalog.programs.values():
            gentle = " (gentle)" if p.gentle else ""
            print(f"  {p.id:<14} {p.name}{gentle}: {p.description}")
        return 0
    if ctx.catalog.program(args.program) is None:
        known = ", ".join(sorted(ctx.catalog.programs))
        raise UsageError(f"no program called '{args.program}'; programs: {known}")
    start = parse_day(args.start, ctx.today()) if args.start else ctx.today()
    ctx.store.set_program(args.program, start)
    print(f"saved: following {args.program} from {start}")
    return 0

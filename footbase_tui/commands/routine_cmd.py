"""`footbase today`, `done`, `status` and `program`: the day's routine from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from footbase_tui.commands.saved import report_saved
from footbase_tui.context import Context
from footbase_tui.core.localtime import from_iso_utc, iso_in_zone, iso_utc, parse_day, stamp_after
from footbase_tui.core.records import PainEntry, Session, new_id
from footbase_tui.core.routine import DayRoutine, dosage_text, item_result
from footbase_tui.core.text import json_shown, shown
from footbase_tui.errors import UsageError
from footbase_tui.store import Snapshot

if TYPE_CHECKING:  # imported by `footbase today` only (not by done, status, program)
    from footbase_tui.core.levels import LevelView
    from footbase_tui.core.pain_watch import PainNote

MARKS = {"done": "[x]", "partial": "[~]", "skipped": "[-]", "todo": "[ ]"}


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
        print(f"footbase: {shown(plan.warning)}", file=sys.stderr)
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


def _bad_day_lines(reason: str, after_session: bool = False) -> None:
    from footbase_tui.commands.safety_cmd import print_tiers

    when = "for the rest of today" if after_session else "today"
    print()
    print(f"{reason.capitalize()}: go gently {when} (in the app, g swaps in the gentle program).")
    print("Stop exercising and get help if any of these apply:")
    print_tiers()


def run_today(ctx: Context, args: argparse.Namespace) -> int:
    day = _day(ctx, args.date)
    snap = ctx.store.load()
    plan = ctx.practice.plan(snap.meta, day)
    if plan.warning:
        print(f"footbase: {shown(plan.warning)}", file=sys.stderr)
    screened = ctx.practice.screened(snap, day, plan)
    r = screened.routine
    offer = ctx.practice.bad_day(snap, day)
    views, note = _levels(ctx, snap, r) if day == ctx.today() else ({}, None)
    if args.json:
        data = routine_json(r, views)
        if day == ctx.today():
            data["pain_note"] = (
                None if note is None else {"sign": note.sign, "reason": note.reason, "text": note.text}
            )
        data["screening"] = {
            "asked": ctx.config.screening_asked,
            "answers": ctx.config.screening.as_dict(),
            "effects": [{"key": e.key, "note": e.note} for e in screened.effects],
        }
        items = data["items"]
        assert isinstance(items, list)
        for entry in items:
            entry["adjusted"] = screened.notes.get(entry["exercise"])
        if offer is not None:
            from footbase_tui.core.warning_signs import TIERS

            data["bad_day"] = {
                "reason": offer.reason,
                "after_session": offer.after_session,  # the rest of the day gently
                "warning_signs": [{"tier": t.key, "action": t.action, "signs": list(t.signs)} for t in TIERS],
            }
        print(json_shown(json.dumps(data, ensure_ascii=False, indent=2)))
        return 0
    code = _print_today(r, day, screened.notes, views, note)
    for effect in screened.effects:
        print(f"Note: {shown(effect.note)}")
    if not ctx.config.screening_asked:
        print("Three safety questions are not answered yet: footbase screening")
    if offer is not None:
        _bad_day_lines(offer.reason, offer.after_session)
    return code


def _print_today(
    r: DayRoutine,
    day: date,
    notes: Mapping[str, str],
    views: Mapping[str, LevelView],
    note: PainNote | None,
) -> int:
    head = f"{day:%A %d %B %Y} · {shown(r.program.name)}"
    if r.before_start:
        print(f"{head} · starts {r.start:%a %d %b}")
        return 0
    print(f"{head} · week {r.week}, day {r.day_in_week} · {shown(r.phase)}")
    if r.rest_day:
        print(
            "Rest day: nothing planned. Feeling like moving? 'footbase program' lists a gentle short routine."
        )
        if note is not None:
            print(f"A note: {note.reason}. {note.text}")
        return 0
    width = max(len(shown(i.id)) for i in r.items)
    for i in r.items:
        dose = dosage_text(i.dosage, i.exercise.per_side)
        extra = f"  ({shown(i.reason)})" if i.reason else ""
        print(f"  {MARKS.get(i.status, '[ ]')} {shown(i.id):<{width}}  L{i.level}  {dose}{extra}")
        if i.id in notes:
            print(f"  {'':<3} {'':<{width}}  {shown(notes[i.id])}")
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
    # The program chosen by the first practice is the planned one, not a stand-in for the
    # day (the gentle program of a bad day, or of a recent injury until it is cleared).
    planned = ctx.practice.plan(snap.meta, day)
    # The gentle program standing in today (a recent injury) is stored too: the calendar counts it so.
    stand_in = ctx.practice.screened(snap, day, planned).stand_in
    ctx.saves.save_session(session, (planned.program.id, min(planned.start, day)), stand_in)
    done = r.done + sum(1 for ex in dict.fromkeys(wanted) if by_id[ex].status != "done")
    report_saved(f"saved: {', '.join(dict.fromkeys(wanted))} done for {day} ({done}/{r.total})")
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
    lasts = snap.last_pain(1)
    for last in lasts:
        parts.append(f"· pain {last.level}/10 {_ago(ctx, last.utc)}")
    if getattr(args, "json", False):
        from footbase_tui.commands.jsonout import print_json

        return print_json(_status_json(ctx, r, streak, lasts[0] if lasts else None, " ".join(parts)))
    print(" ".join(parts))
    return 0


def _status_json(
    ctx: Context, r: DayRoutine, streak: int, last: PainEntry | None, line: str
) -> dict[str, object]:
    """What a reminder script needs: is today's routine done, what is left, the streak."""
    if r.rest_day:
        state = "rest"
    elif r.before_start:
        state = "before-start"
    else:
        state = "done" if r.done >= r.total else "partial" if r.done else "todo"
    pain = None
    if last is not None:
        ago = (ctx.clock.now() - from_iso_utc(last.utc)).total_seconds()
        pain = {"level": last.level, "at": iso_in_zone(last.utc, last.tz), "minutes_ago": int(ago // 60)}
    return {
        "date": r.day.isoformat(),
        "program": r.program.id,
        "state": state,
        "complete": state in ("done", "rest", "before-start"),
        "done": r.done,
        "total": r.total,
        "todo": [] if r.rest_day or r.before_start else [i.id for i in r.items if i.status != "done"],
        "starts": r.start.isoformat() if r.before_start else None,
        "streak": streak,
        "last_pain": pain,
        "line": line,
    }


def _ago(ctx: Context, utc: str) -> str:
    seconds = (ctx.clock.now() - from_iso_utc(utc)).total_seconds()
    if seconds < 90:
        return "just now"
    if seconds < 3600 * 1.5:
        return f"{round(seconds / 60)} min ago"
    if seconds < 86400 * 1.5:
        return f"{round(seconds / 3600)} h ago"
    return f"{round(seconds / 86400)} days ago"


def _show_program(ctx: Context, program_id: str | None) -> int:
    from footbase_tui.core.program_load import program_load

    if program_id is None:
        program = ctx.practice.plan(ctx.store.load().meta).program
    else:
        found = ctx.catalog.program(program_id)
        if found is None:
            known = ", ".join(sorted(ctx.catalog.programs))
            raise UsageError(f"no program called '{program_id}'; programs: {known}")
        program = found
    print(f"{program.name} ({program.id}){' — gentle' if program.gentle else ''}")
    print(program.description)
    for load, phase in zip(program_load(ctx.catalog, program), program.phases, strict=True):
        weeks = (
            f"weeks {load.from_week}-{load.until_week}"
            if load.until_week and load.until_week != load.from_week
            else f"week {load.from_week}"
            if load.until_week
            else f"week {load.from_week} on"
        )
        print(
            f"{load.name} ({weeks}): {load.days_per_week} days a week, "
            f"about {round(load.minutes)} min a day, {load.exercises} exercises"
        )
        for item in phase.items:
            ex = ctx.catalog.exercises.get(item.exercise)
            if ex is not None:
                print(f"  - {ex.name}, up to level {item.level}")
    print("Minutes are the walkthrough's own timing (get-ready, rests and side switches included).")
    return 0


def run_program(ctx: Context, args: argparse.Namespace) -> int:
    if args.program == "show":
        return _show_program(ctx, args.show_id)
    if args.show_id is not None:
        raise UsageError(
            f"one program at a time: 'footbase program {args.program}', or 'footbase program show ID'"
        )
    snap = ctx.store.load()
    if args.program is None:
        plan = ctx.practice.plan(snap.meta)
        program, start = plan.program, plan.start
        if plan.warning:
            print(f"footbase: {shown(plan.warning)}", file=sys.stderr)
        if args.json:
            from footbase_tui.commands.jsonout import print_json

            return print_json(
                {
                    "following": program.id,
                    "name": program.name,
                    "start": start.isoformat(),
                    "chosen": bool(snap.meta.program),
                    "warning": plan.warning or None,
                    "programs": [
                        {"id": p.id, "name": p.name, "gentle": p.gentle, "description": p.description}
                        for p in ctx.catalog.programs.values()
                    ],
                }
            )
        chosen = "" if snap.meta.program else " (not chosen yet: starts with your first practice)"
        print(f"following: {shown(program.id)} — {shown(program.name)}, day 1 = {start}{chosen}")
        for p in ctx.catalog.programs.values():
            gentle = " (gentle)" if p.gentle else ""
            print(f"  {shown(p.id):<14} {shown(p.name)}{gentle}: {shown(p.description)}")
        return 0
    if ctx.catalog.program(args.program) is None:  # said before a bad --start, as ever
        ctx.saves.choose_program(args.program, ctx.today())  # refuses it: nothing written
    start = parse_day(args.start, ctx.today()) if args.start else ctx.today()
    ctx.saves.choose_program(args.program, start)
    if args.json:
        from footbase_tui.commands.jsonout import print_json

        return print_json({"saved": True, "following": args.program, "start": start.isoformat()})
    report_saved(f"saved: following {args.program} from {start}")
    return 0

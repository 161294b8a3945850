"""`footbase catalog list|show|check`."""

from __future__ import annotations

import argparse
from pathlib import Path

from footbase_tui.context import Context
from footbase_tui.core.catalog import Exercise, Program
from footbase_tui.core.exercise_view import catalog_lines, exercise_view
from footbase_tui.errors import UsageError


def _show_exercise(ex: Exercise) -> None:
    views = [exercise_view(ex, lv.level) for lv in ex.levels]
    print("\n".join(catalog_lines(views)))


def _show_program(p: Program, ctx: Context) -> None:
    print(f"{p.name} ({p.id}){' — gentle' if p.gentle else ''}")
    print(p.description)
    for ph in p.phases:
        weeks = f"weeks {ph.from_week}-{ph.until_week}" if ph.until_week else f"week {ph.from_week} on"
        rest = f"; rest on day {', '.join(map(str, ph.rest_days))} of each week" if ph.rest_days else ""
        print(f"{ph.name} ({weeks}{rest}):")
        for item in ph.items:
            ex = ctx.catalog.exercises[item.exercise]
            print(f"  - {ex.name}, level {item.level}")


def run_catalog(ctx: Context, args: argparse.Namespace) -> int:
    if args.catalog_command == "check":
        from footbase_tui.catalog_files import check_path

        path = Path(args.path) if args.path else ctx.paths.catalog_dir
        if not path.exists():
            raise UsageError(f"{path} does not exist")
        n_ex, n_pr = check_path(path)
        print(f"ok: {path}: {n_ex} exercise(s), {n_pr} program(s)")
        return 0
    catalog = ctx.catalog
    if args.json:
        return _catalog_json(ctx, args)
    if args.catalog_command == "list":
        print("Exercises:")
        for ex in sorted(catalog.exercises.values(), key=lambda e: e.id):
            print(f"  {ex.id:<20} {ex.name}")
        print("Programs:")
        for p in sorted(catalog.programs.values(), key=lambda p: p.id):
            print(f"  {p.id:<20} {p.name}{' (gentle)' if p.gentle else ''}")
        return 0
    if args.id in catalog.exercises:
        _show_exercise(catalog.exercises[args.id])
        return 0
    if args.id in catalog.programs:
        _show_program(catalog.programs[args.id], ctx)
        return 0
    known = ", ".join(sorted([*catalog.exercises, *catalog.programs]))
    raise UsageError(f"no exercise or program called '{args.id}'; known: {known}")


def _catalog_json(ctx: Context, args: argparse.Namespace) -> int:
    """`catalog list --json` (ids, names, where each came from) or `show ID --json` (every field)."""
    from dataclasses import asdict

    from footbase_tui.commands.jsonout import print_json

    catalog = ctx.catalog
    if args.catalog_command == "list":
        return print_json(
            {
                "exercises": [
                    {"id": e.id, "name": e.name, "position": e.position, "origin": e.origin}
                    for e in sorted(catalog.exercises.values(), key=lambda e: e.id)
                ],
                "programs": [
                    {"id": p.id, "name": p.name, "gentle": p.gentle, "origin": p.origin}
                    for p in sorted(catalog.programs.values(), key=lambda p: p.id)
                ],
            }
        )
    if args.id in catalog.exercises:
        return print_json({"kind": "exercise", **asdict(catalog.exercises[args.id])})
    if args.id in catalog.programs:
        return print_json({"kind": "program", **asdict(catalog.programs[args.id])})
    known = ", ".join(sorted([*catalog.exercises, *catalog.programs]))
    raise UsageError(f"no exercise or program called '{args.id}'; known: {known}")

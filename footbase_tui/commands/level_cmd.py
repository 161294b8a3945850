"""`footbase level EXERCISE up|down|hold`: the person's own level of an exercise."""

from __future__ import annotations

import argparse
import sys

from footbase_tui.context import Context
from footbase_tui.progression import Progression


def run_level(ctx: Context, args: argparse.Namespace) -> int:
    """Change the level as of today's planned routine (its phase gives the ceiling) and say
    what changed in one line; a refusal is a UsageError (exit 2), with nothing written."""
    snap = ctx.store.load()
    today = ctx.today()
    plan = ctx.practice.plan(snap.meta, today)
    if plan.warning:
        print(f"footbase: {plan.warning}", file=sys.stderr)
    routine = ctx.practice.planned(snap, today, plan)
    done = Progression(ctx).change(snap, args.exercise, args.action, routine)
    print(done.line)
    return 0

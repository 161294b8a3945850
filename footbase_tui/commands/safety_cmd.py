"""`footbase warning-signs`: the back-pain warning signs, in their three tiers."""

from __future__ import annotations

import argparse

from footbase_tui.context import Context
from footbase_tui.core.warning_signs import NOT_ADVICE, tier_lines
from footbase_tui.errors import UsageError


def print_tiers() -> None:
    """Print the three tiers (emergency now, urgent the same day, see a GP)."""
    for line in tier_lines():
        print(line)


def run_warning_signs(ctx: Context, args: argparse.Namespace) -> int:
    print("Back-pain warning signs. Stop exercising and get help if any of these apply.")
    print()
    print_tiers()
    print(NOT_ADVICE)
    return 0


def _ask(question: str, why: str, current: bool | None) -> bool | None:
    """One yes/no question on the terminal; enter keeps the current answer."""
    from footbase_tui.core.screening import parse_answer

    now = {True: "yes", False: "no", None: "not answered"}[current]
    print(f"{question}\n  ({why})")
    while True:
        try:
            text = input(f"  yes / no, enter keeps '{now}': ")
        except EOFError:
            raise UsageError("input ended before the last answer; nothing was saved") from None
        if not text.strip():
            return current
        try:
            return parse_answer(text)
        except ValueError:
            print("  please type yes or no")


def run_screening(ctx: Context, args: argparse.Namespace) -> int:
    import sys
    from dataclasses import replace

    from footbase_tui.config import save_screening
    from footbase_tui.core.screening import KEYS, QUESTIONS, because

    current = ctx.config.screening
    given = {k: getattr(args, k) for k in KEYS if getattr(args, k) is not None}
    if given:
        answers = replace(current, **given)
    elif sys.stdin.isatty() and not args.show:
        print("A few safety questions. Answers stay in your config file; nothing is sent anywhere.")
        print(NOT_ADVICE)
        answers = replace(current, **{q.key: _ask(q.ask, q.why, getattr(current, q.key)) for q in QUESTIONS})
    else:
        for q in QUESTIONS:
            value = getattr(current, q.key)
            print(f"{q.key}: {'not answered' if value is None else 'yes' if value else 'no'}  — {q.ask}")
        if not current.answered:
            print(
                "not answered yet: run 'footbase screening' in a terminal, or pass --foot-sensation, "
                "--falls and --recent-injury (yes or no)"
            )
        return 0
    save_screening(ctx.paths.config, answers)
    print(f"saved: screening in {ctx.paths.config}")
    for q in QUESTIONS:
        if getattr(answers, q.key):
            print(f"  {because(q.key)}: see 'footbase today'")
    return 0

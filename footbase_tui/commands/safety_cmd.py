"""`footbase warning-signs`: the back-pain warning signs, in their three tiers."""

from __future__ import annotations

import argparse

from footbase_tui.context import Context
from footbase_tui.core.warning_signs import NOT_ADVICE, tier_lines


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

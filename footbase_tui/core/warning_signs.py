"""Back-pain warning signs in the three tiers the NHS uses, as plain data.

Summarised in footbase's own words from the NHS back-pain pages (nhs.uk/conditions/back-pain,
and the NHS trust pages listed in catalog/README.md). Shown as they are: footbase gives
exercise guidance, not medical advice, and offers nothing beyond "get help".
"""

from __future__ import annotations

from dataclasses import dataclass

HIGH_PAIN = 7  # a pain entry at or above this points to the warning signs
NOT_ADVICE = "footbase gives exercise guidance, not medical advice."
COMMAND = "footbase warning-signs"


@dataclass(frozen=True)
class Tier:
    """One tier: who to turn to, how soon, and the signs that belong to it."""

    key: str
    action: str  # what to do, as a heading
    signs: tuple[str, ...]


TIERS: tuple[Tier, ...] = (
    Tier(
        "emergency",
        "Call an emergency number (999, 112, 911) or go to A&E now if you have",
        (
            "new problems peeing, or controlling your bladder or bowels",
            "numbness around your genitals, buttocks or inner thighs",
            "new weakness, numbness or tingling in both legs",
            "new problems with sex, such as losing feeling or function",
        ),
    ),
    Tier(
        "urgent",
        "Get urgent help the same day (NHS 111, your GP or an urgent care service) if you have",
        (
            "a high temperature (fever) as well as back pain",
            "back pain after a fall or an accident",
            "weight loss you cannot explain",
            "back pain and a history of cancer",
            "constant pain that is worse at night or not eased by rest",
            "chest pain",
            "back pain and long-term steroid use or osteoporosis",
        ),
    ),
    Tier(
        "gp",
        "See a GP if",
        (
            "your back pain is not better after a few weeks",
            "the pain stops you doing your daily activities",
            "the pain keeps getting worse",
        ),
    ),
)


def warrants_pointer(level: int) -> bool:
    """True when a pain entry of `level` (0-10) should point to the warning signs."""
    return level >= HIGH_PAIN


def pointer_line(level: int) -> str:
    """The one line shown after a pain entry of 7 or more (the shell's wording)."""
    return f"pain {level}/10 is high: check the warning signs now: {COMMAND}"


def tier_lines(bullet: str = "  - ") -> list[str]:
    """The tiers as plain lines: each heading, then its signs, then a blank line."""
    lines: list[str] = []
    for tier in TIERS:
        lines.append(f"{tier.action}:")
        lines.extend(f"{bullet}{sign}" for sign in tier.signs)
        lines.append("")
    return lines


def all_signs() -> tuple[str, ...]:
    """Every sign of every tier, in order."""
    return tuple(sign for tier in TIERS for sign in tier.signs)

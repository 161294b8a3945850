"""The back-pain warning signs as a Text (three tiers), and the line shown after high pain."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.notifications import SeverityLevel

from footbase_tui.core.warning_signs import COMMAND, TIERS, warrants_pointer

TIER_STYLES = {"emergency": "bold red", "urgent": "bold", "gp": "bold"}


def tiers_text(intro: str = "Stop exercising and get help if any of these apply.") -> Text:
    """Every tier: its heading, then one bullet per sign. Never shortened."""
    t = Text()
    if intro:
        t.append(intro + "\n", style="bold")
    for tier in TIERS:
        t.append(f"{tier.action}:\n", style=TIER_STYLES.get(tier.key, "bold"))
        for sign in tier.signs:
            t.append(f"  • {sign}\n")
    t.rstrip()
    return t


def high_pain_note(level: int) -> str | None:
    """The notification after saving pain `level`: a pointer to the warning signs, or None."""
    if not warrants_pointer(level):
        return None
    return f"Pain {level}/10 is high. Check the warning signs: help (?) lists them, and so does '{COMMAND}'."


@dataclass(frozen=True)
class Notice:
    message: str
    title: str = ""
    severity: SeverityLevel = "information"
    timeout: float = 3


def saved_pain_notice(level: int, after: str = "") -> Notice:
    """What to tell after saving pain `level`: the plain "Saved" line, or, for 7 and more,
    that line with the pointer to the warning signs, as a warning shown longer."""
    saved = f"Saved: pain {level}/10{after}."
    note = high_pain_note(level)
    if note is None:
        return Notice(saved)
    return Notice(f"{saved} {note}", "Warning signs", "warning", 15)

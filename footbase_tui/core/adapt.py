"""When to offer the gentle program instead of the planned one: high or jumping pain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from footbase_tui.core.records import PainEntry

HIGH = 7
JUMP = 2
WINDOW_DAYS = 14


def median(values: Sequence[int]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


@dataclass(frozen=True)
class PainOffer:
    """An offer of the gentle program: the pain level that prompted it, and why in words."""

    level: int
    reason: str


def gentle_offer(pain: Sequence[PainEntry], today: date) -> PainOffer | None:
    """Offer the gentle program when today's latest pain is >= 7, or is 2+ points above the
    median of the 14 days before today. `pain` is in time order."""
    todays = [e for e in pain if e.date == today]
    if not todays:
        return None
    latest = todays[-1].level
    if latest >= HIGH:
        return PainOffer(latest, f"pain {latest}/10 today")
    since = today - timedelta(days=WINDOW_DAYS)
    before = [e.level for e in pain if since <= e.date < today]
    if before:
        typical = median(before)
        if latest - typical >= JUMP:
            return PainOffer(latest, f"pain {latest}/10 today, up from a usual {typical:g}")
    return None

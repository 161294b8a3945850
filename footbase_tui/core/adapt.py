"""When to offer the gentle program instead of the planned one: high or jumping pain, or a
rise after a session today (then for the rest of the day)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from footbase_tui.core.levels import BASELINE_DAYS, MEANINGFUL_RISE
from footbase_tui.core.localtime import wall_time
from footbase_tui.core.records import PainEntry, Session, stamp_key

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
    after_session: bool = False  # a rise after a session today: the rest of the day gently


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


PRACTISED = frozenset(("done", "partial"))


def session_rise(pain: Sequence[PainEntry], sessions: Sequence[Session], today: date) -> PainOffer | None:
    """Offer the gentle program for the rest of `today` when pain has risen MEANINGFUL_RISE
    (2) points or more after a session of today, or None.

    The latest entry of `today` is compared with the last entry before each session of
    today that started before it (at most BASELINE_DAYS old, as the step-down rule reads
    it); the largest rise counts. The latest entry decides, so pain that has come back down
    since (a later, lower entry) takes the offer away again, and an entry logged before any
    session, or a session with no entry before it, gives none. Only sessions with something
    done (if partly) count. `pain` is in time order.
    """
    todays = [e for e in pain if e.date == today]
    if not todays:
        return None
    latest = todays[-1]
    at = stamp_key(latest.utc)
    oldest = today - timedelta(days=BASELINE_DAYS)
    best: tuple[int, int, Session] | None = None
    for session in sessions:
        start = stamp_key(session.start)
        if session.date != today or start >= at or not any(r.status in PRACTISED for r in session.items):
            continue
        before = [e for e in pain if stamp_key(e.utc) < start and e.date >= oldest]
        if not before:
            continue
        rise = latest.level - before[-1].level
        if best is None or rise > best[0]:
            best = (rise, before[-1].level, session)
    if best is None or best[0] < MEANINGFUL_RISE:
        return None
    _, baseline, session = best
    return PainOffer(
        latest.level,
        f"pain {latest.level}/10 after {part_of_day(session)} session, up from {baseline} before",
        after_session=True,
    )


def part_of_day(session: Session) -> str:
    """'this morning's', 'this afternoon's', 'this evening's' or 'tonight's': when the
    session started, on its own clock (its zone; an unknown zone reads as UTC)."""
    hour = wall_time(session.start, session.tz).hour
    if 5 <= hour < 12:
        return "this morning's"
    if 12 <= hour < 18:
        return "this afternoon's"
    return "this evening's" if hour >= 18 else "tonight's"

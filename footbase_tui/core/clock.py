"""The injectable clock: wall-clock instants for records, a monotonic clock for countdowns."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Where footbase gets the time from. Tests pass a FakeClock."""

    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (for countdowns)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The current instant from the system clock, in UTC."""
        return datetime.now(UTC)

    def monotonic(self) -> float:
        """Seconds from the system's monotonic clock."""
        return time.monotonic()


@dataclass
class FakeClock:
    """A clock that only moves when told to; both faces move together."""

    instant: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    mono: float = 1000.0

    def now(self) -> datetime:
        """The instant this clock was set to (it moves only with advance())."""
        return self.instant

    def monotonic(self) -> float:
        """The monotonic reading, which moves only with advance()."""
        return self.mono

    def advance(self, seconds: float) -> None:
        """Move both the wall clock and the monotonic clock on by `seconds`."""
        self.instant += timedelta(seconds=seconds)
        self.mono += seconds

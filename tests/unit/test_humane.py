"""Times and durations in words (core/humane.py), checked by hand, with "now" given, never read.

Europe/London changes its clocks on 2026-03-29 (01:00 GMT becomes 02:00 BST, at 01:00 UTC) and on
2026-10-25 (02:00 BST becomes 01:00 GMT, at 01:00 UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from footbase_tui.core.humane import duration_words, relative, span_words

LONDON = "Europe/London"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "now", "tz", "words"),
    [
        (utc(2026, 3, 3, 8, 59, 30), utc(2026, 3, 3, 9, 0), LONDON, "just now"),
        (utc(2026, 3, 3, 9, 0, 30), utc(2026, 3, 3, 9, 0), LONDON, "just now"),  # a clock a little ahead
        (utc(2026, 3, 3, 8, 48), utc(2026, 3, 3, 9, 0), LONDON, "12 min ago"),
        (utc(2026, 3, 3, 8, 0, 1), utc(2026, 3, 3, 9, 0), LONDON, "59 min ago"),
        (utc(2026, 3, 3, 6, 0), utc(2026, 3, 3, 9, 0), LONDON, "3 h ago"),
        (utc(2026, 3, 2, 21, 40), utc(2026, 3, 3, 9, 0), LONDON, "yesterday 21:40"),
        (utc(2026, 3, 2, 20, 40), utc(2026, 3, 3, 9, 0), "Europe/Berlin", "yesterday 21:40"),  # read in tz
        (utc(2026, 2, 24, 9, 0), utc(2026, 3, 3, 9, 0), LONDON, "24 Feb"),  # a week back: the date
        (utc(2026, 2, 25, 9, 0), utc(2026, 3, 3, 9, 0), LONDON, "Wed 09:00"),  # six days back
        (utc(2025, 11, 3, 9, 0), utc(2026, 3, 3, 9, 0), LONDON, "3 Nov 2025"),
        (utc(2026, 1, 3, 9, 0), utc(2026, 3, 3, 9, 0), LONDON, "3 Jan"),
        (utc(2026, 3, 4, 21, 40), utc(2026, 3, 3, 9, 0), LONDON, "4 Mar 21:40"),  # ahead of now
        (utc(2026, 3, 3, 6, 0), utc(2026, 3, 3, 9, 0), "Not/AZone", "3 h ago"),  # unknown zone: UTC
    ],
)
def test_relative_times(moment: datetime, now: datetime, tz: str, words: str) -> None:
    assert relative(moment, now, tz) == words


@pytest.mark.parametrize(
    ("moment", "now", "words"),
    [
        (utc(2026, 3, 2, 23, 50), utc(2026, 3, 3, 0, 5), "15 min ago"),  # across midnight, minutes win
        (utc(2026, 3, 2, 23, 0), utc(2026, 3, 3, 0, 30), "yesterday 23:00"),  # an hour and a half, yesterday
        (utc(2026, 3, 3, 0, 0), utc(2026, 3, 3, 23, 59), "23 h ago"),  # midnight itself is today
        (utc(2026, 3, 2, 23, 59), utc(2026, 3, 3, 23, 59), "yesterday 23:59"),
        (utc(2026, 3, 1, 0, 0), utc(2026, 3, 3, 0, 30), "Sun 00:00"),  # two days back
    ],
)
def test_relative_times_at_midnight(moment: datetime, now: datetime, words: str) -> None:
    assert relative(moment, now, LONDON) == words


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (utc(2026, 3, 3, 6, 0), "3 h ago"),  # within a week: as without the date
        (utc(2026, 2, 25, 9, 0), "Wed 09:00"),
        (utc(2026, 2, 24, 9, 0), "1 week ago"),  # from a week: how long, not the date again
        (utc(2026, 1, 3, 9, 0), "2 months ago"),
        (utc(2025, 3, 3, 9, 0), "1 year ago"),
        (utc(2026, 3, 5, 9, 0), "2 days ahead"),  # another machine's clock ahead
    ],
)
def test_relative_beside_a_shown_date_says_how_long_ago(moment: datetime, words: str) -> None:
    assert relative(moment, utc(2026, 3, 3, 9, 0), LONDON, date_shown=True) == words


def test_relative_hours_are_real_hours_on_the_spring_change() -> None:
    # 00:30 GMT to 12:00 BST reads as 11.5 hours on the wall, but only 10.5 went by.
    assert relative(utc(2026, 3, 29, 0, 30), utc(2026, 3, 29, 11, 0), LONDON) == "10 h ago"
    # The evening before in GMT, seen the morning after in BST: yesterday, with its own wall time.
    assert relative(utc(2026, 3, 28, 21, 40), utc(2026, 3, 29, 8, 0), LONDON) == "yesterday 21:40"
    assert relative(utc(2026, 3, 29, 21, 40), utc(2026, 3, 30, 8, 0), LONDON) == "yesterday 22:40"


def test_relative_hours_are_real_hours_on_the_autumn_change() -> None:
    # 01:30 BST, then 01:45 GMT: a quarter of an hour on the wall, an hour and a quarter gone by.
    assert relative(utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 45), LONDON) == "1 h ago"
    # 00:30 BST on the 25th is 23:30 UTC on the 24th: the local day decides "yesterday".
    assert relative(utc(2026, 10, 24, 23, 30), utc(2026, 10, 26, 0, 30), LONDON) == "yesterday 00:30"
    assert relative(utc(2026, 10, 24, 22, 30), utc(2026, 10, 26, 0, 30), LONDON) == "Sat 23:30"


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 seconds"),
        (0.4, "0 seconds"),
        (-5, "0 seconds"),
        (1, "1 second"),
        (5, "5 seconds"),
        (65, "1 minute 5 seconds"),
        (270, "4 minutes 30 seconds"),
        (269.6, "4 minutes 30 seconds"),
        (600, "10 minutes"),
        (3600, "1 hour"),
        (3661, "1 hour 1 minute"),  # from an hour, to the minute
        (7980, "2 hours 13 minutes"),
        (7989, "2 hours 13 minutes"),
        (7990, "2 hours 13 minutes"),
        (7991, "2 hours 13 minutes"),
        (8010, "2 hours 14 minutes"),
    ],
)
def test_duration_words(seconds: float, words: str) -> None:
    assert duration_words(seconds) == words


@pytest.mark.parametrize(
    ("earlier", "later", "words"),
    [
        (utc(2026, 3, 3, 6, 0), utc(2026, 3, 3, 9, 0), "3 hours"),
        (utc(2026, 3, 2, 8, 0), utc(2026, 3, 3, 9, 0), "1 day"),
        (utc(2026, 3, 3, 8, 59), utc(2026, 3, 3, 9, 0), "1 minute"),
        (utc(2026, 2, 17, 9, 0), utc(2026, 3, 3, 9, 0), "2 weeks"),
        (utc(2026, 3, 29, 0, 30), utc(2026, 3, 29, 11, 0), "10 hours"),  # real hours over the change
    ],
)
def test_span_words(earlier: datetime, later: datetime, words: str) -> None:
    assert span_words(earlier, later) == words
    assert span_words(later, earlier) == words


def test_importing_the_module_does_not_import_pendulum() -> None:
    import subprocess
    import sys

    code = "import sys, footbase_tui.core.humane; print('pendulum' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

"""Persistent pain: the three signs that show the see-a-professional note, and the config
that says when the walkthrough asks for pain."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from footbase_tui.config import parse_config
from footbase_tui.core.errors import ConfigError
from footbase_tui.core.pain_watch import note_due, persistent_pain
from footbase_tui.core.records import PainEntry, new_id

TODAY = date(2026, 5, 1)


def entries(levels_by_days_ago: dict[int, int]) -> list[PainEntry]:
    out = []
    for ago, level in sorted(levels_by_days_ago.items(), reverse=True):
        day = TODAY - timedelta(days=ago)
        out.append(PainEntry(new_id(), f"{day}T08:00:00Z", "UTC", day, level))
    return out


def never() -> float | None:
    raise AssertionError("adherence is counted only when the six-week sign needs it")


def test_severe_pain_on_three_of_seven_days() -> None:
    note = persistent_pain(entries({0: 7, 3: 8, 6: 7, 1: 2}), TODAY, 10, never)
    assert note is not None and note.sign == "severe" and "3 of the last 7 days" in note.reason
    assert "GP or physiotherapist" in note.text
    assert persistent_pain(entries({0: 7, 3: 8, 7: 7}), TODAY, 10, never) is None  # 7 days ago: outside


def test_a_meaningful_worsening_over_two_weeks() -> None:
    before = {d: 2 for d in (15, 18, 21, 24)}
    recent = {d: 5 for d in (1, 4, 7, 10)}
    note = persistent_pain(entries({**before, **recent}), TODAY, 10, never)
    assert note is not None and note.sign == "worse" and "2.0 to 5.0" in note.reason
    slight = {d: 3 for d in (1, 4, 7, 10)}  # 2 -> 3: 50% but a point, at a low level
    assert persistent_pain(entries({**before, **slight}), TODAY, 10, never) is None
    too_few = {1: 6, 4: 6}
    assert persistent_pain(entries({**before, **too_few}), TODAY, 10, never) is None


def _six_weeks(first: int, last: int) -> dict[int, int]:
    early = {d: first for d in (30, 33, 36, 39)}
    late = {d: last for d in (1, 4, 7, 10)}
    middle = {d: (first + last) // 2 for d in (15, 18, 21, 24)}
    return {**early, **middle, **late}


def test_no_improvement_after_six_weeks_of_good_practice() -> None:
    stuck = entries(_six_weeks(5, 5))
    note = persistent_pain(stuck, TODAY, 43, lambda: 0.9)
    assert note is not None and note.sign == "stuck" and "90%" in note.reason
    assert persistent_pain(stuck, TODAY, 41, lambda: 0.9) is None  # not six weeks yet
    assert persistent_pain(stuck, TODAY, 43, lambda: 0.5) is None  # not kept up: no verdict
    assert persistent_pain(entries(_six_weeks(6, 3)), TODAY, 43, never) is None  # better


def test_no_pain_logged_means_no_note() -> None:
    assert persistent_pain([], TODAY, 100, never) is None


def test_the_note_returns_a_week_after_it_was_dismissed() -> None:
    assert note_due(None, TODAY)
    assert not note_due(TODAY - timedelta(days=6), TODAY)
    assert note_due(TODAY - timedelta(days=7), TODAY)


@pytest.mark.parametrize(
    ("value", "expected"), [("session", "session"), ("exercise", "exercise"), (False, "off")]
)
def test_pain_check_setting(tmp_path: Path, value: object, expected: str) -> None:
    assert parse_config({"pain_check": value}, tmp_path).pain_check == expected
    assert parse_config({}, tmp_path).pain_check == "session"


def test_a_bad_pain_check_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="pain_check: expected one of session, exercise, off") as err:
        parse_config({"pain_check": "always"}, tmp_path)
    assert "\n" not in str(err.value)

"""The walkthrough's block letters and key bar: they fit the space they get, at any size."""

from __future__ import annotations

import pytest

from footbase_tui.tui.widgets.big_text import pixels, render_big, scale_for
from footbase_tui.tui.widgets.walk_keys import key_rows, walk_keys


@pytest.mark.parametrize("text", ["9:59", "10:00", "45", "GET READY", "SWITCH SIDE", "AT YOUR PACE", "--"])
@pytest.mark.parametrize(("width", "height"), [(48, 7), (78, 3), (78, 12), (118, 30), (20, 3)])
def test_block_letters_never_overflow_and_use_the_room(text: str, width: int, height: int) -> None:
    kx, ky = scale_for(text, width, height)
    if kx == 0:
        assert len(pixels(text)[0]) > width or height < 3  # type: ignore[index]
        return
    lines = render_big(text, kx, ky)
    assert len(lines) <= height and all(len(line) <= width for line in lines)
    assert ky <= kx <= 2 * ky  # never taller than wide, nor stretched flat
    grown = scale_for(text, width + len(pixels(text)[0]) * 2, height + 3)  # type: ignore[index]
    assert grown >= (kx, ky)  # more room never makes the letters smaller


def test_every_phase_word_and_clock_character_has_a_glyph() -> None:
    for word in ("GET READY", "HOLD", "RELEASE", "GO", "REST", "SWITCH SIDE", "AT YOUR PACE", "0123456789:-"):
        assert pixels(word) is not None, word


@pytest.mark.parametrize("width", [50, 60, 80, 120])
@pytest.mark.parametrize("waiting", [False, True])
def test_key_rows_fit_keep_order_and_end_with_help(width: int, waiting: bool) -> None:
    keys = walk_keys(finished=False, paused=False, waiting=waiting, short=width < 80, steps_shown=False)
    rows = key_rows(keys, width)
    assert len(rows) <= 2
    flat = [key for row in rows for key, _ in row]
    assert flat == [k.key for k in keys] and flat[-1] == "?"
    for row in rows:
        assert sum(len(k) + 1 + len(label) for k, label in row) + 2 * (len(row) - 1) <= width
    assert {"b", "r", "+ -", "space", "n", "N", "esc"} <= set(flat)
    assert ("enter" in flat) is waiting


def test_pause_reads_resume_while_paused() -> None:
    labels = {k.key: k.label for k in walk_keys(False, True, False, False, False)}
    assert labels["space"] == "Resume"
    assert {k.key: k.label for k in walk_keys(False, False, False, False, False)}["space"] == "Pause"

"""The walkthrough's key bar: the keys needed to go on first, short labels when narrow,
wrapped onto a second row rather than cut, `?` always last and always shown."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.widgets import Static


class Key(NamedTuple):
    key: str  # as shown: "space", "n", "+ -"
    label: str  # at 80 columns and wider
    short: str  # below that


def walk_keys(
    finished: bool, paused: bool, waiting: bool, short: bool, steps_shown: bool, move_up: bool = False
) -> list[Key]:
    """The walkthrough's keys in the order a person needs them; ? always last. `move_up`:
    the summary offers a level (u moves up, h holds)."""
    if finished:
        keys = [Key("enter", "Save the answer", "save"), Key("esc", "Back to Today", "Today")]
        if move_up:
            keys += [Key("u", "Move up", "up"), Key("h", "Hold", "hold")]
    else:
        keys = [Key("enter", "Set done", "done")] if waiting else []
        keys += [
            Key("space", "Resume" if paused else "Pause", "resume" if paused else "pause"),
            Key("n", "Next", "next"),
            Key("N", "Skip exercise", "skip"),
            Key("+ -", "10 s", "10s"),
            Key("b", "Back", "back"),
            Key("r", "Restart", "redo"),
        ]
        if short:
            keys.append(Key("i", "Hide steps" if steps_shown else "Steps", "steps"))
        keys += [Key("p", "Pain", "pain"), Key("esc", "Leave", "leave")]
    return [*keys, Key("?", "Help", "help")]


def key_rows(keys: list[Key], width: int) -> list[list[tuple[str, str]]]:
    """The keys laid out in rows of at most `width` cells, in order; long labels when they
    all fit on one row, short ones otherwise."""
    for labels in ("label", "short"):
        pairs = [(k.key, getattr(k, labels)) for k in keys]
        if labels == "label" and _length(pairs) > width:
            continue
        rows: list[list[tuple[str, str]]] = [[]]
        for pair in pairs:
            if rows[-1] and _length([*rows[-1], pair]) > width:
                rows.append([])
            rows[-1].append(pair)
        return rows
    return [[]]


def _length(pairs: list[tuple[str, str]]) -> int:
    return sum(len(k) + 1 + len(label) for k, label in pairs) + 2 * max(0, len(pairs) - 1)


class WalkKeys(Static):
    """Shows `keys` wrapped to the widget's width (one or two rows)."""

    DEFAULT_CSS = """
    WalkKeys { height: auto; width: 100%; background: $panel; padding: 0 0; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._keys: list[Key] = []
        self._width = 0

    def show_keys(self, keys: list[Key]) -> None:
        if keys != self._keys:
            self._keys = keys
            self._draw()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._draw()

    def _draw(self) -> None:
        self._width = width = self.size.width or self.app.size.width
        t = Text(no_wrap=True, overflow="ellipsis")
        for n, row in enumerate(key_rows(self._keys, width)):
            if n:
                t.append("\n")
            for m, (key, label) in enumerate(row):
                if m:
                    t.append("  ")
                t.append(key, style="bold")
                t.append(" " + label)
        self.update(t)

"""Keyboard lists whose state is a glyph, not a colour: readable with NO_COLOR and 16 colours.

CheckList picks any number ([x] / [ ]); ChoiceList picks one ((•) / ( )); CheckGrid is a
CheckList in columns. Space toggles the highlighted row; enter is left to the dialog (it saves).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from footbase_tui.core.text import shown

OUTSIDE = " (not in config)"  # beside a value the config's list no longer has


class _GlyphList(OptionList):
    BINDINGS = [Binding("space", "tick", "Tick", show=False)]

    def __init__(
        self, values: Iterable[str], chosen: Iterable[str], outside: Iterable[str] = (), **kwargs: object
    ) -> None:
        self.values = list(values)
        # Values kept from a record though no longer in the vocabulary (an edit of an
        # imported entry, a trimmed config): listed after it, marked, and ticked as they were.
        self.outside = [v for v in dict.fromkeys(outside) if v not in self.values]
        self.values += self.outside
        self.chosen: list[str] = [v for v in chosen if v in self.values]
        super().__init__(*self._glyph_options(), **kwargs)  # type: ignore[arg-type]

    def _mark(self, on: bool) -> str:
        raise NotImplementedError

    def _glyph_options(self) -> list[Option]:
        return [
            Option(
                Text(f"{self._mark(v in self.chosen)} {shown(v)}{OUTSIDE if v in self.outside else ''}"),
                id=v,
            )
            for v in self.values
        ]

    def _redraw(self) -> None:
        keep = self.highlighted
        self.clear_options()
        self.add_options(self._glyph_options())
        self.highlighted = keep

    def _toggle(self, value: str) -> None:
        raise NotImplementedError

    def action_tick(self) -> None:
        if self.highlighted is None:
            return
        self._toggle(self.values[self.highlighted])
        self._redraw()
        self.post_message(self.Changed(self, tuple(self.chosen)))

    class Changed(Message):
        def __init__(self, source: _GlyphList, chosen: tuple[str, ...]) -> None:
            super().__init__()
            self.source = source
            self.chosen = chosen


class CheckList(_GlyphList):
    """Any number of values."""

    def _mark(self, on: bool) -> str:
        return "[x]" if on else "[ ]"

    def _toggle(self, value: str) -> None:
        if value in self.chosen:
            self.chosen.remove(value)
        else:
            self.chosen.append(value)


class ChoiceList(_GlyphList):
    """At most one value; ticking the chosen one again clears it."""

    def _mark(self, on: bool) -> str:
        return "(•)" if on else "( )"

    def _toggle(self, value: str) -> None:
        self.chosen = [] if value in self.chosen else [value]

    @property
    def value(self) -> str | None:
        return self.chosen[0] if self.chosen else None


class CheckGrid(Widget, can_focus=True):
    """Any number of values, drawn in columns so that a dozen places fit on a phone screen
    at once ([x] / [ ] with the cursor in reverse). Filled down the first column, then the
    next; the arrows move the way the grid is drawn. Enter posts Submitted."""

    BINDINGS = [
        Binding("space", "tick", "Tick", show=False),
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
        Binding("enter", "submit", show=False),
    ]

    cursor: reactive[int] = reactive(0)

    class Submitted(Message):
        """Enter on the grid."""

    def __init__(
        self, values: Iterable[str], chosen: Iterable[str], outside: Iterable[str] = (), **kwargs: Any
    ) -> None:
        """`outside`: values no longer in the vocabulary (an edited entry's old places):
        listed last, marked "*" (a line under the grid says what it means), and kept
        unless unticked. The mark is short so the grid keeps its width on a phone."""
        super().__init__(**kwargs)
        self.values = list(values)
        self.outside = [v for v in dict.fromkeys(outside) if v not in self.values]
        self.values += self.outside
        self.chosen: list[str] = [v for v in chosen if v in self.values]
        self.columns = 1 if len(self.values) <= 5 else 2
        self.rows = max(1, -(-len(self.values) // self.columns))
        self.cell = max((len(self._label(v)) for v in self.values), default=0) + 4

    def _label(self, value: str) -> str:
        return f"{shown(value)} *" if value in self.outside else shown(value)

    def _at(self, row: int, column: int) -> int:
        return column * self.rows + row

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.columns * self.cell + (self.columns - 1) * 2

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.rows + (1 if self.outside else 0)

    def render(self) -> Text:
        lines = []
        for row in range(self.rows):
            line = Text(no_wrap=True, overflow="ellipsis")
            for column in range(self.columns):
                i = self._at(row, column)
                if i >= len(self.values):
                    break
                if column:
                    line.append("  ")
                value = self.values[i]
                mark = "[x]" if value in self.chosen else "[ ]"
                style = "reverse" if i == self.cursor and self.has_focus else ""
                line.append(f"{mark} {self._label(value)}".ljust(self.cell), style=style)
            lines.append(line)
        if self.outside:
            lines.append(Text("* not in config", style="dim", no_wrap=True, overflow="ellipsis"))
        return Text("\n", no_wrap=True).join(lines)

    def on_focus(self) -> None:
        self.scroll_visible(animate=False)
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, rows: int, columns: int) -> None:
        target = self.cursor + rows + columns * self.rows
        if 0 <= target < len(self.values):
            self.cursor = target

    def action_jump(self, where: int) -> None:
        self.cursor = where % len(self.values) if self.values else 0

    def action_tick(self) -> None:
        if not self.values:
            return
        value = self.values[self.cursor]
        if value in self.chosen:
            self.chosen.remove(value)
        else:
            self.chosen.append(value)
        self.refresh()

    def action_submit(self) -> None:
        self.post_message(self.Submitted())

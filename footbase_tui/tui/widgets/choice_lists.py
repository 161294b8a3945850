"""Keyboard lists whose state is a glyph, not a colour: readable with NO_COLOR and 16 colours.

CheckList picks any number ([x] / [ ]); ChoiceList picks one ((•) / ( )). Space toggles the
highlighted row; enter is left to the dialog (it saves).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


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
                Text(f"{self._mark(v in self.chosen)} {v}{' (not in config)' if v in self.outside else ''}"),
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

"""The journal's table of pain entries: newest first, level shaded by severity, columns
chosen by the width (each cell ellipsised; the selected entry is shown whole elsewhere)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from footbase_tui.core.calendar import pain_shade
from footbase_tui.tui.safe import plain
from footbase_tui.tui.widgets.heatmap_view import theme_styles

# Glyph and colour both say how bad: readable without colour too. The colours are the
# calendar's pain scale, from the theme (the worst the most visible).
SEVERITY = ((0, "·"), (3, "▪"), (6, "▲"), (8, "■"))


@dataclass(frozen=True)
class PainRow:
    entry_id: str
    when: str  # "Tue 03 Mar 09:00"
    when_short: str  # "03 Mar 09:00"
    level: int
    where: str
    doing: str
    note: str  # may have several lines; the table shows the first


# Columns by width: (name, key, width or None for the rest). DataTable pads each cell by
# one on either side.
WIDE = (("When", "when", 16), ("Level", "level", 5), ("Where", "where", 16), ("Doing", "doing", 9))
NARROW = (("When", "when_short", 12), ("Lvl", "level", 4), ("Where", "where", 12))
NOTE_MIN = 8


def columns_for(width: int) -> list[tuple[str, str, int]]:
    """The columns that fit `width`, the note taking what is left (at least NOTE_MIN)."""
    chosen = WIDE if width >= 70 else NARROW
    used = sum(w + 2 for _, _, w in chosen) + 2  # and the scrollbar
    return [*chosen, ("Note", "note", max(NOTE_MIN, width - used - 2))]


def ellipsis(text: str, width: int) -> str:
    """The first line of `text`, cut to `width` with an ellipsis; "…" marks more lines."""
    first, _, more = text.partition("\n")
    if len(first) > width or (more.strip() and len(first) >= width):
        return first[: max(0, width - 1)] + "…"
    return first + ("…" if more.strip() else "")


def level_text(level: int, styles: Mapping[str, Style] | None = None) -> Text:
    """The level with a glyph that grows with it, coloured by `styles` (theme_styles)."""
    glyph = "·"
    for floor, g in SEVERITY:
        if level >= floor:
            glyph = g
    style = (styles or {}).get(f"pain{pain_shade(level)}", Style())
    return Text(f"{glyph} {level:>2}", style=style)


class PainTable(DataTable[Text]):
    """Gets rows as data; the cursor's row key is the entry's id."""

    rows_shown: list[PainRow]
    columns_shown: list[tuple[str, str, int]]

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.rows_shown = []
        self.columns_shown = []
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(self.rows_shown))

    def on_unmount(self) -> None:
        self.app.theme_changed_signal.unsubscribe(self)

    def on_resize(self) -> None:
        if columns_for(self.size.width) != self.columns_shown:
            self.show(self.rows_shown)

    def _cell(self, r: PainRow, key: str, width: int, styles: Mapping[str, Style]) -> Text:
        if key == "level":
            return level_text(r.level, styles)
        return plain(ellipsis(str(getattr(r, key)), width))

    def show(self, rows: list[PainRow]) -> None:
        keep = self.cursor_row
        self.rows_shown = rows
        layout = columns_for(self.size.width or 80)
        if layout != self.columns_shown:
            self.clear(columns=True)
            for name, key, width in layout:
                self.add_column(name, key=key, width=width)
            self.columns_shown = layout
        else:
            self.clear()
        styles = {} if os.environ.get("NO_COLOR") else theme_styles(self.app.get_css_variables())
        for r in rows:
            cells = (self._cell(r, key, width, styles) for _, key, width in layout)
            self.add_row(*cells, key=r.entry_id)
        if rows:
            self.move_cursor(row=min(keep, len(rows) - 1))

    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

"""The journal's table of pain entries: newest first, level shaded by severity."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from footbase_tui.tui.safe import plain

# Glyph and colour both say how bad: readable without colour too.
SEVERITY = ((0, "·", "green"), (3, "▪", "yellow"), (6, "▲", "dark_orange"), (8, "■", "red"))


@dataclass(frozen=True)
class PainRow:
    entry_id: str
    when: str
    level: int
    where: str
    doing: str
    note: str


def level_text(level: int) -> Text:
    glyph, colour = "·", "green"
    for floor, g, c in SEVERITY:
        if level >= floor:
            glyph, colour = g, c
    return Text(f"{glyph} {level:>2}", style=colour)


class PainTable(DataTable[Text]):
    """Gets rows as data; the cursor's row key is the entry's id."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        if not self.columns:
            for name in ("When", "Level", "Where", "Doing", "Note"):
                self.add_column(name, key=name.lower())

    def show(self, rows: list[PainRow]) -> None:
        keep = self.cursor_row
        self.clear()
        for r in rows:
            self.add_row(
                Text(r.when),
                level_text(r.level),
                plain(r.where),
                plain(r.doing),
                plain(r.note),
                key=r.entry_id,
            )
        if rows:
            self.move_cursor(row=min(keep, len(rows) - 1))

    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

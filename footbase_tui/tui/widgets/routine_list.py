"""The day's routine as a selectable list: status, name, level, dosage in words."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from footbase_tui.tui.safe import plain

MARKS = {"done": ("✓", "green"), "partial": ("◐", "green"), "skipped": ("–", "yellow"), "todo": ("○", "")}


@dataclass(frozen=True)
class RoutineRow:
    exercise_id: str
    name: str
    level: int
    dosage: str
    equipment: str  # the first item only: the list stays one line per row
    status: str
    reason: str | None = None


def hang(text: Text, width: int, indent: int) -> Text:
    """`text` wrapped at spaces to `width`, the lines after the first indented by `indent`
    (a long word is cut where it must be). Styles are kept."""
    plain_text = text.plain
    if width <= indent + 4 or len(plain_text) <= width:
        return text
    pieces: list[Text] = []
    start, room = 0, width
    while len(plain_text) - start > room:
        cut = plain_text.rfind(" ", start, start + room + 1)
        if cut <= start:
            cut = start + room
        pieces.append(text[start:cut])
        start = cut + 1 if cut < len(plain_text) and plain_text[cut] == " " else cut
        room = width - indent
    pieces.append(text[start:])
    out = Text()
    for n, piece in enumerate(pieces):
        if n:
            out.append("\n" + " " * indent)
        out.append_text(piece)
    return out


def row_prompt(row: RoutineRow, width: int = 0) -> Text:
    """Two lines (name and level; dosage, equipment and any skip): each wrapped, when
    `width` is given, with its continuation indented under its own text."""
    mark, style = MARKS.get(row.status, MARKS["todo"])
    top = Text()
    top.append(f"{mark} ", style=style or "dim")
    top.append_text(plain(row.name, "bold" if row.status == "todo" else "dim"))
    top.append(f"  L{row.level}", style="dim")
    bottom = Text("  ")
    bottom.append(row.dosage)
    if row.equipment:
        bottom.append(" · ")
        bottom.append_text(plain(row.equipment, "dim"))
    if row.status == "skipped":
        bottom.append("  skipped", style="yellow")
        if row.reason:
            bottom.append(": ")
            bottom.append_text(plain(row.reason, "yellow"))
    if width:
        top, bottom = hang(top, width, 2), hang(bottom, width, 4)
    return Text("\n").join([top, bottom])


class RoutineList(OptionList):
    """Gets rows as data; OptionList's own messages tell the screen what was chosen."""

    rows: list[RoutineRow] = []
    _width = 0

    def show(self, rows: list[RoutineRow]) -> None:
        keep = self.highlighted
        self.rows = rows
        self._width = self._text_width()
        self.clear_options()
        self.add_options([Option(row_prompt(r, self._width), id=r.exercise_id) for r in rows])
        if rows:
            self.highlighted = min(keep or 0, len(rows) - 1)

    def _text_width(self) -> int:
        # The options' own padding, one each side.
        return max(0, self.scrollable_content_region.width - 2)

    def on_resize(self) -> None:
        if self.rows and self._text_width() != self._width:
            self.show(self.rows)

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


def row_prompt(row: RoutineRow) -> Text:
    mark, style = MARKS.get(row.status, MARKS["todo"])
    text = Text()
    text.append(f"{mark} ", style=style or "dim")
    text.append_text(plain(row.name, "bold" if row.status == "todo" else "dim"))
    text.append(f"  L{row.level}\n", style="dim")
    text.append(f"  {row.dosage}", style="")
    if row.equipment:
        text.append(" · ")
        text.append_text(plain(row.equipment, "dim"))
    text.no_wrap = True
    text.overflow = "ellipsis"
    if row.status == "skipped":
        text.append("  skipped", style="yellow")
        if row.reason:
            text.append(": ")
            text.append_text(plain(row.reason, "yellow"))
    return text


class RoutineList(OptionList):
    """Gets rows as data; OptionList's own messages tell the screen what was chosen."""

    def show(self, rows: list[RoutineRow]) -> None:
        keep = self.highlighted
        self.clear_options()
        self.add_options([Option(row_prompt(r), id=r.exercise_id) for r in rows])
        if rows:
            self.highlighted = min(keep or 0, len(rows) - 1)

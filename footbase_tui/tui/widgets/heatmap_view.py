"""The year heatmap (weeks as columns) and the narrow month grid, with a cursor."""

from __future__ import annotations

import calendar as pycal
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from footbase_tui.core.calendar import DayCell, grid
from footbase_tui.heatmap import PALETTE, cell_for, month_line, rows, weekday_labels


def _style(name: str, colour: bool) -> Style:
    if not colour or name == "none":
        return Style()
    return Style(color=f"color({PALETTE[name]})")


@dataclass(frozen=True)
class HeatmapData:
    first: date
    last: date
    cursor: date
    cells: Mapping[date, DayCell]
    pain_mode: bool
    week_starts: str
    colour: bool


def year_text(d: HeatmapData) -> Text:
    g = grid(d.first, d.last, d.week_starts)
    t = Text(month_line(g, 4) + "\n", style="dim")
    for label, row in zip(weekday_labels(d.week_starts), rows(g, d.cells, d.pain_mode), strict=True):
        t.append(f"{label} ", style="dim")
        for cell in row:
            style = _style(cell.style, d.colour)
            if cell.day == d.cursor:
                glyph = cell.glyph if cell.glyph.strip() else "□"
                t.append(glyph, style=style + Style(reverse=True, bold=True))
            else:
                t.append(cell.glyph, style=style)
        t.append("\n")
    return t


def month_text(d: HeatmapData) -> Text:
    """One month, weeks as rows: day number and glyph per cell (for < 60 columns)."""
    first_weekday = 6 if d.week_starts == "sunday" else 0
    weeks = pycal.Calendar(first_weekday).monthdatescalendar(d.cursor.year, d.cursor.month)
    t = Text(f"{d.cursor:%B %Y}\n", style="bold")
    t.append(" ".join(f"{w[:2]:>3} " for w in weekday_labels(d.week_starts)) + "\n", style="dim")
    for week in weeks:
        for n, day in enumerate(week):
            if n:
                t.append(" ")
            if day.month != d.cursor.month:
                t.append("    ")
                continue
            glyph, style_name = cell_for(d.cells.get(day), d.pain_mode)
            style = _style(style_name, d.colour)
            mark = Style(reverse=True, bold=True) if day == d.cursor else Style()
            t.append(f"{day.day:>2} ", style=Style(dim=True) + mark if day != d.cursor else mark)
            t.append(glyph if glyph.strip() or day != d.cursor else "□", style=style + mark)
        t.append("\n")
    return t


class HeatmapView(Widget):
    """Given HeatmapData; draws the year or, when `narrow`, the cursor's month."""

    DEFAULT_CSS = "HeatmapView { height: auto; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.data: HeatmapData | None = None
        self.narrow = False

    def show(self, data: HeatmapData, narrow: bool) -> None:
        self.data = data
        self.narrow = narrow
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        if self.data is None:
            return 1
        if self.narrow:
            return 2 + len(pycal.Calendar().monthdatescalendar(self.data.cursor.year, self.data.cursor.month))
        return 8

    def render(self) -> Text:
        if self.data is None:
            return Text("")
        return month_text(self.data) if self.narrow else year_text(self.data)

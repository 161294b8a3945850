"""The year heatmap (weeks as columns) and the narrow month grid, with a cursor."""

from __future__ import annotations

import calendar as pycal
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.color import Color, ColorParseError
from textual.widget import Widget

from footbase_tui.core.calendar import DayCell, grid
from footbase_tui.heatmap import cell_for, month_line, period_label, rows, weekday_labels

# Shares of the way from the background to the scale's colour, per step.
PRACTICE_STEPS = {"p0": 0.3, "p1": 0.45, "p2": 0.7, "p3": 1.0}
PAIN_STEPS = {"pain0": 0.3, "pain1": 0.45, "pain2": 0.62, "pain3": 0.8, "pain4": 1.0}
# Themes of terminal colours (ansi-dark, ansi-light) cannot be mixed: named steps instead.
ANSI_STYLES = {
    "p0": "bright_black",
    "p1": "blue",
    "p2": "bright_blue",
    "p3": "bold bright_blue",
    "rest": "bright_black",
    "adapted": "magenta",
    "skipped": "yellow",
    "future": "bright_black",
    "pain0": "bright_black",
    "pain1": "white",
    "pain2": "yellow",
    "pain3": "bright_yellow",
    "pain4": "bold bright_red",
}


def _colour(variables: Mapping[str, str], name: str, fallback: str) -> Color:
    try:
        return Color.parse(variables.get(name, fallback))
    except ColorParseError:
        return Color.parse(fallback)


def theme_styles(variables: Mapping[str, str]) -> dict[str, Style]:
    """Heatmap style names -> styles from a theme's CSS variables. Practice mixes the
    background into $primary; pain into whichever of $error and $warning stands out more
    from the background, so the worst days are the most visible in dark and light themes
    alike (one hue rising in contrast: readable to colour-blind eyes; the glyphs rise too)."""
    bg = _colour(variables, "background", "#000000")
    fg = _colour(variables, "foreground", "#ffffff")
    if bg.ansi is not None or fg.ansi is not None:
        return {name: Style.parse(style) for name, style in ANSI_STYLES.items()}
    primary = _colour(variables, "primary", "#0178d4")
    severe = max(
        (_colour(variables, "error", "#ff0000"), _colour(variables, "warning", "#ffaa00")),
        key=lambda c: abs(c.brightness - bg.brightness),
    )

    def mix(target: Color, share: float, bold: bool = False) -> Style:
        return Style(color=bg.blend(target, share).rich_color, bold=bold)

    styles = {name: mix(fg if name == "p0" else primary, share) for name, share in PRACTICE_STEPS.items()}
    styles |= {name: mix(severe, share, share == 1.0) for name, share in PAIN_STEPS.items()}
    styles["pain0"] = mix(fg, PAIN_STEPS["pain0"])  # no pain: as quiet as an empty day
    styles["rest"] = mix(fg, 0.5)
    styles["future"] = mix(fg, 0.25)
    styles["adapted"] = mix(_colour(variables, "secondary", "#aa88cc"), 1.0)
    styles["skipped"] = mix(_colour(variables, "warning", "#ffaa00"), 0.8)
    return styles


@dataclass(frozen=True)
class HeatmapData:
    first: date
    last: date
    cursor: date
    cells: Mapping[date, DayCell]
    pain_mode: bool
    week_starts: str
    styles: Mapping[str, Style]  # empty: no colour (NO_COLOR), the glyphs say it all

    def style(self, name: str) -> Style:
        return self.styles.get(name, Style())


def year_text(d: HeatmapData) -> Text:
    g = grid(d.first, d.last, d.week_starts)
    t = Text(period_label(d.first, d.last) + "\n", style="bold")
    t.append(month_line(g, 4) + "\n", style="dim")
    for label, row in zip(weekday_labels(d.week_starts), rows(g, d.cells, d.pain_mode), strict=True):
        t.append(f"{label} ", style="dim")
        for cell in row:
            style = d.style(cell.style)
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
            style = d.style(style_name)
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
        return 9

    def render(self) -> Text:
        if self.data is None:
            return Text("")
        return month_text(self.data) if self.narrow else year_text(self.data)

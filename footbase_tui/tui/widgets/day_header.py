"""The Today header: date, program, week and day, progress bar, streak."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget


@dataclass(frozen=True)
class HeaderData:
    date_text: str
    program: str
    where_in_program: str
    done: int
    total: int
    streak: int | None  # None: still counting
    state: str = ""  # "rest day", "adapted", "" ...
    date_short: str = ""  # for narrow terminals; "" = the same
    where_short: str = ""
    where_tiny: str = ""
    state_short: str = ""


def progress_bar(done: int, total: int, width: int) -> str:
    if total <= 0:
        return "░" * width
    full = round(width * done / total)
    return "█" * full + "░" * (width - full)


class DayHeader(Widget):
    """Two lines: where you are, and how far today has got."""

    DEFAULT_CSS = """
    DayHeader { height: 2; }
    DayHeader > .day-header--bar { color: $success; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"day-header--bar"}  # the theme's colour

    def __init__(self, data: HeaderData | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.data = data

    def show(self, data: HeaderData) -> None:
        self.data = data
        self.refresh()

    def _top(self, date_text: str, where: str, state: str) -> Text:
        d = self.data
        assert d is not None
        top = Text()
        top.append(date_text, style="bold")
        top.append(f" · {d.program}")
        if state:  # before the position: at 50 columns the end is what gets cut
            top.append(f" · {state}", style="bold")
        if where:
            top.append(f" · {where}")
        return top

    def render(self) -> Text:
        d = self.data
        if d is None:
            return Text("")
        room = self.size.width - 2
        top = self._top(d.date_text, d.where_in_program, d.state)
        for where, state in ((d.where_short, d.state), (d.where_tiny, d.state_short or d.state)):
            if top.cell_len <= room or not where:  # narrower until it fits
                break
            top = self._top(d.date_short or d.date_text, where, state)
        bottom = Text()
        if d.total:
            width = max(6, min(20, self.size.width - 34))
            bottom.append(f"{d.done}/{d.total} ")
            bottom.append(
                progress_bar(d.done, d.total, width), style=self.get_component_rich_style("day-header--bar")
            )
        else:
            bottom.append("nothing planned")
        streak = "…" if d.streak is None else f"{d.streak} day" + ("" if d.streak == 1 else "s")
        bottom.append(f"  streak {streak}")
        top.append("\n")
        top.append_text(bottom)
        top.no_wrap = True
        top.overflow = "ellipsis"
        return top

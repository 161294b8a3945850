"""The Today header: date, program, week and day, progress bar, streak."""

from __future__ import annotations

from dataclasses import dataclass

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


def progress_bar(done: int, total: int, width: int) -> str:
    if total <= 0:
        return "░" * width
    full = round(width * done / total)
    return "█" * full + "░" * (width - full)


class DayHeader(Widget):
    """Two lines: where you are, and how far today has got."""

    DEFAULT_CSS = "DayHeader { height: 2; }"

    def __init__(self, data: HeaderData | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.data = data

    def show(self, data: HeaderData) -> None:
        self.data = data
        self.refresh()

    def render(self) -> Text:
        d = self.data
        if d is None:
            return Text("")
        top = Text()
        top.append(d.date_text, style="bold")
        top.append(f" · {d.program}")
        if d.where_in_program:
            top.append(f" · {d.where_in_program}")
        if d.state:
            top.append(f" · {d.state}", style="bold")
        bottom = Text()
        if d.total:
            width = max(6, min(20, self.size.width - 34))
            bottom.append(f"{d.done}/{d.total} ")
            bottom.append(progress_bar(d.done, d.total, width), style="green")
        else:
            bottom.append("nothing planned")
        streak = "…" if d.streak is None else f"{d.streak} day" + ("" if d.streak == 1 else "s")
        bottom.append(f"  streak {streak}")
        top.append("\n")
        top.append_text(bottom)
        top.no_wrap = True
        top.overflow = "ellipsis"
        return top

"""Calendar: the consistency heatmap, the numbers, and what happened on the chosen day."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, timedelta

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from footbase_tui.core.calendar import DayCell, Stats, months_back, period_stats
from footbase_tui.core.localtime import wall_time
from footbase_tui.core.routine import latest_results
from footbase_tui.heatmap import legend, period_lines
from footbase_tui.tui.safe import plain
from footbase_tui.tui.screens.base import FootbaseScreen
from footbase_tui.tui.widgets.heatmap_view import HeatmapData, HeatmapView, theme_styles
from footbase_tui.tui.widgets.key_bar import KeyBar

NARROW = 60
# Days per arrow: (year view, month grid).
STEPS = {"left": (-7, -1), "right": (7, 1), "up": (-1, -7), "down": (1, 7)}
STATE_WORDS = {
    "done": "all done",
    "partial": "partly done",
    "missed": "missed",
    "rest": "rest day",
    "adapted": "adapted (gentle program on a bad pain day)",
    "skipped": "skipped, with a reason",
    "future": "still to come",
    "before-start": "before the program started",
}


def add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    import calendar as pycal

    last = pycal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class CalendarScreen(FootbaseScreen):
    KEY_ORDER = (
        ("toggle_view", "View"),
        ("today", "Now"),
        ("mode('today')", "Today"),
        ("pain", "Pain"),
    )

    BINDINGS = [
        # The arrows follow what is drawn: in the year (weeks as columns) left and right
        # move by a week; in the month grid (weeks as rows) up and down do.
        Binding("left,h", "step('left')", "Week back (month grid: day back)", show=False, id="cal-left"),
        Binding("right,l", "step('right')", "Week on (month grid: day on)", show=False, id="cal-right"),
        Binding("up,k", "step('up')", "Day back (month grid: week back)", show=False, id="cal-up"),
        Binding("down,j", "step('down')", "Day on (month grid: week on)", show=False, id="cal-down"),
        Binding(
            "left_square_bracket",
            "months(-1)",
            "Month back",
            key_display="[",
            show=False,
            id="cal-month-back",
        ),
        Binding(
            "right_square_bracket", "months(1)", "Month on", key_display="]", show=False, id="cal-month-on"
        ),
        Binding(
            "left_curly_bracket", "months(-12)", "Year back", key_display="{", show=False, id="cal-year-back"
        ),
        Binding(
            "right_curly_bracket", "months(12)", "Year on", key_display="}", show=False, id="cal-year-on"
        ),
        Binding("g", "today", "Today's cell", id="cal-today"),
        Binding("v", "toggle_view", "Practice/pain", id="cal-view"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cursor: date | None = None
        self.pain_mode = False
        self.cells: dict[date, DayCell] = {}
        self.stats: Stats | None = None
        self.today: date | None = None
        self.earliest = date.min  # how far back the cursor goes
        self.loaded_from = date.max  # the first day in self.cells

    def compose(self) -> ComposeResult:
        yield HeatmapView(id="heatmap")
        yield Static(id="cal-legend")
        yield Static(id="cal-stats")
        with VerticalScroll(id="cal-detail-scroll"):
            yield Static(id="cal-detail")
        yield KeyBar(self.KEY_ORDER)

    def on_mount(self) -> None:
        # The arrows belong to the cursor, not to scrolling the day's detail.
        self.query_one("#cal-detail-scroll").can_focus = False
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.draw())
        self.show_latest()

    def on_unmount(self) -> None:
        self.app.theme_changed_signal.unsubscribe(self)

    @property
    def narrow(self) -> bool:
        """The month grid (weeks as rows) instead of the year (weeks as columns)."""
        return self.size.width < NARROW if self.size.width else False

    def refresh_data(self) -> None:
        fb = self.fb
        snap = fb.snapshot
        today = fb.ctx.today()
        # The cursor can go back to the program's start or two years, whichever is earlier;
        # cells older than the visible year are made only when it gets there.
        self.earliest = fb.ctx.practice.history_start(snap, 24)
        self.today = today
        if self.cursor is None:
            self.cursor = today
        self._load(min(self._window()[0], months_back(today, 12)))
        self.draw()

    def _load(self, first: date) -> None:
        assert self.today is not None
        cells, self.stats = self.fb.ctx.practice.calendar(
            self.fb.snapshot, first, self.today + timedelta(days=6)
        )
        self.cells = {c.day: c for c in cells}
        self.loaded_from = cells[0].day if cells else first

    def _window(self) -> tuple[date, date]:
        assert self.cursor is not None and self.today is not None
        months = max(1, min(12, (self.size.width - 6) // 5)) if self.size.width else 12
        last = self.today
        if self.cursor < months_back(last, months):
            last = add_months(self.cursor, 1).replace(day=1) - timedelta(days=1)
        return months_back(last, months), last

    def draw(self) -> None:
        if self.cursor is None or self.stats is None:
            return
        first, last = self._window()
        if max(self.earliest, first) < self.loaded_from:
            self._load(max(self.earliest, first))
        styles = {} if os.environ.get("NO_COLOR") else theme_styles(self.app.get_css_variables())
        narrow = self.narrow
        self.query_one(HeatmapView).show(
            HeatmapData(
                first,
                last,
                self.cursor,
                self.cells,
                self.pain_mode,
                self.fb.ctx.config.week_starts,
                styles,
            ),
            narrow,
        )
        self.query_one("#cal-legend", Static).update(Text(legend(self.pain_mode, narrow), style="dim"))
        shown_first, shown_last = first, last
        if narrow:  # the month grid shows the cursor's month
            shown_first = self.cursor.replace(day=1)
            shown_last = min(add_months(shown_first, 1) - timedelta(days=1), last)
        period = period_stats(self.cells.values(), shown_first, shown_last, self.today or last)
        self.query_one("#cal-stats", Static).update("\n".join(period_lines(period, self.stats, narrow)))
        self.query_one("#cal-detail", Static).update(self.detail_text(self.cursor))

    def detail_text(self, day: date) -> Text:
        fb = self.fb
        snap = fb.snapshot
        cell = self.cells.get(day)
        t = Text()
        t.append(f"{day:%a %d %b %Y}", style="bold")
        if cell is not None:
            words = STATE_WORDS.get(cell.state, cell.state)
            if cell.state == "done" and cell.done < cell.planned:  # the rest skipped for a reason
                words = f"done, {cell.planned - cell.done} skipped with a reason"
            t.append(f" · {words}")
            if cell.planned:
                t.append(f" · {cell.done}/{cell.planned}")
        t.append("\n")
        catalog = fb.ctx.catalog
        for result in latest_results(snap.sessions_on(day)).values():
            ex = catalog.exercises.get(result.exercise)
            name = ex.name if ex else result.exercise
            if result.status == "done":
                t.append("✓ ", style="green")
                t.append_text(plain(name))
                amount = []
                if result.sets:
                    amount.append(f"{result.sets} set{'s' if result.sets != 1 else ''}")
                if result.reps:
                    amount.append(f"{result.reps} reps")
                if result.seconds:
                    amount.append(
                        f"{result.seconds // 60} min" if result.seconds >= 60 else f"{result.seconds} s"
                    )
                t.append(f"  L{result.level}" + (f", {', '.join(amount)}" if amount else ""), style="dim")
                t.append("\n")
            elif result.status == "skipped":
                t.append("– ", style="yellow")
                t.append_text(plain(name))
                t.append(" skipped", style="yellow")
                if result.reason:
                    t.append(": ")
                    t.append_text(plain(result.reason))
                t.append("\n")
        for entry in snap.pain_on(day):
            wall = wall_time(entry.utc, entry.tz)
            t.append(f"pain {entry.level}/10 at {wall:%H:%M}", style="bold")
            if entry.where:
                t.append_text(plain(f" · {', '.join(entry.where)}"))
            if entry.context:
                t.append_text(plain(f" · {entry.context}"))
            if entry.note:
                t.append(" · ")
                t.append_text(plain(entry.note.split("\n", 1)[0]))
            t.append("\n")
        return t

    def on_resize(self, event: events.Resize) -> None:
        # (FootbaseScreen.on_resize runs too: Textual calls the handler of every class.)
        self.draw()

    def _set_cursor(self, day: date) -> None:
        assert self.today is not None
        self.cursor = max(self.earliest, min(day, self.today))
        self.draw()

    def action_move(self, days: int) -> None:
        if self.cursor is not None:
            self._set_cursor(self.cursor + timedelta(days=days))

    def action_step(self, direction: str) -> None:
        year, month = STEPS[direction]
        self.action_move(month if self.narrow else year)

    def action_months(self, months: int) -> None:
        if self.cursor is not None:
            self._set_cursor(add_months(self.cursor, months))

    def action_today(self) -> None:
        if self.today is not None:
            self._set_cursor(self.today)

    def action_toggle_view(self) -> None:
        self.pain_mode = not self.pain_mode
        self.draw()

    def help_notes(self) -> Iterable[tuple[str, str]]:
        yield (
            "Keys",
            "arrows or h/j/k/l move the cursor the way the calendar is drawn (by day and "
            "week), [ ] by month, { } by year; "
            "on this screen j moves down, so reach the journal with t then j, or ctrl+p.",
        )
        yield (
            "Streak",
            "days practised in a row; rest, adapted and reasoned-skip days do not "
            "break it, a missed planned day does.",
        )
        yield (
            "First line",
            "the months on screen: days practised in them, the longest streak within "
            "them, and adherence: planned exercises done over their complete days (today "
            "counts once its plan is done).",
        )
        yield ("Longest", "the longest streak since you started.")
        yield (
            "Habit strength",
            "a running score that rises each day you practise and fades "
            "slowly when you miss (13-day half-life); rest and adapted days leave it as is.",
        )

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Calendar: today", "Move the cursor to today", self.action_today)
        yield SystemCommand("Calendar: practice or pain", "Switch the colouring", self.action_toggle_view)

"""Journal: pain entries with filters, add/edit/delete/undo, trends and the practice link."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from footbase_tui.core.localtime import wall_time
from footbase_tui.core.records import PainEntry
from footbase_tui.core.text import first_line
from footbase_tui.core.text import shown as shown_text
from footbase_tui.tui.screens.base import FootbaseScreen
from footbase_tui.tui.widgets.pain_table import PainRow, PainTable
from footbase_tui.tui.widgets.trend_panel import trend_text

PERIODS: tuple[int | None, ...] = (30, 90, None, 7)  # f cycles; None = all
SPANS = (30, 90, 365)


@dataclass
class Filters:
    period: int | None = 30
    where: str | None = None
    doing: str | None = None

    def text(self) -> str:
        period = "all time" if self.period is None else f"last {self.period} days"
        return (
            f"{period} (f) · place: {self.where or 'any'} (w) · doing: {self.doing or 'any'} (o) · z clears"
        )

    def keeps(self, e: PainEntry, today: date) -> bool:
        if self.period is not None and e.date <= today - timedelta(days=self.period):
            return False
        if self.where is not None and self.where not in e.where:
            return False
        return self.doing is None or e.context == self.doing


def _cycle(current: str | None, options: list[str]) -> str | None:
    """any -> first -> ... -> last -> any."""
    if not options:
        return None
    if current not in options:
        return options[0]
    i = options.index(current)
    return options[i + 1] if i + 1 < len(options) else None


class JournalScreen(FootbaseScreen):
    BINDINGS = [
        Binding("a", "add", "Add", id="jr-add"),
        Binding("e", "edit", "Edit", id="jr-edit"),
        Binding("d", "delete", "Delete", id="jr-delete"),
        Binding("u", "undo", "Undo", id="jr-undo"),
        Binding("f", "period", "Period", show=False, id="jr-period"),
        Binding("w", "where", "Place", show=False, id="jr-where"),
        Binding("o", "doing", "Doing", show=False, id="jr-doing"),
        Binding("z", "clear", "Clear filters", show=False, id="jr-clear"),
        Binding("r", "span", "Trend span", show=False, id="jr-span"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filters = Filters()
        self.span = 30
        self.entries: list[PainEntry] = []
        self.deleted: PainEntry | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="jr-filters")
        yield PainTable(id="jr-table")
        with VerticalScroll(id="jr-trends-scroll"):
            yield Static(id="jr-trends")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#jr-trends-scroll").can_focus = False
        self.show_latest()
        self.query_one(PainTable).focus()

    # ---- data ----------------------------------------------------------------------------

    def refresh_data(self) -> None:
        self.entries = self.fb.snapshot.pain
        self.draw_table()
        self.draw_trends()
        self.refresh_bindings()  # e and d depend on there being a selected entry

    def draw_table(self) -> None:
        """The entries the filters keep (the trends do not depend on the filters)."""
        today = self.fb.ctx.today()
        shown = [e for e in reversed(self.entries) if self.filters.keeps(e, today)]
        rows = []
        for e in shown:
            wall = wall_time(e.utc, e.tz)
            rows.append(
                PainRow(
                    e.id,
                    f"{e.date:%a %d %b} {wall:%H:%M}",
                    e.level,
                    ", ".join(e.where),
                    e.context or "",
                    first_line(e.note, 40),
                )
            )
        self.query_one(PainTable).show(rows)
        label = Text(shown_text(self.filters.text()), style="dim")
        if not rows:
            label = Text("No entries here. a adds one; " + shown_text(self.filters.text()), style="dim")
        self.query_one("#jr-filters", Static).update(label)

    def draw_trends(self) -> None:
        fb = self.fb
        snap = fb.snapshot
        view = fb.ctx.practice.trends(snap, self.entries, self.span)
        width = self.size.width or 80
        self.query_one("#jr-trends", Static).update(trend_text(view, width - 2))

    def selected(self) -> PainEntry | None:
        entry_id = self.query_one(PainTable).selected_id()
        return next((e for e in self.entries if e.id == entry_id), None)

    # ---- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return self.selected() is not None
        if action == "undo":
            return self.deleted is not None
        return True

    def action_add(self) -> None:
        self.fb.open_pain(None, False)

    def action_edit(self) -> None:
        from footbase_tui.tui.modals.pain_entry import PainEntryModal

        entry = self.selected()
        if entry is not None:
            self.fb.open_dialog(PainEntryModal(self.fb.ctx.config, editing=entry))

    def action_delete(self) -> None:
        from footbase_tui.tui.modals.confirm import ConfirmModal
        from footbase_tui.tui.modals.pain_entry import describe

        entry = self.selected()
        if entry is None:
            return

        async def answer(yes: bool | None) -> None:
            if not yes:
                return
            ok, found = await self.fb.save(self.fb.ctx.store.delete_pain, entry.id)
            if ok:
                self.deleted = entry
                self.refresh_bindings()
                self.notify("Deleted. u brings it back." if found else "It was already gone.", timeout=4)

        self.app.push_screen(
            ConfirmModal(
                f"Delete the entry of {entry.date:%a %d %b}: {describe(entry)}?", "y delete · n keep"
            ),
            answer,
        )

    async def action_undo(self) -> None:
        entry = self.deleted
        if entry is None:
            return
        ok, _ = await self.fb.save(self.fb.ctx.store.restore_pain, entry)
        if ok:
            self.deleted = None
            self.refresh_bindings()
            self.notify("Brought back.", timeout=3)

    def action_period(self) -> None:
        i = PERIODS.index(self.filters.period) if self.filters.period in PERIODS else -1
        self.filters.period = PERIODS[(i + 1) % len(PERIODS)]
        self.draw_table()
        self.refresh_bindings()

    def action_where(self) -> None:
        self.filters.where = _cycle(self.filters.where, list(self.fb.ctx.config.locations))
        self.draw_table()
        self.refresh_bindings()

    def action_doing(self) -> None:
        self.filters.doing = _cycle(self.filters.doing, list(self.fb.ctx.config.contexts))
        self.draw_table()
        self.refresh_bindings()

    def action_clear(self) -> None:
        self.filters = Filters(period=None)
        self.draw_table()
        self.refresh_bindings()

    def action_span(self) -> None:
        self.span = SPANS[(SPANS.index(self.span) + 1) % len(SPANS)]
        self.draw_trends()

    def help_notes(self) -> Iterable[tuple[str, str]]:
        yield (
            "Filters",
            "f cycles the period (30, 90 days, all, 7), w the place, o what you "
            "were doing; z clears them all.",
        )
        yield (
            "Change",
            "the last 14 days against the 14 before; a change of 2 points or 30% "
            "is marked meaningful, the usual threshold for a 0-10 pain scale.",
        )
        yield (
            "Practice and pain",
            "pain on days after practice against days after missed "
            "days, weeks with 5+ practice days against the rest, and before against after "
            "a session; each shows how many days or weeks stand behind it.",
        )

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Journal: add", "Log a pain entry", self.action_add)
        yield SystemCommand("Journal: edit", "Edit the selected entry", self.action_edit)
        yield SystemCommand("Journal: delete", "Delete the selected entry", self.action_delete)
        yield SystemCommand("Journal: clear filters", "Show every entry", self.action_clear)

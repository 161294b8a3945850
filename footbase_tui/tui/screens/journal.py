"""Journal: pain entries with filters, add/edit/delete/undo, trends and the practice link."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from footbase_tui.core.humane import relative
from footbase_tui.core.localtime import from_iso_utc, wall_time
from footbase_tui.core.records import PainEntry
from footbase_tui.core.text import shown as shown_text
from footbase_tui.tui.safe import plain
from footbase_tui.tui.screens.base import FootbaseScreen
from footbase_tui.tui.widgets.key_bar import KeyBar
from footbase_tui.tui.widgets.pain_table import PainRow, PainTable
from footbase_tui.tui.widgets.trend_panel import CHART_SPANS, trend_text

PERIODS: tuple[int | None, ...] = (30, 90, None, 7)  # f cycles; None = all


@dataclass
class Filters:
    period: int | None = 30
    where: str | None = None
    doing: str | None = None

    def text(self, width: int | None = None) -> str:
        """The filters and their keys in one line: in full when it fits in `width` cells
        (always without a width), else shorter, so every filter stays whole on a phone."""
        period = "all time" if self.period is None else f"last {self.period} days"
        where, doing = self.where or "any", self.doing or "any"
        full = f"{period} (f) · place: {where} (w) · doing: {doing} (o) · z clears"
        if width is None or cell_len(full) <= width:
            return full
        period = "all time" if self.period is None else f"{self.period} days"
        short = f"{period} (f) · {self.where or 'any place'} (w) · {self.doing or 'any doing'} (o)"
        with_clear = f"{short} · z clears"
        return with_clear if cell_len(with_clear) <= width else short

    def scope(self) -> str:
        """The period and the place/activity filters in words, for the trend panel's titles."""
        words = ["all time" if self.period is None else f"last {self.period} days"]
        if self.where is not None:
            words.append(f"at {self.where}")
        if self.doing is not None:
            words.append(f"while {self.doing}")
        return ", ".join(words)

    def keeps(self, e: PainEntry, today: date) -> bool:
        if self.period is not None and e.date <= today - timedelta(days=self.period):
            return False
        if self.where is not None and self.where not in e.where:
            return False
        return self.doing is None or e.context == self.doing


def when_text(entry: PainEntry, entries: Iterable[PainEntry], short: bool = False) -> str:
    """ "Tue 03 Mar 2026 09:00" ("03 Mar 2026 09:00" if `short`), with the seconds when
    another entry shares the minute: the time that tells this entry from the others."""
    wall = wall_time(entry.utc, entry.tz)
    minute = entry.utc[:16]
    shared = any(e.id != entry.id and e.utc[:16] == minute for e in entries)
    day = f"{entry.date:%d %b %Y}" if short else f"{entry.date:%a %d %b %Y}"
    return f"{day} {wall:%H:%M:%S}" if shared else f"{day} {wall:%H:%M}"


def _cycle(current: str | None, options: list[str]) -> str | None:
    """any -> first -> ... -> last -> any."""
    if not options:
        return None
    if current not in options:
        return options[0]
    i = options.index(current)
    return options[i + 1] if i + 1 < len(options) else None


class JournalScreen(FootbaseScreen):
    KEY_ORDER = (
        ("add", "Add"),
        ("edit", "Edit"),
        ("delete", "Del"),
        ("undo", "Undo"),
        ("mode('today')", "Today"),
        ("mode('calendar')", "Cal"),
    )

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
        self.span = CHART_SPANS[0]  # weeks in the trend chart
        self.entries: list[PainEntry] = []
        self.deleted: PainEntry | None = None
        self._trends_key: object = None  # what the panel's latest count was asked for

    def compose(self) -> ComposeResult:
        yield Static(id="jr-filters")
        yield PainTable(id="jr-table")
        with VerticalScroll(id="jr-detail-scroll"):
            yield Static(id="jr-detail")
        with VerticalScroll(id="jr-trends-scroll"):
            yield Static(id="jr-trends")
        yield KeyBar(self.KEY_ORDER)

    def on_mount(self) -> None:
        # Tab reaches the trend panel so its lines below the fold scroll with the arrows.
        self.query_one("#jr-trends-scroll").can_focus = True
        self.query_one("#jr-detail-scroll").can_focus = False
        self.show_latest()
        self.query_one(PainTable).focus()

    # ---- data ----------------------------------------------------------------------------

    def refresh_data(self) -> None:
        self.entries = self.fb.snapshot.pain
        self.draw_table()
        self.draw_trends()
        self.refresh_bindings()  # e and d depend on there being a selected entry

    def draw_table(self) -> None:
        """The entries the filters keep (the trend panel follows the same filters)."""
        today = self.fb.ctx.today()
        shown = [e for e in reversed(self.entries) if self.filters.keeps(e, today)]
        rows = []
        for e in shown:
            wall = wall_time(e.utc, e.tz)
            rows.append(
                PainRow(
                    e.id,
                    f"{e.date:%a %d %b} {wall:%H:%M}",
                    f"{e.date:%d %b} {wall:%H:%M}",
                    e.level,
                    ", ".join(e.where),
                    e.context or "",
                    e.note,
                )
            )
        self.query_one(PainTable).show(rows)
        self.draw_detail()
        self.draw_filters()

    def draw_filters(self) -> None:
        """The filter line, as long as the screen's width allows."""
        width = self.size.width - 2  # the line's padding
        label = Text(shown_text(self.filters.text(width)), style="dim")
        if not self.query_one(PainTable).row_count:  # no entry passes the filters
            lead = "No entries here. a adds one; "
            label = Text(lead + shown_text(self.filters.text(width - len(lead))), style="dim")
        self.query_one("#jr-filters", Static).update(label)

    def draw_detail(self) -> None:
        """The selected entry whole: when (to the second if another shares its minute, then
        how long ago by the app's clock), level, places, what you were doing, and every line of the note."""
        entry = self.selected()
        detail = self.query_one("#jr-detail", Static)
        self.query_one("#jr-detail-scroll").display = entry is not None
        if entry is None:
            detail.update("")
            return
        t = Text()
        t.append(when_text(entry, self.entries, short=self.size.width < 80), style="bold")
        ago = relative(from_iso_utc(entry.utc), self.fb.ctx.clock.now(), entry.tz, date_shown=True)
        t.append(f" ({ago})", style="dim")
        t.append(f" · {entry.level}/10")
        if entry.where:
            t.append(f" · {shown_text(', '.join(entry.where))}")
        if entry.context:
            t.append(f" · {shown_text(entry.context)}")
        if entry.note:
            t.append("\n")
            t.append_text(plain(entry.note))
        detail.update(t)

    def on_data_table_row_highlighted(self) -> None:
        self.draw_detail()

    def draw_trends(self) -> None:
        """The panel over what the filters keep: their place and activity, their period.

        Counted in a thread (all time on ten years takes most of a second), so keys stay
        quick; a count the filters or the store have overtaken is dropped when it ends.
        """
        fb = self.fb
        f = replace(self.filters)
        today = fb.ctx.today()
        snap = fb.snapshot
        kept = [e for e in self.entries if Filters(None, f.where, f.doing).keeps(e, today)]
        first = None if f.period is None else today - timedelta(days=f.period - 1)
        span = self.span
        width = self.size.width or 80
        rows = 2 if (self.size.height or 24) >= 30 else 1
        key = (f, span, width, rows, snap)
        self._trends_key = key

        def count() -> None:
            view = fb.ctx.practice.trends(snap, kept, first, span)
            text = trend_text(view, width - 4, f.scope(), span, rows)
            self.app.call_from_thread(self._show_trends, key, text)

        self.run_worker(count, thread=True, exclusive=True, group="trends")

    def _show_trends(self, key: object, text: Text) -> None:
        if key is self._trends_key:
            self.query_one("#jr-trends", Static).update(text)

    def on_resize(self, event: events.Resize) -> None:
        # The chart is drawn for a width; FootbaseScreen.on_resize runs as well.
        if self.is_mounted:
            self.draw_filters()
        key = self._trends_key
        if not (self.is_mounted and isinstance(key, tuple)):
            return
        rows = 2 if event.size.height >= 30 else 1
        if key[2:4] != (event.size.width, rows):  # only when the chart would be drawn anew
            self.draw_trends()

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
            ok, found = await self.fb.save(self.fb.ctx.saves.delete_pain, entry.id)
            if ok:
                self.deleted = entry
                self.refresh_bindings()
                self.notify("Deleted. u brings it back." if found else "It was already gone.", timeout=4)

        self.app.push_screen(
            ConfirmModal(
                f"Delete the entry of {when_text(entry, self.entries)}: {describe(entry)}?",
                "y delete · n keep",
            ),
            answer,
        )

    async def action_undo(self) -> None:
        entry = self.deleted
        if entry is None:
            return
        ok, _ = await self.fb.save(self.fb.ctx.saves.restore_pain, entry)
        if ok:
            self.deleted = None
            self.refresh_bindings()
            self.notify("Brought back.", timeout=3)

    def action_period(self) -> None:
        i = PERIODS.index(self.filters.period) if self.filters.period in PERIODS else -1
        self.filters.period = PERIODS[(i + 1) % len(PERIODS)]
        self.draw_table()
        self.draw_trends()
        self.refresh_bindings()

    def action_where(self) -> None:
        self.filters.where = _cycle(self.filters.where, list(self.fb.ctx.config.locations))
        self.draw_table()
        self.draw_trends()
        self.refresh_bindings()

    def action_doing(self) -> None:
        self.filters.doing = _cycle(self.filters.doing, list(self.fb.ctx.config.contexts))
        self.draw_table()
        self.draw_trends()
        self.refresh_bindings()

    def action_clear(self) -> None:
        self.filters = Filters()  # the default period, not "all time"
        self.draw_table()
        self.draw_trends()
        self.refresh_bindings()

    def action_span(self) -> None:
        self.span = CHART_SPANS[(CHART_SPANS.index(self.span) + 1) % len(CHART_SPANS)]
        self.draw_trends()

    def help_notes(self) -> Iterable[tuple[str, str]]:
        yield (
            "Filters",
            "f cycles the period (30, 90 days, all, 7), w the place, o what you "
            "were doing; z goes back to the last 30 days, any place, anything. The "
            "trend panel follows them too.",
        )
        yield (
            "Change",
            "the last 14 days against the 14 before; a change of 2 points or 30% "
            "is marked meaningful, the usual threshold for a 0-10 pain scale.",
        )
        yield (
            "Practice and pain",
            "pain on days after a day practised against days after a planned day "
            "missed, weeks with 80% or more of the plan done against the rest, the 24 h "
            "after a session against the 24 h before, and the weekly trend; each says how "
            "many days or weeks stand behind it, and nothing shows with fewer than 3 a side. "
            "The chart puts weekly pain above the share of the plan done (r: 12, 26 or 52 "
            "weeks). Tab moves into the panel, the arrows scroll it, Tab goes back. "
            "A correlation in your own data, not proof.",
        )

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Journal: add", "Log a pain entry", self.action_add)
        yield SystemCommand("Journal: edit", "Edit the selected entry", self.action_edit)
        yield SystemCommand("Journal: delete", "Delete the selected entry", self.action_delete)
        yield SystemCommand("Journal: clear filters", "Last 30 days, any place, anything", self.action_clear)

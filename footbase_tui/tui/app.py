"""The footbase Textual app (for now: today's routine, read-only; q quits)."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from footbase_tui.context import Context
from footbase_tui.core.routine import day_routine, dosage_text


class FootbaseApp(App[int]):
    TITLE = "footbase"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        snap = self.ctx.store.load()
        today = self.ctx.today()
        program, start, _ = self.ctx.program_of(snap.meta, today)
        r = day_routine(self.ctx.catalog, program, start, today, snap.sessions_on(today))
        text = Text()
        text.append(f"{today:%A %d %B %Y} · {program.name}\n\n", style="bold")
        if r.rest_day:
            text.append("Rest day.\n")
        for item in r.items:
            mark = {"done": "✓", "skipped": "–"}.get(item.status, " ")
            text.append(f" {mark} {item.exercise.name}  L{item.level}  ")
            text.append(dosage_text(item.dosage, item.exercise.per_side) + "\n", style="dim")
        yield Static(text)
        yield Footer()

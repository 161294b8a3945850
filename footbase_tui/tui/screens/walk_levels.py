"""The walkthrough summary's level offer: each exercise of the session whose move-up rule
is met (by this session or before) is offered, one at a time, as Today offers it: u moves
it up a level, h holds it (the rule counts again). The keys are priority bindings, so they
act while the pain field has focus (it takes digits only)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Static

from footbase_tui.core.levels import Suggestion
from footbase_tui.core.records import ItemResult
from footbase_tui.core.routine import DayRoutine, RoutineItem
from footbase_tui.progression import Progression
from footbase_tui.tui.host import host_of
from footbase_tui.tui.screens.level_change import change_level
from footbase_tui.tui.widgets.walk_summary import SummaryData, moves_text, summary_text

LEVEL_ACTIONS = ("level_accept", "level_hold")


class WalkLevels(DOMNode):
    """The summary's level half of the walkthrough screen (which sets these attributes)."""

    BINDINGS = [
        Binding("u", "level_accept", "Move up", id="wt-level-up", priority=True),
        Binding("h", "level_hold", "Hold level", id="wt-level-hold", priority=True),
    ]

    routine: DayRoutine
    items: list[RoutineItem]
    results: dict[str, ItemResult]
    summary: SummaryData | None = None
    ups: tuple[Suggestion, ...] = ()  # ready to move up; u and h act on the first
    moved: tuple[str, ...] = ()  # what u and h did here, one line each
    show_keys: Callable[[], None]  # the screen's key bar

    def find_moves(self) -> None:
        """Look up which exercises of the session are ready to move up (after it is saved)."""
        fb = host_of(self)
        done = [i.id for i in self.items if i.id in self.results]
        self.ups = tuple(Progression(fb.ctx).moves_up(fb.snapshot, self.routine, done))

    def show_summary(self, data: SummaryData) -> None:
        """Draw the summary with the level lines of now."""
        self.summary = data
        names = {i.id: i.exercise.name for i in self.items}
        moves = moves_text(names, self.ups, self.moved)
        self.query_one("#wt-summary-text", Static).update(summary_text(replace(data, moves=moves)))

    def level_offered(self) -> bool:
        """Whether u and h have something to act on now."""
        return self.summary is not None and bool(self.ups)

    async def action_level_accept(self) -> None:
        await self._level("up")

    async def action_level_hold(self) -> None:
        await self._level("hold")

    async def _level(self, action: str) -> None:
        if not self.level_offered() or self.summary is None:
            return
        first = self.ups[0]
        if await change_level(self, self.routine, first.exercise, action):
            name = next((i.exercise.name for i in self.items if i.id == first.exercise), first.exercise)
            done = f"level {first.level} -> {first.to}" if action == "up" else f"stays at level {first.level}"
            self.moved = (*self.moved, f"{name}: {done}")
        self.find_moves()
        self.show_summary(self.summary)
        self.after_levels()

    def after_levels(self) -> None:
        """Redraw the keys once the offer changed, and show the end of the summary (the
        offer, the question and its field) when it is taller than the screen."""
        self.show_keys()
        self.refresh_bindings()
        self.call_after_refresh(self.query_one("#wt-summary", VerticalScroll).scroll_end, animate=False)

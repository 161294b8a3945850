"""Today's level half: the view it draws from, each item's level suggestion and the
persistent-pain note, and the keys that accept, hold or drop a level (saved through
`ctx.saves`). The Today screen mixes it in, as the walkthrough does walk_record.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from textual.dom import DOMNode

from footbase_tui.core.adapt import PainOffer
from footbase_tui.core.catalog import Program
from footbase_tui.core.records import DayPlan
from footbase_tui.core.routine import DayRoutine, RoutineItem
from footbase_tui.practice import Screened
from footbase_tui.tui.host import host_of
from footbase_tui.tui.widgets.level_note import LevelNote

if TYPE_CHECKING:  # the level code is imported just after the first frame
    from footbase_tui.core.levels import LevelView, Suggestion
    from footbase_tui.core.pain_watch import PainNote


@dataclass(frozen=True)
class TodayView:
    """What Today draws: the day's routine, the program planned, the day's own plan, the
    bad-day offer, the streak (None until counted) and the level half."""

    routine: DayRoutine
    planned: Program
    plan: DayPlan | None
    offer: PainOffer | None
    streak: int | None  # None until counted, just after the first frame
    screened: Screened | None = None  # what the screening answers changed, and why
    levels: Mapping[str, LevelView] = field(default_factory=dict)  # per exercise of the routine
    pain_note: PainNote | None = None  # persistent pain: see a GP or physiotherapist

    def suggestion(self) -> Suggestion | None:
        """The first item's level suggestion (the keys act on this one)."""
        for item in self.routine.items:
            view = self.levels.get(item.id)
            if view is not None and view.suggestion is not None:
                return view.suggestion
        return None


class TodayLevels(DOMNode):
    """The level half of the Today screen (which sets `view` and draws the rest)."""

    view: TodayView | None = None

    def selected(self) -> RoutineItem | None:
        """The routine item highlighted (the screen's list knows)."""
        raise NotImplementedError

    def _show_detail(self) -> None:
        raise NotImplementedError

    def show_levels(self) -> None:
        """The level suggestions and the pain note: the rule checks read the last weeks of
        the snapshot already loaded (a few ms on ten years); at start-up they come just
        after the first frame, like the streak."""
        view = self.view
        if view is None:
            return
        ctx, snap = host_of(self).ctx, host_of(self).snapshot
        today = view.routine.day
        from footbase_tui.progression import Progression  # after the first frame

        progression = Progression(ctx)
        pain = progression.recent_pain(snap, today)
        planned = ctx.practice.planned(snap, today)
        self.view = replace(
            view,
            levels=progression.views(snap, view.routine, today, pain),
            pain_note=progression.pain_note(snap, planned, today, pain),
        )
        self._show_level_note(self.view)
        self._show_detail()
        self.refresh_bindings()

    def _show_level_note(self, v: TodayView) -> None:
        s = v.suggestion()
        name = next((i.exercise.name for i in v.routine.items if s and i.id == s.exercise), None)
        self.query_one(LevelNote).show(name, s, v.pain_note)

    def action_note_seen(self) -> None:
        if self.view is None or self.view.pain_note is None:
            return
        from footbase_tui.progression import Progression

        Progression(host_of(self).ctx).dismiss_pain_note(self.view.routine.day)
        self.view = replace(self.view, pain_note=None)
        self._show_level_note(self.view)
        self.refresh_bindings()

    async def action_level_accept(self) -> None:
        s = self.view.suggestion() if self.view else None
        if s is not None:
            await self._change_level(s.exercise, "up" if s.to > s.level else "down")

    async def action_level_hold(self) -> None:
        s = self.view.suggestion() if self.view else None
        if s is not None:
            await self._change_level(s.exercise, "hold")

    async def action_level_drop(self) -> None:
        item = self.selected()
        if item is not None and item.level > 1:
            await self._change_level(item.id, "down")

    async def _change_level(self, exercise: str, action: str) -> None:
        from footbase_tui.tui.screens.level_change import change_level

        if self.view is not None:
            await change_level(self, self.view.routine, exercise, action)

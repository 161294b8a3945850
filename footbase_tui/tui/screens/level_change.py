"""One level change asked for on a screen (Today's u/h/d, the walkthrough summary's u/h):
prepared by the use case (progression.Progression.prepare), saved off the event loop, said."""

from __future__ import annotations

from textual.dom import DOMNode

from footbase_tui.core.routine import DayRoutine
from footbase_tui.errors import UsageError
from footbase_tui.progression import Progression
from footbase_tui.tui.host import host_of


async def change_level(node: DOMNode, routine: DayRoutine, exercise: str, action: str) -> bool:
    """Move `exercise` up, down or hold it (`action`) as of `routine`, store the change with
    its reason and say so in a notice. A change the use case refuses (UsageError: above the
    ceiling, below level 1, ...) is said and nothing is saved. True when it was saved."""
    fb = host_of(node)
    try:
        done = Progression(fb.ctx).prepare(fb.snapshot, exercise, action, routine)
    except UsageError as exc:
        fb.notify(str(exc), timeout=5)
        return False
    saved, _ = await fb.save(fb.ctx.saves.change_level, done.change)
    if saved:
        fb.notify(done.line, timeout=4)
    return saved

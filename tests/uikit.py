"""Helpers for tests that drive the app: settle it, type bursts, read the screen."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from footbase_tui.core.clock import FakeClock
from footbase_tui.core.countdown import PhaseKind
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.screens.walkthrough import WalkthroughScreen


async def settle(pilot: Pilot[None]) -> None:
    """Let the app finish: messages, then background workers (the streak count), then
    the messages those post."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(condition: Callable[[], object], timeout: float) -> bool:
    """Poll on the event loop itself: Pilot.pause would wait for the app's queues to empty,
    which is what a blocked app never does (and the fake clock moves no app timers)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(0.02)
    return True


_CHARS = {"space": " ", "enter": "\r", "tab": "\t"}


def keys_now(app: FootbaseApp, *keys: str) -> None:
    """Keys as the terminal driver posts them when one read holds several (fast typing
    over SSH, where keys share a packet, or a paste): no waiting between them, unlike
    Pilot.press. A one-character name is typed as that character."""
    assert app._driver is not None
    for key in keys:
        app._driver.send_message(events.Key(key, key if len(key) == 1 else _CHARS.get(key)))


def key_names(text: str) -> list[str]:
    """The key names that type `text`."""
    return ["space" if c == " " else c for c in text]


def screen_text(app: FootbaseApp) -> str:
    """Every Static's content on the active screen, joined: what a person can read."""
    parts: list[str] = []
    for widget in app.screen.query(Static):
        if widget.display:
            parts.append(str(widget.render()))
    from footbase_tui.tui.widgets.day_header import DayHeader

    for header in app.screen.query(DayHeader):
        parts.append(str(header.render()))
    return "\n".join(parts)


async def walk_to_the_end(
    pilot: Pilot[None],
    clock: FakeClock,
    step_s: float = 7,
    each: Callable[[WalkthroughScreen], None] | None = None,
) -> None:
    """Let a running walkthrough go on to its summary as a person would: the clock moves on
    `step_s` at a time and every set at one's own pace is confirmed with enter. `each` sees
    the screen before each step."""
    for _ in range(400):
        screen = pilot.app.screen
        if not isinstance(screen, WalkthroughScreen) or screen.finished:
            return
        if each is not None:
            each(screen)
        current = screen.engine.current if screen.engine else None
        if current is not None and current.kind == PhaseKind.WAIT:
            await pilot.press("enter")
        clock.advance(step_s)
        screen.tick()
        await pilot.pause()

"""The command palette's entries for a screen: every key of the screen, found from its
bindings, so that nothing the footer or help lists is missing from ctrl+p."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import SystemCommand
from textual.dom import DOMNode
from textual.screen import Screen


def binding_commands(screen: Screen[Any], known: Iterable[str]) -> list[SystemCommand]:
    """A palette entry for each binding of `screen` that has a description and is not
    already listed under that title in `known`; an action the screen disables right now
    (check_action) is left out, as its key would do nothing."""
    seen = {title.casefold() for title in known}
    found: list[SystemCommand] = []
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if active.node is screen.app or not binding.description or not active.enabled:
            continue  # the app's own keys have their entries already
        title = f"{type(screen).__name__.removesuffix('Screen')}: {binding.description}"
        if title.casefold() in seen or binding.description.casefold() in seen:
            continue
        seen.add(title.casefold())
        shown = binding.key_display or key

        def run(action: str = binding.action, node: DOMNode = active.node) -> None:
            screen.app.call_later(screen.app.run_action, action, node)

        found.append(SystemCommand(title, f"the {shown} key", run))
    return found

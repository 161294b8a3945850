"""A footer of keys that fits its line: the keys needed to go on first, short labels when
the full ones do not fit, then the least needed keys dropped, and `? Help` always shown.

Textual's Footer lists keys in binding order and cuts what does not fit (at 50 columns
Today lost Journal and Quit), so a screen names its keys in priority order instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.dom import DOMNode
from textual.widget import Widget

HELP_ACTION = "help"
# The app's own keys, after each screen's, in this order (action, short label).
APP_KEYS = (
    ("pain", "Pain"),
    ("mode('calendar')", "Cal"),
    ("mode('journal')", "Jrnl"),
    ("mode('today')", "Today"),
    ("quit", "Quit"),
    ("help", "Help"),
)
GAP = "  "  # between keys with full labels; one space when short labels are needed


@dataclass(frozen=True)
class KeyItem:
    """One key as shown: what to press, the label, the short label and what it does."""

    key: str
    label: str
    short: str
    action: str
    node: DOMNode


def fit(items: Sequence[KeyItem], width: int) -> tuple[list[tuple[KeyItem, str]], int]:
    """The items (in order) with the labels that fit `width`: full labels if all fit, else
    short ones, else the short ones without the last items but for help. Returns the
    pairs (item, label) and the gap to put between them (a margin goes first if it is 2)."""

    def measure(pairs: list[tuple[KeyItem, str]], gap: int) -> int:
        return sum(len(i.key) + 1 + len(label) for i, label in pairs) + gap * max(0, len(pairs) - 1)

    full = [(i, i.label) for i in items]
    if measure(full, len(GAP)) + 1 <= width:  # and a margin
        return full, len(GAP)
    short = [(i, i.short) for i in items]
    while measure(short, 1) > width and len(short) > 1:
        drop = next((n for n in range(len(short) - 1, -1, -1) if short[n][0].action != HELP_ACTION), None)
        if drop is None:
            break
        del short[drop]
    return short, 1


class KeyBar(Widget):
    """The keys of the screen it is on, ordered and shortened by that screen's KEY_ORDER:
    a sequence of (action, short label); keys not named come after, help comes last."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key"}

    def __init__(self, order: Sequence[tuple[str, str]] = (), **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.order = [*order, *APP_KEYS]
        self._spans: list[tuple[int, int, KeyItem]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, event: events.Resize) -> None:
        self.refresh()

    def items(self) -> list[KeyItem]:
        """The keys that work now, in the screen's order, help last."""
        ranks: dict[str, int] = {}
        shorts: dict[str, str] = {}
        for n, (action, short) in enumerate(self.order):  # the screen's word comes first
            ranks.setdefault(action, n)
            shorts.setdefault(action, short)
        found: dict[str, KeyItem] = {}
        for _key, (node, binding, enabled, _tip) in self.screen.active_bindings.items():
            if not binding.show or not binding.description or not enabled or binding.action in found:
                continue
            found[binding.action] = KeyItem(
                binding.key_display or self.app.get_key_display(binding),
                binding.description,
                shorts.get(binding.action, binding.description),
                binding.action,
                node,
            )
        listed = list(found.values())
        return sorted(
            listed,
            key=lambda i: (i.action == HELP_ACTION, ranks.get(i.action, len(ranks)), listed.index(i)),
        )

    def shown(self) -> list[tuple[str, str]]:
        """(key, label) of what the bar shows at its current width."""
        pairs, _ = fit(self.items(), self.size.width or 80)
        return [(i.key, label) for i, label in pairs]

    def render(self) -> Text:
        pairs, gap = fit(self.items(), self.size.width or 80)
        key_style = self.get_component_rich_style("key-bar--key")
        t = Text(" " if gap > 1 else "", no_wrap=True, overflow="crop")
        self._spans = []
        for n, (item, label) in enumerate(pairs):
            if n:
                t.append(" " * gap)
            start = len(t)
            t.append(item.key, style=key_style)
            t.append(f" {label}")
            self._spans.append((start, len(t), item))
        return t

    async def on_click(self, event: events.Click) -> None:
        for start, end, item in self._spans:
            if start <= event.x < end:
                await self.app.run_action(item.action, item.node)
                return

"""The theme: `theme:` in the config, or the one last picked in the app (kept in a small
0600 state file next to the store), checked against the themes Textual knows."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from pathlib import Path

from footbase_tui.core.errors import ConfigError
from footbase_tui.fileio import atomic_write, ensure_private_dir, read_nofollow
from footbase_tui.store import StoreError


def check_theme(name: str | None, known: Iterable[str], source: Path | None) -> None:
    """Refuse (ConfigError, one line) a configured theme Textual does not have."""
    names = sorted(known)
    if name is not None and name not in names:
        where = f"{source}: " if source else ""
        raise ConfigError(f"{where}theme: unknown theme {name!r}; known: {', '.join(names)}")


class ThemeMemory:
    """The theme picked in the app, remembered with the config's theme at the time: when
    the config names another theme since, the config wins (it was changed on purpose)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def choose(self, configured: str | None, known: Iterable[str]) -> str | None:
        """The theme to start with: the one picked last if still known and the config
        has not changed since, else the configured one (None: Textual's default)."""
        picked, configured_then = self._load()
        if picked is not None and picked in set(known) and configured_then == configured:
            return picked
        return configured

    def remember(self, theme: str, configured: str | None) -> None:
        """Keep the picked theme (raises StoreError if it cannot be written)."""
        ensure_private_dir(self.path.parent)
        data = {"theme": theme, "config_theme": configured}
        atomic_write(self.path, json.dumps(data).encode("utf-8"))

    def _load(self) -> tuple[str | None, str | None]:
        with contextlib.suppress(StoreError, ValueError, UnicodeDecodeError, AttributeError):
            raw = read_nofollow(self.path)
            if raw is not None:
                data = json.loads(raw.decode("utf-8"))
                picked, then = data.get("theme"), data.get("config_theme")
                return (
                    picked if isinstance(picked, str) else None,
                    then if isinstance(then, str) else None,
                )
        return None, None

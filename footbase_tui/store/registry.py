"""The stores footbase has written, remembered in the config folder: a store that existed
before and is gone now is reported as missing, never silently replaced by a new, empty one
(someone may have moved the folder away)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from footbase_tui.errors import StoreError, StoreMissing
from footbase_tui.fileio import atomic_write, ensure_private_dir, read_nofollow


class KnownStores:
    """A 0600 file with one store path a line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _paths(self) -> list[str]:
        try:
            raw = read_nofollow(self.path)
        except StoreError:
            return []
        return raw.decode("utf-8", "replace").splitlines() if raw else []

    def knows(self, store: Path) -> bool:
        """Whether `store` was written by footbase before (an unreadable list: no)."""
        return str(store) in self._paths()

    def remember(self, store: Path) -> None:
        """Note `store` once; a config folder that cannot be written is no reason to fail."""
        paths = self._paths()
        if str(store) in paths:
            return
        with contextlib.suppress(StoreError, OSError):
            ensure_private_dir(self.path.parent)
            atomic_write(self.path, ("\n".join([*paths, str(store)]) + "\n").encode("utf-8"))

    def missing(self, store: Path) -> StoreMissing:
        """The one line for a store that is gone."""
        return StoreMissing(
            f"your store is missing from {store}: footbase wrote it before, and it is gone "
            "(moved or deleted?). Put it back, or 'footbase restore --list' and 'footbase "
            f"restore NAME'; to start a new, empty store there, remove its line from {self.path}"
        )

"""The dependencies footbase runs on, built once and handed to commands and the app."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from footbase_tui.config import Config, load_config
from footbase_tui.core.clock import Clock, SystemClock
from footbase_tui.core.localtime import LocalTime
from footbase_tui.paths import Paths, resolve_paths

if TYPE_CHECKING:  # kept out of the quick paths' imports
    from footbase_tui.core.catalog import Catalog
    from footbase_tui.practice import Practice
    from footbase_tui.saves import Saves
    from footbase_tui.store import Store


def _say_waiting() -> None:
    print("footbase: waiting for another footbase to finish saving…", file=sys.stderr)


@dataclass
class Context:
    """Paths, config, clock, store and catalog; each built on first use, then kept."""

    paths: Paths
    clock: Clock = field(default_factory=SystemClock)
    lock_timeout: float = 5.0

    @classmethod
    def from_args(cls, db: str | None) -> Context:
        """A context for the paths the command line names (`--db`, else the environment and the defaults)."""
        return cls(paths=resolve_paths(db))

    @cached_property
    def config(self) -> Config:
        """The user's config, read and validated once; refuses a bad one with ConfigError."""
        return load_config(self.paths.config)

    @cached_property
    def local(self) -> LocalTime:
        """The user's time zone and day-start hour, from the config."""
        return self.config.local_time()

    @cached_property
    def store(self) -> Store:
        """The store, opened on first use (locked per write, not held open)."""
        from footbase_tui.store import Store
        from footbase_tui.store.registry import KnownStores

        known = KnownStores(self.paths.known_stores)
        return Store(self.paths.db, self.clock, self.lock_timeout, on_wait=_say_waiting, known=known)

    @cached_property
    def catalog(self) -> Catalog:
        """The exercise catalog (built-in plus the user's), from its cache when that is fresh."""
        from footbase_tui.catalog_files import cached_catalog, load_catalog

        if self.paths.cache is None:
            return load_catalog(self.paths.catalog_dir)
        return cached_catalog(self.paths.catalog_dir, self.paths.cache)

    @cached_property
    def practice(self) -> Practice:
        """The use cases (routine, streak, calendar, trends) over this context."""
        from footbase_tui.practice import Practice

        return Practice(self)

    @cached_property
    def saves(self) -> Saves:
        """The writes (pain, practice, levels, program) over this context."""
        from footbase_tui.saves import Saves

        return Saves(self)

    def today(self) -> date:
        """The person's day now: their zone, their day-start hour."""
        return self.local.day_of(self.clock.now())

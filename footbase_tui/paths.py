"""Where footbase keeps its files: the store, the config, the user's catalog, drafts."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var, "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / fallback


def user_data_dir() -> Path:
    if os.name == "posix" and os.uname().sysname != "Darwin":
        # The XDG rule, without importing platformdirs on the quick paths.
        return _xdg("XDG_DATA_HOME", ".local/share") / "footbase"
    import platformdirs

    return Path(platformdirs.user_data_dir("footbase", appauthor=False))


def user_cache_dir() -> Path:
    if os.name == "posix" and os.uname().sysname != "Darwin":
        return _xdg("XDG_CACHE_HOME", ".cache") / "footbase"
    import platformdirs

    return Path(platformdirs.user_cache_dir("footbase", appauthor=False))


def user_config_dir() -> Path:
    if os.name == "posix" and os.uname().sysname != "Darwin":
        return _xdg("XDG_CONFIG_HOME", ".config") / "footbase"
    import platformdirs

    return Path(platformdirs.user_config_dir("footbase", appauthor=False))


@dataclass(frozen=True)
class Paths:
    db: Path
    config: Path
    cache: Path | None = None  # None: no catalog cache (tests build the catalog fresh)

    @property
    def data_dir(self) -> Path:
        return self.db.parent

    @property
    def catalog_dir(self) -> Path:
        return self.config.parent / "catalog"

    @property
    def draft(self) -> Path:
        return self.data_dir / "pain-draft.json"

    @property
    def ui_state(self) -> Path:
        """The app's remembered choices (the theme picked): 0600, next to the store."""
        return self.data_dir / "ui-state.json"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def known_stores(self) -> Path:
        """The stores this user's footbase created, one path a line (kept beside the
        config, so that a data folder moved away is noticed, not replaced)."""
        return self.config.parent / "known-stores"


def resolve_paths(db: str | None = None) -> Paths:
    """--db beats $FOOTBASE_DB beats the data dir; $FOOTBASE_CONFIG beats the config dir."""
    db_text = db or os.environ.get("FOOTBASE_DB") or ""
    db_path = Path(db_text).expanduser() if db_text else user_data_dir() / "footbase.json"
    cfg_text = os.environ.get("FOOTBASE_CONFIG") or ""
    cfg_path = Path(cfg_text).expanduser() if cfg_text else user_config_dir() / "config.yaml"
    return Paths(db=db_path.absolute(), config=cfg_path.absolute(), cache=user_cache_dir())

"""The store: the only package that imports tinydb. Atomic, locked, versioned."""

from footbase_tui.errors import (
    EditConflict,
    InsecurePath,
    LockTimeout,
    NotSaved,
    StoreCorrupt,
    StoreError,
    StoreMissing,
    StoreTooNew,
)
from footbase_tui.store.shape import FORMAT
from footbase_tui.store.snapshot import Snapshot
from footbase_tui.store.store import Store

__all__ = [
    "FORMAT",
    "EditConflict",
    "InsecurePath",
    "LockTimeout",
    "NotSaved",
    "Snapshot",
    "Store",
    "StoreCorrupt",
    "StoreError",
    "StoreMissing",
    "StoreTooNew",
]

"""What keeps the app's start short: the collector kept off what the start read. Measured
by `make bench` (benchmarks/first_frame.py: process start to the first painted frame of
Today, against a bare Textual app)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
THAW_AFTER_S = 1.0  # how long after the start the collector sees everything again


def read_frozen(load: Callable[[], T]) -> T:
    """`load()` with the collector paused, then everything alive at that moment (Textual,
    footbase, the store just read: ten years are ~26k more objects to look through) kept
    out of the collector's sight until `thaw()`. Left in sight, they set off full
    collections of the whole heap before the first frame and at the exit (0.1-0.3 s in
    all, measured on ten years). Nothing is kept alive by this: an object no longer used
    is freed as usual; only a cycle among them waits for `thaw()`. Returns what `load`
    returns; an exception from it passes through, with nothing frozen."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = load()
        gc.freeze()
    finally:
        if collecting:
            gc.enable()
    return result


def thaw() -> None:
    """Give the collector back everything `read_frozen` kept from it (the app calls this
    THAW_AFTER_S after its start, once the first frame and the work after it are done)."""
    gc.unfreeze()

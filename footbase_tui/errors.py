"""The errors that reach a person: bad input, and what stops the store. Each str() is one
line a person can act on. A leaf module: it imports nothing, so every floor may use it."""

from __future__ import annotations


class UsageError(Exception):
    """Bad input on the command line: one line, exit code 2, nothing written."""


class StoreError(Exception):
    """Something about the store file stops footbase; nothing was changed."""


class NotSaved(StoreError):
    """A write failed; the file on disk is exactly as it was before."""


class LockTimeout(NotSaved):
    """Another footbase held the store for too long."""


class StoreCorrupt(StoreError):
    """The file is not a footbase store footbase can read; a copy was kept."""


class StoreTooNew(StoreError):
    """Written by a newer footbase: readable, but this version will not write to it."""


class StoreMissing(StoreError):
    """The store footbase created at this path earlier has gone (moved or deleted)."""


class InsecurePath(StoreError):
    """A folder others can read, or a symlink where a file should be."""


class EditConflict(StoreError):
    """Another process changed (or deleted) the record being edited; nothing was written."""

    def __init__(self, theirs: object) -> None:
        self.theirs = theirs  # the record as it is now in the store (None: deleted)
        super().__init__("this entry was changed elsewhere while you edited it")


def not_saved_message(exc: StoreError) -> str:
    """The one line both faces show when a write was refused: it always starts "not saved",
    so a person never wonders whether the entry is on disk."""
    message = str(exc)
    return message if message.startswith("not saved") else f"not saved: {message}"


class SavedNotReported(Exception):
    """The write succeeded, but the confirmation could not be printed (exit code 3)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"saved, but the report could not be written ({reason}); do not run it again")


def internal_error_line(exc: BaseException, saved: bool) -> str:
    """The one line shown for a bug: the exception's type and where it was raised, never its
    message or a traceback with local variables (either may quote a note); and whether a
    change had already been saved, so nobody is told "nothing was saved" after a save."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else "?"
    outcome = (
        "the change was saved before it; check with 'footbase journal'" if saved else "nothing was saved"
    )
    return f"internal error ({type(exc).__name__} at {where}); {outcome}. Set FOOTBASE_DEBUG=1 for details."

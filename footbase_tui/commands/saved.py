"""The line that confirms a write: if it cannot be written, the exit code says the data is
saved anyway, so a script that retries on failure does not log the entry twice."""

from __future__ import annotations

import sys

from footbase_tui.errors import SavedNotReported


def report_saved(line: str) -> None:
    """Print and flush `line` after a successful write.

    Raises SavedNotReported (exit code 3) when standard output cannot take it (a full disk,
    a closed pipe): the write itself already happened and stays.
    """
    try:
        print(line)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:  # ValueError: standard output is closed
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise SavedNotReported(reason) from None

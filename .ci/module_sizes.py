"""Fail when a module of footbase_tui is longer than 400 lines.

Why: a module past ~400 lines does more than one thing, and its seams get harder to see the
longer it grows (issue 10); a floor in `make check` says so at the commit that crosses it,
not rounds later. Split along a real seam (the dataclasses vs their stored shape, the plan
vs the engine, ...) rather than raise the limit. Blank lines and docstrings count: the
limit is about what a reader has to hold, not about code alone.

Run from the project root: `python .ci/module_sizes.py`; exit 1 lists each module over the
limit, one line each.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = "footbase_tui"
LIMIT = 400

# Modules allowed past the limit, each with its reason (none today; keep it that way).
ALLOWED: frozenset[str] = frozenset()


def too_long(root: Path, limit: int = LIMIT) -> list[tuple[str, int]]:
    """Each module under root/footbase_tui longer than `limit` lines and not in ALLOWED, as
    (path relative to root, lines), in path order."""
    found = []
    for path in sorted((root / PACKAGE).rglob("*.py")):
        name = path.relative_to(root).as_posix()
        lines = len(path.read_bytes().splitlines())
        if lines > limit and name not in ALLOWED:
            found.append((name, lines))
    return found


def main() -> int:
    found = too_long(Path.cwd())
    for name, lines in found:
        print(f"{name}: {lines} lines, over the limit of {LIMIT}: split it along a seam")
    if found:
        return 1
    print(f"every module of {PACKAGE} is at most {LIMIT} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())

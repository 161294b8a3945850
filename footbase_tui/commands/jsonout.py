"""One way to print `--json`: UTF-8, indented, one document ending in a newline."""

from __future__ import annotations

import json
import sys


def print_json(doc: object) -> int:
    """Write `doc` to standard output as JSON; returns 0 (the command's exit code)."""
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0

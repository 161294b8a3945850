"""The zone this machine runs in: from $TZ or the system's files (file I/O, so not core/)."""

from __future__ import annotations

import os
from pathlib import Path

from footbase_tui.core.localtime import TimeInputError, zone_from_name


def system_zone_name(env: dict[str, str] | None = None) -> str:
    """The zone of this process: $TZ when it names a zone, else the system's, else UTC."""
    environ = os.environ if env is None else env
    tz = environ.get("TZ", "").strip().lstrip(":")
    if tz:
        try:
            zone_from_name(tz)
            return tz
        except TimeInputError:
            pass
    try:
        link = os.readlink("/etc/localtime")
        marker = "zoneinfo/"
        if marker in link:
            candidate = link.split(marker, 1)[1]
            zone_from_name(candidate)
            return candidate
    except (OSError, TimeInputError):
        pass
    try:
        candidate = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        zone_from_name(candidate)
        return candidate
    except (OSError, TimeInputError):
        pass
    return "UTC"

"""The user's settings, read from config YAML and checked field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from footbase_tui.core.errors import ConfigError
from footbase_tui.core.localtime import (
    LocalTime,
    TimeInputError,
    parse_hhmm,
    zone_from_name,
)
from footbase_tui.core.screening import KEYS as SCREENING_KEYS
from footbase_tui.core.screening import Screening
from footbase_tui.system_zone import system_zone_name

DEFAULT_LOCATIONS = (
    "low-back",
    "mid-back",
    "upper-back",
    "neck",
    "hip",
    "knee",
    "ankle",
    "foot",
    "heel",
    "arch",
    "toes",
)
RESERVED_CONTEXTS = ("exercise",)  # written by footbase itself: always allowed
DEFAULT_CONTEXTS = ("walking", "standing", "sitting", "lifting", "sleeping", "waking", "exercise")
PAIN_CHECKS = ("session", "exercise", "off")  # when the walkthrough asks for a pain level


@dataclass(frozen=True)
class Config:
    timezone: str | None = None
    day_starts_at: time = time(0, 0)
    bell: bool = True
    week_starts: str = "monday"
    locations: tuple[str, ...] = DEFAULT_LOCATIONS
    contexts: tuple[str, ...] = DEFAULT_CONTEXTS
    pain_check: str = "session"  # one of PAIN_CHECKS: after the session, after each exercise, never
    theme: str | None = None  # a Textual theme name; the app checks it exists
    screening: Screening = field(default_factory=Screening)
    screening_asked: bool = False  # the config has a screening block (answered or skipped)
    source: Path | None = field(default=None, compare=False)

    def local_time(self) -> LocalTime:
        return LocalTime(self.timezone or system_zone_name(), self.day_starts_at)


_KEYS = {
    "timezone",
    "day_starts_at",
    "bell",
    "week_starts",
    "locations",
    "contexts",
    "pain_check",
    "theme",
    "screening",
}


def _words(value: Any, where: str, name: str) -> tuple[str, ...]:
    import re

    if not isinstance(value, list) or not value or len(value) > 40:
        raise ConfigError(f"{where}: {name}: expected a list of 1 to 40 words")
    out: list[str] = []
    for v in value:
        if not isinstance(v, str) or not re.match(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", v, re.ASCII):
            raise ConfigError(f"{where}: {name}: expected lower-case words joined by '-', got {v!r}")
        if v in out:
            raise ConfigError(f"{where}: {name}: {v!r} is listed twice")
        out.append(v)
    return tuple(out)


def parse_config(data: Any, file: Path, line_of: Any = None) -> Config:
    def where(key: str | None = None) -> str:
        line = line_of((key,) if key else ()) if line_of else None
        return f"{file}:{line}" if line else str(file)

    if data is None:
        return Config(source=file)
    if not isinstance(data, dict):
        raise ConfigError(f"{where()}: expected a mapping of settings (key: value)")
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"{where(key)}: {key}: unknown setting; known: {', '.join(sorted(_KEYS))}")
    kwargs: dict[str, Any] = {}
    if data.get("timezone") is not None:
        tz = data["timezone"]
        try:
            if not isinstance(tz, str):
                raise TimeInputError("expected an IANA zone name such as Europe/Berlin")
            zone_from_name(tz)
        except TimeInputError as exc:
            raise ConfigError(f"{where('timezone')}: timezone: {exc}") from None
        kwargs["timezone"] = tz.strip()
    if "day_starts_at" in data:
        value = data["day_starts_at"]
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 04:00 as a sexagesimal number (240).
            value = f"{value // 60:02d}:{value % 60:02d}"
        try:
            if not isinstance(value, str):
                raise TimeInputError('expected a time like "04:00"')
            start = parse_hhmm(value)
        except TimeInputError as exc:
            raise ConfigError(f"{where('day_starts_at')}: day_starts_at: {exc}") from None
        if start > time(6, 0):
            raise ConfigError(f"{where('day_starts_at')}: day_starts_at: expected a time from 00:00 to 06:00")
        kwargs["day_starts_at"] = start
    if "bell" in data:
        if not isinstance(data["bell"], bool):
            raise ConfigError(f"{where('bell')}: bell: expected true or false")
        kwargs["bell"] = data["bell"]
    if "week_starts" in data:
        if data["week_starts"] not in ("monday", "sunday"):
            raise ConfigError(f"{where('week_starts')}: week_starts: expected monday or sunday")
        kwargs["week_starts"] = data["week_starts"]
    if "pain_check" in data:
        check = data["pain_check"]
        check = "off" if check is False else check  # YAML 1.1 reads an unquoted off as false
        if check not in PAIN_CHECKS:
            raise ConfigError(
                f"{where('pain_check')}: pain_check: expected one of {', '.join(PAIN_CHECKS)}, "
                f"got {str(check)[:30]!r}"
            )
        kwargs["pain_check"] = check
    for name in ("locations", "contexts"):
        if name in data:
            kwargs[name] = _words(data[name], where(name), name)
    if data.get("theme") is not None:
        import re

        theme = data["theme"]
        if not isinstance(theme, str) or not re.match(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", theme, re.ASCII):
            raise ConfigError(
                f"{where('theme')}: theme: expected a theme name such as textual-dark or ansi-dark"
            )
        kwargs["theme"] = theme
    if "contexts" in kwargs:
        # The contexts footbase writes itself (the check after a walkthrough) stay allowed.
        missing = tuple(c for c in RESERVED_CONTEXTS if c not in kwargs["contexts"])
        kwargs["contexts"] = (*kwargs["contexts"], *missing)
    if "screening" in data:
        kwargs["screening_asked"] = True
        if data["screening"] is not None:
            kwargs["screening"] = _screening(data["screening"], where("screening"))
    return Config(source=file, **kwargs)


def _screening(value: Any, where: str) -> Screening:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: screening: expected a mapping of {', '.join(SCREENING_KEYS)}")
    for key, answer in value.items():
        if key not in SCREENING_KEYS:
            raise ConfigError(
                f"{where}: screening: {key}: unknown question; known: {', '.join(SCREENING_KEYS)}"
            )
        if answer is not None and not isinstance(answer, bool):
            raise ConfigError(f"{where}: screening: {key}: expected true, false or null (not answered)")
    return Screening(**{k: value.get(k) for k in SCREENING_KEYS})


def save_screening(file: Path, screening: Screening) -> None:
    """Write the answers into the config file's `screening:` block, keeping every other line
    (and comment) as it is; a new file is 0600 in a 0700 folder. Refuses (ConfigError) when
    the result would not read back as the same answers."""
    from footbase_tui.fileio import atomic_write, ensure_private_dir

    old = file.read_text(encoding="utf-8") if file.exists() else ""
    kept: list[str] = []
    inside = False
    for line in old.splitlines():
        if line.startswith("screening:"):
            inside = True
            continue
        if inside and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        inside = False
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    block = ["screening:  # footbase screening asks these again"]
    for key, answer in screening.as_dict().items():
        block.append(f"  {key}: {'null' if answer is None else str(answer).lower()}")
    text = "\n".join([*kept, *block]) + "\n"
    from footbase_tui.yamlio import parse_yaml

    loc = parse_yaml(text, file)
    if parse_config(loc.data, file, loc.line).screening != screening:
        raise ConfigError(f"{file}: screening: could not be written back; edit the file by hand")
    ensure_private_dir(file.parent)
    atomic_write(file, text.encode("utf-8"))


def load_config(file: Path) -> Config:
    """Read the config file; a missing file means the defaults (and no YAML import)."""
    if not file.exists():
        return Config()
    from footbase_tui.core.errors import YamlError
    from footbase_tui.yamlio import load_yaml

    try:
        loc = load_yaml(file)
    except YamlError as exc:
        if exc.message == "the file is empty":
            return Config(source=file)
        raise ConfigError(str(exc)) from None
    return parse_config(loc.data, file, loc.line)

"""The catalog's guidance fields beyond the basics: how the sides are done, the switch-side
pause, named holds, and what a level changes (position, extra steps, extra equipment).

Parsed here so core/catalog.py stays small; every field is optional and checked like the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from footbase_tui.core.catalog import Key
    from footbase_tui.core.catalog_parse import _Checker

SIDES = ("alternate", "block")
SWITCH_S = (3, 60)  # seconds to change feet, the walkthrough's switch-side phase
DEFAULT_SWITCH_S = 5
EXERCISE_GUIDANCE_KEYS = {"sides", "switch_s", "holds"}
LEVEL_GUIDANCE_KEYS = {"position", "steps", "equipment"}
_HOLD_NAME = re.compile(r"^[A-Z][A-Z ]{0,19}$", re.ASCII)


def parse_exercise_guidance(ck: _Checker, d: Mapping[str, Any], pace: str, per_side: bool) -> dict[str, Any]:
    """`sides`, `switch_s` and `holds` of an exercise, as Exercise keyword arguments.

    Refuses `sides`/`switch_s` on an exercise that is not per side, `holds` on one whose
    pace is not `hold`, and hold names that are not 1-20 capital letters (2-4 of them)."""
    out: dict[str, Any] = {}
    if "sides" in d:
        if not per_side:
            raise ck.fail(("sides",), "only for an exercise with per_side: true")
        out["sides"] = ck.choice(d["sides"], ("sides",), SIDES)
    if "switch_s" in d:
        if not per_side:
            raise ck.fail(("switch_s",), "only for an exercise with per_side: true")
        out["switch_s"] = ck.integer(d["switch_s"], ("switch_s",), *SWITCH_S)
    if "holds" in d:
        if pace != "hold":
            raise ck.fail(("holds",), "only for an exercise with pace: hold")
        raw = d["holds"]
        if not isinstance(raw, list) or not 2 <= len(raw) <= 4:
            raise ck.fail(("holds",), "expected a list of 2 to 4 hold names, such as [SQUEEZE, SPREAD]")
        names = []
        for i, name in enumerate(raw):
            if not isinstance(name, str) or not _HOLD_NAME.match(name):
                raise ck.fail(("holds", i), "expected a name of 1-20 capital letters and spaces")
            names.append(name)
        out["holds"] = tuple(names)
    return out


def parse_level_guidance(
    ck: _Checker, lv: Mapping[str, Any], key: Key, positions: tuple[str, ...]
) -> dict[str, Any]:
    """A level's `position`, `steps` and `equipment`, as Level keyword arguments."""
    out: dict[str, Any] = {}
    if "position" in lv:
        out["position"] = ck.choice(lv["position"], (*key, "position"), positions)
    if "steps" in lv:
        out["steps"] = ck.texts(lv["steps"], (*key, "steps"), 2, 8)
    if "equipment" in lv:
        out["equipment"] = ck.texts(lv["equipment"], (*key, "equipment"), 1, 4, 60)
    return out

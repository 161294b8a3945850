"""Exercise and program validation from plain (YAML-shaped) data, into core.catalog's
models. Validation names the file, the line, the field and what was expected, in one message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from footbase_tui.core.catalog import (
    PACES,
    POSITIONS,
    Catalog,
    Dosage,
    Exercise,
    Key,
    Level,
    LineOf,
    MoveUp,
    Phase,
    Program,
    ProgramItem,
)
from footbase_tui.core.errors import CatalogError
from footbase_tui.core.guidance import (
    EXERCISE_GUIDANCE_KEYS,
    LEVEL_GUIDANCE_KEYS,
    parse_exercise_guidance,
    parse_level_guidance,
)
from footbase_tui.core.text import clean_text

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", re.ASCII)


class _Checker:
    """Reads typed fields out of a mapping, raising CatalogError with the right line."""

    def __init__(self, file: str, line_of: LineOf) -> None:
        self.file = file
        self.line_of = line_of

    def fail(self, key: Key, expected: str) -> CatalogError:
        name = ".".join(str(k) for k in key) or "(file)"
        return CatalogError(self.file, self.line_of(key), name, expected)

    def mapping(self, value: Any, key: Key, allowed: set[str], required: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a mapping of keys, got {_kind(value)}")
        for k in value:
            if k not in allowed:
                raise self.fail((*key, k), f"unknown key; allowed keys are {', '.join(sorted(allowed))}")
        for k in sorted(required):
            if k not in value:
                raise self.fail(key, f"missing required key '{k}'")
        return value

    def text(self, value: Any, key: Key, max_len: int = 400, one_line: bool = True) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"expected non-empty text, got {_kind(value)}")
        cleaned = clean_text(value, multiline=not one_line)
        if cleaned != value.strip():
            raise self.fail(key, "expected plain text without control characters or escapes")
        if len(cleaned) > max_len:
            raise self.fail(key, f"expected at most {max_len} characters, got {len(cleaned)}")
        return cleaned

    def ident(self, value: Any, key: Key) -> str:
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(key, "expected an id: lower-case letters and digits joined by '-'")
        return value

    def integer(self, value: Any, key: Key, lo: int, hi: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"expected a whole number from {lo} to {hi}, got {_kind(value)}")
        if not lo <= value <= hi:
            raise self.fail(key, f"expected a whole number from {lo} to {hi}, got {value}")
        return value

    def boolean(self, value: Any, key: Key) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {_kind(value)}")
        return value

    def choice(self, value: Any, key: Key, options: tuple[str, ...]) -> str:
        if value not in options:
            raise self.fail(key, f"expected one of {', '.join(options)}, got {value!r}")
        return str(value)

    def texts(self, value: Any, key: Key, lo: int, hi: int, max_len: int = 300) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list of {lo} to {hi} texts, got {_kind(value)}")
        if not lo <= len(value) <= hi:
            raise self.fail(key, f"expected a list of {lo} to {hi} texts, got {len(value)}")
        return tuple(self.text(v, (*key, i), max_len) for i, v in enumerate(value))


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:30]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_DOSAGE_LIMITS = {
    "sets": (1, 20),
    "reps": (1, 200),
    "seconds": (1, 7200),
    "hold_s": (1, 120),
    "tempo_s": (1, 60),
    "rest_rep_s": (0, 120),
    "rest_set_s": (0, 600),
}
_PACE_KEYS = {
    "hold": ({"reps", "hold_s"}, {"rest_rep_s"}),
    "tempo": ({"reps", "tempo_s"}, set()),
    "manual": ({"reps"}, set()),
    "timed": ({"seconds"}, set()),
}


def dosage_fields(ck: _Checker, value: Any, key: Key, partial: bool) -> dict[str, int]:
    """A dosage mapping's fields as whole numbers within their limits; `partial` (an item's
    overrides) lets `sets` be left out. Raises CatalogError on an unknown key or a value out of
    range."""
    allowed = set(_DOSAGE_LIMITS)
    data = ck.mapping(value, key, allowed, set() if partial else {"sets"})
    return {k: ck.integer(v, (*key, k), *_DOSAGE_LIMITS[k]) for k, v in data.items()}


def check_dosage(ck: _Checker, fields: Mapping[str, int], key: Key, pace: str) -> Dosage:
    """Make a Dosage, checking that its keys fit the exercise's pace."""
    required, optional = _PACE_KEYS[pace]
    for k in fields:
        if k in _DOSAGE_LIMITS and k not in required | optional | {"sets", "rest_set_s"}:
            raise ck.fail((*key, k), f"'{k}' does not belong to pace '{pace}'")
    for k in sorted(required):
        if k not in fields:
            raise ck.fail(key, f"missing '{k}', which pace '{pace}' needs")
    return Dosage(
        sets=fields["sets"],
        reps=fields.get("reps"),
        seconds=fields.get("seconds"),
        hold_s=fields.get("hold_s"),
        tempo_s=fields.get("tempo_s"),
        rest_rep_s=fields.get("rest_rep_s", 0),
        rest_set_s=fields.get("rest_set_s", 30),
    )


_EXERCISE_KEYS = {
    "kind",
    "id",
    "name",
    "purpose",
    "position",
    "per_side",
    "equipment",
    "steps",
    "cues",
    "mistakes",
    "caution",
    "pace",
    "levels",
    "sources",
}


_MOVE_UP_KEYS = {"sessions", "within_days", "all_sets", "pain_rise_max"}


def parse_move_up(ck: _Checker, value: Any, key: Key) -> MoveUp:
    """A level's `move_up` rule; refuses unknown keys, counts out of range, and a window
    shorter than the sessions it must hold."""
    d = ck.mapping(value, key, _MOVE_UP_KEYS, {"sessions", "within_days"})
    sessions = ck.integer(d["sessions"], (*key, "sessions"), 1, 30)
    within = ck.integer(d["within_days"], (*key, "within_days"), 1, 90)
    if within < sessions:
        raise ck.fail((*key, "within_days"), f"expected at least {sessions} days to hold {sessions} sessions")
    rise = d.get("pain_rise_max")
    return MoveUp(
        sessions=sessions,
        within_days=within,
        all_sets=ck.boolean(d.get("all_sets", True), (*key, "all_sets")),
        pain_rise_max=None if rise is None else ck.integer(rise, (*key, "pain_rise_max"), 0, 10),
    )


def parse_exercise(data: Any, file: str, line_of: LineOf) -> Exercise:
    """The Exercise in `data`, one document of `file`; raises CatalogError (naming the line
    `line_of` gives) on an unknown or missing key, a value out of range, text with control
    characters, a pace's dosage keys missing, or levels that do not count up from 1 (2 to 4 of
    them)."""
    ck = _Checker(file, line_of)
    d = ck.mapping(data, (), _EXERCISE_KEYS | EXERCISE_GUIDANCE_KEYS, _EXERCISE_KEYS)
    pace = ck.choice(d["pace"], ("pace",), PACES)
    levels_raw = d["levels"]
    if not isinstance(levels_raw, list) or not 2 <= len(levels_raw) <= 4:
        raise ck.fail(("levels",), "expected a list of 2 to 4 levels")
    levels = []
    for i, raw in enumerate(levels_raw):
        key: Key = ("levels", i)
        lv = ck.mapping(
            raw,
            key,
            {"level", "name", "dosage", "move_up_when", "move_up"} | LEVEL_GUIDANCE_KEYS,
            {"level", "name", "dosage", "move_up_when"},
        )
        number = ck.integer(lv["level"], (*key, "level"), 1, 4)
        if number != i + 1:
            raise ck.fail((*key, "level"), f"expected level {i + 1} here (levels count up from 1)")
        fields = dosage_fields(ck, lv["dosage"], (*key, "dosage"), partial=False)
        move_up = None
        if "move_up" in lv:
            if i == len(levels_raw) - 1:
                raise ck.fail((*key, "move_up"), "no rule here: the last level has no level above it")
            move_up = parse_move_up(ck, lv["move_up"], (*key, "move_up"))
        levels.append(
            Level(
                level=number,
                name=ck.text(lv["name"], (*key, "name"), 40),
                dosage=check_dosage(ck, fields, (*key, "dosage"), pace),
                move_up_when=ck.text(lv["move_up_when"], (*key, "move_up_when"), 300),
                move_up=move_up,
                **parse_level_guidance(ck, lv, key, POSITIONS),
            )
        )
    equipment = d["equipment"]
    per_side = ck.boolean(d["per_side"], ("per_side",))
    return Exercise(
        id=ck.ident(d["id"], ("id",)),
        name=ck.text(d["name"], ("name",), 60),
        purpose=ck.text(d["purpose"], ("purpose",), 120),
        position=ck.choice(d["position"], ("position",), POSITIONS),
        per_side=per_side,
        equipment=ck.texts(equipment, ("equipment",), 0, 8, 60),
        steps=ck.texts(d["steps"], ("steps",), 2, 8),
        cues=ck.texts(d["cues"], ("cues",), 1, 6),
        mistakes=ck.texts(d["mistakes"], ("mistakes",), 1, 6),
        caution=ck.text(d["caution"], ("caution",), 600),
        pace=pace,
        levels=tuple(levels),
        sources=ck.texts(d["sources"], ("sources",), 1, 12, 300),
        origin=file,
        **parse_exercise_guidance(ck, d, pace, per_side),
    )


_PROGRAM_KEYS = {"kind", "id", "name", "description", "gentle", "phases"}
_PHASE_KEYS = {"name", "from_week", "until_week", "rest_days", "items"}


def parse_program(data: Any, file: str, line_of: LineOf) -> Program:
    """The Program in `data`, one document of `file`; raises CatalogError on an unknown or missing
    key, phases that do not follow each other from week 1 with the last open-ended, repeated rest
    days or all seven, an empty phase, or an exercise twice in a phase. Whether the exercises exist
    is check_references' job."""
    ck = _Checker(file, line_of)
    d = ck.mapping(data, (), _PROGRAM_KEYS, _PROGRAM_KEYS)
    phases_raw = d["phases"]
    if not isinstance(phases_raw, list) or not phases_raw:
        raise ck.fail(("phases",), "expected a list of at least one phase")
    phases = []
    expected_from = 1
    for i, raw in enumerate(phases_raw):
        key: Key = ("phases", i)
        ph = ck.mapping(raw, key, _PHASE_KEYS, _PHASE_KEYS - {"rest_days"})
        start = ck.integer(ph["from_week"], (*key, "from_week"), 1, 520)
        if start != expected_from:
            raise ck.fail((*key, "from_week"), f"expected {expected_from} (phases follow each other)")
        last = i == len(phases_raw) - 1
        until = ph["until_week"]
        if last:
            if until is not None:
                raise ck.fail((*key, "until_week"), "expected null: the last phase runs on")
        else:
            until = ck.integer(until, (*key, "until_week"), start, 520)
            expected_from = until + 1
        rest_raw = ph.get("rest_days", [])
        if not isinstance(rest_raw, list):
            raise ck.fail((*key, "rest_days"), "expected a list of day numbers 1-7")
        rest = tuple(ck.integer(v, (*key, "rest_days", j), 1, 7) for j, v in enumerate(rest_raw))
        if len(set(rest)) != len(rest) or len(rest) == 7:
            raise ck.fail((*key, "rest_days"), "expected distinct day numbers, fewer than 7")
        items_raw = ph["items"]
        if not isinstance(items_raw, list) or not items_raw:
            raise ck.fail((*key, "items"), "expected a list of at least one item")
        items = []
        seen: set[str] = set()
        for j, it_raw in enumerate(items_raw):
            ikey: Key = (*key, "items", j)
            it = ck.mapping(it_raw, ikey, {"exercise", "level", "dosage"}, {"exercise", "level"})
            ex_id = ck.ident(it["exercise"], (*ikey, "exercise"))
            if ex_id in seen:
                raise ck.fail((*ikey, "exercise"), f"'{ex_id}' is already in this phase")
            seen.add(ex_id)
            dosage = dosage_fields(ck, it.get("dosage", {}), (*ikey, "dosage"), partial=True)
            items.append(ProgramItem(ex_id, ck.integer(it["level"], (*ikey, "level"), 1, 4), dosage))
        phases.append(
            Phase(
                name=ck.text(ph["name"], (*key, "name"), 40),
                from_week=start,
                until_week=until,
                rest_days=rest,
                items=tuple(items),
            )
        )
    return Program(
        id=ck.ident(d["id"], ("id",)),
        name=ck.text(d["name"], ("name",), 40),
        description=ck.text(d["description"], ("description",), 300),
        gentle=ck.boolean(d["gentle"], ("gentle",)),
        phases=tuple(phases),
        origin=file,
    )


def check_references(catalog: Catalog, line_of: Callable[[Program, Key], int | None]) -> None:
    """Every program item must name an existing exercise at an existing level, fitting its pace."""
    for program in catalog.programs.values():
        ck = _Checker(program.origin, partial(line_of, program))
        for pi, phase in enumerate(program.phases):
            for ii, item in enumerate(phase.items):
                key: Key = ("phases", pi, "items", ii)
                ex = catalog.exercises.get(item.exercise)
                if ex is None:
                    known = ", ".join(sorted(catalog.exercises))
                    raise ck.fail((*key, "exercise"), f"unknown exercise '{item.exercise}'; known: {known}")
                if item.level > len(ex.levels):
                    raise ck.fail(
                        (*key, "level"), f"'{ex.id}' has levels 1 to {len(ex.levels)}, not {item.level}"
                    )
                merged = {**_dosage_dict(ex.level(item.level).dosage), **dict(item.dosage)}
                check_dosage(ck, merged, (*key, "dosage"), ex.pace)


def _dosage_dict(d: Dosage) -> dict[str, int]:
    out = {"sets": d.sets, "rest_rep_s": d.rest_rep_s, "rest_set_s": d.rest_set_s}
    for k in ("reps", "seconds", "hold_s", "tempo_s"):
        v = getattr(d, k)
        if v is not None:
            out[k] = v
    if d.rest_rep_s == 0:
        del out["rest_rep_s"]
    return out

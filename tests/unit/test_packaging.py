"""The declared dependencies, the pinned test environment and the floors agree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from footbase_tui.commands.doctor_cmd import declared_range, in_range

ROOT = Path(__file__).parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DEPENDENCIES: list[str] = PROJECT["project"]["dependencies"]


def _pins(name: str) -> dict[str, str]:
    text = (ROOT / "constraints" / name).read_text(encoding="utf-8")
    pins = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            package, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", package).lower()] = version.strip()
    return pins


def _name(requirement: str) -> str:
    found = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert found
    return re.sub(r"[-_.]+", "-", found.group(0)).lower()


def test_what_is_imported_is_declared() -> None:
    names = {_name(r) for r in DEPENDENCIES}
    assert {"textual", "rich", "tzdata", "tinydb", "pyyaml", "orjson", "pendulum", "platformdirs"} <= names
    assert declared_range(DEPENDENCIES, "textual") == [(">=", (8, 2, 5)), ("<", (9,))]


def test_the_floors_file_pins_every_floor_and_nothing_else() -> None:
    oldest = _pins("oldest.txt")
    assert set(oldest) == {_name(r) for r in DEPENDENCIES}
    for requirement in DEPENDENCIES:
        bounds = declared_range([requirement], _name(requirement))
        floor = next(v for op, v in bounds if op == ">=")
        pinned = tuple(int(n) for n in oldest[_name(requirement)].split(".")[: len(floor)])
        assert pinned == floor, f"{requirement}: constraints/oldest.txt pins {oldest[_name(requirement)]}"


def test_the_test_environment_pins_every_dependency_within_its_range() -> None:
    locked = _pins("test.txt")
    for requirement in DEPENDENCIES:
        name = _name(requirement)
        assert name in locked, f"{name} is not pinned in constraints/test.txt: run 'make lock'"
        version = tuple(int(n) for n in re.findall(r"\d+", locked[name])[:3])
        assert in_range(version, declared_range([requirement], name)), f"{name}=={locked[name]}"


def test_the_sdist_ships_what_make_test_and_man_need() -> None:
    include = PROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert {"constraints", "man", "Makefile", "tests"} <= set(include)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-c $(CONSTRAINTS)" in makefile and "constraints/oldest.txt" in makefile

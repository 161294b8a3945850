"""A program ramp people can keep: each phase's days and minutes, from the countdown engine."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

import pytest

from footbase_tui.catalog_files import load_catalog
from footbase_tui.core.catalog import Catalog, Phase, ProgramItem
from footbase_tui.core.program_load import phase_seconds, program_load
from tests.conftest import Result

Run = Callable[..., Result]
MAX_MINUTES = 25.5  # "at most about 25 minutes a day"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_minutes_are_the_walkthroughs_own_phases(catalog: Catalog) -> None:
    walk = Phase("x", 1, None, (), (ProgramItem("barefoot-walk", 1),))
    assert phase_seconds(catalog, walk) == 5 + 600  # get ready, then ten minutes
    glove = Phase("x", 1, None, (), (ProgramItem("toe-spread-glove", 1),))
    # get ready 5; per foot 3 sets of (10 + 2 + 10) with 2 rests of 5; one switch of 15
    assert phase_seconds(catalog, glove) == 5 + 2 * (3 * 22 + 2 * 5) + 15


def test_foundation_stays_within_its_stated_bounds(catalog: Catalog) -> None:
    loads = program_load(catalog, catalog.programs["foundation"])
    assert 15 <= loads[0].minutes <= 20  # "about 18 minutes a day" for the basics
    for load in loads:
        assert load.minutes <= MAX_MINUTES, load
    maintain = loads[-1]
    assert maintain.until_week is None and 3 <= maintain.days_per_week <= 5


def test_foundation_changes_one_thing_per_exercise_at_a_time(catalog: Catalog) -> None:
    phases = catalog.programs["foundation"].phases
    for before, after in pairwise(phases):
        old = {i.exercise: i for i in before.items}
        for item in after.items:
            if item.exercise in old:
                step = item.level - old[item.exercise].level
                assert 0 <= step <= 1, (after.name, item.exercise)
                if step == 0:
                    assert item.dosage == old[item.exercise].dosage, (after.name, item.exercise)
        added = [i.exercise for i in after.items if i.exercise not in old]
        assert len(added) <= 3, after.name


def test_maintenance_keeps_the_basics_and_holds_the_levels(catalog: Catalog) -> None:
    phases = catalog.programs["foundation"].phases
    last, maintain = phases[-2], phases[-1]
    ids = [i.exercise for i in maintain.items]
    assert "towel-curls" in ids and "toe-spread-glove" in ids
    before = {i.exercise: i for i in last.items}
    for item in maintain.items:
        assert item.exercise in before and item.level <= before[item.exercise].level


def test_program_show_prints_days_and_minutes_per_phase(run: Run, catalog: Catalog) -> None:
    r = run("program", "show", "foundation")
    assert r.code == 0, r.err
    loads = program_load(catalog, catalog.programs["foundation"])
    lines = [line for line in r.out.splitlines() if " days a week, about " in line]
    assert len(lines) == len(loads)
    for line, load in zip(lines, loads, strict=True):
        assert line.startswith(load.name)
        found = re.search(r"(\d) days a week, about (\d+) min a day", line)
        assert found is not None, line
        assert (int(found[1]), int(found[2])) == (load.days_per_week, round(load.minutes))
    assert "week 7 on" in r.out
    mine = run("program", "show")
    assert mine.code == 0 and mine.out.startswith("Foundation (foundation)")


def test_program_show_refuses_an_unknown_program(run: Run) -> None:
    r = run("program", "show", "nope")
    assert r.code == 2 and "no program called 'nope'" in r.err and r.out == ""
    assert run("program", "foundation", "desk-five").code == 2


def test_the_gentle_program_takes_what_its_description_says(catalog: Catalog) -> None:
    gentle = catalog.gentle_program()
    assert gentle is not None and "About seven minutes" in gentle.description
    [load] = program_load(catalog, gentle)
    assert 6 <= load.minutes <= 8

"""Catalog text that is right and matches the walkthrough: stop rules, levels, sides, holds."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from footbase_tui.catalog_files import builtin_catalog_dir, check_path, load_catalog
from footbase_tui.core.catalog import Catalog
from footbase_tui.core.errors import CatalogError
from footbase_tui.core.routine import dosage_line
from footbase_tui.tui.widgets.exercise_detail import detail_text
from tests.conftest import Result

Run = Callable[..., Result]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_at_least_thirteen_exercises_with_a_calf_stretch(catalog: Catalog) -> None:
    assert len(catalog.exercises) >= 13
    assert "calf-stretch" in catalog.exercises


def test_every_stop_rule_watches_the_back_and_the_legs(catalog: Catalog) -> None:
    for ex in catalog.exercises.values():
        rule = ex.caution.lower()
        assert "back pain rises by 2 points or more" in rule, ex.id
        assert "spreads down a leg" in rule, ex.id


def test_no_stop_if_is_doubled_anywhere_it_is_shown(catalog: Catalog, run: Run) -> None:
    doubled = re.compile(r"stop if\W+stop if", re.IGNORECASE)
    for ex in catalog.exercises.values():
        for lv in ex.levels:
            assert not doubled.search(detail_text(ex, lv.level).plain), (ex.id, lv.level)
        shown = run("catalog", "show", ex.id)
        assert shown.code == 0 and not doubled.search(shown.out), ex.id


def test_heel_and_toe_walks_carry_the_nerve_cue(catalog: Catalog) -> None:
    assert "one forefoot cannot lift as high as the other" in catalog.exercises["heel-walks"].caution
    assert "one heel cannot rise as high as the other" in catalog.exercises["toe-walks"].caution
    for ex_id in ("heel-walks", "toe-walks"):
        assert "get it checked" in catalog.exercises[ex_id].caution


def test_only_the_current_levels_position_steps_and_equipment_are_shown(catalog: Catalog) -> None:
    short_foot = catalog.exercises["short-foot"]
    one, two = detail_text(short_foot, 1).plain, detail_text(short_foot, 2).plain
    assert "Seated, each foot in turn" in one and "Standing" not in one.split("Steps")[0].split("\n", 1)[1]
    assert "Standing, each foot in turn" in two and "Stand with your weight on both feet" in two
    assert "Sit with your foot flat" not in two
    bands = catalog.exercises["toe-spread-out"]
    assert "rubber band" not in detail_text(bands, 1).plain
    assert "Two thick rubber bands" in detail_text(bands, 3).plain
    for ex in catalog.exercises.values():
        for item in ex.equipment + tuple(s for lv in ex.levels for s in lv.steps):
            assert not re.search(r"\(level \d\)|at level \d|from level \d", item, re.IGNORECASE), ex.id


def test_the_levels_made_safe(catalog: Catalog) -> None:
    toe = catalog.exercises["toe-walks"]
    backwards = " ".join(toe.steps_at(3))
    assert "backward" in backwards and "hand resting on it the whole time" in backwards
    assert "unsteady" in toe.caution
    balance = catalog.exercises["single-leg-balance"]
    closed = " ".join(balance.steps_at(3))
    assert (
        "close your eyes" in closed and "keep it there the whole time" in closed and "chair behind" in closed
    )
    walk = catalog.exercises["barefoot-walk"]
    for lower, upper in zip(walk.levels, walk.levels[1:], strict=False):
        longer = upper.dosage.seconds != lower.dosage.seconds
        new_ground = upper.level >= 3 and lower.name.split(",")[0] != upper.name.split(",")[0]
        assert not (longer and new_ground), upper.name  # one change at a time


def test_sides_switch_and_named_holds_come_from_the_catalog(catalog: Catalog) -> None:
    glove = catalog.exercises["toe-spread-glove"]
    assert (glove.sides, glove.holds) == ("block", ("SQUEEZE", "SPREAD"))
    assert 10 <= glove.switch_s <= 15
    assert catalog.exercises["toe-yoga"].holds == ("BIG TOES UP", "SMALL TOES UP")
    assert "all sets on one foot, then the other" in detail_text(glove, 1).plain
    for ex in catalog.exercises.values():
        for step in ex.steps + tuple(s for lv in ex.levels for s in lv.steps):
            assert "all three sets" not in step.lower(), ex.id  # a program may ask for two


def test_the_dosage_line_shows_tempo_and_rest(catalog: Catalog) -> None:
    raises = catalog.exercises["heel-raises"].level(1).dosage
    assert dosage_line(raises, False) == "2 x 10 reps · 3 s per rep · rest 30 s between sets"
    spread = catalog.exercises["toe-spread-out"].level(2).dosage
    assert dosage_line(spread, False) == "2 x 10 reps, hold 5 s · rest 3 s between reps, 20 s between sets"
    assert "rest" not in dosage_line(catalog.exercises["barefoot-walk"].level(1).dosage, False)


GOOD = (builtin_catalog_dir() / "exercises" / "toe-spread-glove.yaml").read_text()


@pytest.mark.parametrize(
    ("edit", "field", "expected"),
    [
        (lambda t: t.replace("sides: block", "sides: both"), "sides", "one of alternate, block"),
        (lambda t: t.replace("switch_s: 15", "switch_s: 1"), "switch_s", "3 to 60"),
        (lambda t: t.replace("per_side: true", "per_side: false"), "sides", "per_side: true"),
        (lambda t: t.replace("holds: [SQUEEZE, SPREAD]", "holds: [squeeze, SPREAD]"), "holds.0", "capital"),
        (lambda t: t.replace("holds: [SQUEEZE, SPREAD]", "holds: [SQUEEZE]"), "holds", "2 to 4"),
        (lambda t: t.replace("pace: hold", "pace: manual"), "levels.0.dosage.hold_s", "does not belong"),
        (
            lambda t: t.replace(
                "    name: Longer holds, toes lead\n", "    name: Longer\n    position: lying\n"
            ),
            "levels.1.position",
            "seated, standing",
        ),
        (
            lambda t: t.replace(
                "    name: Longer holds, toes lead\n", "    name: Longer\n    equipment: []\n"
            ),
            "levels.1.equipment",
            "1 to 4",
        ),
    ],
)
def test_a_bad_guidance_field_is_one_precise_error(
    tmp_path: Path, edit: Callable[[str], str], field: str, expected: str
) -> None:
    text = edit(GOOD)
    assert text != GOOD
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        check_path(path)
    assert err.value.field == field and expected in err.value.expected


SHOPS_AND_CONTENT = (
    "askvity",
    "newsbytesapp",
    "shoetalk",
    "lemsshoes",
    "terrun",
    "barefootshoes",
    "thebarefootsole",
)


def test_every_dosage_says_where_it_comes_from(catalog: Catalog) -> None:
    for ex in catalog.exercises.values():
        said = [s for s in ex.sources if s.startswith(("Dosage", "Times per level", "Holds of"))]
        assert len(said) == 1, ex.id
        if any(shop in s for s in ex.sources for shop in SHOPS_AND_CONTENT):
            # a shop or content page is named: the note says what it is used for, or that
            # the dosage is footbase's own choice
            assert "own choice" in said[0] or "used only for" in said[0], ex.id

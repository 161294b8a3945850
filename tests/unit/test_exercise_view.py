"""One exercise at one level as plain data: what Today, the walkthrough and `catalog show` draw."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from footbase_tui.catalog_files import load_catalog
from footbase_tui.core.catalog import Catalog, Dosage
from footbase_tui.core.exercise_view import catalog_lines, exercise_view
from footbase_tui.tui.widgets.exercise_detail import detail_text
from tests.conftest import Result

Run = Callable[..., Result]
DOUBLED = re.compile(r"stop if\W+stop if", re.IGNORECASE)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_only_the_current_levels_steps_position_and_equipment(catalog: Catalog) -> None:
    short_foot = catalog.exercises["short-foot"]
    one, two = exercise_view(short_foot, 1), exercise_view(short_foot, 2)
    assert one.steps == short_foot.steps and one.position == "Seated, each foot in turn."
    assert two.steps == short_foot.levels[1].steps and two.position == "Standing, each foot in turn."
    assert not set(one.steps) & {two.steps[0]}
    bands = catalog.exercises["toe-spread-out"]
    assert "rubber band" not in exercise_view(bands, 1).equipment
    assert "Two thick rubber bands" in exercise_view(bands, 3).equipment
    assert exercise_view(short_foot, 1).equipment == "none"


def test_the_level_is_clamped_and_todays_dosage_wins(catalog: Catalog) -> None:
    ex = catalog.exercises["short-foot"]
    top = exercise_view(ex, 99)
    assert (top.level, top.level_name) == (len(ex.levels), ex.levels[-1].name)
    assert exercise_view(ex, 0).level == 1
    today = exercise_view(ex, 1, Dosage(sets=2, reps=4, hold_s=3))
    assert today.dosage.startswith("2 x 4 reps") and not exercise_view(ex, 1).dosage.startswith("2 x 4")
    assert exercise_view(ex, 1, note="", progress="").note is None
    assert exercise_view(ex, 1, progress="").progress is None


def test_the_stop_rule_is_said_once_and_never_doubled(catalog: Catalog) -> None:
    for ex in catalog.exercises.values():
        views = [exercise_view(ex, lv.level) for lv in ex.levels]
        assert all(v.stop_rule == ex.caution for v in views), ex.id
        text = "\n".join(catalog_lines(views))
        assert text.count("When to stop") == 1 and not DOUBLED.search(text), ex.id
        shown = detail_text(ex, ex.levels[-1].level).plain
        assert shown.count("When to stop") == 1 and not DOUBLED.search(shown), ex.id


def test_the_catalog_text_gives_each_levels_own_steps_once(catalog: Catalog) -> None:
    ex = catalog.exercises["short-foot"]
    lines = catalog_lines([exercise_view(ex, lv.level) for lv in ex.levels])
    assert lines[0] == f"{ex.name} ({ex.id})"
    for lv in ex.levels:
        assert any(line.startswith(f"  {lv.level}. {lv.name}: ") for line in lines), lv.name
    assert "     Standing, each foot in turn. Equipment: none" in lines
    # level 2 and level 3 change the steps, level 4 keeps level 3's: said twice, not three times
    assert lines.count("     steps at this level:") == 2
    assert sum(ex.levels[2].steps[0] in line for line in lines) == 1
    with pytest.raises(ValueError):
        catalog_lines([])


def test_catalog_show_prints_the_view(run: Run, catalog: Catalog) -> None:
    ex = catalog.exercises["short-foot"]
    out = run("catalog", "show", "short-foot").out
    assert out.splitlines() == catalog_lines([exercise_view(ex, lv.level) for lv in ex.levels])

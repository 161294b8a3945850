"""The built-in catalog is complete, and a bad catalog file gets one precise message."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from footbase_tui.catalog_files import builtin_catalog_dir, check_path, load_catalog
from footbase_tui.core.catalog import Catalog
from footbase_tui.core.errors import CatalogError, YamlError
from footbase_tui.core.routine import plan_day

BASICS = ["barefoot-walk", "toe-spread-glove", "towel-curls", "short-foot"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_the_four_basics_and_at_least_eight_more(catalog: Catalog) -> None:
    for ex_id in BASICS:
        assert ex_id in catalog.exercises
    assert len(set(catalog.exercises) - set(BASICS)) >= 8


def test_every_exercise_is_complete(catalog: Catalog) -> None:
    for ex in catalog.exercises.values():
        assert 2 <= len(ex.levels) <= 4, ex.id
        assert ex.sources and ex.steps and ex.cues and ex.mistakes and ex.caution
        for lv in ex.levels:
            assert lv.move_up_when
            d = lv.dosage
            assert (d.seconds is None) != (d.reps is None), ex.id
            if ex.pace == "hold":
                assert d.hold_s
            if ex.pace == "tempo":
                assert d.tempo_s


def test_foundation_starts_with_the_basics_and_plans_rest(catalog: Catalog) -> None:
    program = catalog.programs["foundation"]
    start = date(2026, 3, 2)
    day1 = plan_day(catalog, program, start, start)
    assert [i.id for i in day1.items] == BASICS
    assert all(i.level == 1 for i in day1.items)
    week1 = [plan_day(catalog, program, start, start + timedelta(days=n)) for n in range(7)]
    assert sum(r.rest_day for r in week1) >= 1
    week3 = plan_day(catalog, program, start, start + timedelta(days=14))
    assert len(week3.items) > len(day1.items)
    week4 = plan_day(catalog, program, start, start + timedelta(days=21))
    assert max(i.level for i in week4.items) >= 2
    maintenance = [plan_day(catalog, program, start, start + timedelta(days=7 * 6 + n)) for n in range(7)]
    practice = [r for r in maintenance if not r.rest_day]
    assert 3 <= len(practice) <= 5
    assert maintenance[0].phase != week1[0].phase
    before = plan_day(catalog, program, start, start - timedelta(days=1))
    assert before.before_start and not before.items


def test_the_gentle_program_is_short_and_seated(catalog: Catalog) -> None:
    gentle = catalog.gentle_program()
    assert gentle is not None
    day = plan_day(catalog, gentle, date(2026, 1, 1), date(2026, 5, 5))
    assert all(i.exercise.position == "seated" for i in day.items)
    seconds = 0
    for i in day.items:
        d = i.dosage
        per_set = (d.seconds or 0) + (d.reps or 0) * ((d.hold_s or 0) + d.rest_rep_s + (d.tempo_s or 0))
        sides = 2 if i.exercise.per_side else 1
        seconds += sides * (d.sets * per_set + (d.sets - 1) * d.rest_set_s)
    assert 3 * 60 <= seconds <= 7 * 60


GOOD = (builtin_catalog_dir() / "exercises" / "short-foot.yaml").read_text()


def _write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("edit", "field", "expected"),
    [
        (lambda t: t.replace("per_side: true", "per_side: maybe"), "per_side", "true or false"),
        (lambda t: t.replace("pace: hold", "pace: slow"), "pace", "one of hold, tempo"),
        (lambda t: t.replace("position: seated", "position: lying"), "position", "seated"),
        (lambda t: t.replace("id: short-foot", "id: Short Foot"), "id", "lower-case"),
        (lambda t: t.replace("hold_s: 3", "hold_s: 500"), "levels.0.dosage.hold_s", "1 to 120"),
        (lambda t: t.replace("hold_s: 3", "hold_s: three"), "levels.0.dosage.hold_s", "whole number"),
        (
            lambda t: t.replace("hold_s: 3", "seconds: 3"),
            "levels.0.dosage.seconds",
            "does not belong to pace 'hold'",
        ),
        (lambda t: t + "colour: red\n", "colour", "unknown key"),
        (
            lambda t: t.replace("name: Short-foot (arch activation)", 'name: "\\x1b]0;pwned\\x07Short"'),
            "name",
            "plain text",
        ),
    ],
)
def test_a_bad_field_names_file_line_field_and_expectation(
    tmp_path: Path, edit: object, field: str, expected: str
) -> None:
    text = edit(GOOD)  # type: ignore[operator]
    assert text != GOOD
    path = _write(tmp_path, text)
    with pytest.raises(CatalogError) as err:
        check_path(path)
    e = err.value
    assert e.file == str(path)
    assert e.field == field
    assert expected in e.expected
    assert e.line is not None and e.line > 1
    assert str(e).startswith(f"{path}:{e.line}: {field}: ")


def test_the_line_points_at_the_bad_value(tmp_path: Path) -> None:
    text = GOOD.replace("per_side: true", "per_side: 3")
    with pytest.raises(CatalogError) as err:
        check_path(_write(tmp_path, text))
    assert err.value.line == _line_of(text, "per_side: 3")


def test_a_missing_field(tmp_path: Path) -> None:
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith("caution:"))
    with pytest.raises(CatalogError, match="missing required key 'caution'"):
        check_path(_write(tmp_path, text))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind: exercise\nid: a\nid: b\n", "'id' is given twice"),
        ("a: &x [1, 2]\nb: *x\n", "anchors and aliases"),
        ("kind: exercise\n  bad: indent\n: x", "not valid YAML"),
        ("", "the file is empty"),
    ],
)
def test_unsafe_or_broken_yaml(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises((YamlError, CatalogError), match=message):
        check_path(_write(tmp_path, text))


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        cur = chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    with pytest.raises(YamlError, match="anchors and aliases"):
        check_path(_write(tmp_path, "\n".join(lines) + "\n"))


def test_a_program_naming_an_unknown_exercise(tmp_path: Path) -> None:
    text = (builtin_catalog_dir() / "programs" / "desk-five.yaml").read_text()
    text = text.replace("id: desk-five", "id: mine").replace("ankle-alphabet", "ankle-yoga")
    path = _write(tmp_path, text)
    with pytest.raises(CatalogError) as err:
        check_path(path)
    assert "unknown exercise 'ankle-yoga'" in str(err.value)
    assert err.value.line == _line_of(text, "ankle-yoga")


def test_user_files_override_and_extend_the_builtin_catalog(tmp_path: Path) -> None:
    user = tmp_path / "catalog"
    user.mkdir()
    _write(user, GOOD.replace("name: Short-foot (arch activation)", "name: My short foot"), "short-foot.yaml")
    _write(user, GOOD.replace("id: short-foot", "id: my-arch"), "my-arch.yaml")
    catalog = load_catalog(user)
    assert catalog.exercises["short-foot"].name == "My short foot"
    assert "my-arch" in catalog.exercises
    assert len(catalog.exercises) == len(load_catalog().exercises) + 1


def test_the_same_id_twice_in_one_folder_is_an_error(tmp_path: Path) -> None:
    user = tmp_path / "catalog"
    user.mkdir()
    _write(user, GOOD, "a.yaml")
    _write(user, GOOD, "b.yaml")
    with pytest.raises(CatalogError, match="unique id"):
        load_catalog(user)


def test_the_catalog_cache_follows_the_files(tmp_path: Path) -> None:
    from footbase_tui.catalog_files import cached_catalog

    user = tmp_path / "catalog"
    user.mkdir()
    cache = tmp_path / "cache"
    first = cached_catalog(user, cache)
    [pickled] = list(cache.glob("catalog-*.pickle"))
    assert pickled.stat().st_mode & 0o777 == 0o600 and cache.stat().st_mode & 0o777 == 0o700
    assert cached_catalog(user, cache) == first
    _write(user, GOOD.replace("name: Short-foot (arch activation)", "name: Changed"), "s.yaml")
    assert cached_catalog(user, cache).exercises["short-foot"].name == "Changed"
    assert len(list(cache.glob("catalog-*.pickle"))) == 1
    # A damaged cache file is rebuilt, not trusted.
    [pickled] = list(cache.glob("catalog-*.pickle"))
    pickled.write_bytes(b"garbage")
    assert cached_catalog(user, cache).exercises["short-foot"].name == "Changed"
    # So is one under the right name made for other files (the name is only a checksum of
    # the files' list), or in the old shape (a bare catalog).
    import pickle

    for stale in (("another footbase's files", first), first):
        pickled.write_bytes(pickle.dumps(stale))
        assert cached_catalog(user, cache).exercises["short-foot"].name == "Changed"
    # A bad user file is still reported, cache or not.
    _write(user, "kind: exercise\nid: x\n", "bad.yaml")
    with pytest.raises(CatalogError):
        cached_catalog(user, cache)

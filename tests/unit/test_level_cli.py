"""`footbase level`, `today --json` levels, and level changes in the store and in exports."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from footbase_tui.context import Context
from footbase_tui.core.records import LevelChange, new_id
from footbase_tui.errors import NotSaved
from footbase_tui.store.shape import first_damage, parse_tables
from tests.conftest import Result
from tests.unit.test_exchange import one_line_error, run_in

Run = Callable[..., Result]


@pytest.fixture
def practised(run: Run, ctx: Context) -> Context:
    """Foundation from Tue 02-03: every planned day of week 4 done; today (03-03) is the
    first day of week 5 (Strengthen), which allows short-foot at level 2."""
    assert run("program", "foundation", "--start", "2026-02-03").code == 0
    for day in ("2026-02-24", "2026-02-25", "2026-02-26", "2026-02-28", "2026-03-01"):
        assert run("done", "--all", "--date", day).code == 0, day
    return ctx


def _items(run: Run) -> dict[str, dict[str, object]]:
    r = run("today", "--json")
    assert r.code == 0, r.err
    return {i["exercise"]: i for i in json.loads(r.out)["items"]}


def test_today_json_shows_level_progress_and_the_suggestion(run: Run, practised: Context) -> None:
    items = _items(run)
    sf = items["short-foot"]
    assert (sf["level"], sf["own_level"], sf["ceiling"]) == (1, 1, 2)
    assert sf["move_up"] == {"done": 5, "needed": 5, "within_days": 10, "met": True, "text": "5 of 5"}
    assert sf["suggestion"] == {"to": 2, "why": "rule", "text": "5 of 5 sessions done: ready for level 2"}
    tg = items["toe-spread-glove"]  # met too, but Strengthen still allows only level 1
    assert tg["move_up"]["met"] is True and tg["suggestion"] is None  # type: ignore[index]
    hr = items["heel-raises"]  # at level 2 since week 4 would be allowed, but not yet chosen
    assert hr["move_up"]["met"] is True and hr["suggestion"]["to"] == 2  # type: ignore[index]
    assert (
        "short-foot: 5 of 5 sessions done: ready for level 2 (footbase level short-foot up)"
        in run("today").out
    )


def test_level_up_accepts_the_suggestion_and_the_ceiling_holds(run: Run, practised: Context) -> None:
    r = run("level", "short-foot", "up")
    assert (r.code, r.out, r.err) == (0, "short-foot: level 1 -> 2 (Standing, both feet)\n", "")
    change = practised.store.load().level_changes[-1]
    assert (change.exercise, change.from_level, change.to_level, change.why) == (
        "short-foot",
        1,
        2,
        "accepted",
    )
    sf = _items(run)["short-foot"]
    assert (sf["level"], sf["sets"], sf["reps"], sf["hold_s"]) == (
        2,
        2,
        6,
        5,
    )  # the phase's dosage at level 2
    assert sf["move_up"]["text"] == "0 of 5" and sf["suggestion"] is None  # type: ignore[index]
    before = practised.paths.db.read_bytes()
    r = run("level", "short-foot", "up")
    one_line_error(r)
    assert "highest Foundation allows in week 5" in r.err
    assert practised.paths.db.read_bytes() == before


def test_level_down_and_hold(run: Run, practised: Context) -> None:
    assert run("level", "heel-raises", "up").code == 0
    r = run("level", "heel-raises", "down")
    assert r.out.startswith("heel-raises: level 2 -> 1 (")
    assert practised.store.load().level_changes[-1].why == "down"
    r = run("level", "short-foot", "hold")
    assert r.out == "short-foot stays at level 1 (Seated); the move-up rule counts again from now (0 of 5)\n"
    sf = _items(run)["short-foot"]
    assert sf["move_up"]["text"] == "0 of 5" and sf["suggestion"] is None  # type: ignore[index]
    assert [c.why for c in practised.store.load().level_changes] == ["accepted", "down", "hold"]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["level", "short-foot", "sideways"], "invalid choice"),
        (["level", "no-such", "up"], "no exercise called 'no-such'"),
        (["level", "short-foot", "down"], "already at level 1"),
        (["level", "heel-walks", "up"], "not part of Foundation yet"),
        (["level", "short-foot"], "required"),
        (["level", "\x1b]0;pwned\x07short-foot", "up"], "no exercise called"),
    ],
)
def test_bad_level_input_is_one_line_exit_2_and_writes_nothing(
    run: Run, practised: Context, argv: list[str], says: str
) -> None:
    before = practised.paths.db.read_bytes()
    r = run(*argv)
    one_line_error(r)
    assert says in r.err and "\x1b" not in r.err and "\x07" not in r.err, r.err
    assert practised.paths.db.read_bytes() == before


def _change(ex: str, frm: int, to: int, why: str, at: str = "2026-03-03T08:00:00Z") -> LevelChange:
    return LevelChange(new_id(), ex, frm, to, why, at, "Europe/Berlin", date(2026, 3, 3))


def test_a_change_from_a_stale_level_is_refused(ctx: Context) -> None:
    ctx.store.change_level(_change("short-foot", 1, 2, "up"))
    before = ctx.paths.db.read_bytes()
    with pytest.raises(NotSaved, match="at level 2 now"):
        ctx.store.change_level(_change("short-foot", 1, 2, "up", "2026-03-03T08:01:00Z"))
    assert ctx.paths.db.read_bytes() == before
    assert [c.to_level for c in ctx.store.load().level_changes] == [2]


def test_a_damaged_level_record_is_found(ctx: Context) -> None:
    ctx.store.change_level(_change("short-foot", 1, 2, "up"))
    raw = ctx.paths.db.read_bytes()
    assert first_damage(parse_tables(raw)) is None
    bad = raw.replace(b'"to":2', b'"to":4')
    assert "level change from 1 to 4" in str(first_damage(parse_tables(bad)))


def test_level_changes_export_and_import_idempotently(run: Run, practised: Context, tmp_path: Path) -> None:
    assert run("level", "short-foot", "up").code == 0
    assert run("level", "towel-curls", "hold").code == 0
    path = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(path)).code == 0
    data = json.loads(path.read_text())
    assert [(c["ex"], c["from"], c["to"], c["why"]) for c in data["levels"]] == [
        ("short-foot", 1, 2, "accepted"),
        ("towel-curls", 1, 1, "hold"),
    ]
    other = tmp_path / "other" / "footbase.json"
    first = run_in(practised, other, "import", str(path))
    assert first.code == 0, first.err
    assert run_in(practised, other, "import", str(path)).out.startswith("imported: 0 added, 0 updated,")
    assert run_in(practised, other, "export", "--format", "json").out == path.read_text()
    old = dict(data)
    old.pop("levels")  # an export from before levels still imports
    path.write_text(json.dumps(old))
    assert run_in(practised, tmp_path / "third" / "footbase.json", "import", str(path)).code == 0


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("to", 4, "level change from 1 to 4"),
        ("why", "bored", "reason 'bored'"),
        ("tz", "Mars/X", "time zone"),
    ],
)
def test_a_bad_level_change_in_an_import_is_refused(
    run: Run, practised: Context, tmp_path: Path, field: str, value: object, says: str
) -> None:
    assert run("level", "short-foot", "up").code == 0
    path = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(path)).code == 0
    data = json.loads(path.read_text())
    data["levels"][0][field] = value
    path.write_text(json.dumps(data))
    before = practised.paths.db.read_bytes()
    r = run("import", str(path))
    one_line_error(r)
    assert says in r.err, r.err
    assert practised.paths.db.read_bytes() == before


def test_today_names_persistent_pain_and_json_carries_it(run: Run, practised: Context) -> None:
    assert json.loads(run("today", "--json").out)["pain_note"] is None
    for at in ("2026-02-27T08:00", "2026-03-01T08:00", "2026-03-03T07:00"):
        assert run("pain", "8", "--at", at).code == 0
    note = json.loads(run("today", "--json").out)["pain_note"]
    assert note["sign"] == "severe" and "3 of the last 7 days" in note["reason"]
    assert "GP or physiotherapist" in note["text"]
    assert "A note: pain of 7 or more on 3 of the last 7 days." in run("today").out


def test_the_levels_table_appears_only_with_the_first_change(run: Run, practised: Context) -> None:
    """A store without level changes stays one a footbase from before levels can write."""
    assert "levels" not in json.loads(practised.paths.db.read_bytes())
    assert run("level", "short-foot", "up").code == 0
    assert len(json.loads(practised.paths.db.read_bytes())["levels"]) == 1
    assert run("pain", "3").code == 0
    assert len(json.loads(practised.paths.db.read_bytes())["levels"]) == 1


def test_two_footbases_moving_the_same_level_up_change_it_once(run: Run, practised: Context) -> None:
    """Both read level 1; the second to save is refused (not saved, one line, exit 1)."""
    from footbase_tui.progression import Progression

    other = Context(practised.paths, clock=practised.clock, lock_timeout=0.5)
    stale = other.store.load()
    routine = other.practice.planned(stale, other.today())
    assert run("level", "short-foot", "up").code == 0
    before = practised.paths.db.read_bytes()
    with pytest.raises(NotSaved, match="short-foot is at level 2 now"):
        Progression(other).change(stale, "short-foot", "up", routine)
    assert practised.paths.db.read_bytes() == before
    assert [c.to_level for c in practised.store.load().level_changes] == [2]

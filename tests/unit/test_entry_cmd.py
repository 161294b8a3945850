"""`footbase edit`, `delete` and `undo`: fixing a quick entry's typo from the shell."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from typing import Any

import pytest

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import PainEntry
from tests.conftest import Result

Run = Callable[..., Result]


def journal(run: Run) -> list[dict[str, Any]]:
    r = run("journal", "--json")
    assert r.code == 0, r.err
    return list(json.loads(r.out))


def one_line_error(r: Result, code: int = 2) -> None:
    assert r.code == code, (r.out, r.err)
    assert r.err.count("\n") == 1 and r.err.startswith("footbase") and "Traceback" not in r.err


@pytest.fixture
def logged(run: Run) -> dict[str, Any]:
    assert run("pain", "7", "--where", "low-back", "--context", "sitting", "--note", "tpyo").code == 0
    [entry] = journal(run)
    return entry


def test_edit_changes_what_is_asked_and_says_so_in_one_line(run: Run, logged: dict[str, Any]) -> None:
    r = run("edit", logged["id"][:8], "--level", "4", "--note", "typo fixed", "--where", "neck,hip")
    assert r.code == 0, r.err
    assert r.out == (
        f"edited pain {logged['id'][:8]} (today 09:00): "
        "level 7 -> 4, where low-back -> neck,hip, note changed\n"
    )
    [after] = journal(run)
    assert (after["level"], after["where"], after["context"], after["note"]) == (
        4,
        ["neck", "hip"],
        "sitting",
        "typo fixed",
    )
    assert after["id"] == logged["id"] and after["at"] == logged["at"]


def test_edit_the_time_the_context_and_a_note_from_stdin(run: Run, logged: dict[str, Any]) -> None:
    r = run(
        "edit", logged["id"], "--at", "yesterday 21:00", "--context", "", "--note", "-", stdin="from stdin\n"
    )
    assert r.code == 0, r.err
    assert "context sitting -> -" in r.out and "note changed" in r.out and "time " in r.out
    [after] = journal(run)
    assert after["date"] == "2026-03-02" and after["at"].startswith("2026-03-02T21:00")
    assert after["context"] is None and after["note"] == "from stdin"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["edit", "zzzz", "--level", "3"], "no pain entry has an id starting with 'zzzz'"),
        (["edit", "ab", "--level", "3"], "at least 4 characters"),
        (["edit", "{id}"], "nothing to change"),
        (["edit", "{id}", "--where", "moon"], "unknown location 'moon'"),
        (["edit", "{id}", "--context", "dancing"], "unknown context 'dancing'"),
        (["edit", "{id}", "--at", "tomorrow 09:00"], "not a time"),
        (["edit", "{id}", "--level", "11"], "LEVEL must be a whole number"),
        (["delete", "0000"], "no pain entry"),
    ],
)
def test_bad_edits_are_one_line_exit_2_and_write_nothing(
    run: Run, ctx: Context, logged: dict[str, Any], argv: list[str], says: str
) -> None:
    before = ctx.paths.db.read_bytes()
    r = run(*[a.replace("{id}", logged["id"]) for a in argv])
    one_line_error(r)
    assert says in r.err
    assert ctx.paths.db.read_bytes() == before


def test_an_ambiguous_prefix_is_refused(run: Run, ctx: Context) -> None:
    for rid in ("abcd1111-0000-4000-8000-000000000000", "abcd2222-0000-4000-8000-000000000000"):
        ctx.store.add_pain(PainEntry(rid, "2026-03-03T07:00:00Z", "Europe/Berlin", ctx.today(), 3))
    r = run("delete", "abcd")
    one_line_error(r)
    assert "is the start of 2 entries' ids" in r.err
    assert len(journal(run)) == 2
    assert run("delete", "ABCD1").code == 0  # case does not matter; unique is enough
    assert [e["id"][:5] for e in journal(run)] == ["abcd2"]


def test_delete_then_undo_brings_it_back_exactly(run: Run, ctx: Context, logged: dict[str, Any]) -> None:
    r = run("delete", logged["id"][:6])
    assert r.code == 0, r.err
    assert r.out == f"deleted pain 7/10 (today 09:00, {logged['id'][:8]}); 'footbase undo' brings it back\n"
    assert journal(run) == []
    remembered = ctx.paths.data_dir / "undo.json"  # the cache folder in real use (no cache in tests)
    assert stat.S_IMODE(remembered.stat().st_mode) == 0o600  # it holds the entry's note
    r = run("undo")
    assert r.code == 0, r.err
    assert r.out == f"undone: deleted pain 7/10 (today 09:00, {logged['id'][:8]}) is back\n"
    assert journal(run) == [logged]
    one_line_error(run("undo"))  # once only


def test_undo_of_an_edit_and_its_limits(
    run: Run, ctx: Context, logged: dict[str, Any], fake_clock: FakeClock
) -> None:
    assert run("edit", logged["id"], "--level", "2").code == 0
    r = run("undo")
    assert r.code == 0 and r.out == f"undone: pain {logged['id'][:8]} (today 09:00): level 2 -> 7\n"
    assert journal(run) == [logged]
    assert run("edit", logged["id"], "--level", "3").code == 0
    assert run("edit", logged["id"], "--note", "changed again").code == 0
    assert run("undo").code == 0  # only the last one
    [after] = journal(run)
    assert (after["level"], after["note"]) == (3, "tpyo")
    assert run("delete", logged["id"]).code == 0
    fake_clock.advance(86400)  # a new day: yesterday's delete is not undone any more
    r = run("undo")
    one_line_error(r)
    assert "nothing to undo" in r.err


def test_undo_refuses_when_the_entry_changed_since(run: Run, ctx: Context, logged: dict[str, Any]) -> None:
    assert run("edit", logged["id"], "--level", "2").code == 0
    entry = ctx.store.load().pain[0]
    from dataclasses import replace

    ctx.store.update_pain(replace(entry, level=9))  # the app, meanwhile
    r = run("undo")
    one_line_error(r)
    assert "changed or deleted since; nothing was undone" in r.err
    assert journal(run)[0]["level"] == 9


def test_an_undone_delete_survives_a_merge_with_a_copy_that_saw_the_delete(
    run: Run, ctx: Context, logged: dict[str, Any], tmp_path: Any
) -> None:
    assert run("delete", logged["id"]).code == 0
    copy = tmp_path / "saw-the-delete.json"
    copy.write_bytes(ctx.paths.db.read_bytes())
    assert run("undo").code == 0
    r = run("import", str(copy))
    assert r.code == 0 and r.out == "imported: 0 added, 0 updated, 0 deleted, 1 unchanged\n"
    assert journal(run) == [logged]

"""CSV cells a spreadsheet would run as formulas, and imports that would put them there.

Every text cell of `export --format csv` that begins with = + - @ tab or carriage return
(the OWASP rule) is neutralised with a leading '; an import that names an exercise, a
program or a session kind footbase does not know is refused whole (exit 2, nothing written).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from footbase_tui.context import Context
from footbase_tui.core.csv_rows import safe_cell
from tests.conftest import Result

Run = Callable[..., Result]
KIND = "spreadsheet formulas and unknown ids refused"
FORMULAS = ['=HYPERLINK("http://x","y")', "=2+2", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =1"]


def seeded(run: Run, tmp_path: Path) -> dict[str, Any]:
    assert run("pain", "4", "--note", "ok").code == 0
    assert run("done", "--all").code == 0
    path = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(path)).code == 0
    return json.loads(path.read_text())  # type: ignore[no-any-return]


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_cell_that_would_start_a_formula_is_neutralised(formula: str, tally: Counter[str]) -> None:
    tally[KIND] += 1
    cell = safe_cell(formula)
    assert cell.startswith("'"), repr(cell)
    assert safe_cell(cell) == cell  # once only
    assert safe_cell("a=b") == "a=b" and safe_cell("2026-03-03") == "2026-03-03"


@pytest.mark.parametrize("column", ["ex", "program", "kind", "st"])
def test_no_csv_column_of_a_stored_session_starts_a_formula(
    run: Run, ctx: Context, column: str, tally: Counter[str]
) -> None:
    """A store edited elsewhere (or imported by an older footbase) with formulas in ids."""
    tally[KIND] += 1
    assert run("done", "--all").code == 0
    data = orjson.loads(ctx.paths.db.read_bytes())
    for doc in data["sessions"].values():
        if column in ("program", "kind"):
            doc[column] = "=2+2"
        elif column == "ex":
            doc["items"][0]["ex"] = '=HYPERLINK("http://evil","x")'
    ctx.paths.db.write_bytes(orjson.dumps(data))
    r = run("export", "--format", "csv")
    assert r.code == 0, r.err
    for cell in csv_cells(r.out):
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell


@pytest.mark.parametrize(
    ("mutate", "says"),
    [
        (lambda d: d["sessions"][0]["items"][0].update(ex="=2+2"), "exercise '=2+2' is not in the catalog"),
        (lambda d: d["sessions"][0].update(program="=HYPERLINK(1)"), "is not in the catalog"),
        (lambda d: d["sessions"][0].update(kind="=2+2"), "'kind' is not one of manual, walkthrough"),
        (lambda d: d["meta"].update(program="no-such-program"), "is not in the catalog"),
    ],
)
def test_import_refuses_unknown_exercises_programs_and_kinds(
    run: Run,
    ctx: Context,
    tmp_path: Path,
    mutate: Callable[[dict[str, Any]], None],
    says: str,
    tally: Counter[str],
) -> None:
    tally[KIND] += 1
    data = seeded(run, tmp_path)
    data["sessions"][0]["id"] = "0f7e5a9c-0000-4000-8000-00000000000b"  # would be new
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = ctx.paths.db.read_bytes()
    r = run("import", str(bad))
    assert r.code == 2, (r.out, r.err)
    assert r.err.count("\n") == 1 and says in r.err, r.err
    assert ctx.paths.db.read_bytes() == before

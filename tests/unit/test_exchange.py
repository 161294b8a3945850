"""Export (CSV, JSON, the Markdown report) and import: shapes, filters, files, merging, refusals."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from footbase_tui.cli import main
from footbase_tui.context import Context
from footbase_tui.core.exchange import EXPORT_VERSION
from footbase_tui.core.records import DayPlan
from footbase_tui.core.report import DISCLAIMER, WeekPain, meaningful_changes
from footbase_tui.paths import Paths
from footbase_tui.store import FORMAT
from tests.conftest import Result, subprocess_env
from tests.unit.test_cli import PROBE

Run = Callable[..., Result]

# Weeks start on Monday. Week of 02-16: 6, 4 (average 5.0); week of 02-23: 2, 3, 1 (2.0, a
# drop of 3: better); week of 03-02: 0, 3 (1.5: -0.5 and 25%, not meaningful).
PAIN = [
    ("6", "2026-02-17T09:00", "sitting", "long drive, sore\nsecond line"),
    ("4", "2026-02-19T09:00", "sitting", None),
    ("2", "2026-02-24T09:00", "walking", None),
    ("3", "2026-02-25T09:00", "lifting", "=lifted a box"),
    ("1", "2026-02-26T09:00", "walking", None),
    ("0", "2026-03-02T09:00", "sitting", None),
    ("3", "2026-03-03T08:30", None, "# not a heading\n| a | b |"),
]


@pytest.fixture
def seeded(run: Run, ctx: Context) -> Context:
    for level, at, context, note in PAIN:
        argv = ["pain", level, "--at", at, "--where", "low-back"]
        if context:
            argv += ["--context", context]
        if note:
            argv += ["--note", note]
        assert run(*argv).code == 0
    assert run("done", "--all", "--date", "2026-03-02").code == 0  # program starts 03-02
    ctx.clock.advance(60)  # type: ignore[attr-defined]
    assert run("done", "short-foot").code == 0
    ctx.store.set_day_plan(
        DayPlan(date(2026, 2, 28), "desk-five", "pain", "2026-02-28T08:00:00Z"), date(2026, 2, 28)
    )
    return ctx


def run_in(ctx: Context, db: Path, *argv: str) -> Result:
    """Run a command against another store (same config and clock)."""
    other = Context(Paths(db=db, config=ctx.paths.config), clock=ctx.clock, lock_timeout=0.5)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv), context=other)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


def one_line_error(r: Result, code: int = 2) -> None:
    assert r.code == code, (r.out, r.err)
    assert r.err.count("\n") == 1 and r.err.startswith("footbase"), r.err
    assert "Traceback" not in r.err


# ---- CSV -----------------------------------------------------------------------------------


def test_csv_to_stdout_parses_back(run: Run, seeded: Context) -> None:
    r = run("export", "--format", "csv")
    assert r.code == 0, r.err
    table = list(csv.reader(io.StringIO(r.out)))
    blank = table.index([])
    pain, results = table[:blank], table[blank + 1 :]
    assert pain[0] == ["# pain entries"] and results[0] == ["# exercise results"]
    assert pain[1] == ["id", "date", "time", "utc", "tz", "level", "where", "context", "note", "source"]
    assert results[1] == [
        "session_id",
        "date",
        "exercise",
        "name",
        "level",
        "status",
        "sets",
        "sets_planned",
        "reps",
        "seconds",
        "reason",
        "program",
        "session_kind",
    ]
    rows = pain[2:]
    assert [row[5] for row in rows] == ["6", "4", "2", "3", "1", "0", "3"]
    first = dict(zip(pain[1], rows[0], strict=True))
    assert first["date"] == "2026-02-17" and first["time"] == "09:00"
    assert first["utc"] == "2026-02-17T08:00:00Z" and first["tz"] == "Europe/Berlin"
    assert first["note"] == "long drive, sore\nsecond line"  # comma and newline survive
    assert first["where"] == "low-back" and first["context"] == "sitting" and first["source"] == "cli"
    assert rows[3][8] == "'=lifted a box"  # never a spreadsheet formula
    assert [e.id for e in seeded.store.load().pain] == [row[0] for row in rows]
    done = results[2:]
    assert len(done) == 5  # four exercises on 03-02, short-foot today
    walk = dict(zip(results[1], done[0], strict=True))
    assert walk["date"] == "2026-03-02" and walk["exercise"] == "barefoot-walk"
    assert walk["name"] == "Barefoot walk at home" and walk["status"] == "done"
    assert walk["seconds"] == "600" and walk["program"] == "foundation"
    assert walk["session_kind"] == "manual" and walk["level"] == "1"
    assert (walk["sets"], walk["sets_planned"]) == ("1", "1")


def test_csv_into_a_folder_writes_two_private_files(run: Run, seeded: Context, tmp_path: Path) -> None:
    out = tmp_path / "export"
    r = run("export", "--format", "csv", "-o", f"{out}/")
    assert r.code == 0, r.err
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o700
    for name in ("pain.csv", "exercises.csv"):
        assert stat.S_IMODE(os.stat(out / name).st_mode) == 0o600
    pain = list(csv.reader(io.StringIO((out / "pain.csv").read_text(), newline="")))
    assert pain[0][0] == "id" and len(pain) == 1 + len(PAIN)
    results = list(csv.reader(io.StringIO((out / "exercises.csv").read_text(), newline="")))
    assert results[0][0] == "session_id" and len(results) == 6
    again = run("export", "--format", "csv", "-o", str(out))  # an existing folder
    one_line_error(again)
    assert "exists" in again.err


# ---- JSON ----------------------------------------------------------------------------------


def test_json_shape_and_version(run: Run, seeded: Context) -> None:
    r = run("export", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert list(data) == [
        "footbase_export",
        "exported_at",
        "store_format",
        "meta",
        "pain",
        "sessions",
        "day_plans",
        "levels",
        "tombstones",
    ]
    assert data["footbase_export"] == EXPORT_VERSION == 1
    assert data["exported_at"] == "2026-03-03T08:01:00Z" and data["store_format"] == FORMAT
    assert data["meta"] == {"program": "foundation", "start": "2026-03-02"}
    assert [p["level"] for p in data["pain"]] == [6, 4, 2, 3, 1, 0, 3]
    assert set(data["pain"][0]) == {
        "id",
        "utc",
        "tz",
        "date",
        "level",
        "where",
        "context",
        "note",
        "src",
        "chg",
    }
    assert [s["date"] for s in data["sessions"]] == ["2026-03-02", "2026-03-03"]  # by start
    assert [i["ex"] for i in data["sessions"][0]["items"]] == [
        "barefoot-walk",
        "toe-spread-glove",
        "towel-curls",
        "short-foot",
    ]
    assert data["day_plans"] == [
        {
            "date": "2026-02-28",
            "program": "desk-five",
            "reason": "pain",
            "at": "2026-02-28T08:00:00Z",
            "chg": "2026-03-03T08:01:00.000000Z",  # when it was set
        }
    ]
    assert data["tombstones"] == []


def test_since_and_until_filter_by_local_date(run: Run, seeded: Context) -> None:
    data = json.loads(run("export", "--format", "json", "--since", "2026-02-23", "--until", "2026-02-28").out)
    assert [p["level"] for p in data["pain"]] == [2, 3, 1]
    assert data["sessions"] == [] and len(data["day_plans"]) == 1
    data = json.loads(run("export", "--format", "json", "--since", "yesterday").out)
    assert [p["date"] for p in data["pain"]] == ["2026-03-02", "2026-03-03"]
    assert len(data["sessions"]) == 2 and data["day_plans"] == []
    data = json.loads(run("export", "--format", "json", "--until", "2026-02-17").out)
    assert [p["level"] for p in data["pain"]] == [6]
    csv_out = run("export", "--format", "csv", "--since", "2026-03-03").out
    assert csv_out.count("2026-03-03,") == 2  # today's pain entry and today's short-foot
    report = run("export", "--format", "md", "--since", "2026-02-23", "--until", "2026-02-26").out
    assert "Period: 2026-02-23 to 2026-02-26 (4 days)" in report
    assert "| 2026-02-23 | 3 | 2.0 | 1 | 3 |" in report and "2026-02-16 |" not in report


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--since", "2026-03-02", "--until", "2026-03-01"], "is after --until"),
        (["--since", "last week"], "YYYY-MM-DD"),
        (["--until", "2026-02-30"], "not a real date"),
        (["--format", "xml"], "invalid choice"),
        ([], "--format"),
    ],
)
def test_bad_export_arguments(run: Run, ctx: Context, argv: list[str], says: str) -> None:
    full = ["export", *argv] if "--format" in argv or not argv else ["export", "--format", "json", *argv]
    r = run(*full)
    one_line_error(r)
    assert says in r.err
    assert r.out == "" and not ctx.paths.db.exists()


# ---- the Markdown report -------------------------------------------------------------------


def test_markdown_report_sections(run: Run, seeded: Context) -> None:
    r = run("export", "--format", "md")
    assert r.code == 0, r.err
    md = r.out
    lines = md.splitlines()
    assert lines[0] == "# footbase report"
    assert "Period: 2026-02-17 to 2026-03-03 (15 days), made 2026-03-03" in md
    for heading in (
        "## Program and levels",
        "## Adherence",
        "## Practice calendar",
        "## Pain",
        "### Weekly averages",
        "### Meaningful changes",
        "### Most frequent aggravating contexts",
        "## Notes",
    ):
        assert heading in lines, heading
    # program and levels
    assert "Program: Foundation (`foundation`), day 1 = 2026-03-02" in md
    assert "Sessions in the period: 2 (Foundation 2)" in md
    assert "| Short-foot (arch activation) (`short-foot`) | 1 | 2 | 2026-03-03 |" in md
    assert "| Barefoot walk at home (`barefoot-walk`) | 1 | 1 | 2026-03-02 |" in md
    # adherence: only 03-02 is a complete planned day (today is still open)
    assert "last 7 / 30 / 90 complete days to 2026-03-02: 100% / 100% / 100%" in md
    assert "Whole period: 4 of 4 planned exercises done (100%), practised on 1 of 1 days" in md
    # the heatmap, glyphs only
    block = md.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    assert block[0].strip() == "Feb"  # three week columns: no room for "Mar" as well
    assert [line[:3] for line in block[1:8]] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert block[1].endswith("█") and block[2].endswith("░")  # Mon 03-02 all, today some
    assert block[8].startswith("·░▒█") and "\x1b" not in md
    # pain trend
    assert "7 entries, average 2.7 (lowest 0, highest 6), on a 0-10 scale." in md
    assert "| 2026-02-16 | 2 | 5.0 | 4 | 6 |" in md
    assert "| 2026-02-23 | 3 | 2.0 | 1 | 3 |" in md
    assert "| 2026-03-02 | 2 | 1.5 | 0 | 3 |" in md
    changes = md.split("### Meaningful changes")[1].split("###")[0]
    assert "- Week of 2026-02-23: average 2.0, from 5.0 the week of 2026-02-16 (-3.0): better" in changes
    assert "2026-03-02" not in changes
    # contexts: entries with pain (the level-0 sitting entry does not count)
    contexts = md.split("### Most frequent aggravating contexts")[1].split("##")[0]
    assert [line for line in contexts.splitlines() if line.startswith("| ") and "---" not in line] == [
        "| context | entries | average |",
        "| sitting | 2 | 5.0 |",
        "| walking | 2 | 1.5 |",
        "| lifting | 1 | 3.0 |",
    ]
    # notes, newest first, each line quoted
    notes = md.split("## Notes")[1]
    assert notes.index("2026-03-03 08:30") < notes.index("2026-02-25 09:00") < notes.index("2026-02-17")
    assert "> # not a heading\n> | a | b |" in notes and "\n# not a heading" not in md
    assert "> long drive, sore\n> second line" in notes and "> =lifted a box" in notes
    assert lines[-1] == DISCLAIMER


def test_markdown_report_of_an_empty_store(run: Run, ctx: Context) -> None:
    r = run("export", "--format", "md")
    assert r.code == 0, r.err
    assert "Period: 2026-03-03 to 2026-03-03 (1 day)" in r.out
    assert "No exercise was done in this period." in r.out
    assert "No pain entries in this period." in r.out
    assert r.out.splitlines()[-1] == DISCLAIMER
    assert not ctx.paths.db.exists()  # exporting writes nothing to the store


def test_meaningful_changes_rule() -> None:
    def week(day: int, avg: float) -> WeekPain:
        return WeekPain(date(2026, 1, 5) + timedelta(days=7 * day), 1, avg, 0, 10)

    weeks = [week(0, 4.0), week(1, 2.9), week(2, 2.0), week(3, 4.0), week(5, 9.0)]
    # 4.0 -> 2.9: 27.5%, 1.1 points: no; 2.9 -> 2.0: 31%: yes; 2.0 -> 4.0: yes; a gap: never
    assert [(c.week.isoformat(), c.better) for c in meaningful_changes(weeks)] == [
        ("2026-01-19", True),
        ("2026-01-26", False),
    ]


# ---- writing files -------------------------------------------------------------------------


def test_output_file_is_private_and_never_overwritten(run: Run, seeded: Context, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    r = run("export", "--format", "md", "-o", str(target))
    assert r.code == 0, r.err
    assert r.out.startswith("exported: 7 pain entries, 2 sessions to ")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text().endswith(DISCLAIMER + "\n")
    before = target.read_bytes()
    r = run("export", "--format", "json", "-o", str(target))
    one_line_error(r)
    assert f"{target} exists; choose another name" in r.err
    assert target.read_bytes() == before
    r = run("export", "--format", "csv", "-o", str(tmp_path / "both.csv"))
    assert r.code == 0 and "# exercise results" in (tmp_path / "both.csv").read_text()
    one_line_error(run("export", "--format", "json", "-o", str(tmp_path / "no" / "such" / "x.json")))
    r = run("export", "--format", "json", "-o", str(tmp_path))
    one_line_error(r)
    assert "is a folder" in r.err


# ---- import --------------------------------------------------------------------------------


def exported(run: Run, tmp_path: Path, name: str = "export.json") -> tuple[Path, dict[str, Any]]:
    path = tmp_path / name
    assert run("export", "--format", "json", "-o", str(path)).code == 0
    return path, json.loads(path.read_text())


def test_round_trip_gives_the_same_json(run: Run, seeded: Context, tmp_path: Path) -> None:
    path, _ = exported(run, tmp_path)
    other = tmp_path / "other" / "footbase.json"
    r = run_in(seeded, other, "import", str(path))
    assert r.code == 0, r.err
    assert r.out == "imported: 10 added, 0 updated, 0 deleted, 0 unchanged\n"
    assert run_in(seeded, other, "export", "--format", "json").out == path.read_text()
    assert run_in(seeded, other, "export", "--format", "md").out == run("export", "--format", "md").out


def test_import_counts_and_is_idempotent(run: Run, seeded: Context, tmp_path: Path) -> None:
    path, data = exported(run, tmp_path)
    before = seeded.paths.db.read_bytes()
    r = run("import", str(path))
    assert r.out == "imported: 0 added, 0 updated, 0 deleted, 10 unchanged\n"
    assert seeded.paths.db.read_bytes() == before  # nothing new: not even rewritten
    later = "2026-03-03T09:00:00.000000Z"  # edited elsewhere after this store's versions
    data["pain"][0].update(level=7, note="edited elsewhere", chg=later)
    data["sessions"][1]["items"][0]["st"] = "skipped"
    data["sessions"][1]["chg"] = later
    new = dict(data["pain"][1], id="0f7e5a9c-0000-4000-8000-000000000001", level=5)
    data["pain"].append(new)
    data["day_plans"].append(
        {"date": "2026-03-01", "program": "desk-five", "reason": "choice", "at": "2026-03-01T08:00:00Z"}
    )
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data))
    r = run("import", str(changed))
    assert r.code == 0, r.err
    assert r.out == "imported: 2 added, 2 updated, 0 deleted, 8 unchanged\n"
    snap = seeded.store.load()
    assert len(snap.pain) == 8 and len(snap.sessions) == 2 and len(snap.day_plans) == 2
    first = next(e for e in snap.pain if e.id == data["pain"][0]["id"])
    assert (first.level, first.note) == (7, "edited elsewhere")  # the newer version wins
    assert run("import", str(changed)).out == "imported: 0 added, 0 updated, 0 deleted, 12 unchanged\n"


def test_import_keeps_the_chosen_program(run: Run, seeded: Context, tmp_path: Path) -> None:
    path, _ = exported(run, tmp_path)
    other = tmp_path / "other" / "footbase.json"
    assert run_in(seeded, other, "program", "desk-five", "--start", "2026-01-01").code == 0
    assert run_in(seeded, other, "import", str(path)).code == 0
    meta = json.loads(run_in(seeded, other, "export", "--format", "json").out)["meta"]
    assert meta == {"program": "desk-five", "start": "2026-01-01"}


def _mutations() -> list[tuple[str, Callable[[dict[str, Any]], Any], str]]:
    def set_(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], Any]:
        def apply(d: dict[str, Any]) -> Any:
            for key in path[:-1]:
                d = d[key]
            d[path[-1]] = value
            return None

        return apply

    return [
        ("newer", set_(("footbase_export",), 2), "newer footbase (export version 2"),
        ("newer store", set_(("store_format",), FORMAT + 1), "newer footbase (store format"),
        ("no version", lambda d: d.pop("footbase_export"), "not a footbase export"),
        ("bool version", set_(("footbase_export",), True), "not a version number"),
        ("no pain key", lambda d: d.pop("pain"), "no 'pain'"),
        ("pain not a list", set_(("pain",), {"a": 1}), "'pain' is not a list"),
        ("level 11", set_(("pain", 1, "level"), 11), "level 11 is outside 0-10"),
        ("level -1", set_(("pain", 1, "level"), -1), "outside 0-10"),
        ("level text", set_(("pain", 1, "level"), "3"), "field 'level'"),
        ("item level", set_(("sessions", 0, "items", 0, "lv"), 9), "level 9 is outside 1-4"),
        ("item status", set_(("sessions", 0, "items", 0, "st"), "maybe"), "unknown"),
        ("item reps", set_(("sessions", 0, "items", 1, "reps"), "lots"), "'reps'"),
        ("bad id", set_(("pain", 0, "id"), ""), "'id'"),
        ("bad date", set_(("pain", 0, "date"), "2026-02-30"), "not a date"),
        ("bad utc", set_(("sessions", 0, "start"), "yesterday"), "not a UTC time"),
        ("bad zone", set_(("pain", 0, "tz"), "Mars/Olympus"), "time zone"),
        ("escape", set_(("pain", 0, "note"), "hi \x1b[2J"), "control characters"),
        ("long note", set_(("pain", 0, "note"), "x" * 2001), "longer than 2000"),
        ("duplicate", lambda d: d["pain"].append(dict(d["pain"][0])), "appears twice"),
        ("plan reason", set_(("day_plans", 0, "reason"), "why not"), "'reason'"),
        ("meta", set_(("meta",), []), "'meta'"),
    ]


@pytest.mark.parametrize(("name", "mutate", "says"), _mutations(), ids=[m[0] for m in _mutations()])
def test_import_refuses_bad_files_and_changes_nothing(
    run: Run,
    seeded: Context,
    tmp_path: Path,
    name: str,
    mutate: Callable[[dict[str, Any]], Any],
    says: str,
) -> None:
    _, data = exported(run, tmp_path)
    data["pain"][0]["level"] = 9  # a valid change that must not be applied either
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = seeded.paths.db.read_bytes()
    r = run("import", str(bad))
    one_line_error(r)
    assert str(bad) in r.err and says in r.err, r.err
    assert seeded.paths.db.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "not valid JSON"),
        (b"footbase,csv\n", "not valid JSON"),
        (b'{"footbase_export": NaN}', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000, "not valid JSON"),
        (b"[1, 2]", "expected a JSON object"),
    ],
)
def test_import_refuses_what_is_not_an_export(
    run: Run, ctx: Context, tmp_path: Path, content: bytes, says: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    r = run("import", str(bad))
    one_line_error(r)
    assert says in r.err
    assert not ctx.paths.db.exists()


def test_import_of_a_folder_or_a_missing_file(run: Run, ctx: Context, tmp_path: Path) -> None:
    r = run("import", str(tmp_path))
    one_line_error(r)
    assert "is a folder" in r.err
    r = run("import", str(tmp_path / "nope.json"))
    one_line_error(r)
    assert "cannot read" in r.err
    assert not ctx.paths.db.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_import_of_an_unreadable_file(run: Run, ctx: Context, tmp_path: Path) -> None:
    locked = tmp_path / "locked.json"
    locked.write_text("{}")
    locked.chmod(0)
    r = run("import", str(locked))
    one_line_error(r)
    assert "cannot read" in r.err


# ---- never Textual -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--format", "md"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["import", "{file}"],
    ],
)
def test_export_and_import_never_import_textual(
    run: Run, seeded: Context, tmp_path: Path, argv: list[str]
) -> None:
    path, _ = exported(run, tmp_path)
    argv = [a.replace("{file}", str(path)) for a in argv]
    r = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        env=subprocess_env(seeded),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "HEAVY:\n" in r.stderr  # nothing heavy was imported


def test_export_order_is_by_time_then_id() -> None:
    from footbase_tui.core.exchange import export_doc
    from footbase_tui.core.records import Meta, PainEntry, Session

    def pain(rid: str, utc: str) -> PainEntry:
        return PainEntry(rid, utc, "UTC", date(2026, 3, 3), 1)

    def session(rid: str, start: str) -> Session:
        return Session(rid, date(2026, 3, 3), "UTC", start, None, "foundation")

    doc = export_doc(
        Meta(FORMAT, ""),
        [
            pain("b", "2026-03-03T08:00:00Z"),
            pain("c", "2026-03-03T07:59:59.5Z"),
            pain("a", "2026-03-03T08:00:00Z"),
        ],
        [session("y", "2026-03-03T08:00:00Z"), session("x", "2026-03-03T08:00:00.000000Z")],
        [],
        exported_at="2026-03-03T08:00:00Z",
        store_format=FORMAT,
    )
    assert [p["id"] for p in doc["pain"]] == ["c", "a", "b"]
    assert [s["id"] for s in doc["sessions"]] == ["x", "y"]


def test_report_period_bounds_on_one_side(run: Run, seeded: Context) -> None:
    only_until = run("export", "--format", "md", "--until", "2026-02-10").out
    assert "Period: 2026-02-10 to 2026-02-10 (1 day)" in only_until  # records all come later
    assert "No pain entries in this period." in only_until
    only_since = run("export", "--format", "md", "--since", "2026-03-10").out
    assert "Period: 2026-03-10 to 2026-03-10 (1 day)" in only_since


def test_import_of_another_store_file_and_of_stdin(run: Run, seeded: Context, tmp_path: Path) -> None:
    other = tmp_path / "other" / "footbase.json"
    r = run_in(seeded, other, "import", str(seeded.paths.db))  # the other machine's store file
    assert r.code == 0, r.err
    assert r.out == "imported: 10 added, 0 updated, 0 deleted, 0 unchanged\n"
    assert run("journal", "--json").out == run_in(seeded, other, "journal", "--json").out
    doomed = json.loads(run("journal", "--json").out)[0]["id"]
    seeded.store.delete_pain(doomed)
    raw = seeded.paths.db.read_text()
    import_other = Context(Paths(db=other, config=seeded.paths.config), clock=seeded.clock, lock_timeout=0.5)
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(raw.encode("utf-8")), encoding="utf-8")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["import", "-"], context=import_other)
    finally:
        sys.stdin = old_stdin
    assert code == 0, err.getvalue()
    assert out.getvalue() == "imported: 0 added, 0 updated, 1 deleted, 9 unchanged\n"
    assert doomed not in run_in(seeded, other, "journal", "--json").out


def test_import_refuses_a_store_of_a_newer_format_and_the_store_itself(
    run: Run, seeded: Context, tmp_path: Path
) -> None:
    data = json.loads(seeded.paths.db.read_text())
    data["meta"]["meta"]["format"] = FORMAT + 1
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data))
    before = seeded.paths.db.read_bytes()
    r = run("import", str(newer))
    one_line_error(r)
    assert "newer footbase" in r.err and "nothing was imported" in r.err
    one_line_error(run("import", str(seeded.paths.db)))
    data["meta"]["meta"]["format"] = FORMAT
    for table, bad in (
        ("pain", []),
        ("tombs", {"x": {"kind": "moods", "id": "a1", "at": "2026-03-03T08:00:00Z"}}),
    ):
        broken = tmp_path / f"broken-{table}.json"
        broken.write_text(json.dumps({**data, table: bad}))
        r = run("import", str(broken))
        one_line_error(r)
        assert "nothing was imported" in r.err
    assert seeded.paths.db.read_bytes() == before


def test_a_partly_done_exercise_keeps_its_sets_through_export_import_and_counts_its_share(
    run: Run, ctx: Context, tmp_path: Path
) -> None:
    from footbase_tui.core.records import ItemResult, Session

    part = ItemResult("short-foot", 1, "partial", "2026-03-02T08:05:00Z", 2, 12, 95, planned_sets=3)
    walk = ItemResult("barefoot-walk", 1, "done", "2026-03-02T08:00:00Z", 1, 0, 600, planned_sets=1)
    session = Session(
        "0f7e5a9c-0000-4000-8000-0000000000aa",
        date(2026, 3, 2),
        "Europe/Berlin",
        "2026-03-02T07:55:00Z",
        "2026-03-02T08:10:00Z",
        "foundation",
        "walkthrough",
        (walk, part),
    )
    ctx.store.save_session(session, program_if_new=("foundation", date(2026, 3, 2)))
    path, data = exported(run, tmp_path)
    [item] = [i for i in data["sessions"][0]["items"] if i["ex"] == "short-foot"]
    assert (item["st"], item["sets"], item["of"], item["secs"]) == ("partial", 2, 3, 95)
    other = tmp_path / "other" / "footbase.json"
    assert run_in(ctx, other, "import", str(path)).code == 0
    assert (
        run_in(ctx, other, "import", str(path)).out
        == "imported: 0 added, 0 updated, 0 deleted, 1 unchanged\n"
    )
    back = Context(Paths(db=other, config=ctx.paths.config), clock=ctx.clock).store.load().sessions
    assert back == [session]
    report = run("export", "--format", "md").out
    assert "Whole period: 1.7 of 4 planned exercises done" in report  # the walk, and 2 of 3 sets

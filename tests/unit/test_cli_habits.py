"""The command line as a shell user types it: several places after one --where, `--at 9pm`,
a prompt for a typed note, a journal that fits a screen, no app without a terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date

import pytest

from footbase_tui.context import Context
from tests.conftest import Result, subprocess_env

Run = Callable[..., Result]


@pytest.mark.parametrize(
    "argv",
    [
        ["pain", "3", "--where", "low-back", "hip"],
        ["pain", "3", "--where", "low-back,hip"],
        ["pain", "3", "--where", "low-back", "--where", "hip"],
        ["pain", "--where", "low-back", "hip", "3"],  # the level after the places
    ],
)
def test_several_places_after_one_where(run: Run, ctx: Context, argv: list[str]) -> None:
    r = run(*argv)
    assert r.code == 0, r.err
    [entry] = ctx.store.load().pain
    assert (entry.level, entry.where) == (3, ("low-back", "hip"))


def test_where_with_no_level_anywhere_is_one_line(run: Run, ctx: Context) -> None:
    r = run("pain", "--where", "low-back", "hip")
    assert r.code == 2 and "LEVEL is required" in r.err and r.err.count("\n") == 1
    assert not ctx.paths.db.exists()


@pytest.mark.parametrize(
    ("at", "utc"),
    [
        ("8am", "2026-03-03T07:00:00Z"),  # the clock: 09:00 in Berlin on Tuesday 3 March
        ("yesterday 9pm", "2026-03-02T20:00:00Z"),
        ("2h ago", "2026-03-03T06:00:00Z"),
        ("mon 8:30", "2026-03-02T07:30:00Z"),
        ("sun 21:00", "2026-03-01T20:00:00Z"),
    ],
)
def test_at_in_a_shell_users_words(run: Run, ctx: Context, at: str, utc: str) -> None:
    r = run("pain", "2", "--at", at)
    assert r.code == 0, r.err
    assert ctx.store.load().pain[0].utc == utc


@pytest.mark.parametrize(("at", "says"), [("9pm", "future"), ("tue 10:00", "future"), ("soon", "9pm")])
def test_at_refuses_the_future_and_nonsense(run: Run, ctx: Context, at: str, says: str) -> None:
    r = run("pain", "2", "--at", at)
    assert r.code == 2 and says in r.err and r.err.count("\n") == 1
    assert not ctx.paths.db.exists()


class _Tty(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_a_note_typed_at_a_terminal_is_prompted_for(
    run: Run, ctx: Context, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from footbase_tui.cli import main

    monkeypatch.setattr(sys, "stdin", _Tty(io.BytesIO(b"stiff after sitting\n"), encoding="utf-8"))
    assert main(["pain", "3", "--note", "-"], context=Context(ctx.paths, clock=ctx.clock)) == 0
    assert "type the note, end with ctrl-D" in capsys.readouterr().err
    assert ctx.store.load().pain[0].note == "stiff after sitting"


def test_a_note_from_a_pipe_is_not_prompted_for(run: Run) -> None:
    r = run("pain", "3", "--note", "-", stdin="from a pipe")
    assert r.code == 0 and r.err == ""


def test_journal_shows_the_last_20_and_says_how_to_see_more(run: Run, ctx: Context) -> None:
    for n in range(25):
        ctx.clock.advance(60)  # type: ignore[attr-defined]
        run("pain", str(n % 11), "--note", f"entry {n}")
    r = run("journal")
    lines = r.out.splitlines()
    assert len(lines) == 20 and lines[0].endswith("entry 5") and lines[-1].endswith("entry 24")
    assert "last 20 of 25" in r.err and "--last N" in r.err and "--all" in r.err
    assert len(run("journal", "--all").out.splitlines()) == 25
    r = run("journal", "--last", "3")
    assert len(r.out.splitlines()) == 3 and r.err == ""
    assert len(json.loads(run("journal", "--json", "--all").out)) == 25
    r = run("journal", "--json")  # for scripts: everything, and nothing on stderr
    assert len(json.loads(r.out)) == 25 and r.err == ""
    assert len(json.loads(run("journal", "--json", "--last", "20").out)) == 20
    r = run("journal", "--all", "--last", "3")
    assert r.code == 2 and "not both" in r.err


def test_a_short_journal_has_no_hint(run: Run) -> None:
    run("pain", "1")
    r = run("journal")
    assert len(r.out.splitlines()) == 1 and r.err == ""


def test_bare_footbase_without_a_terminal_refuses_at_once(ctx: Context) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "footbase_tui"],
        env=subprocess_env(ctx),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode == 2
    assert r.stderr == "footbase: footbase needs a terminal; try 'footbase today'\n"
    assert r.stdout == "" and not ctx.paths.db.exists()


def _long_history(ctx: Context) -> None:
    from datetime import UTC, datetime, timedelta

    from footbase_tui.core.pain_input import PainInput, build_entry

    start = datetime(2025, 8, 4, 18, 0, tzinfo=UTC)  # a Monday, 30 weeks before the clock
    for n in range(60):  # Mondays and Thursdays
        at = start + timedelta(days=7 * (n // 2) + 3 * (n % 2))
        entry = build_entry(
            PainInput(level=n % 8, where=(), context=None, note=f"note {n}"),
            at=at,
            local=ctx.local,
            locations=ctx.config.locations,
            contexts=ctx.config.contexts,
            source="cli",
        )
        ctx.store.add_pain(entry)


def test_the_report_is_the_last_12_weeks_with_the_20_newest_notes(run: Run, ctx: Context) -> None:
    _long_history(ctx)
    md = run("export", "--format", "md").out
    assert "Period: 2025-12-15 to 2026-03-03 (79 days)" in md and "--all" in md
    weeks = [line for line in md.splitlines() if line.startswith("| 20")]  # 11 with entries
    assert len(weeks) == 11 and weeks[0].startswith("| 2025-12-15 |")
    assert md.count("> note ") == 20 and "> note 59" in md and "> note 39" not in md
    assert "20 most recent of 22 notes" in md
    everything = run("export", "--format", "md", "--all").out
    assert "Period: 2025-08-04 to 2026-03-03" in everything and everything.count("> note ") == 60
    assert "most recent" not in everything
    since = run("export", "--format", "md", "--since", "2025-09-01").out
    assert since.count("> note ") == 52  # an asked-for period keeps all its notes
    r = run("export", "--format", "md", "--all", "--since", "2025-09-01")
    assert r.code == 2 and "not both" in r.err


def _grid_rows(out: str) -> list[str]:
    return [
        line for line in out.splitlines() if line[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    ]


@pytest.mark.parametrize("columns", [40, 50, 80, 132])
def test_calendar_lines_fit_the_terminal_and_words_stay_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    run("done", "--all")
    monkeypatch.setenv("COLUMNS", str(columns))
    out = run("calendar").out
    assert max(len(line) for line in out.splitlines()) < columns
    words = out.split()
    assert "streak" in words and ("strength" in words or "habit" in words)
    assert not any(w in ("streng", "th", "stren", "gth") for w in words)


def test_calendar_of_24_months_on_80_columns_is_two_whole_blocks(
    run: Run, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("program", "foundation", "--start", "2024-03-01")
    run("done", "--all")
    monkeypatch.setenv("COLUMNS", "80")
    out = run("calendar", "--months", "24").out
    assert max(len(line) for line in out.splitlines()) < 80
    rows = _grid_rows(out)
    assert len(rows) == 14  # two blocks of seven weekday rows, none wrapped
    assert out.splitlines()[0] == "Apr 2024 – Aug 2025" and "\nSep 2025 – Mar 2026\n" in out
    assert rows[8].rstrip().endswith("█")  # today, Tuesday, the second block's Tue row


def test_calendar_of_a_year_without_data_says_so(run: Run) -> None:
    r = run("calendar", "--year", "1999")
    assert r.code == 0 and r.out == "nothing recorded in 1999: no practice and no pain entries that year\n"
    run("pain", "3")
    assert _grid_rows(run("calendar", "--year", "2026").out)


@pytest.mark.parametrize(
    ("tty", "env", "depth"),
    [
        (True, {"TERM": "xterm-256color"}, 256),
        (True, {"TERM": "xterm"}, 16),
        (True, {"TERM": "linux"}, 16),
        (True, {"TERM": "xterm", "COLORTERM": "truecolor"}, 256),
        (True, {"TERM": "dumb"}, 0),
        (True, {"TERM": "xterm-256color", "NO_COLOR": "1"}, 0),
        (False, {"TERM": "xterm-256color"}, 0),
        (False, {"TERM": "xterm-256color", "FORCE_COLOR": "1"}, 256),
        (False, {"TERM": "dumb", "CLICOLOR_FORCE": "1"}, 16),
        (False, {"FORCE_COLOR": "0"}, 0),
        (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, 0),
    ],
)
def test_calendar_colour_follows_the_conventions(tty: bool, env: dict[str, str], depth: int) -> None:
    from footbase_tui.commands.calendar_cmd import colour_depth

    assert colour_depth(tty, env) == depth


def test_calendar_forced_colour_reaches_a_pipe_in_16_colours(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("done", "--all")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("CLICOLOR_FORCE", "1")
    out = run("calendar", "--months", "1").out
    assert "\x1b[94m█\x1b[0m" in out and "\x1b[38;5;" not in out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("calendar", "--months", "1").out


def test_the_report_says_the_time_in_walkthroughs_in_words(run: Run, ctx: Context) -> None:
    from footbase_tui.core.records import Session, new_id

    def session(start: str, end: str) -> Session:
        return Session(new_id(), date(2026, 3, 2), "Europe/Berlin", start, end, "foundation", "walkthrough")

    ctx.store.save_session(session("2026-03-02T07:00:00Z", "2026-03-02T07:13:00Z"))
    ctx.store.save_session(session("2026-03-02T18:00:00Z", "2026-03-03T06:00:00Z"))  # left open all night
    md = run("export", "--format", "md").out
    assert "- Time in guided walkthroughs: 2 hours 13 minutes (2 sessions)" in md


def test_journal_shows_every_line_of_a_note_under_its_column(run: Run) -> None:
    run("pain", "4", "--where", "heel", "--note", "-", stdin="stairs\nthen a long walk\n\nbetter by noon")
    lines = run("journal").out.splitlines()
    assert len(lines) == 4 and lines[0].endswith(" stairs")
    column = lines[0].index("stairs")
    assert lines[1] == " " * column + "then a long walk" and lines[2] == ""
    assert lines[3] == " " * column + "better by noon"


def test_recent_notes_in_the_report_say_how_long_before_it(run: Run, ctx: Context) -> None:
    run("pain", "3", "--at", "6am", "--note", "woke stiff")  # 3 hours before the clock
    run("pain", "2", "--at", "mon 8:00", "--note", "fine")
    run("pain", "4", "--at", "2026-02-01T08:00", "--note", "long ago")
    md = run("export", "--format", "md", "--all").out
    assert "**2026-03-03 06:00 · pain 3/10** · 3 hours before this report" in md
    assert "**2026-03-02 08:00 · pain 2/10** · 1 day before this report" in md
    assert "**2026-02-01 08:00 · pain 4/10**\n" in md  # a month back: the date says enough

"""Hostile and odd input, everywhere a person or a file can type into footbase.

Each input either gets one clear line (exit 2, nothing written) or is stored normalised:
escape sequences and control characters stripped, the rest of the text kept. Nothing
crashes, nothing reaches the terminal as an escape sequence, and in the app nothing typed
styles the screen, changes the title or stops the app.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, Static

from footbase_tui.context import Context
from footbase_tui.core.text import clean_text
from footbase_tui.tui.app import FootbaseApp
from footbase_tui.tui.modals.confirm import ConfirmModal
from footbase_tui.tui.modals.pain_entry import PainEntryModal
from tests.conftest import Result, subprocess_env
from tests.uikit import screen_text, settle

Run = Callable[..., Result]
MakeApp = Callable[..., FootbaseApp]
SIZE = (100, 30)
KIND = "hostile or odd inputs tried"

OSC_TITLE = "\x1b]0;pwned\x07"
CSI_CLEAR = "\x1b[2J"
C1_CLEAR = "\x9b2J"


def terminal_safe(text: str, newlines: bool = True) -> list[str]:
    """Characters that must never reach a terminal or the store: C0/C1 controls (ESC, BEL,
    CSI...), surrogates, and format characters such as bidi overrides (ZWJ is allowed)."""
    bad = []
    for ch in text:
        if ch == "\n" and newlines:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs") or (cat == "Cf" and ch != "\u200d"):
            bad.append(ch)
    return bad


def one_clear_line(r: Result) -> None:
    """A refusal: exit 2, exactly one line on stderr that names footbase, no crash."""
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.err.count("\n") == 1 and r.err.endswith("\n"), r.err
    assert r.err.startswith("footbase"), r.err
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    assert r.out == ""


def run_bytes(
    run: Run, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...], stdin: bytes | None
) -> Result:
    """Run with standard input given as raw bytes (which may be invalid UTF-8)."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    return run(*argv)


# ---- 1. the command line: refused with one clear line, nothing written ----------------------

CLI_REFUSED = [
    # levels
    pytest.param(("pain", "11"), None, "0 (no pain) to 10", id="level-11"),
    pytest.param(("pain", "-1"), None, "0 (no pain) to 10", id="level-minus-1"),
    pytest.param(("pain", "NaN"), None, "got 'NaN'", id="level-NaN"),
    pytest.param(("pain", "nan"), None, "got 'nan'", id="level-nan"),
    pytest.param(("pain", "inf"), None, "got 'inf'", id="level-inf"),
    pytest.param(("pain", "-inf"), None, "unrecognized arguments: -inf", id="level-minus-inf"),  # an option?
    pytest.param(("pain", "1e1"), None, "got '1e1'", id="level-1e1"),
    pytest.param(("pain", "５"), None, "got '５'", id="level-fullwidth-5"),
    pytest.param(("pain", "٣"), None, "0 (no pain) to 10", id="level-arabic-indic-3"),
    pytest.param(("pain", "²"), None, "0 (no pain) to 10", id="level-superscript-2"),
    pytest.param(("pain", "-0"), None, "got '-0'", id="level-minus-0"),
    pytest.param(("pain", "03"), None, "got '03'", id="level-03"),
    pytest.param(("pain", "10.0"), None, "got '10.0'", id="level-10.0"),
    pytest.param(("pain", "0x3"), None, "0 (no pain) to 10", id="level-hex"),
    pytest.param(("pain", "three"), None, "0 (no pain) to 10", id="level-word"),
    pytest.param(("pain", ""), None, "0 (no pain) to 10", id="level-empty"),
    # notes that are too long (the limit counts characters, after cleaning)
    pytest.param(("pain", "3", "--note", "x" * 2001), None, "at most 2000", id="note-2001"),
    pytest.param(("pain", "3", "--note", "é" * 2001), None, "at most 2000", id="note-2001-accented"),
    pytest.param(("pain", "3", "--note", "👍" * 2001), None, "at most 2000", id="note-2001-emoji"),
    pytest.param(("pain", "3", "--note", "-"), b"x" * 100_000, "at most 2000", id="note-100k-stdin"),
    pytest.param(
        ("pain", "3", "--note", "-"),
        b"x" * 100_000,
        "the note has 100000 characters",
        id="note-100k-stdin-count",
    ),
    # where and context are closed lists
    pytest.param(("pain", "3", "--where", f"knee{CSI_CLEAR}"), None, "unknown location", id="where-escape"),
    pytest.param(("pain", "3", "--context", "walking\x00"), None, "unknown context", id="context-nul"),
    # impossible, odd and future dates and times
    pytest.param(("pain", "3", "--at", "2025-02-30T10:00"), None, "not a real date", id="at-feb-30"),
    pytest.param(("pain", "3", "--at", "2026-13-01T10:00"), None, "not a real date", id="at-month-13"),
    pytest.param(("pain", "3", "--at", "2026-03-03T24:00"), None, "not a real date", id="at-24h"),
    pytest.param(
        ("pain", "3", "--at", "2026-03-03T08:00+25:00"), None, "not a real date", id="at-offset-25h"
    ),
    pytest.param(("pain", "3", "--at", "25:00"), None, "not a time", id="at-25-00"),
    pytest.param(("pain", "3", "--at", "tomorrow 10:00"), None, "not a time", id="at-tomorrow"),
    pytest.param(("pain", "3", "--at", "０８:００"), None, "not a time", id="at-fullwidth"),
    pytest.param(("pain", "3", "--at", "09:02"), None, "in the future", id="at-2-min-ahead"),
    pytest.param(("pain", "3", "--at", "2027-01-01T10:00"), None, "in the future", id="at-next-year"),
    pytest.param(("pain", "3", "--at", "9999-12-31T23:59"), None, "in the future", id="at-year-9999"),
    pytest.param(
        ("pain", "3", "--at", "2026-03-29T02:30"),
        None,
        "2026-03-29 02:30 does not exist in Europe/Berlin",
        id="at-dst-gap",
    ),
    pytest.param(
        ("pain", "3", "--at", "0001-01-01T00:00"),
        None,
        "0001-01-01",
        id="at-year-1",
    ),
    pytest.param(
        ("today", "--date", "2025-02-30"), None, "'2025-02-30' is not a real date", id="today-feb-30"
    ),
    pytest.param(("today", "--date", "2027-01-01"), None, "in the future", id="today-future"),
    pytest.param(("today", "--date", "03/03/2026"), None, "use YYYY-MM-DD", id="today-us-date"),
    pytest.param(("journal", "--since", "2025-02-30"), None, "not a real date", id="since-feb-30"),
    pytest.param(("journal", "--last", "１０"), None, "1 to 100000", id="last-fullwidth"),
    pytest.param(("journal", "--last", "100001"), None, "1 to 100000", id="last-huge"),
]


@pytest.mark.parametrize(("argv", "stdin", "says"), CLI_REFUSED)
def test_cli_refuses_with_one_clear_line_and_writes_nothing(
    run: Run,
    ctx: Context,
    monkeypatch: pytest.MonkeyPatch,
    tally: Counter[str],
    argv: tuple[str, ...],
    stdin: bytes | None,
    says: str,
) -> None:
    tally[KIND] += 1
    r = run_bytes(run, monkeypatch, argv, stdin)
    one_clear_line(r)
    assert says in r.err, r.err
    assert terminal_safe(r.err, newlines=True) == [], r.err
    assert not ctx.paths.db.exists()


# ---- 2. the command line: stored, normalised ------------------------------------------------


@dataclass(frozen=True)
class Stored:
    argv: tuple[str, ...]
    note: str = ""
    level: int = 3
    stdin: bytes | None = None
    extra: dict[str, Any] = field(default_factory=dict)


CLI_STORED = [
    pytest.param(Stored(("pain", " 3 ")), id="level-padded"),
    pytest.param(Stored(("pain", "0"), level=0), id="level-0"),
    pytest.param(Stored(("pain", "10"), level=10), id="level-10"),
    pytest.param(Stored(("pain", "3", "--note", "x" * 2000), note="x" * 2000), id="note-2000"),
    pytest.param(
        Stored(("pain", "3", "--note", CSI_CLEAR * 300 + "x" * 2000), note="x" * 2000),
        id="note-2000-after-escapes",
    ),
    pytest.param(
        Stored(("pain", "3", "--note", "👍🏽" * 1000), note="👍🏽" * 1000), id="note-2000-codepoints-of-emoji"
    ),
    pytest.param(Stored(("pain", "3", "--note", "a\nb\n\n\n\nc  \n"), note="a\nb\n\nc"), id="note-newlines"),
    pytest.param(Stored(("pain", "3", "--note", "a\r\nb\rc"), note="a\nb\nc"), id="note-crlf"),
    pytest.param(Stored(("pain", "3", "--note", "tab\there"), note="tab here"), id="note-tab"),
    pytest.param(Stored(("pain", "3", "--note", "a\x00b\x7fc\x07d"), note="abcd"), id="note-nul-del-bel"),
    pytest.param(Stored(("pain", "3", "--note", "   "), note=""), id="note-blank"),
    pytest.param(
        Stored(("pain", "3", "--note", "😀 👍🏽 👨‍👩‍👧 ok"), note="😀 👍🏽 👨‍👩‍👧 ok"), id="note-emoji-zwj"
    ),
    pytest.param(
        Stored(("pain", "3", "--note", "足が痛い、歩けない"), note="足が痛い、歩けない"), id="note-wide-cjk"
    ),
    pytest.param(Stored(("pain", "3", "--note", "כואב לי ألم شديد"), note="כואב לי ألم شديد"), id="note-rtl"),
    pytest.param(
        Stored(("pain", "3", "--note", "evil\u202egnp.exe\u200b"), note="evilgnp.exe"),
        id="note-bidi-override",
    ),
    pytest.param(Stored(("pain", "3", "--note", "[/]"), note="[/]"), id="note-markup-close"),
    pytest.param(
        Stored(("pain", "3", "--note", "[@click=app.quit]"), note="[@click=app.quit]"),
        id="note-markup-action",
    ),
    pytest.param(
        Stored(("pain", "3", "--note", "[bold red]x[/] \\[y]"), note="[bold red]x[/] \\[y]"),
        id="note-markup-style",
    ),
    pytest.param(Stored(("pain", "3", "--note", f"{OSC_TITLE}sore"), note="sore"), id="note-osc-title"),
    pytest.param(Stored(("pain", "3", "--note", "\x1b]0;pwned\x1b\\sore"), note="sore"), id="note-osc-st"),
    pytest.param(Stored(("pain", "3", "--note", f"{CSI_CLEAR}sore"), note="sore"), id="note-csi-clear"),
    pytest.param(Stored(("pain", "3", "--note", f"{C1_CLEAR}sore"), note="sore"), id="note-c1-csi"),
    pytest.param(Stored(("pain", "3", "--note", "\x9d0;pwned\x9csore"), note="sore"), id="note-c1-osc"),
    pytest.param(Stored(("pain", "3", "--note", "\x1b[31mred\x1b[0m"), note="red"), id="note-sgr"),
    pytest.param(Stored(("pain", "3", "--note", "\x1bPq#0;2;0;0;0\x1b\\sore"), note="sore"), id="note-dcs"),
    pytest.param(Stored(("pain", "3", "--note", CSI_CLEAR), note=""), id="note-only-escapes"),
    # what the OS hands over for undecodable argv bytes (surrogateescape)
    pytest.param(
        Stored(("pain", "3", "--note", "caf\udcff ok"), note="caf\ufffd\ufffd\ufffd ok"),
        id="note-lone-surrogate-argv",
    ),
    # standard input as raw bytes
    pytest.param(
        Stored(("pain", "3", "--note", "-"), stdin=b"caf\xed\xa0\x80 ok\n", note="caf\ufffd\ufffd\ufffd ok"),
        id="stdin-encoded-surrogate",
    ),
    pytest.param(
        Stored(("pain", "3", "--note", "-"), stdin=b"\xff\xfesore", note="\ufffd\ufffdsore"),
        id="stdin-invalid-utf8",
    ),
    pytest.param(
        Stored(
            ("pain", "3", "--note", "-"),
            stdin=b"sore\r\narch\x1b]0;pwned\x07\n\n\n\nend\n",
            note="sore\narch\n\nend",
        ),
        id="stdin-multiline-escapes",
    ),
    # odd but valid times: with an explicit offset, one minute ahead, long ago, seconds
    pytest.param(
        Stored(
            ("pain", "3", "--at", "2026-03-03T08:00+05:00"),
            extra={"utc": "2026-03-03T03:00:00Z", "date": "2026-03-03"},
        ),
        id="at-explicit-offset",
    ),
    pytest.param(
        Stored(("pain", "3", "--at", "09:01"), extra={"utc": "2026-03-03T08:01:00Z"}), id="at-1-min-ahead"
    ),
    pytest.param(
        Stored(
            ("pain", "3", "--at", "1970-01-01T00:00"),
            extra={"utc": "1969-12-31T23:00:00Z", "date": "1970-01-01"},
        ),
        id="at-1970",
    ),
    pytest.param(
        Stored(("pain", "3", "--at", "2026-03-03T08:00:59.999"), extra={"utc": "2026-03-03T07:00:59Z"}),
        id="at-fractional-seconds",
    ),
    pytest.param(Stored(("pain", "3", "--where", ",, knee,knee ,")), id="where-commas-and-duplicates"),
]


@pytest.mark.parametrize("case", CLI_STORED)
def test_cli_stores_odd_input_normalised(
    run: Run, ctx: Context, monkeypatch: pytest.MonkeyPatch, tally: Counter[str], case: Stored
) -> None:
    tally[KIND] += 1
    r = run_bytes(run, monkeypatch, case.argv, case.stdin)
    assert r.code == 0, r.err
    # Pain of 7 or more adds one line on stderr pointing to the warning signs.
    pointer = f"footbase: pain {case.level}/10 is high: check the warning signs now: footbase warning-signs\n"
    assert r.err == (pointer if case.level >= 7 else ""), r
    assert r.out.startswith("saved: pain") and r.out.count("\n") == 1, r
    [entry] = ctx.store.load().pain
    assert entry.level == case.level
    assert entry.note == case.note
    assert terminal_safe(entry.note) == [] and clean_text(entry.note) == entry.note
    for name, value in case.extra.items():
        assert str(getattr(entry, name)) == value, name
    if "--where" in case.argv:
        assert entry.where == ("knee",)
    # Shown back, the note is still plain text: nothing for a terminal to act on.
    journal = run("journal")
    assert journal.code == 0 and terminal_safe(journal.out) == [], journal.out
    shown = json.loads(run("journal", "--json").out)
    assert [e["note"] for e in shown] == [case.note]


def test_a_real_process_given_invalid_utf8_in_argv_and_stdin(ctx: Context, tally: Counter[str]) -> None:
    """The OS hands undecodable bytes to Python as lone surrogates; stored as U+FFFD."""
    tally[KIND] += 2
    env = subprocess_env(ctx)
    argv = [os.fsencode(sys.executable), b"-m", b"footbase_tui", b"pain", b"3", b"--note", b"caf\xff ok"]
    r = subprocess.run(argv, env=env, capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [sys.executable, "-m", "footbase_tui", "pain", "4", "--note", "-"],
        env=env,
        input=b"\xed\xa0\x80\x1b[2J\xc3(end",
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    notes = sorted(e.note for e in ctx.store.load().pain)
    assert all("caf" in n or "end" in n for n in notes) and len(notes) == 2
    for note in notes:
        assert "\ufffd" in note and terminal_safe(note) == []
        note.encode("utf-8")  # no lone surrogates left


def test_a_long_stdin_note_is_never_silently_cut(
    run: Run, ctx: Context, monkeypatch: pytest.MonkeyPatch, tally: Counter[str]
) -> None:
    tally[KIND] += 1
    # e.g. coloured output piped in: 68,000 bytes of colour codes, then the words.
    data = b"\x1b[0m" * 17_000 + b"knee hurts after the run"
    r = run_bytes(run, monkeypatch, ("pain", "3", "--note", "-"), data)
    if r.code == 0:
        assert ctx.store.load().pain[0].note == "knee hurts after the run"
    else:
        one_clear_line(r)


# ---- 3. user text echoed in error messages must not reach the terminal raw -------------------


ECHOED = [
    pytest.param(("pain", OSC_TITLE), id="level"),
    pytest.param(("pain", "3", "--where", OSC_TITLE), id="where"),
    pytest.param(("pain", "3", "--context", OSC_TITLE), id="context"),
    pytest.param(("restore", OSC_TITLE), id="restore"),
    pytest.param(("journal", "--last", OSC_TITLE), id="last"),
    pytest.param(("pain", "3", "--at", OSC_TITLE), id="at"),
    pytest.param(("today", "--date", CSI_CLEAR), id="today-date"),
    pytest.param(("journal", "--since", OSC_TITLE), id="since"),
    pytest.param(("catalog", "show", OSC_TITLE), id="catalog-show"),
    pytest.param(("program", OSC_TITLE), id="program"),
    pytest.param(("done", OSC_TITLE), id="done"),
    pytest.param(("pain", "3", C1_CLEAR), id="unrecognized-argument"),
]


@pytest.mark.parametrize("argv", ECHOED)
def test_an_error_never_echoes_escape_sequences(
    run: Run, ctx: Context, tally: Counter[str], argv: tuple[str, ...]
) -> None:
    tally[KIND] += 1
    r = run(*argv)
    assert r.code != 0 and "Traceback" not in r.err and r.err.count("\n") == 1, r.err
    assert terminal_safe(r.err) == [], r.err
    assert not ctx.paths.db.exists() or ctx.store.load().pain == []


# ---- 4. config YAML -------------------------------------------------------------------------

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)
DEEP = "timezone: " + "[" * 5_000 + "]" * 5_000 + "\n"  # 10 kB: well under the 1 MB cap

CONFIG_REFUSED = [
    pytest.param("timezone: 5\n", ":1: timezone: expected an IANA zone name", id="tz-number"),
    pytest.param("timezone: [Europe/Berlin]\n", ":1: timezone: expected an IANA", id="tz-list"),
    pytest.param("timezone: Mars/Olympus\n", "'Mars/Olympus' is not an IANA", id="tz-unknown"),
    pytest.param("timezone: ../../../etc/passwd\n", "is not an IANA", id="tz-path"),
    pytest.param('day_starts_at: "07:00"\n', "from 00:00 to 06:00", id="day-starts-late"),
    pytest.param("day_starts_at: yes\n", ":1: day_starts_at: expected a time", id="day-starts-bool"),
    pytest.param("day_starts_at: 4.5\n", ":1: day_starts_at: expected a time", id="day-starts-float"),
    pytest.param("day_starts_at: 25:00\n", "'25:00' is not a time of day", id="day-starts-25h"),
    pytest.param('bell: "yes"\n', ":1: bell: expected true or false", id="bell-string"),
    pytest.param("week_starts: Monday\n", ":1: week_starts: expected monday or sunday", id="week-case"),
    pytest.param("locations: [Low Back]\n", "expected lower-case words", id="locations-words"),
    pytest.param("locations: knee\n", "expected a list of 1 to 40 words", id="locations-string"),
    pytest.param("locations: [knee, knee]\n", "'knee' is listed twice", id="locations-twice"),
    pytest.param("timezone: Europe/Berlin\ncolour: red\n", ":2: colour: unknown setting", id="unknown-key"),
    pytest.param("1: 2\n", ":1: keys must be plain words", id="number-key"),
    pytest.param("timezone: Europe/Berlin\n\tbell: true\n", ":2: not valid YAML", id="tab-indent"),
    pytest.param(
        "timezone: Europe/Berlin\ntimezone: Asia/Tokyo\n", ":2: 'timezone' is given twice", id="duplicate-key"
    ),
    pytest.param(BOMB, ":1: anchors and aliases", id="billion-laughs"),
    pytest.param("timezone: &z Europe/Berlin\nweek_starts: *z\n", "anchors and aliases", id="alias"),
    pytest.param("b: &b {bell: true}\n<<: *b\n", "config.yaml:", id="merge-key"),
    pytest.param(
        "timezone: !!python/object/apply:os.system ['echo pwned']\n", "timezone: expected", id="python-tag"
    ),
    pytest.param("bell: !!binary abc\n", ":1: cannot read value", id="bad-binary"),
    pytest.param("- timezone\n- Europe/Berlin\n", "expected a mapping of settings", id="list-root"),
    pytest.param("timezone: [unclosed\n", "not valid YAML", id="unclosed-flow"),
    pytest.param(b"timezone: Europe/Berl\xffin\n", ":1: not UTF-8 text", id="not-utf8"),
    pytest.param("# " + "x" * 1_000_001 + "\n", "too large", id="over-1MB"),
    pytest.param(
        "timezone: Europe/Berlin\nbell: \x00\n",
        "config.yaml",
        id="nul-byte",
    ),
    pytest.param(
        DEEP,
        "config.yaml",
        id="deep-nesting",
    ),
    pytest.param(
        "timezone: 2026-02-30\n",
        "config.yaml:1",
        id="impossible-date-value",
    ),
]


@pytest.mark.parametrize(("text", "says"), CONFIG_REFUSED)
def test_a_bad_config_is_one_clear_line(
    run: Run, ctx: Context, tally: Counter[str], text: str | bytes, says: str
) -> None:
    tally[KIND] += 1
    if isinstance(text, bytes):
        ctx.paths.config.write_bytes(text)
    else:
        ctx.paths.config.write_text(text, encoding="utf-8")
    r = run("pain", "3")
    one_clear_line(r)
    assert says in r.err and str(ctx.paths.config) in r.err, r.err
    assert not ctx.paths.db.exists()


CONFIG_ACCEPTED = [
    pytest.param("timezone:\tEurope/Berlin\n", "Europe/Berlin", id="tab-after-colon"),
    pytest.param("\ufefftimezone: Europe/Berlin\n", "Europe/Berlin", id="byte-order-mark"),
    pytest.param("timezone: '  Europe/Berlin  '\n", "Europe/Berlin", id="tz-padded"),
    pytest.param(
        "timezone: Europe/Berlin\nday_starts_at: 04:00\n", "Europe/Berlin", id="unquoted-sexagesimal-time"
    ),
    pytest.param("# only a comment\n", "UTC", id="comment-only"),
    pytest.param("", "UTC", id="empty-file"),
    pytest.param("timezone:\n", "UTC", id="tz-null"),
]


@pytest.mark.parametrize(("text", "zone"), CONFIG_ACCEPTED)
def test_an_odd_but_valid_config_works(
    run: Run, ctx: Context, tally: Counter[str], text: str, zone: str
) -> None:
    tally[KIND] += 1
    ctx.paths.config.write_text(text, encoding="utf-8")  # TZ=UTC in the tests' environment
    r = run("pain", "3")
    assert r.code == 0 and r.err == "", r.err
    [entry] = ctx.store.load().pain
    assert entry.tz == zone


# ---- 5. catalog YAML ------------------------------------------------------------------------

BUILTIN = Path(__file__).resolve().parents[2] / "catalog"
EXERCISE = (
    (BUILTIN / "exercises" / "toe-yoga.yaml")
    .read_text(encoding="utf-8")
    .replace("id: toe-yoga", "id: my-yoga")
)
PROGRAM = (
    (BUILTIN / "programs" / "desk-five.yaml")
    .read_text(encoding="utf-8")
    .replace("id: desk-five", "id: my-program")
)


def named(value: str) -> str:
    return EXERCISE.replace("name: Toe yoga", f"name: {value}", 1)


CATALOG_REFUSED = [
    pytest.param(
        EXERCISE.replace("per_side: false", 'per_side: "no"'),
        ":6: per_side: expected true",
        id="wrong-type-bool",
    ),
    pytest.param(
        EXERCISE.replace("sets: 1,", "sets: one,", 1), "sets: expected a whole number", id="wrong-type-int"
    ),
    pytest.param(EXERCISE.replace("sets: 1,", "sets: 1.5,", 1), "got the number 1.5", id="float-sets"),
    pytest.param(
        EXERCISE.replace("sets: 1,", "sets: 99999999999999999999999,", 1), "from 1 to 20", id="huge-sets"
    ),
    pytest.param(EXERCISE + "colour: red\n", "colour: unknown key", id="unknown-key"),
    pytest.param(EXERCISE.replace("cues:\n  - Only", "cues:\n\t- Only"), "not valid YAML", id="tab-indent"),
    pytest.param(EXERCISE + "name: Again\n", "'name' is given twice", id="duplicate-key"),
    pytest.param(EXERCISE + BOMB, "anchors and aliases", id="billion-laughs"),
    pytest.param(BOMB, ":1: anchors and aliases", id="billion-laughs-alone"),
    pytest.param(named('"Toe \\e]0;pwned\\a yoga"'), "name: expected plain text", id="osc-in-name"),
    pytest.param(named('"Toe \\x9b2J yoga"'), "name: expected plain text", id="c1-in-name"),
    pytest.param(named('"Toe \\0 yoga"'), "name: expected plain text", id="nul-in-name"),
    pytest.param(named('"Toe \\u202e yoga"'), "name: expected plain text", id="bidi-in-name"),
    pytest.param(named("y" * 61), "at most 60 characters", id="long-name"),
    pytest.param(named("!!python/object/apply:os.system ['echo pwned']"), "name: expected", id="python-tag"),
    pytest.param(EXERCISE.replace("id: my-yoga", "id: ../../etc"), "id: expected an id", id="id-path"),
    pytest.param(EXERCISE.replace("kind: exercise", "kind: exorcise"), "got 'exorcise'", id="bad-kind"),
    pytest.param("- 1\n- 2\n", "kind: expected", id="list-root"),
    pytest.param("", "the file is empty", id="empty"),
    pytest.param(
        PROGRAM.replace("exercise: ankle-alphabet", "exercise: nope"),
        "unknown exercise 'nope'",
        id="program-unknown-exercise",
    ),
    pytest.param(
        PROGRAM.replace("until_week: null", "until_week: null\n    rest_days: monday"),
        "rest_days: expected a list",
        id="program-rest-days-string",
    ),
    pytest.param(EXERCISE.replace("Toe yoga", "Toe \udcff yoga"), "not UTF-8 text", id="not-utf8"),
    pytest.param(
        "kind: exercise\nid: " + "[" * 5_000 + "]" * 5_000 + "\n",
        "x.yaml",
        id="deep-nesting",
    ),
    pytest.param(
        named("2026-02-30"),
        "x.yaml:3",
        id="impossible-date-value",
    ),
]


def write_yaml(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8", "surrogateescape"))


@pytest.mark.parametrize(("text", "says"), CATALOG_REFUSED)
def test_a_bad_catalog_file_is_one_clear_line(
    run: Run, ctx: Context, tmp_path: Path, tally: Counter[str], text: str, says: str
) -> None:
    tally[KIND] += 1
    # `footbase catalog check FILE` (check_path) ...
    checked = tmp_path / "check" / "x.yaml"
    write_yaml(checked, text)
    r = run("catalog", "check", str(checked))
    one_clear_line(r)
    assert says in r.err and str(checked) in r.err, r.err
    # ... and the same file in the user's catalog folder, read by every command (load_catalog).
    mine = ctx.paths.catalog_dir / "x.yaml"
    write_yaml(mine, text)
    r = run("today")
    one_clear_line(r)
    assert says in r.err and str(mine) in r.err, r.err
    assert not ctx.paths.db.exists()


# ---- 6. the app: the pain form and what it shows -------------------------------------------


@dataclass(frozen=True)
class Typed:
    note: str
    saved: str | None  # what the store must hold; None: refused
    paste: bool = False  # a paste delivers raw text, escapes included; typing goes key by key
    level: str = "3"
    paste_level: bool = False
    says: str = ""


APP_CASES = [
    pytest.param(Typed("[/] [bold]x", "[/] [bold]x"), id="markup-close-and-bold"),
    pytest.param(Typed("[@click=app.quit]", "[@click=app.quit]"), id="markup-click-quit"),
    pytest.param(Typed("足が痛い שלום", "足が痛い שלום"), id="cjk-and-rtl"),
    pytest.param(Typed("😀👍🏽 👨‍👩‍👧", "😀👍🏽 👨‍👩‍👧", paste=True), id="emoji"),
    pytest.param(Typed(f"{OSC_TITLE}sore [b]arch", "sore [b]arch", paste=True), id="osc-title"),
    pytest.param(
        Typed(f"{CSI_CLEAR}sore{C1_CLEAR} arch\x00\u202e!", "sore arch!", paste=True), id="csi-c1-nul-bidi"
    ),
    pytest.param(Typed("y" * 2000, "y" * 2000, paste=True), id="note-2000"),
    pytest.param(Typed("y" * 2001, None, paste=True, says="the note has 2001 characters"), id="note-2001"),
    pytest.param(
        Typed("", None, level="５", paste_level=True, says="Type a level from 0"), id="level-fullwidth"
    ),
    pytest.param(Typed("", None, level="99", says="Type a level from 0"), id="level-99"),
    # The note field is one line: a pasted multi-line note keeps every line, joined by spaces.
    pytest.param(
        Typed("first line\nsecond line", "first line second line", paste=True),
        id="multiline-paste",
    ),
]


def rendered(app: FootbaseApp) -> str:
    """The characters actually drawn for the active screen."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("case", APP_CASES)
async def test_the_pain_form_takes_hostile_text_safely(
    make_app: MakeApp,
    ctx: Context,
    tally: Counter[str],
    case: Typed,
) -> None:
    tally[KIND] += 1
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        title, sub_title = app.title, app.sub_title
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PainEntryModal)
        if case.paste_level:
            app.screen.query_one("#pain-level", Input).post_message(events.Paste(case.level))
        else:
            await pilot.press(*case.level)
        await pilot.press("tab", "tab", "tab")
        note = app.screen.query_one("#pain-note", Input)
        assert app.screen.focused is note
        if case.paste:
            note.post_message(events.Paste(case.note))
        else:
            await pilot.press(*case.note)
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)  # the save runs in a worker thread: wait for it, not just the queue
        assert app.is_running and (app.title, app.sub_title) == (title, sub_title)
        assert terminal_safe(rendered(app)) == []
        if case.saved is None:
            assert isinstance(app.screen, PainEntryModal)
            error = str(app.screen.query_one("#pain-error", Static).render())
            assert case.says in error and "\n" not in error
            assert ctx.store.load().pain == []
            return
        assert not isinstance(app.screen, PainEntryModal)
        [entry] = ctx.store.load().pain
        assert entry.note == case.saved and entry.level == int(case.level)
        assert terminal_safe(entry.note) == []
        # Shown in the journal and quoted in a question, the note stays literal text.
        await pilot.press("j")
        await settle(pilot)
        first = case.saved.split("\n", 1)[0]
        assert first[:39] in rendered(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        cut = len(first) > 40 or "\n" in case.saved.strip()  # marked as cut, not silently
        assert f'"{first[:40]}{"…" if cut else ""}"' in screen_text(app)
        assert terminal_safe(rendered(app)) == []
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and (app.title, app.sub_title) == (title, sub_title)
        assert len(ctx.store.load().pain) == 1


async def test_markup_in_a_catalog_name_is_shown_literally(
    make_app: MakeApp,
    ctx: Context,
    tally: Counter[str],
) -> None:
    """A user's catalog file overrides a built-in exercise with markup in its name."""
    tally[KIND] += 1
    name = "Walk [bold]x[/] [@click=app.quit]y [/]"
    text = (BUILTIN / "exercises" / "barefoot-walk.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^name: .*$", f"name: '{name}'", text, count=1, flags=re.MULTILINE)
    write_yaml(ctx.paths.catalog_dir / "walk.yaml", text)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert name in screen_text(app) and name in rendered(app)
        assert terminal_safe(rendered(app)) == []
        assert app.is_running

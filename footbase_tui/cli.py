"""The `footbase` command: argparse, dispatch, and one-line errors with exit codes.

The quick paths (pain, journal, today, done, status, ...) never import Textual; only the
bare `footbase` command, which opens the app, does.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from footbase_tui import __version__
from footbase_tui.errors import UsageError

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_SAVED_UNREPORTED = 3  # the write happened; only its confirmation could not be printed


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line (what was wrong, where to look) and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {_printable(message)} (see '{self.prog} --help')\n")


def _level(text: str) -> int:
    import re

    if not re.fullmatch(r"\s*(10|[0-9])\s*", text, re.ASCII):
        raise argparse.ArgumentTypeError(f"LEVEL must be a whole number from 0 (no pain) to 10, got {text!r}")
    return int(text)


def _positive(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 100000:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to 100000, got {text!r}")
    return int(text)


def _cache_argparse_words() -> None:
    """argparse asks gettext for its own words ("options", "show this help message and
    exit", ...) about 60 times per parser build, and each ask searches the disk for
    message catalogs: half of building the parser. The answers never change within a
    process, so they are cached (translations still apply)."""
    import functools
    import gettext

    if not hasattr(getattr(argparse, "_", None), "cache_info"):
        setattr(argparse, "_", functools.lru_cache(maxsize=512)(gettext.gettext))  # noqa: B010


def _yes_no(text: str) -> bool:
    word = text.strip().lower()
    if word not in ("y", "yes", "n", "no"):
        raise argparse.ArgumentTypeError(f"expected yes or no, got {text!r}")
    return word.startswith("y")


def build_parser() -> argparse.ArgumentParser:
    _cache_argparse_words()
    p = _Parser(
        prog="footbase",
        description="A daily foot-strength practice: routine, calendar and pain journal. "
        "With no command, opens the app.",
        epilog="Exercise guidance, not medical advice. When to get help: footbase warning-signs.",
    )
    p.add_argument("--version", action="version", version=f"footbase {__version__}")
    p.add_argument("--db", metavar="PATH", help="store file (default: $FOOTBASE_DB or the data dir)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    s = sub.add_parser(
        "pain",
        help="log a pain entry (0-10) and print one line",
        usage="footbase pain LEVEL [--where LOC ...] [--context CTX] [--note TEXT | --note -] [--at WHEN]",
    )
    # LEVEL may also come last (`pain --where hip 3`): the handler takes it from --where.
    s.add_argument("level", nargs="?", type=_level, metavar="LEVEL", help="0 (no pain) to 10")
    s.add_argument(
        "--where",
        action="extend",
        nargs="+",
        default=[],
        metavar="LOC",
        help="where it hurts: one or more places (--where low-back hip), repeated or with commas",
    )
    s.add_argument("--context", metavar="CTX", help="what you were doing")
    s.add_argument("--note", metavar="TEXT", help="a note; '-' reads it from standard input")
    s.add_argument(
        "--at",
        metavar="WHEN",
        help="when it was: 9pm, 21:00, 'yesterday 9pm', 'mon 8:30' (the last Monday; "
        "'last mon 8:30': before today), '2h ago' or YYYY-MM-DDTHH:MM; never in the future",
    )

    s = sub.add_parser(
        "edit", help="change a pain entry (by id, as 'journal --json' shows it) and print one line"
    )
    s.add_argument("id", metavar="ID", help="the entry's id, or a unique start of it (4+ characters)")
    s.add_argument("--level", type=_level, metavar="N", help="0 (no pain) to 10")
    s.add_argument(
        "--where", action="append", metavar="LOC", help="where it hurts (replaces the places); '' for none"
    )
    s.add_argument("--context", metavar="CTX", help="what you were doing; '' for none")
    s.add_argument(
        "--note", metavar="TEXT", help="the new note ('' removes it); '-' reads it from standard input"
    )
    s.add_argument("--at", metavar="WHEN", help="HH:MM, 'yesterday HH:MM' or YYYY-MM-DDTHH:MM")

    s = sub.add_parser("delete", help="delete a pain entry (by id, as 'journal --json' shows it)")
    s.add_argument("id", metavar="ID", help="the entry's id, or a unique start of it (4+ characters)")

    sub.add_parser("undo", help="take back the last edit or delete made from the shell today")

    s = sub.add_parser("journal", help="list pain entries (the last 20 unless told; --json: all)")
    s.add_argument(
        "--last", type=_positive, metavar="N", help="only the last N entries (default: 20, all with --json)"
    )
    s.add_argument("--all", action="store_true", help="every entry")
    s.add_argument("--since", metavar="DATE", help="from this date on (YYYY-MM-DD), all of them")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("today", help="show a day's routine")
    s.add_argument("--date", metavar="DATE", help="YYYY-MM-DD, today or yesterday")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("done", help="mark exercises of a day's routine done")
    s.add_argument("exercises", nargs="*", metavar="EXERCISE", help="exercise ids")
    s.add_argument("--all", action="store_true", help="every exercise still to do")
    s.add_argument("--date", metavar="DATE", help="YYYY-MM-DD, today or yesterday")

    s = sub.add_parser("status", help="one line for a prompt or login: progress, streak, pain")
    s.add_argument("--json", action="store_true", help="print JSON (for reminders and scripts)")

    s = sub.add_parser("calendar", help="the consistency heatmap and numbers, as text")
    s.add_argument("--months", type=_positive, metavar="N", help="months to show (default: 12, or what fits)")
    s.add_argument("--year", type=_positive, metavar="YYYY", help="one calendar year")
    s.add_argument("--pain", action="store_true", help="show average pain per day instead")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("trends", help="pain over the last weeks, by place, and beside the practice")
    s.add_argument(
        "--weeks", type=_positive, metavar="N", help="weeks to look at, this one included (default: 12)"
    )
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("export", help="export pain entries and practice as CSV, JSON or a report")
    s.add_argument(
        "--format",
        required=True,
        choices=("csv", "json", "md"),
        help="csv: two tables for a spreadsheet; json: everything, for 'footbase "
        "import'; md: a one-page report of the last 12 weeks",
    )
    s.add_argument("--all", action="store_true", help="md: the whole history (csv and json have it anyway)")
    s.add_argument("--since", metavar="DATE", help="from this date on (YYYY-MM-DD)")
    s.add_argument("--until", metavar="DATE", help="up to this date, inclusive (YYYY-MM-DD)")
    s.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write a new file (0600) instead of standard output; for csv, a folder "
        "(or a name ending in /) gets pain.csv and exercises.csv",
    )

    s = sub.add_parser(
        "import", help="merge a JSON export or another store file into this store (newest version wins)"
    )
    s.add_argument(
        "file",
        metavar="FILE",
        help="a file made by 'footbase export --format json', another machine's store file, or - for stdin",
    )

    s = sub.add_parser("level", help="move an exercise up or down a level, or hold it there")
    s.add_argument("exercise", metavar="EXERCISE", help="exercise id (see 'footbase catalog list')")
    s.add_argument(
        "action",
        choices=("up", "down", "hold"),
        metavar="up|down|hold",
        help="up (to at most what the program allows now), down, or hold (stay; ask again later)",
    )

    s = sub.add_parser(
        "program",
        help="show the program, or choose one; 'program show [ID]' prints each phase's days and minutes",
    )
    s.add_argument("program", nargs="?", metavar="ID", help="program to follow from now on, or 'show'")
    s.add_argument("show_id", nargs="?", metavar="SHOW_ID", help="with 'show': the program (default: yours)")
    s.add_argument("--start", metavar="DATE", help="its day 1 (default: today)")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("catalog", help="list, show or check exercises and programs")
    csub = s.add_subparsers(dest="catalog_command", metavar="ACTION", parser_class=_Parser, required=True)
    c = csub.add_parser("list", help="list exercises and programs")
    c.add_argument("--json", action="store_true", help="print JSON")
    c = csub.add_parser("show", help="show one exercise or program")
    c.add_argument("id", metavar="ID")
    c.add_argument("--json", action="store_true", help="print JSON: every field of the catalog entry")
    c = csub.add_parser("check", help="validate a catalog file or folder")
    c.add_argument("path", nargs="?", metavar="PATH", help="file or folder (default: your catalog folder)")

    sub.add_parser("warning-signs", help="back-pain warning signs: when to get help, and how soon")

    s = sub.add_parser(
        "screening", help="a few safety questions that adjust the routine (asked on a terminal)"
    )
    for flag, what in (
        ("--foot-sensation", "feet that have lost feeling, diabetes, poor circulation or foot wounds"),
        ("--falls", "a fall in the last year, dizziness or unsteadiness"),
        ("--recent-injury", "a recent injury or operation on a foot, ankle, leg or the back"),
    ):
        s.add_argument(flag, type=_yes_no, metavar="yes|no", help=what)
    s.add_argument("--show", action="store_true", help="print the answers without asking")

    s = sub.add_parser("locate", help="print where the store and the config live")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("restore", help="list backups, or put one back")
    s.add_argument("backup", nargs="?", metavar="BACKUP", help="backup name from --list")
    s.add_argument("--list", action="store_true", help="list the backups")
    s.add_argument("--json", action="store_true", help="with --list: print JSON")

    s = sub.add_parser(
        "doctor",
        help="check the store, its folders, zone, config, catalog and terminal (exit 1 on a problem)",
    )
    s.add_argument("--json", action="store_true", help="print JSON: ok, and each check's level and text")

    s = sub.add_parser("completion", help="print a shell completion script (bash, zsh or fish)")
    s.add_argument("shell", choices=("bash", "zsh", "fish"), metavar="SHELL", help="bash, zsh or fish")
    return p


WRITE_COMMANDS = frozenset(("pain", "done", "import", "restore", "program"))

# command -> (module in footbase_tui.commands, function); imported only when that command runs.
HANDLERS = {
    "pain": ("pain", "run_pain"),
    "journal": ("pain", "run_journal"),
    "edit": ("entry_cmd", "run_edit"),
    "delete": ("entry_cmd", "run_delete"),
    "undo": ("entry_cmd", "run_undo"),
    "today": ("routine_cmd", "run_today"),
    "done": ("routine_cmd", "run_done"),
    "status": ("routine_cmd", "run_status"),
    "program": ("routine_cmd", "run_program"),
    "level": ("level_cmd", "run_level"),
    "calendar": ("calendar_cmd", "run_calendar"),
    "trends": ("trends_cmd", "run_trends"),
    "export": ("export_cmd", "run_export"),
    "import": ("export_cmd", "run_import"),
    "catalog": ("catalog_cmd", "run_catalog"),
    "warning-signs": ("safety_cmd", "run_warning_signs"),
    "screening": ("safety_cmd", "run_screening"),
    "locate": ("store_cmd", "run_locate"),
    "restore": ("store_cmd", "run_restore"),
    "completion": ("completion_cmd", "run_completion"),
    "doctor": ("doctor_cmd", "run_doctor"),
}


# Commands that write: each first merges any sync conflict copy beside the store.
WRITING = frozenset(("pain", "done", "import", "edit", "delete", "undo", "level"))


def _handler(command: str) -> Callable[..., int]:
    import importlib

    module, name = HANDLERS[command]
    handler: Callable[..., int] = getattr(importlib.import_module(f"footbase_tui.commands.{module}"), name)
    return handler


def has_terminal() -> bool:
    """Whether standard input and output are a terminal (the app needs one for both)."""
    return sys.stdout.isatty() and sys.stdin.isatty()


def _printable(message: str) -> str:
    """An error may quote what was typed: never let it carry an escape sequence (a title
    change, a screen clear) or a second line to the terminal."""
    from footbase_tui.core.text import clean_text

    return clean_text(message, multiline=False)


def _fail(message: str, code: int) -> int:
    print(f"footbase: {_printable(message)}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None, context: Any = None) -> int:
    """Run one command; return its exit code. `context` lets tests inject a clock and paths."""
    args = build_parser().parse_args(argv)
    if args.command is not None and argv is None:  # a real process (tests call main in theirs)
        # A command is a short-lived process whose data (parsed JSON) has no cycles: the
        # cyclic collector would only walk the tens of thousands of objects of a big store
        # again and again (40-80 ms of a 350 ms quick entry on ten years, measured). The app
        # keeps collecting: it lives for hours, and dismissed dialogs must be freed.
        import gc

        gc.disable()
    from footbase_tui.context import Context
    from footbase_tui.core.errors import CatalogError, ConfigError, PainInputError, YamlError
    from footbase_tui.core.localtime import TimeInputError
    from footbase_tui.errors import (
        NotSaved,
        SavedNotReported,
        StoreError,
        internal_error_line,
        not_saved_message,
    )

    ctx = None
    try:
        ctx = context or Context.from_args(args.db)
        if args.command is None:
            if not has_terminal():
                # The app would write escape codes into a pipe and wait for keys forever.
                raise UsageError("footbase needs a terminal; try 'footbase today'")
            from footbase_tui.tui.launch import run_app

            return run_app(ctx)
        if args.command in WRITING or (args.command == "program" and args.program):
            for done in ctx.store.merge_conflict_copies():
                print(f"footbase: {_printable(done.line())}", file=sys.stderr)
        return _handler(args.command)(ctx, args)
    except (UsageError, TimeInputError, PainInputError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except (ConfigError, CatalogError, YamlError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except NotSaved as exc:
        return _fail(not_saved_message(exc), EXIT_FAIL)
    except StoreError as exc:
        # A refused path on a write (a folder or a link at the store, another user's folder)
        # is a refusal of that write: it says "not saved" like every other one.
        return _fail(not_saved_message(exc) if _writes(args) else str(exc), EXIT_FAIL)
    except SavedNotReported as exc:
        _drop_stdout()  # its buffer would fail again at exit
        return _fail(str(exc), EXIT_SAVED_UNREPORTED)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`footbase journal | head`): stop quietly.
        _drop_stdout()
        return EXIT_OK
    except Exception as exc:  # pragma: no cover - last line of defence
        if os.environ.get("FOOTBASE_DEBUG"):
            raise
        if isinstance(exc, OSError):
            _drop_stdout()
        # The message may quote user text (a note), so only the type and place are shown.
        wrote = ctx is not None and "store" in vars(ctx) and ctx.store.writes > 0
        return _fail(internal_error_line(exc, wrote), EXIT_FAIL)


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command asked for a write (`restore --list` and a bare `program` only read)."""
    if args.command == "program":
        return args.program is not None
    return args.command in WRITE_COMMANDS and not getattr(args, "list", False)


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit cannot fail a second time."""
    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

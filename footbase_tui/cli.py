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


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="footbase",
        description="A daily foot-strength practice: routine, calendar and pain journal. "
        "With no command, opens the app.",
        epilog="Exercise guidance, not medical advice.",
    )
    p.add_argument("--version", action="version", version=f"footbase {__version__}")
    p.add_argument("--db", metavar="PATH", help="store file (default: $FOOTBASE_DB or the data dir)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    s = sub.add_parser("pain", help="log a pain entry (0-10) and print one line")
    s.add_argument("level", type=_level, metavar="LEVEL", help="0 (no pain) to 10")
    s.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="LOC",
        help="where it hurts; repeat or separate with commas",
    )
    s.add_argument("--context", metavar="CTX", help="what you were doing")
    s.add_argument("--note", metavar="TEXT", help="a note; '-' reads it from standard input")
    s.add_argument("--at", metavar="WHEN", help="HH:MM, 'yesterday HH:MM' or YYYY-MM-DDTHH:MM")

    s = sub.add_parser("journal", help="list pain entries")
    s.add_argument("--last", type=_positive, metavar="N", help="only the last N entries")
    s.add_argument("--since", metavar="DATE", help="from this date on (YYYY-MM-DD)")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("today", help="show a day's routine")
    s.add_argument("--date", metavar="DATE", help="YYYY-MM-DD, today or yesterday")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("done", help="mark exercises of a day's routine done")
    s.add_argument("exercises", nargs="*", metavar="EXERCISE", help="exercise ids")
    s.add_argument("--all", action="store_true", help="every exercise still to do")
    s.add_argument("--date", metavar="DATE", help="YYYY-MM-DD, today or yesterday")

    sub.add_parser("status", help="one line for a prompt or login: progress, streak, pain")

    s = sub.add_parser("calendar", help="the consistency heatmap and numbers, as text")
    s.add_argument("--months", type=_positive, metavar="N", help="months to show (default: 12, or what fits)")
    s.add_argument("--year", type=_positive, metavar="YYYY", help="one calendar year")
    s.add_argument("--pain", action="store_true", help="show average pain per day instead")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("export", help="export pain entries and practice as CSV, JSON or a report")
    s.add_argument(
        "--format",
        required=True,
        choices=("csv", "json", "md"),
        help="csv: two tables for a spreadsheet; json: everything, for 'footbase "
        "import'; md: a one-page report",
    )
    s.add_argument("--since", metavar="DATE", help="from this date on (YYYY-MM-DD)")
    s.add_argument("--until", metavar="DATE", help="up to this date, inclusive (YYYY-MM-DD)")
    s.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write a new file (0600) instead of standard output; for csv, a folder "
        "(or a name ending in /) gets pain.csv and exercises.csv",
    )

    s = sub.add_parser("import", help="merge a JSON export into the store (by id, never twice)")
    s.add_argument("file", metavar="FILE", help="a file made by 'footbase export --format json'")

    s = sub.add_parser("program", help="show the program, or choose one")
    s.add_argument("program", nargs="?", metavar="ID", help="program to follow from now on")
    s.add_argument("--start", metavar="DATE", help="its day 1 (default: today)")

    s = sub.add_parser("catalog", help="list, show or check exercises and programs")
    csub = s.add_subparsers(dest="catalog_command", metavar="ACTION", parser_class=_Parser, required=True)
    csub.add_parser("list", help="list exercises and programs")
    c = csub.add_parser("show", help="show one exercise or program")
    c.add_argument("id", metavar="ID")
    c = csub.add_parser("check", help="validate a catalog file or folder")
    c.add_argument("path", nargs="?", metavar="PATH", help="file or folder (default: your catalog folder)")

    sub.add_parser("locate", help="print where the store and the config live")

    s = sub.add_parser("restore", help="list backups, or put one back")
    s.add_argument("backup", nargs="?", metavar="BACKUP", help="backup name from --list")
    s.add_argument("--list", action="store_true", help="list the backups")
    return p


WRITE_COMMANDS = frozenset(("pain", "done", "import", "restore", "program"))

# command -> (module in footbase_tui.commands, function); imported only when that command runs.
HANDLERS = {
    "pain": ("pain", "run_pain"),
    "journal": ("pain", "run_journal"),
    "today": ("routine_cmd", "run_today"),
    "done": ("routine_cmd", "run_done"),
    "status": ("routine_cmd", "run_status"),
    "program": ("routine_cmd", "run_program"),
    "calendar": ("calendar_cmd", "run_calendar"),
    "export": ("export_cmd", "run_export"),
    "import": ("export_cmd", "run_import"),
    "catalog": ("catalog_cmd", "run_catalog"),
    "locate": ("store_cmd", "run_locate"),
    "restore": ("store_cmd", "run_restore"),
}


def _handler(command: str) -> Callable[..., int]:
    import importlib

    module, name = HANDLERS[command]
    handler: Callable[..., int] = getattr(importlib.import_module(f"footbase_tui.commands.{module}"), name)
    return handler


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
            from footbase_tui.tui.launch import run_app

            return run_app(ctx)
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

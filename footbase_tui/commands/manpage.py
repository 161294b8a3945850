"""The footbase(1) man page, written from the real parser: `make man` (or
`python -m footbase_tui.commands.manpage > man/footbase.1`).

Only `make man` and its test import this module.
"""

from __future__ import annotations

import argparse
import sys

from footbase_tui import __version__

FILES = [
    ("~/.local/share/footbase/footbase.json", "the store ($XDG_DATA_HOME/footbase/), 0600 in a 0700 folder"),
    ("~/.local/share/footbase/backups/", "the last 7 daily backups"),
    ("~/.config/footbase/config.yaml", "settings ($XDG_CONFIG_HOME/footbase/)"),
    ("~/.config/footbase/catalog/", "your own exercises and programs (YAML)"),
    ("~/.cache/footbase/", "caches; always safe to delete"),
]
ENVIRONMENT = [
    ("FOOTBASE_DB", "the store file, as --db"),
    ("FOOTBASE_CONFIG", "the settings file"),
    ("NO_COLOR", "no colour in footbase calendar"),
    ("FORCE_COLOR, CLICOLOR_FORCE", "colour in footbase calendar even into a pipe"),
    ("TERM", "dumb: no colour; without 256 in it, 16 colours"),
    ("FOOTBASE_DEBUG", "show the traceback of an internal error"),
]


def _roff(text: str) -> str:
    """Text safe in a roff line: backslashes and hyphens escaped, no line starting with a
    control character."""
    text = " ".join(text.split()).replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def _options(parser: argparse.ArgumentParser, with_help: bool = True) -> list[str]:
    out = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        if isinstance(action, argparse._HelpAction) and not with_help:
            continue
        if action.option_strings:
            names = ", ".join(f"\\fB{_roff(o)}\\fR" for o in action.option_strings)
            if action.nargs != 0:
                names += f" \\fI{_roff(str(action.metavar or action.dest.upper()))}\\fR"
        else:
            names = f"\\fI{_roff(str(action.metavar or action.dest))}\\fR"
        out += [".TP", names, _roff(action.help or "")]
    return out


def _commands(parser: argparse.ArgumentParser, prefix: str) -> list[str]:
    out: list[str] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {a.dest: a.help or "" for a in action._choices_actions}
        for name, sub in action.choices.items():
            usage = " ".join(sub.format_usage().split()[1:])  # "footbase pain [-h] ..."
            out += [".SS " + _roff(f"{prefix} {name}"), _roff(helps.get(name, "")), ".PP", ".nf"]
            out += [f"\\fB{_roff(usage)}\\fR", ".fi"]
            opts = _options(sub, with_help=False)
            if opts:
                out += [".RS", *opts, ".RE"]
            out += _commands(sub, f"{prefix} {name}")
    return out


def man_page(parser: argparse.ArgumentParser | None = None) -> str:
    """footbase(1) in roff, from `parser` (default: the real one)."""
    from footbase_tui.cli import build_parser

    parser = parser or build_parser()
    lines = [
        f'.TH FOOTBASE 1 "" "footbase {__version__}" "User Commands"',
        ".SH NAME",
        "footbase \\- " + _roff("a daily foot-strength practice: routine, calendar and pain journal"),
        ".SH SYNOPSIS",
        ".B footbase",
        "[\\fB\\-\\-db\\fR \\fIPATH\\fR] [\\fICOMMAND\\fR [\\fIOPTIONS\\fR]]",
        ".SH DESCRIPTION",
        _roff(parser.description or ""),
        ".PP",
        _roff(
            "The commands print one line, a table or JSON (--json) and never need the app. "
            "Bad input gets a one-line message and exit status 2, and nothing is written."
        ),
        ".SH OPTIONS",
        *_options(parser),
        ".SH COMMANDS",
        *_commands(parser, "footbase"),
        ".SH EXIT STATUS",
        ".TP",
        "0",
        "success",
        ".TP",
        "1",
        _roff("not saved, a damaged store, or (doctor) a check that failed"),
        ".TP",
        "2",
        _roff("bad input or usage: nothing was written"),
        ".SH ENVIRONMENT",
    ]
    for name, what in ENVIRONMENT:
        lines += [".TP", f"\\fB{_roff(name)}\\fR", _roff(what)]
    lines.append(".SH FILES")
    for path, what in FILES:
        lines += [".TP", f"\\fI{_roff(path)}\\fR", _roff(what)]
    lines += [".SH NOTES", _roff(parser.epilog or "")]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - `make man`
    sys.stdout.write(man_page())

"""`footbase completion bash|zsh|fish`: shell completion generated from the real parser.

The script is written from `cli.build_parser()` each time, so a new option or command is
completed as soon as it exists. Values that depend on the person (exercise and program
ids, places, contexts) are taken from their catalog and config when the script is made.
Only this command imports this module: the quick paths never pay for it.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from footbase_tui.context import Context

FILES = frozenset({"db", "output", "file", "path"})  # dests completed with file names
DATES = ("today", "yesterday")


@dataclass
class Option:
    flags: list[str]
    help: str
    takes_value: bool
    values: list[str] | None  # None: no fixed words (maybe files, see `files`)
    files: bool = False


@dataclass
class Command:
    """One level of the parser: its options, positional words and subcommands."""

    path: list[str]
    help: str = ""
    options: list[Option] = field(default_factory=list)
    positional: list[str] = field(default_factory=list)  # words for positionals
    positional_files: bool = False
    subcommands: dict[str, Command] = field(default_factory=dict)


def _help(text: str | None) -> str:
    if not text or text == argparse.SUPPRESS:
        return ""
    return " ".join(text.split())


# compgen -W and zsh's (...) expand what they are given: only plain words get through.
_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", re.ASCII)


def _values(action: argparse.Action, words: Mapping[str, list[str]]) -> list[str] | None:
    found: list[str] | None = None
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        found = [str(c) for c in action.choices]
    elif action.dest in words:
        found = words[action.dest]
    return None if found is None else [w for w in found if _SAFE.match(w)]


def walk(
    parser: argparse.ArgumentParser, words: Mapping[str, list[str]], path: list[str], help: str = ""
) -> Command:
    """The parser as a tree of Commands (what every shell's script is written from)."""
    cmd = Command(path=path, help=help)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: _help(a.help) for a in action._choices_actions}
            for name, sub in action.choices.items():
                cmd.subcommands[name] = walk(sub, words, [*path, name], helps.get(name, ""))
        elif action.option_strings:
            if action.help == argparse.SUPPRESS:
                continue
            cmd.options.append(
                Option(
                    flags=list(action.option_strings),
                    help=_help(action.help),
                    takes_value=action.nargs != 0,
                    values=_values(action, words),
                    files=action.dest in FILES,
                )
            )
        else:
            cmd.positional += _values(action, words) or []
            cmd.positional_files = cmd.positional_files or action.dest in FILES
    return cmd


def _words(ctx: Context | None) -> dict[str, list[str]]:
    """The person's own words: levels, dates, places, contexts, exercise and program ids.
    A catalog or config that cannot be read leaves those out (completion still works)."""
    words: dict[str, list[str]] = {
        "level": [str(n) for n in range(11)],
        "date": list(DATES),
        "since": list(DATES),
        "until": list(DATES),
        "start": list(DATES),
    }
    if ctx is None:
        return words
    try:
        words["where"] = list(ctx.config.locations)
        words["context"] = list(ctx.config.contexts)
        exercises = sorted(ctx.catalog.exercises)
        programs = sorted(ctx.catalog.programs)
    except Exception:  # completion must never fail on a bad catalog: it only loses words
        return words
    words.update(exercises=exercises, program=programs, id=exercises + programs)
    return words


def _q(text: str) -> str:
    """`text` in single quotes for any of the three shells."""
    return "'" + text.replace("'", "'\\''") + "'"


def _all(cmd: Command) -> list[Command]:
    out = [cmd]
    for sub in cmd.subcommands.values():
        out += _all(sub)
    return out


def bash_script(root: Command) -> str:
    """A bash completion function: finds the command path typed so far, then offers the
    values of the option before the cursor, the options, subcommands or positional words."""
    specs, values = [], []
    for cmd in _all(root):
        key = _q(" ".join(cmd.path))
        opts = " ".join(f for o in cmd.options for f in o.flags)
        valued = " ".join(f for o in cmd.options if o.takes_value for f in o.flags)
        words = " ".join([*cmd.subcommands, *cmd.positional])
        specs.append(
            f"        {key}) opts={_q(opts)}; valued={_q(valued)}; subs={_q(' '.join(cmd.subcommands))}\n"
            f"            words={_q(words)}; files={'1' if cmd.positional_files else '0'};;"
        )
        for o in cmd.options:
            if o.takes_value:
                what = "@files" if o.files else " ".join(o.values or []) or "@free"
                pattern = "|".join(_q(f"{' '.join(cmd.path)}:{flag}") for flag in o.flags)
                values.append(f"        {pattern}) echo {_q(what)};;")
    return f"""# bash completion for footbase, generated from its parser by 'footbase completion bash'.
# Install: footbase completion bash > ~/.local/share/bash-completion/completions/footbase
_footbase() {{
    local cur prev path opts valued subs words files vals i w skip=0
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    path=footbase
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${{COMP_WORDS[i]}}"
        if ((skip)); then skip=0; continue; fi
        _footbase_spec "$path"
        case " $valued " in *" $w "*) skip=1; continue;; esac
        case " $subs " in *" $w "*) path="$path $w";; esac
    done
    _footbase_spec "$path"
    COMPREPLY=()
    if [[ " $valued " == *" $prev "* ]]; then
        vals="$(_footbase_values "$path:$prev")"
        case "$vals" in
            @files) _footbase_files;;
            @free) ;;
            *) mapfile -t COMPREPLY < <(compgen -W "$vals" -- "$cur");;
        esac
        return
    fi
    if [[ "$cur" == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
    elif ((files)) && [[ -z "$words" ]]; then
        _footbase_files
    else
        mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
    fi
}}
_footbase_spec() {{
    opts=; valued=; subs=; words=; files=0
    case "$1" in
{chr(10).join(specs)}
    esac
}}
_footbase_values() {{
    case "$1" in
{chr(10).join(values)}
    esac
}}
_footbase_files() {{
    if declare -F _filedir >/dev/null; then _filedir; else mapfile -t COMPREPLY < <(compgen -f -- "$cur"); fi
}}
complete -F _footbase footbase
"""


def _zsh_spec(o: Option) -> list[str]:
    """One `_arguments` spec: '--flag[help]:message:action'; flags that are aliases
    exclude each other, written '(-h --help)'{-h,--help}'[help]' (braces unquoted)."""
    text = o.help.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")
    if not o.takes_value:
        action = ""
    elif o.files:
        action = ":file:_files"
    elif o.values:
        action = f":value:({' '.join(o.values)})"
    else:
        action = ":value: "
    if len(o.flags) == 1:
        return [_q(f"{o.flags[0]}[{text}]{action}")]
    group = " ".join(o.flags)
    return [_q(f"({group})") + "{" + ",".join(o.flags) + "}" + _q(f"[{text}]{action}")]


def zsh_script(root: Command) -> str:
    """A native zsh completion (`#compdef footbase`), with the help text of every command
    and option; nested commands (catalog ACTION) get a function each."""
    funcs = []
    for cmd in _all(root):
        name = "_footbase" + "".join(f"_{p.replace('-', '_')}" for p in cmd.path[1:])
        specs = [s for o in cmd.options for s in _zsh_spec(o)]
        body: list[str]
        if cmd.subcommands:
            described = " ".join(_q(f"{n}:{c.help}") for n, c in cmd.subcommands.items())
            specs += ["'1: :->command'", "'*:: :->args'"]
            cases = "\n".join(f"        {n}) {name}_{n.replace('-', '_')} ;;" for n in cmd.subcommands)
            body = [
                "    local curcontext=$curcontext state line",
                "    typeset -A opt_args",
                f"    _arguments -C {' '.join(specs)}",
                "    case $state in",
                f"    command) local -a cmds; cmds=({described}); _describe command cmds ;;",
                "    args)",
                "        case $line[1] in",
                cases,
                "        esac ;;",
                "    esac",
            ]
        else:
            if cmd.positional:
                specs.append(_q(f"*:value:({' '.join(cmd.positional)})"))
            elif cmd.positional_files:
                specs.append("'*:file:_files'")
            body = [f"    _arguments {' '.join(specs)}" if specs else "    return 1"]
        funcs.append(f"{name}() {{\n" + "\n".join(body) + "\n}")
    return (
        "#compdef footbase\n"
        "# zsh completion for footbase, generated from its parser by 'footbase completion zsh'.\n"
        + "\n\n".join(funcs)
        + '\n\nif [[ $zsh_eval_context[-1] == loadautofunc ]]; then _footbase "$@"; '
        "else compdef _footbase footbase; fi\n"
    )


def fish_script(root: Command) -> str:
    """fish `complete` lines: subcommands until one is typed, then that command's options."""
    lines = [
        "# fish completion for footbase, generated from its parser by 'footbase completion fish'.",
        "complete -c footbase -f",
    ]
    for cmd in _all(root):
        depth = len(cmd.path) - 1
        if depth == 0:
            cond = "__fish_use_subcommand"
        else:
            cond = "; and ".join(f"__fish_seen_subcommand_from {p}" for p in cmd.path[1:])
        if cmd.subcommands:
            names = " ".join(cmd.subcommands)
            sub_cond = cond if depth == 0 else f"{cond}; and not __fish_seen_subcommand_from {names}"
            for n, sub in cmd.subcommands.items():
                lines.append(f"complete -c footbase -n {_q(sub_cond)} -a {n} -d {_q(sub.help)}")
        for o in cmd.options:
            parts = []
            for flag in o.flags:
                parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
            extra = ""
            if o.takes_value:
                extra = " -F -r" if o.files else " -x"
                if o.values:
                    extra += f" -a {_q(' '.join(o.values))}"
            lines.append(f"complete -c footbase -n {_q(cond)} {' '.join(parts)}{extra} -d {_q(o.help)}")
        if depth and not cmd.subcommands:
            if cmd.positional:
                lines.append(f"complete -c footbase -n {_q(cond)} -a {_q(' '.join(cmd.positional))}")
            elif cmd.positional_files:
                lines.append(f"complete -c footbase -n {_q(cond)} -F")
    return "\n".join(lines) + "\n"


SCRIPTS = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}


def script(shell: str, ctx: Context | None = None) -> str:
    """The completion script for `shell` (bash, zsh or fish), from the real parser."""
    from footbase_tui.cli import build_parser

    return SCRIPTS[shell](walk(build_parser(), _words(ctx), ["footbase"]))


def run_completion(ctx: Context, args: argparse.Namespace) -> int:
    import sys

    sys.stdout.write(script(args.shell, ctx))
    return 0

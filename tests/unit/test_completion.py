"""Shell completion is generated from the real parser, parses in each shell, and completes."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

import pytest

from footbase_tui.cli import build_parser
from footbase_tui.context import Context
from tests.conftest import Result

Run = Callable[..., Result]

COMMANDS = [
    name
    for action in build_parser()._actions
    if hasattr(action, "choices") and isinstance(action.choices, dict)
    for name in action.choices
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_command_and_option_is_in_the_script(run: Run, shell: str) -> None:
    r = run("completion", shell)
    assert r.code == 0 and r.err == ""
    for name in COMMANDS:
        assert name in r.out
    for option in ("--where", "--json", "--months", "--format"):
        assert option.lstrip("-") in r.out


def _bash(script: str, words: list[str]) -> list[str]:
    """What bash offers after typing `words` (the last one being completed)."""
    line = " ".join(f"'{w}'" for w in words)
    call = f'COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _footbase; printf "%s\\n" "${{COMPREPLY[@]}}"'
    probe = f"{script}\n{call}"
    out = subprocess.run(
        ["bash", "--norc", "-c", probe], capture_output=True, text=True, timeout=30, check=True
    )
    return out.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_script_parses_and_completes(run: Run, ctx: Context, tmp_path: object) -> None:
    script = run("completion", "bash").out
    assert subprocess.run(["bash", "-n"], input=script, text=True, timeout=30).returncode == 0
    assert _bash(script, ["footbase", "pa"]) == ["pain"]
    assert _bash(script, ["footbase", "pain", "3", "--wh"]) == ["--where"]
    assert "low-back" in _bash(script, ["footbase", "pain", "3", "--where", ""])
    assert _bash(script, ["footbase", "pain", "3", "--context", "sit"]) == ["sitting"]
    assert _bash(script, ["footbase", "export", "--format", ""]) == ["csv", "json", "md"]
    assert _bash(script, ["footbase", "catalog", "show", "short"]) == ["short-foot"]
    assert _bash(script, ["footbase", "catalog", ""]) == ["list", "show", "check"]
    assert _bash(script, ["footbase", "--db", "x.json", "sta"]) == ["status"]  # --db's value skipped
    assert _bash(script, ["footbase", "completion", "f"]) == ["fish"]
    assert _bash(script, ["footbase", "pain", "3", "--note", ""]) == []  # free text


@pytest.mark.parametrize(("shell", "check"), [("zsh", ["zsh", "-n"]), ("fish", ["fish", "--no-execute"])])
def test_zsh_and_fish_scripts_parse(run: Run, shell: str, check: list[str]) -> None:
    if shutil.which(check[0]) is None:
        pytest.skip(f"{check[0]} is not installed")
    script = run("completion", shell).out
    assert subprocess.run(check, input=script, text=True, timeout=30).returncode == 0


def test_a_broken_catalog_still_gives_a_script(ctx: Context) -> None:
    from footbase_tui.commands.completion_cmd import script

    ctx.paths.catalog_dir.mkdir()
    (ctx.paths.catalog_dir / "mine.yaml").write_text("kind: program\nid: mine\n")
    assert "--where" in script("bash", ctx)


def test_an_unknown_shell_is_a_usage_error(run: Run) -> None:
    r = run("completion", "tcsh")
    assert r.code == 2 and "bash, zsh, fish" in r.err.replace("'", "")


def test_the_quick_entry_never_imports_the_completion_code(ctx: Context) -> None:
    import sys

    from tests.conftest import subprocess_env

    probe = (
        "import sys\nfrom footbase_tui.cli import main\ncode = main(sys.argv[1:])\n"
        "print(sorted(m for m in sys.modules if 'completion' in m or 'manpage' in m or m == 'pendulum'),"
        " file=sys.stderr)\nsys.exit(code)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", probe, "pain", "3", "--where", "foot"],
        env=subprocess_env(ctx),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and r.stderr.strip() == "[]", r.stderr


def test_the_man_page_is_made_from_the_parser_and_shipped_up_to_date() -> None:
    from pathlib import Path

    from footbase_tui.commands.manpage import man_page

    page = man_page()
    assert page.startswith(".TH FOOTBASE 1")
    for name in COMMANDS:
        assert f".SS footbase {name.replace('-', chr(92) + '-')}\n" in page  # roff escapes "-"
    assert "\\-\\-where" in page and ".SH EXIT STATUS" in page and "FOOTBASE_DB" in page
    shipped = Path(__file__).parents[2] / "man" / "footbase.1"
    assert shipped.read_text(encoding="utf-8") == page, "man/footbase.1 is out of date: run 'make man'"
    if shutil.which("groff"):
        r = subprocess.run(
            ["groff", "-man", "-ww", "-z"], input=page, capture_output=True, text=True, timeout=30
        )
        assert r.returncode == 0 and r.stderr == "", r.stderr


def test_zsh_alias_flags_are_brace_expanded_outside_quotes(run: Run) -> None:
    """Inside quotes zsh does not expand {-h,--help}: _arguments then refuses the spec."""
    script = run("completion", "zsh").out
    assert "'(-h --help)'{-h,--help}'[show this help message and exit]'" in script
    assert "{-h,--help}[" not in script
    assert "where it hurts\\: one or more places" in script  # a colon would end the help


def test_only_plain_words_reach_the_scripts() -> None:
    """compgen -W expands its words: a value like $(cmd) would run at every Tab."""
    import argparse

    from footbase_tui.commands.completion_cmd import bash_script, walk

    parser = argparse.ArgumentParser(prog="footbase")
    parser.add_argument("--where")
    tree = walk(parser, {"where": ["heel", "$(touch /tmp/x)", "`id`", "arch"]}, ["footbase"])
    script = bash_script(tree)
    assert "heel arch" in script and "touch" not in script and "`id`" not in script

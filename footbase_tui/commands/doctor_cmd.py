"""`footbase doctor`: check everything footbase depends on and explain it in plain lines.

Each line starts with "ok", "note" (worth knowing, nothing wrong) or "PROBLEM" (with
what to do). Exit 0 when there is no problem, 1 otherwise. Nothing is changed (a damaged
store gets the same kept copy any command would make of it).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from footbase_tui.context import Context

OK, NOTE, PROBLEM = "ok", "note", "PROBLEM"
Line = tuple[str, str]

# Copies that sync tools leave beside a file both machines changed.
CONFLICT = re.compile(r"(sync-conflict|conflict|\(\d+\)|copy)", re.IGNORECASE)
MIN_COLUMNS, MIN_LINES = 50, 16


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def check_modes(ctx: Context) -> Iterator[Line]:
    """Folders 0700 and files 0600: health data is readable by its owner only."""
    folders = list(dict.fromkeys([ctx.paths.data_dir, ctx.paths.backups, ctx.paths.config.parent]))
    for folder in folders:
        if not folder.is_dir():
            continue
        mode = _mode(folder)
        if mode & 0o077:
            yield PROBLEM, f"folder {folder} is open to other users ({mode:04o}): chmod 700 {folder}"
        else:
            yield OK, f"folder {folder} is private ({mode:04o})"
    files = [ctx.paths.db, ctx.paths.draft]  # health data; the config holds none
    if ctx.paths.backups.is_dir():
        files += sorted(ctx.paths.backups.iterdir())
    loose = [f for f in files if f.is_file() and _mode(f) & 0o077]
    for f in loose:
        yield PROBLEM, f"file {f} is readable by others ({_mode(f):04o}): chmod 600 {f}"
    if not loose and any(f.is_file() for f in files):
        yield OK, "the store and its backups are readable by you only"


def check_store(ctx: Context) -> Iterator[Line]:
    """The store file and every record in it, read the way every command reads it."""
    from footbase_tui.errors import StoreError

    db = ctx.paths.db
    if not db.exists():
        yield OK, f"no store yet at {db}: the first entry or practice makes it"
        return
    try:
        snap = ctx.store.load()
        counts = (len(snap.pain), len(snap.sessions), len(snap.day_plans))
    except StoreError as exc:
        yield PROBLEM, f"store: {exc}"
        return
    size = db.stat().st_size
    what = ", ".join(
        [_n(counts[0], "pain entry", "pain entries"), _n(counts[1], "session"), _n(counts[2], "day plan")]
    )
    yield OK, f"store {db}: {size:,} bytes, every record valid ({what})"


def _n(count: int, one: str, many: str = "") -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def check_conflicts(ctx: Context) -> Iterator[Line]:
    """Copies a sync tool (Syncthing, Dropbox, Nextcloud) left beside the store."""
    db = ctx.paths.db
    folder = db.parent
    if not folder.is_dir():
        return
    stem = db.stem
    found = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if path == db or not name.startswith(stem) or not path.is_file():
            continue
        if ".broken-" in name:
            yield NOTE, f"{path} is a copy of a damaged store kept by footbase; delete it once repaired"
        elif CONFLICT.search(name[len(stem) :]):
            found.append(path)
    for path in found:
        yield (
            PROBLEM,
            (
                f"{path} looks like a sync conflict copy: entries made on another machine may be in it. "
                f"Merge it: footbase --db '{path}' export --format json | footbase import -  "
                "(then delete the copy)"
            ),
        )
    if not found:
        yield OK, "no sync conflict copies beside the store"


def check_config(ctx: Context) -> Iterator[Line]:
    from footbase_tui.core.errors import ConfigError, YamlError

    try:
        cfg = ctx.config
    except (ConfigError, YamlError) as exc:
        yield PROBLEM, f"config: {exc}"
        return
    where = ctx.paths.config if ctx.paths.config.exists() else f"{ctx.paths.config} (not created: defaults)"
    yield OK, f"config {where}: day starts {cfg.day_starts_at:%H:%M}, week starts {cfg.week_starts}"


def check_zone(ctx: Context, env: dict[str, str] | None = None) -> Iterator[Line]:
    """The configured zone against this session's: over SSH the server's is often not yours."""
    from footbase_tui.core.errors import ConfigError, YamlError
    from footbase_tui.system_zone import system_zone_name

    session = system_zone_name(env)
    try:
        configured = ctx.config.timezone
    except (ConfigError, YamlError):
        return  # said by check_config
    if configured is None:
        yield OK, f"time zone {session}, this session's (set 'timezone:' in the config to fix one)"
    elif configured == session:
        yield OK, f"time zone {configured}, the same as this session's"
    else:
        yield (
            NOTE,
            (
                f"time zone {configured} from the config, while this session runs in {session}: "
                f"days are counted in {configured}"
            ),
        )


def check_catalog(ctx: Context) -> Iterator[Line]:
    from footbase_tui.core.errors import CatalogError, YamlError

    try:
        catalog = ctx.catalog
    except (CatalogError, YamlError) as exc:
        yield PROBLEM, f"catalog: {exc}"
        return
    mine = ctx.paths.catalog_dir
    own = f"; your own in {mine}" if mine.is_dir() and any(mine.glob("*.y*ml")) else ""
    yield OK, f"catalog: {len(catalog.exercises)} exercises, {len(catalog.programs)} programs{own}"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)[:3])


def declared_range(requirements: list[str] | None, name: str) -> list[tuple[str, tuple[int, ...]]]:
    """The (operator, version) bounds footbase declares for `name`, e.g. [(">=", (7, 5))]."""
    for req in requirements or []:
        m = re.match(rf"^{re.escape(name)}\s*([^;]*)", req.strip(), re.IGNORECASE)
        if m:
            return [(op, _version(v)) for op, v in re.findall(r"(>=|<=|==|!=|<|>|~=)\s*([\w.]+)", m.group(1))]
    return []


def in_range(version: tuple[int, ...], bounds: list[tuple[str, tuple[int, ...]]]) -> bool:
    tests: dict[str, Callable[[tuple[int, ...], tuple[int, ...]], bool]] = {
        ">=": lambda a, b: a >= b,
        ">": lambda a, b: a > b,
        "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b,
        "==": lambda a, b: a[: len(b)] == b,
        "!=": lambda a, b: a[: len(b)] != b,
        "~=": lambda a, b: a >= b,
    }
    return all(tests[op](version, bound) for op, bound in bounds)


def check_textual() -> Iterator[Line]:
    from importlib import metadata

    try:
        have = metadata.version("textual")
    except metadata.PackageNotFoundError:
        yield PROBLEM, "Textual is not installed: reinstall footbase (pipx reinstall footbase)"
        return
    try:
        bounds = declared_range(metadata.requires("footbase"), "textual")
    except metadata.PackageNotFoundError:
        bounds = []
    spec = ",".join(f"{op}{'.'.join(map(str, v))}" for op, v in bounds) or "any"
    if in_range(_version(have), bounds):
        yield OK, f"Textual {have}, within the declared {spec}"
    else:
        yield (
            PROBLEM,
            f"Textual {have} is outside the declared {spec}: reinstall footbase to get a tested one",
        )


def check_terminal(env: dict[str, str] | None = None, tty: bool | None = None) -> Iterator[Line]:
    from footbase_tui.commands.calendar_cmd import colour_depth

    environ = dict(os.environ if env is None else env)
    is_tty = sys.stdout.isatty() if tty is None else tty
    term = environ.get("TERM", "")
    if not is_tty:
        yield NOTE, "output is not a terminal: the app needs one (the commands work anywhere)"
    else:
        size = shutil.get_terminal_size((80, 24))
        if size.columns < MIN_COLUMNS or size.lines < MIN_LINES:
            yield (
                NOTE,
                (
                    f"terminal {size.columns}x{size.lines}: smaller than {MIN_COLUMNS}x{MIN_LINES}, "
                    "some screens will be cut"
                ),
            )
        else:
            yield OK, f"terminal {size.columns}x{size.lines}"
    depth = colour_depth(True, environ)
    if not term or term == "dumb":
        yield (
            NOTE,
            f"TERM is {term or 'not set'}: no colour, and the app may not draw well; try TERM=xterm-256color",
        )
    else:
        extra = " (NO_COLOR is set: none in footbase calendar)" if environ.get("NO_COLOR") else ""
        yield OK, f"TERM={term}: {depth} colours{extra}"


def run_doctor(ctx: Context, args: argparse.Namespace) -> int:
    from footbase_tui.core.text import clean_text

    groups: list[Callable[[], Iterator[Line]]] = [
        lambda: check_store(ctx),
        lambda: check_conflicts(ctx),
        lambda: check_modes(ctx),
        lambda: check_config(ctx),
        lambda: check_zone(ctx),
        lambda: check_catalog(ctx),
        check_textual,
        check_terminal,
    ]
    found: list[Line] = []
    for group in groups:
        try:
            found += [(level, clean_text(text, multiline=False)) for level, text in group()]
        except Exception as exc:  # one check that cannot run must not hide the others
            found.append((PROBLEM, clean_text(f"a check could not run: {exc}", multiline=False)))
    problems = sum(1 for level, _ in found if level == PROBLEM)
    if args.json:
        from footbase_tui.commands.jsonout import print_json

        print_json({"ok": not problems, "checks": [{"level": lv, "text": text} for lv, text in found]})
        return 1 if problems else 0
    for level, text in found:
        print(f"{level:<7} {text}")
    if problems:
        print(f"{problems} problem{'s' if problems != 1 else ''} found.")
        return 1
    print("Everything footbase needs is in order.")
    return 0

"""Finding, reading and merging catalog files: the built-in ones and the user's overrides."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footbase_tui.core.catalog import Catalog, CatalogError, Exercise, Key, Program
from footbase_tui.core.catalog_parse import check_references, parse_exercise, parse_program
from footbase_tui.core.errors import YamlError

if TYPE_CHECKING:  # yaml is imported only when files are actually parsed
    from footbase_tui.yamlio import Located


def builtin_catalog_dir() -> Path:
    """The catalog shipped with footbase: inside the wheel, or the checkout's `catalog/`."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "catalog"
    if packaged.is_dir():
        return packaged
    return here.parent / "catalog"


def yaml_files(path: Path) -> list[Path]:
    """A file itself, or the .yaml/.yml files below a folder, in a stable order."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise CatalogError(str(path), None, "(path)", "expected a YAML file or a folder")
    return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def parse_entry(loc: Located) -> Exercise | Program:
    data: Any = loc.data
    file = str(loc.file)
    if not isinstance(data, dict) or "kind" not in data:
        raise CatalogError(file, loc.line(()), "kind", "expected 'kind: exercise' or 'kind: program'")
    kind = data["kind"]
    if kind == "exercise":
        return parse_exercise(data, file, loc.line)
    if kind == "program":
        return parse_program(data, file, loc.line)
    raise CatalogError(file, loc.line(("kind",)), "kind", f"expected exercise or program, got {kind!r}")


def _load(
    files: Iterable[Path],
    exercises: dict[str, Exercise],
    programs: dict[str, Program],
    located: dict[str, Located],
    where: str,
) -> None:
    from footbase_tui.yamlio import load_yaml

    seen: dict[str, str] = {}
    for file in files:
        loc = load_yaml(file)
        entry = parse_entry(loc)
        kind = "exercise" if isinstance(entry, Exercise) else "program"
        tag = f"{kind}:{entry.id}"
        if tag in seen:
            raise CatalogError(
                str(file),
                loc.line(("id",)),
                "id",
                f"a unique id; '{entry.id}' is also defined in {seen[tag]} ({where})",
            )
        seen[tag] = str(file)
        located[str(file)] = loc
        if isinstance(entry, Exercise):
            exercises[entry.id] = entry
        else:
            programs[entry.id] = entry


def load_catalog(user_dir: Path | None = None, builtin_dir: Path | None = None) -> Catalog:
    """The built-in catalog with the user's files layered on top (same id replaces).

    Raises CatalogError or YamlError, whose str() is a one-line message.
    """
    exercises: dict[str, Exercise] = {}
    programs: dict[str, Program] = {}
    located: dict[str, Located] = {}
    _load(yaml_files(builtin_dir or builtin_catalog_dir()), exercises, programs, located, "built-in")
    if user_dir is not None and user_dir.is_dir():
        _load(yaml_files(user_dir), exercises, programs, located, "your catalog")
    catalog = Catalog(exercises=exercises, programs=programs)

    def line_of(program: Program, key: Key) -> int | None:
        loc = located.get(program.origin)
        return loc.line(key) if loc else None

    check_references(catalog, line_of)
    return catalog


def _fingerprint(dirs: list[Path]) -> str:
    """Footbase's version and every catalog file's path, size and mtime, as one text (kept
    whole in the cache and compared there: no hash, so no OpenSSL on the quick paths)."""
    from footbase_tui import __version__

    lines = [__version__]
    for d in dirs:
        if not d.is_dir():
            continue
        for f in yaml_files(d):
            st = f.stat()
            lines.append(f"{f}\0{st.st_size}\0{st.st_mtime_ns}")
    return "\n".join(lines)


def cached_catalog(user_dir: Path | None, cache_dir: Path) -> Catalog:
    """load_catalog, kept as a pickle in the user's cache folder (0600 in 0700) until any
    catalog file changes. Parsing and checking the YAML costs ~35 ms at every start."""
    import pickle
    import zlib

    from footbase_tui.errors import StoreError
    from footbase_tui.fileio import atomic_write, ensure_private_dir, read_nofollow

    dirs = [builtin_catalog_dir(), *([user_dir] if user_dir else [])]
    fingerprint = _fingerprint(dirs)
    # The name only spreads the files; the fingerprint inside the pickle decides.
    path = cache_dir / f"catalog-{zlib.crc32(fingerprint.encode()):08x}.pickle"
    try:
        raw = read_nofollow(path) if cache_dir.is_dir() else None
        if raw is not None:
            ensure_private_dir(cache_dir)  # never unpickle from a folder others can write
            cached = pickle.loads(raw)
            if (
                isinstance(cached, tuple)
                and len(cached) == 2
                and cached[0] == fingerprint
                and isinstance(cached[1], Catalog)
            ):
                return cached[1]
    except (
        StoreError,
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        IndexError,
        TypeError,
        ValueError,
    ):
        pass
    catalog = load_catalog(user_dir)
    try:
        ensure_private_dir(cache_dir)
        for old in cache_dir.glob("catalog-*.pickle"):
            old.unlink()
        atomic_write(path, pickle.dumps((fingerprint, catalog), protocol=pickle.HIGHEST_PROTOCOL))
    except (StoreError, OSError):
        pass  # a cache is a nicety: never a reason to fail
    return catalog


def check_path(path: Path, user_dir: Path | None = None) -> tuple[int, int]:
    """Validate a file or folder (with the built-in catalog as context for references).

    Returns (exercises, programs) counted in `path`; raises on the first problem.
    """
    files = yaml_files(path)
    if not files:
        raise CatalogError(str(path), None, "(path)", "expected at least one .yaml file")
    builtin = builtin_catalog_dir().resolve()
    exercises: dict[str, Exercise] = {}
    programs: dict[str, Program] = {}
    located: dict[str, Located] = {}
    inside_builtin = path.resolve() == builtin or builtin in path.resolve().parents
    if not inside_builtin:
        _load(yaml_files(builtin), exercises, programs, located, "built-in")
    mine_ex: dict[str, Exercise] = {}
    mine_pr: dict[str, Program] = {}
    _load(files, mine_ex, mine_pr, located, str(path))
    exercises.update(mine_ex)
    programs.update(mine_pr)

    def line_of(program: Program, key: Key) -> int | None:
        loc = located.get(program.origin)
        return loc.line(key) if loc else None

    check_references(Catalog(exercises=exercises, programs=mine_pr), line_of)
    return len(mine_ex), len(mine_pr)


__all__ = ["CatalogError", "YamlError", "builtin_catalog_dir", "check_path", "load_catalog"]

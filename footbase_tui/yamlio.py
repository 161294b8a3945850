"""Reading YAML files safely, remembering the line of every value for error messages.

Anchors and aliases are refused (they allow "billion laughs" files), and so are duplicate
keys, which plain YAML loaders silently collapse.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from footbase_tui.core.errors import YamlError

try:  # the C parser is much faster; fall back to the pure one where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Key = tuple[str | int, ...]
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
MAX_BYTES = 1_000_000


@dataclass
class Located:
    """Plain data from a YAML file, with the line of each key path."""

    file: Path
    data: Any
    lines: dict[Key, int] = field(default_factory=dict)

    def line(self, key: Key) -> int | None:
        """The line of `key`, or of its nearest ancestor that has one."""
        while True:
            if key in self.lines:
                return self.lines[key]
            if not key:
                return None
            key = key[:-1]


MAX_DEPTH = 40


def _plain(node: yaml.Node, key: Key, out: dict[Key, int], file: Path, seen: set[int]) -> Any:
    if len(key) > MAX_DEPTH:
        raise YamlError(file, node.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
    if id(node) in seen:
        raise YamlError(file, node.start_mark.line + 1, "anchors and aliases (&, *) are not allowed")
    seen.add(id(node))
    out[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for k_node, v_node in node.value:
            if not isinstance(k_node, yaml.ScalarNode) or k_node.tag != "tag:yaml.org,2002:str":
                raise YamlError(file, k_node.start_mark.line + 1, "keys must be plain words")
            name = str(k_node.value)
            if name == "<<":
                raise YamlError(file, k_node.start_mark.line + 1, "merge keys (<<) are not allowed")
            if name in result:
                raise YamlError(file, k_node.start_mark.line + 1, f"'{name}' is given twice")
            out[(*key, name)] = k_node.start_mark.line + 1
            result[name] = _plain(v_node, (*key, name), out, file, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v, (*key, i), out, file, seen) for i, v in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        return _CONSTRUCTOR.construct_object(node)
    except yaml.constructor.ConstructorError as exc:
        raise YamlError(file, node.start_mark.line + 1, f"cannot read value: {exc.problem}") from None
    except (ValueError, TypeError, OverflowError):  # e.g. a date like 2026-02-30
        raise YamlError(
            file, node.start_mark.line + 1, f"cannot read value {str(node.value)[:40]!r}"
        ) from None


def parse_yaml(text: str, file: Path) -> Located:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "not valid YAML").strip()
        raise YamlError(file, line, f"not valid YAML: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        raise YamlError(
            file, line, f"not valid YAML: a character YAML does not allow (code {exc.character!r})"
        ) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "unreadable"
        raise YamlError(file, None, f"not valid YAML: {first}") from None
    except RecursionError:
        raise YamlError(file, None, f"nested more than {MAX_DEPTH} levels deep") from None
    if node is None:
        raise YamlError(file, None, "the file is empty")
    lines: dict[Key, int] = {}
    data = _plain(node, (), lines, file, set())
    return Located(file, data, lines)


def _read_regular(file: Path) -> bytes:
    """The bytes of a plain file; a FIFO or a device is refused without blocking on it."""
    fd = os.open(file, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a folder, a FIFO or a device)")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(MAX_BYTES + 1)
    finally:
        os.close(fd)


def load_yaml(file: Path) -> Located:
    """Read and parse one YAML file; every failure is a YamlError."""
    try:
        raw = _read_regular(file)
    except OSError as exc:
        raise YamlError(file, None, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise YamlError(file, None, f"too large ({len(raw)} bytes; at most {MAX_BYTES})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(file, line, "not UTF-8 text") from None
    return parse_yaml(text, file)

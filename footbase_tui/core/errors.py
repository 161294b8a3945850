"""Error types shared across footbase, kept in a module that imports nothing heavy.

The command line catches these on every path, so importing them must cost nothing.
"""

from __future__ import annotations

from pathlib import Path


class CatalogError(ValueError):
    """One problem in a catalog file: file, line, field and what was expected."""

    def __init__(self, file: str, line: int | None, field_name: str, expected: str) -> None:
        self.file = file
        self.line = line
        self.field = field_name
        self.expected = expected
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {field_name}: {expected}")


class YamlError(ValueError):
    """A YAML file that cannot be read; `str()` is a one-line message with file and line."""

    def __init__(self, file: Path, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else f"{file}"
        super().__init__(f"{where}: {message}")


class ConfigError(ValueError):
    """A config file that cannot be used; str() names the file, line and field."""


class PainInputError(ValueError):
    """What is wrong with a pain entry's input, and what is allowed."""

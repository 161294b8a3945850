"""The module-size floor of `make check`: it names a module past 400 lines, and the package
itself has none (beyond its explicit allowlist)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / ".ci" / "module_sizes.py"


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK)], cwd=root, capture_output=True, text=True, check=False)


def _package(tmp_path: Path, files: dict[str, int]) -> Path:
    for name, lines in files.items():
        path = tmp_path / "footbase_tui" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n" * lines, encoding="utf-8")
    return tmp_path


def test_a_module_of_401_lines_fails_the_check_by_name(tmp_path: Path) -> None:
    root = _package(tmp_path, {"__init__.py": 0, "core/big.py": 401, "core/fine.py": 400})
    result = _check(root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "footbase_tui/core/big.py: 401 lines, over the limit of 400: split it along a seam"
    ]


def test_modules_of_400_lines_pass(tmp_path: Path) -> None:
    root = _package(tmp_path, {"__init__.py": 0, "core/fine.py": 400})
    assert _check(root).returncode == 0


def test_the_package_keeps_the_floor() -> None:
    result = _check(ROOT)
    assert result.returncode == 0, result.stdout

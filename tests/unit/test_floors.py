"""The import floors: the cycle check of `make check` finds cycles, lazy ones too, and the
package itself has none."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / ".ci" / "import_cycles.py"


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK)], cwd=root, capture_output=True, text=True, check=False)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    pkg = tmp_path / "footbase_tui"
    for name, text in {"__init__.py": "", **files}.items():
        path = pkg / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_cycle_through_a_lazy_import_fails_the_check(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "a.py": "from footbase_tui import b\n",
            "b.py": "def f():\n    from footbase_tui.a import x\n    return x\n",
        },
    )
    result = _check(root)
    assert result.returncode == 1
    assert "footbase_tui.a, footbase_tui.b" in result.stdout


def test_an_import_for_type_checking_only_is_not_a_cycle(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "a.py": "from footbase_tui import b\n",
            "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from footbase_tui import a\n",
        },
    )
    assert _check(root).returncode == 0


def test_the_package_has_no_import_cycle() -> None:
    result = _check(ROOT)
    assert result.returncode == 0, result.stdout

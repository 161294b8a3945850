"""The suite's numbers never rewrite a tracked file by accident: `make test` writes them to
an ignored file and prints them; only `make reliability-report` (a full run) updates the
README."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.reliability.conftest import MARKER, write_numbers

README_TEXT = f"# Reliability suite\n\n- old: 1\n\n{MARKER}\n\nHand-written part.\n"


def test_an_ordinary_full_run_leaves_the_readme_alone(tmp_path: Path, tally: Counter[str]) -> None:
    tally["reliability report checks"] += 1
    readme, numbers = tmp_path / "README.md", tmp_path / "build" / "numbers.md"
    readme.write_text(README_TEXT, encoding="utf-8")
    write_numbers(Counter({"kills": 3}), full=True, report=False, readme=readme, numbers=numbers)
    assert readme.read_text(encoding="utf-8") == README_TEXT
    assert "- kills: 3" in numbers.read_text(encoding="utf-8")


def test_the_report_rewrites_only_the_numbers_and_only_after_a_full_run(
    tmp_path: Path, tally: Counter[str]
) -> None:
    tally["reliability report checks"] += 1
    readme, numbers = tmp_path / "README.md", tmp_path / "numbers.md"
    readme.write_text(README_TEXT, encoding="utf-8")
    write_numbers(Counter({"kills": 3}), full=False, report=True, readme=readme, numbers=numbers)
    assert readme.read_text(encoding="utf-8") == README_TEXT  # partial: never
    assert "partial run" in numbers.read_text(encoding="utf-8")
    write_numbers(Counter({"kills": 3}), full=True, report=True, readme=readme, numbers=numbers)
    text = readme.read_text(encoding="utf-8")
    assert "- kills: 3" in text and "- old: 1" not in text
    assert text.endswith(f"{MARKER}\n\nHand-written part.\n")

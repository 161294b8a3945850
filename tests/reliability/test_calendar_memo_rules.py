"""The calendar's memo of old days is keyed on the rules that counted it: a footbase whose
rules (or version) changed never shows totals remembered by the old rules."""

from __future__ import annotations

import json
from collections import Counter

import pytest

import footbase_tui
from footbase_tui.context import Context
from footbase_tui.core import calendar as calendar_rules
from tests.unit.test_calendar_memo import full_recount, mctx, memo_file, memo_stats, seed_history

__all__ = ["mctx"]  # the fixture, used below


@pytest.mark.parametrize("what", ["rules version", "package version"])
def test_a_memo_counted_by_other_rules_is_not_used(
    mctx: Context, monkeypatch: pytest.MonkeyPatch, what: str, tally: Counter[str]
) -> None:
    tally["calendar memo keys checked"] += 1
    seed_history(mctx, 5)
    expected = full_recount(mctx)
    assert memo_stats(mctx) == expected
    # What an older footbase, counting by other rules, would have remembered.
    memo = memo_file(mctx)
    doc = json.loads(memo.read_text())
    doc["longest"] = expected.longest_streak + 500
    memo.write_text(json.dumps(doc))
    assert memo_stats(mctx).longest_streak == expected.longest_streak + 500  # same rules: used
    if what == "rules version":
        monkeypatch.setattr(calendar_rules, "RULES_VERSION", calendar_rules.RULES_VERSION + 1)
    else:
        monkeypatch.setattr("footbase_tui.calendar_data.__version__", footbase_tui.__version__ + ".1")
    assert memo_stats(mctx) == expected  # counted again by the rules of this footbase

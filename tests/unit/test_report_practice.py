"""The Markdown report's "Practice and pain" section and its weekly text chart."""

from __future__ import annotations

import json
from collections.abc import Callable

from footbase_tui.context import Context
from tests.conftest import Result
from tests.unit.test_trends_cmd import seed

Run = Callable[..., Result]


def section(md: str) -> str:
    return md.split("## Practice and pain\n", 1)[1].split("\n## ", 1)[0]


def test_report_has_the_practice_and_pain_section_and_chart(run: Run, ctx: Context) -> None:
    seed(ctx)  # program from Mon 2025-12-08; weeks 3, 6, 9, 12 only their Monday done
    r = run("export", "--format", "md", "--since", "2025-12-08")
    assert r.code == 0, r.err
    md = r.out
    assert md.index("## Pain") < md.index("## Practice and pain") < md.index("## Notes")
    part = section(md)
    # The same figures, with their counts, as `footbase trends` gives over the same weeks.
    doc = json.loads(run("trends", "--json", "--weeks", "13").out)
    for figure in doc["practice_pain"]:
        assert f"- {figure['text']}" in part
    assert f"- {doc['trend']['text']}" in part
    assert "3.0 points lower after a day practised" in part
    assert "not proof" in part
    chart = part.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    assert "last 13 weeks of the period" in part
    assert chart[0] == "week of     pain 0-10         plan done"
    assert len(chart) == 1 + 13
    # Week 1: Monday 6 (nothing practised before it), then 3 on the six days after:
    # 24 / 7 = 3.4, seven half-blocks; every planned day done.
    assert chart[1] == "2025-12-08  ███▌        3.4   ██████████ 100%"
    # Week 3 (Build, 5 planned days): only Monday done, 20%.
    assert chart[3].startswith("2025-12-22  ") and chart[3].endswith("██░░░░░░░░  20%")
    assert "\x1b" not in md


def test_report_practice_section_says_what_is_missing(run: Run) -> None:
    part = section(run("export", "--format", "md").out)
    assert "needs at least 3 days with pain logged after a day practised (has 0)" in part
    assert "needs at least 4 weeks with pain logged (has 0)" in part
    assert "2026-03-02  ·             -   no plan" in part  # this week, nothing yet

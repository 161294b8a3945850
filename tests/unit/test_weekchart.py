"""The weekly chart as text: columns, merging, the dot for nothing logged, the report rows."""

from __future__ import annotations

from datetime import date, timedelta

from footbase_tui.core.practice_pain import TrendView, Week
from footbase_tui.core.weekchart import column_chart, columns, week_rows, weeks_per_column

MON = date(2026, 1, 5)


def week(k: int, pain: float | None, done: float | None) -> Week:
    planned = 0 if done is None else 10
    return Week(MON + timedelta(weeks=k), pain, 0 if pain is None else 1, planned, (done or 0) * 10, True)


def test_column_chart_one_row_bands() -> None:
    weeks = [week(0, 10.0, 1.0), week(1, 0.0, 0.0), week(2, None, None), week(3, 5.0, 0.5)]
    lines = column_chart(weeks, 5 + 4, rows=1, key=False)
    # One character a week: 10 -> full, 0 -> the lowest block (logged), none -> a dot, 5 -> half.
    assert lines[0] == "pain █▁·▄"
    assert lines[1] == "done █▁·▄"
    assert lines[2] == "     Jan"


def test_column_chart_widens_and_labels_two_row_bands() -> None:
    weeks = [week(0, 10.0, 1.0), week(1, 2.5, 0.25)]
    lines = column_chart(weeks, 5 + 6 + 40, rows=2)
    # Up to 3 characters a week (the bar twice and a gap). 2.5 / 10 of 16 eighths = 4: the
    # bottom row ▄, the top row empty.
    assert lines[:4] == ["pain ██", "0-10 ██ ▄▄", "done ██", "%    ██ ▄▄"]
    assert lines[5].startswith("a column is 1 week")


def test_columns_merge_from_the_newest_week() -> None:
    weeks = [week(k, float(k), 1.0 if k % 2 else 0.0) for k in range(5)]
    cols, per = columns(weeks, 2)
    # 5 weeks in 2 columns: 3 a column, the newest three whole, the oldest two together.
    assert per == 3 == weeks_per_column(5, 5 + 2)
    assert [(c.start, c.pain, c.adherence) for c in cols] == [
        (MON, 0.5, 0.5),  # weeks 0, 1: pain (0 + 1) / 2, done 10 of 20
        (MON + timedelta(weeks=2), 3.0, 10 / 30),  # weeks 2, 3, 4
    ]


def test_week_rows_for_the_report() -> None:
    rows = week_rows([week(0, 4.5, 0.8), week(1, None, None)])
    assert rows[1] == "2026-01-05  ████▌       4.5   ████████░░  80%"
    assert rows[2] == "2026-01-12  ·             -   no plan"


def test_the_panel_strips_escapes_from_place_names() -> None:
    from footbase_tui.core.practice_pain import WeeklyTrend
    from footbase_tui.core.trends import Change, PlaceTrend
    from footbase_tui.tui.widgets.trend_panel import trend_text

    unknown = Change(None, None, None, None, False, "unknown", 0, 0)
    place = PlaceTrend("heel\x1b]0;owned\x07[b]x[/b]", 2, 4.0, unknown)
    trend = WeeklyTrend(0, 0, None, None, None, "unknown", "needs at least 4 weeks with pain logged (has 0)")
    view = TrendView(MON, MON, False, 2, 4.0, [4.0], 4.0, 4.0, unknown, [place], [], trend, [])
    text = trend_text(view, 60, "last 30 days, at heel\x1b[2J", 12)
    assert "\x1b" not in text.plain and "\x07" not in text.plain
    assert "heel[b]x[/b] 2× avg 4.0" in text.plain  # shown as typed, never as markup

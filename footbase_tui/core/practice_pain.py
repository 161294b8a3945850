"""The practice-pain answer: weekly adherence beside weekly pain, the comparisons a person
following the program can reach, the weekly trend, and the plain words for each.

Pure: calendar cells, daily pain averages, sessions and entries in; numbers and sentences
out. Every comparison carries its n per side and says what is missing below MIN_SIDE.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from footbase_tui.core.calendar import DayCell, week_start_of
from footbase_tui.core.localtime import from_iso_utc
from footbase_tui.core.records import PainEntry, Session
from footbase_tui.core.trends import MIN_SIDE, Change, Comparison, PlaceTrend, comparison, is_meaningful

ADHERENT_SHARE = 0.8  # a week with at least 80% of its planned exercises done
MIN_TREND_WEEKS = 4  # a line through fewer weekly averages says little
WINDOW = timedelta(hours=24)
DONE_STATUSES = frozenset(("done", "partial"))  # an item result that counts as practice
_COUNTED = ("before-start", "rest", "future")  # states that hold no planned work yet
_WEEK = timedelta(days=7)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class Week:
    """One calendar week: its pain (mean of daily averages) and its adherence.

    `planned` and `done` count planned exercises on the week's days so far (rest days,
    days before the start and days still to come hold none); `complete` when all seven
    days are past and inside the program.
    """

    start: date
    pain: float | None
    pain_days: int
    planned: int
    done: float
    complete: bool

    @property
    def adherence(self) -> float | None:
        """Planned exercises done as a share (partial counts its share); None without a plan."""
        return self.done / self.planned if self.planned else None


def weeks_of(
    cells: Mapping[date, DayCell],
    daily: Mapping[date, float],
    first: date,
    last: date,
    week_starts: str = "monday",
) -> list[Week]:
    """Every calendar week that touches `first`..`last`, oldest first.

    Only days inside `first`..`last` count, for pain and for adherence alike; a week cut by
    either end is not complete.
    """
    out: list[Week] = []
    start = week_start_of(first, week_starts)
    while start <= last:
        days = [start + timedelta(days=k) for k in range(7)]
        inside = [d for d in days if first <= d <= last]
        pains = [daily[d] for d in inside if d in daily]
        week_cells = [cells[d] for d in inside if d in cells]
        counted = [c for c in week_cells if c.state not in _COUNTED]
        complete = len(week_cells) == 7 and all(c.state not in ("future", "before-start") for c in week_cells)
        out.append(
            Week(
                start,
                _mean(pains),
                len(pains),
                sum(c.planned for c in counted),
                float(sum(c.done for c in counted)),
                complete,
            )
        )
        start += _WEEK
    return out


def adherent_weeks(weeks: Sequence[Week]) -> Comparison:
    """Complete weeks with at least 80% of their planned exercises done against the rest.

    A week counts when it is complete, had something planned and has a pain entry; each
    side's mean is the mean of its weeks' pain, so every week weighs the same; n is weeks.
    """
    high: list[float] = []
    low: list[float] = []
    for w in weeks:
        share = w.adherence
        if not w.complete or share is None or w.pain is None:
            continue
        (high if share >= ADHERENT_SHARE - 1e-9 else low).append(w.pain)
    pct = f"{ADHERENT_SHARE:.0%}"
    return comparison(
        f"in weeks with {pct}+ of the plan done",
        f"in weeks below {pct}",
        high,
        low,
        len(high),
        len(low),
        [
            (f"weeks with {pct} or more of the plan done and pain logged", len(high)),
            (f"weeks below {pct} with pain logged", len(low)),
        ],
        "weeks",
    )


def _practice_days(sessions: Sequence[Session]) -> list[tuple[datetime, datetime]]:
    """Per local date with an exercise done: (first session's start, last session's end)."""
    spans: dict[date, tuple[datetime, datetime]] = {}
    for s in sessions:
        if not any(i.status in DONE_STATUSES for i in s.items):
            continue
        begin = from_iso_utc(s.start)
        end = max(begin, from_iso_utc(s.end)) if s.end else begin
        if s.date in spans:
            b, e = spans[s.date]
            begin, end = min(b, begin), max(e, end)
        spans[s.date] = (begin, end)
    return [spans[d] for d in sorted(spans)]


def around_sessions(sessions: Sequence[Session], entries: Sequence[PainEntry]) -> Comparison:
    """Pain in the 24 hours before a day's practice against the 24 hours after it.

    A day's practice runs from its first session's start to its last session's end (a
    session counts when an exercise in it was done). Before: entries in the 24 h up to the
    start; after: entries in the 24 h from the end (a post-session check among them).
    Entries during the practice are in neither. Only days with an entry on both sides
    count, so both sides have the same n: the days compared.
    """
    stamped = sorted((from_iso_utc(e.utc), e.level) for e in entries)
    times = [t for t, _ in stamped]
    before: list[float] = []
    after: list[float] = []
    for begin, end in _practice_days(sessions):
        pre = [lv for _, lv in stamped[bisect_left(times, begin - WINDOW) : bisect_left(times, begin)]]
        post = [lv for _, lv in stamped[bisect_right(times, end) : bisect_right(times, end + WINDOW)]]
        if pre and post:
            before.append(sum(pre) / len(pre))
            after.append(sum(post) / len(post))
    n = len(before)
    return comparison(
        "in the 24 h after a session",
        "in the 24 h before",
        after,
        before,
        n,
        n,
        [("practice days with pain logged in the 24 h before and in the 24 h after", n)],
        "practice days",
    )


@dataclass(frozen=True)
class WeeklyTrend:
    """A straight line through the weekly pain averages of the program's weeks."""

    weeks: int  # weeks with a pain average that the line goes through
    span: int  # weeks from the first of them to the last
    per_week: float | None  # the slope, points a week
    start: float | None  # the line's value at the first week
    end: float | None  # ... and at the last
    direction: str  # falling | rising | flat | unknown
    missing: str  # "" when there are enough weeks


def weekly_trend(weeks: Sequence[Week], program_start: date | None = None) -> WeeklyTrend:
    """Least squares through the weeks with pain (from the program's first week on).

    Falling or rising when the line moves by a meaningful amount (2 points, or 30% of where
    it starts) from its first week to its last; flat otherwise. Needs MIN_TREND_WEEKS.
    """
    floor = None if program_start is None else program_start - timedelta(days=6)
    points = [(w.start, w.pain) for w in weeks if w.pain is not None and (floor is None or w.start >= floor)]
    if len(points) < MIN_TREND_WEEKS:
        missing = f"needs at least {MIN_TREND_WEEKS} weeks with pain logged (has {len(points)})"
        return WeeklyTrend(len(points), 0, None, None, None, "unknown", missing)
    first = points[0][0]
    xs = [(d - first).days / 7 for d, _ in points]
    ys = [p for _, p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
    start = my + slope * (xs[0] - mx)
    end = my + slope * (xs[-1] - mx)
    direction = "flat"
    if is_meaningful(end - start, max(start, 0.0)):
        direction = "falling" if end < start else "rising"
    return WeeklyTrend(len(points), int(xs[-1]) + 1, slope, start, end, direction, "")


@dataclass(frozen=True)
class TrendView:
    """Everything the Journal's panel, the report and `footbase trends` show, as numbers.

    `first`..`last` is the period the figures describe (`all_time` when no period was
    chosen); `chart` holds the chart's weeks, which may reach further back.
    """

    first: date
    last: date
    all_time: bool
    entries: int  # pain entries in the period
    average: float | None  # mean of the period's daily averages
    series: Sequence[float | None]  # daily averages over the period, oldest first
    avg_7: float | None
    avg_30: float | None
    change: Change
    places: Sequence[PlaceTrend]
    comparisons: Sequence[Comparison]  # after practice, adherent weeks, around sessions
    trend: WeeklyTrend
    chart: Sequence[Week]


# ---- plain words -------------------------------------------------------------------------


def comparison_sentence(c: Comparison) -> str:
    """One comparison in plain words: both means with their n, and the difference (about the
    same when under 2 points and under 30% apart); with too little data, what is missing."""
    if not c.enough or c.mean_a is None or c.mean_b is None:
        return f"Pain {c.label_a} vs {c.label_b}: {c.missing}."
    delta = c.mean_a - c.mean_b
    if is_meaningful(delta, max(c.mean_b, 0.0)):
        diff = f"{abs(delta):.1f} points {'lower' if delta < 0 else 'higher'} {c.label_a}"
    else:
        diff = "about the same"
    if c.unit == "practice days":  # paired: the same days on both sides
        return f"Pain {c.label_a}: {c.mean_a:.1f}; {c.label_b}: {c.mean_b:.1f} ({c.n_a} {c.unit}); {diff}."
    return (
        f"Pain {c.label_a}: {c.mean_a:.1f} ({c.n_a} {c.unit}); {c.label_b}: {c.mean_b:.1f} "
        f"({c.n_b} {c.unit}); {diff}."
    )


def trend_sentence(t: WeeklyTrend) -> str:
    """The weekly trend in plain words, or what is missing."""
    if t.missing or t.per_week is None or t.start is None or t.end is None:
        return f"Weekly pain over the program: {t.missing}."
    word = {"falling": "falling", "rising": "rising", "flat": "about flat"}[t.direction]
    return (
        f"Weekly pain over {t.span} weeks of the program ({t.weeks} with entries): {word}, "
        f"from about {t.start:.1f} to about {t.end:.1f} ({t.per_week:+.2f} a week)."
    )


def missing_note(v: TrendView) -> str:
    """A hint when a comparison lacks data only because the period is short, else ""."""
    if v.all_time or all(c.enough for c in v.comparisons):
        return ""
    return f"Comparisons need at least {MIN_SIDE} per side; a longer period gives them more to go on."

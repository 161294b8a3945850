"""In-process calendar timings on the benchmark history: the year's cells + stats (with the
memo of the older days in the cache folder, as on every open but the first after a change
to those days; and without it, as on that first open), and rendering one frame of the
heatmap, beside parsing the store file (the baseline).

Run by run.py as `python benchmarks/calendar_inproc.py RUNS` with FOOTBASE_DB etc. set;
prints one JSON object of medians in ms.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta

from rich.console import Console


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    import orjson
    from textual.app import App

    from footbase_tui.context import Context
    from footbase_tui.core.calendar import months_back
    from footbase_tui.tui.widgets.heatmap_view import HeatmapData, theme_styles, year_text

    ctx = Context.from_args(None)
    raw = ctx.paths.db.read_bytes()
    snap = ctx.store.load()
    today = ctx.today()
    first = months_back(today, 12)
    cache = ctx.paths.cache
    assert cache is not None

    def compute() -> object:
        # What the Calendar screen does on open: the visible year's cells and the stats.
        return ctx.practice.calendar(snap, first, today)

    def compute_cold() -> object:
        for memo in cache.glob("calendar-*.json"):
            memo.unlink()
        return compute()

    cold = median_ms(compute_cold, runs)
    compute()  # the memo is back
    cells = {c.day: c for c in ctx.practice.calendar(snap, first, today)[0]}
    console = Console(width=120, color_system="256", file=open("/dev/null", "w"))  # noqa: SIM115
    state = {"cursor": today}
    styles = theme_styles(App[None]().get_css_variables())  # colour, as the app draws it

    def render() -> object:
        # One cursor move: the heatmap re-rendered to terminal segments.
        state["cursor"] -= timedelta(days=1)
        data = HeatmapData(first, today, state["cursor"], cells, False, "monday", styles)
        return list(console.render(year_text(data)))

    out = {
        "parse the store file (baseline)": median_ms(lambda: orjson.loads(raw), runs),
        "calendar: the year's cells + stats": median_ms(compute, runs),
        "calendar: the same, old days not yet summed up": cold,
        "calendar: render one heatmap frame": median_ms(render, runs),
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Child process for run.py: time to the first frame, and CPU use while idle.

Usage:  python benchmarks/first_frame.py bare|footbase|bare-idle|idle

- `bare`: a minimal Textual app (Static("hello") + Footer()), run headless; exits once
  its first screen has been painted.
- `footbase`: footbase's own app, built as the CLI builds it (Context.from_args(None),
  so FOOTBASE_DB / FOOTBASE_CONFIG / HOME / XDG_* decide what it reads), run headless;
  exits once the Today screen has been painted.
- `idle` (footbase) and `bare-idle`: the same start, then the app is left alone: 1 s to
  settle, then a 5 s window in which nothing is pressed; reports the process CPU time
  used in that window, and how many frames were painted in it.

How it stops: `App.run(headless=True, size=SIZE, auto_pilot=...)`; the autopilot awaits
`pilot.pause()` (Textual's "wait until the screen has processed its events and the
process is idle", at least 20 ms) until the wanted screen is current and painted (once,
in practice), records what is on screen, then calls `app.exit()`.

Everything (textual, footbase, the store) is imported here, inside the measured process:
the parent times the whole process, so imports count. Prints one JSON line on stdout;
exits 0 only if the expected screen was reached and painted (3 otherwise, with the
report on standard error too). With FIRST_FRAME_LOG=PATH set, the line is also appended
to PATH, so the parent gets every run's report, not only the last one's.

"Painted": Textual hands every compositor update to `App._display(screen, renderable)`.
Headless, that method returns before encoding the update for the terminal, so the hook
below does that encoding itself (`render_segments`, what a real terminal write would
cost, output discarded) and counts the update. The first frame is the first non-empty
update for the screen we are waiting for.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # CLOCK_MONOTONIC on Linux: comparable with the parent's

import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

SIZE = (120, 40)  # the headless "terminal": wide enough for footbase's normal layout
SETTLE_S = 1.0
IDLE_S = 5.0
MAX_PAUSES = 50  # pilot.pause() calls to wait for the first frame before giving up


def build(kind: str) -> Any:
    if kind == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Static

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Static("hello")
                yield Footer()

        return Bare()
    from footbase_tui.context import Context
    from footbase_tui.tui.app import FootbaseApp

    return FootbaseApp(Context.from_args(None))


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) == 2 else ""
    if mode not in ("bare", "footbase", "bare-idle", "idle"):
        print("usage: first_frame.py bare|footbase|bare-idle|idle", file=sys.stderr)
        return 2
    kind = "bare" if mode.startswith("bare") else "footbase"
    idle = mode.endswith("idle")
    stamps: dict[str, float] = {"started": STARTED}
    app = build(kind)
    stamps["built"] = time.perf_counter()

    if kind == "bare":

        def wanted(screen: Any) -> bool:
            return True
    else:
        from footbase_tui.tui.screens.today import TodayScreen

        def wanted(screen: Any) -> bool:
            return isinstance(screen, TodayScreen)

    frames: list[tuple[float, str]] = []  # (when, screen class) of every painted update
    real_display = app._display

    def display(screen: Any, renderable: Any) -> None:
        real_display(screen, renderable)
        if renderable is None or app._batch_count:
            return  # Textual draws nothing for these either
        render = getattr(renderable, "render_segments", None)
        if render is not None:
            render(app.console)  # the terminal encoding a real driver would write
        frames.append((time.perf_counter(), type(screen).__name__))

    app._display = display  # instance attribute: Screen calls self.app._display(...)
    report: dict[str, Any] = {"mode": mode, "size": f"{SIZE[0]}x{SIZE[1]}"}

    async def pilot_run(pilot: Any) -> None:
        pauses = 0
        while pauses < MAX_PAUSES and not (
            wanted(app.screen) and frames and frames[-1][1] == type(app.screen).__name__
        ):
            await pilot.pause()
            pauses += 1
        screen = app.screen
        first = next((t for t, name in frames if name == type(screen).__name__), None)
        stamps["first_frame"] = first if first is not None else float("nan")
        report.update(
            screen=type(screen).__name__, pauses=pauses, reached=wanted(screen) and first is not None
        )
        if kind == "footbase":
            from footbase_tui.tui.widgets.routine_list import RoutineList

            view = getattr(screen, "view", None)
            routine = view.routine if view is not None else None
            report.update(
                items_shown=screen.query_one(RoutineList).option_count if report["reached"] else None,
                items_planned=len(routine.items) if routine else None,
                rest_day=routine.rest_day if routine else None,
                day=str(routine.day) if routine else None,
            )
        if idle and report["reached"]:
            await asyncio.sleep(SETTLE_S)
            n0, cpu0, ru0 = len(frames), time.process_time(), resource.getrusage(resource.RUSAGE_SELF)
            w0 = time.perf_counter()
            await asyncio.sleep(IDLE_S)
            window = time.perf_counter() - w0
            cpu = time.process_time() - cpu0
            ru1 = resource.getrusage(resource.RUSAGE_SELF)
            report.update(
                idle_window_s=window,
                idle_cpu_s=cpu,
                idle_user_s=ru1.ru_utime - ru0.ru_utime,
                idle_sys_s=ru1.ru_stime - ru0.ru_stime,
                idle_frames=len(frames) - n0,
                idle_voluntary_switches=ru1.ru_nvcsw - ru0.ru_nvcsw,
            )
        stamps["exit"] = time.perf_counter()
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=pilot_run)
    stamps["returned"] = time.perf_counter()
    report["frames"] = len(frames)
    report["stamps"] = stamps
    out = os.environ.get("FIRST_FRAME_LOG")
    line = json.dumps(report)
    if out:  # one line per run, so the parent sees every run, not only the last
        with open(out, "a", encoding="utf-8") as log:
            log.write(line + "\n")
    print(line, flush=True)
    if not report.get("reached"):
        print(f"first_frame.py: the expected screen was not painted: {line}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Child process for run.py: how fast the app handles keys while another footbase holds
the store's lock, against the same keys with nothing waiting (the baseline).

Usage:  python benchmarks/lock_keys.py KEYS

The app is built as the CLI builds it (Context.from_args(None): FOOTBASE_DB etc. decide
the store) and run headless. The pain dialog is opened with a level typed; then KEYS
times a tab or shift+tab is posted the way the terminal driver posts a key, and the time
until the focus has moved is taken (polled every millisecond on the event loop). First
with nothing pending (baseline), then while a save waits for a lock that a separate
process holds for the whole measurement (the issue's scenario: another footbase keeps the
store busy). Prints one JSON line: medians and maxima in ms, and whether the save was
really still waiting at the end.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from typing import Any

SIZE = (100, 30)
HOLD_S = 30.0  # the holder is killed as soon as the measurement is done
HOLD = """\
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


async def measure(keys: int) -> dict[str, Any]:
    from textual import events

    from footbase_tui.context import Context
    from footbase_tui.tui.app import FootbaseApp
    from footbase_tui.tui.modals.pain_entry import PainEntryModal

    ctx = Context.from_args(None)
    ctx.lock_timeout = HOLD_S
    app = FootbaseApp(ctx, watch_interval=3600)
    out: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "4")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, PainEntryModal)

        async def one_key(n: int) -> float:
            assert app._driver is not None
            before = modal.focused
            key = ("tab", "\t") if n % 2 == 0 else ("shift+tab", None)
            start = time.perf_counter()
            app._driver.send_message(events.Key(*key))
            while modal.focused is before:
                await asyncio.sleep(0.001)
                if time.perf_counter() - start > 5:
                    raise RuntimeError("a key was not handled within 5 s")
            return (time.perf_counter() - start) * 1000

        async def series(label: str) -> None:
            times = [await one_key(n) for n in range(keys)]
            out[label] = {"median_ms": statistics.median(times), "max_ms": max(times)}

        await series("nothing waiting (baseline)")
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(ctx.store.lock_path), str(HOLD_S)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            pain_before = len(ctx.store.load().pain)
            assert app._driver is not None
            app._driver.send_message(events.Key("enter", "\r"))  # the save now waits
            await asyncio.sleep(0.3)
            await series("a save waiting for another footbase's lock")
            out["save still waiting"] = (
                len(ctx.store.load().pain) == pain_before and app.screen is modal and holder.poll() is None
            )
        finally:
            holder.kill()
            holder.wait()
        deadline = time.perf_counter() + 10
        while app.screen is modal and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)  # saved once the lock is free
        out["saved after"] = app.screen is not modal
    return out


def main() -> int:
    keys = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(json.dumps(asyncio.run(measure(keys))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Whole-process timings of footbase's quick commands against a 10-year store.

Usage:  python benchmarks/run.py [--runs N] [--warmups N] [--json PATH] [--end DATE]

Builds a realistic history in a private temp folder, then runs each command as its own
process (exactly as a shell would) and reports wall time and peak memory, with a ratio
against a bare `python -c pass` measured in the same run. Nothing is hard-coded: every
number comes from this run. The user's real data and config are never touched: the
children get HOME, XDG_*, FOOTBASE_DB and FOOTBASE_CONFIG pointing into the temp folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# Importing footbase here (to build the history) must not leave __pycache__ folders in
# the checkout; the children cache their bytecode in the temp folder instead.
sys.dont_write_bytecode = True

ZONE = "Europe/Berlin"
WARMUPS = 2
RUNS = 15
BASELINE = "python -c pass"
QUICK_ENTRY = "footbase pain 3 --where low-back --context sitting --note bench"

# (label, limit in ms on the median): printed as PASS/FAIL, never used as an exit code.
TARGETS: list[tuple[str, float]] = [(QUICK_ENTRY, 150.0)]


def footbase(*args: str) -> list[str]:
    """How a command is run: the same interpreter, as `python -m footbase_tui ARGS`."""
    return [sys.executable, "-m", "footbase_tui", *args]


# The rows of the table, in order. The first is the baseline the ratios divide by.
# To add a row, append (label, argv).
COMMANDS: list[tuple[str, list[str]]] = [
    (BASELINE, [sys.executable, "-c", "pass"]),
    (QUICK_ENTRY, footbase("pain", "3", "--where", "low-back", "--context", "sitting",
                           "--note", "bench")),
    ("footbase today", footbase("today")),
    ("footbase status", footbase("status")),
    ("footbase journal --last 5", footbase("journal", "--last", "5")),
]


class BenchError(RuntimeError):
    """A command failed; the message has its exit code and standard error."""


# The process that starts each measured command. It is a separate, minimal Python (no site,
# only os/sys/time) because on Linux a child's ru_maxrss starts from its parent's peak RSS
# (the high-water mark is carried over at fork/vfork and exec): spawned straight from this
# script, which holds the whole history in memory, even `python -c pass` would report ~50
# MiB. From this small spawner the floor is ~8 MiB, below any Python process measured.
# Arguments: WARMUPS RUNS OUTDIR ARGV...; per run it prints "seconds maxrss_kib returncode"
# and stops at the first failure, then "floor KIB": its own peak RSS, the lowest value a
# child can report. The last run's stdout/stderr are left in OUTDIR.
SPAWNER = """
import os, sys, time
warmups, runs, outdir, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
null = os.open(os.devnull, os.O_RDONLY)
for n in range(warmups + runs):
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    out = os.open(os.path.join(outdir, "stdout"), flags, 0o600)
    err = os.open(os.path.join(outdir, "stderr"), flags, 0o600)
    actions = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, out, 1),
               (os.POSIX_SPAWN_DUP2, err, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - t0
    os.close(out)
    os.close(err)
    code = os.waitstatus_to_exitcode(status)
    print(seconds, usage.ru_maxrss, code, flush=True)
    if code != 0:
        break
try:  # this process's own high-water mark (ru_maxrss would include its parent's)
    with open("/proc/self/status") as status_file:
        for line in status_file:
            if line.startswith("VmHWM:"):
                print("floor", line.split()[1], flush=True)
except OSError:
    pass
"""


def measure(argv: list[str], env: dict[str, str], runs: int, warmups: int = WARMUPS,
            cwd: Path | None = None) -> dict[str, Any]:
    """Run `argv` `warmups` times unmeasured, then `runs` times, each as a fresh process.

    Wall time is fork-to-reaped (what a shell user waits for, interpreter start included);
    peak RSS is the child's own ru_maxrss from wait4 (KiB on Linux).
    """
    where = cwd or Path.cwd()
    with tempfile.TemporaryDirectory(dir=where) as outdir:
        spawner = subprocess.run(
            [sys.executable, "-I", "-S", "-c", SPAWNER, str(warmups), str(runs), outdir,
             *argv],
            env=env, cwd=where, stdin=subprocess.DEVNULL, capture_output=True, text=True,
            check=False,
        )
        out_path, err_path = Path(outdir, "stdout"), Path(outdir, "stderr")
        stdout = out_path.read_text("utf-8", "replace") if out_path.exists() else ""
        stderr = err_path.read_text("utf-8", "replace") if err_path.exists() else ""
    if spawner.returncode != 0:
        raise BenchError(f"the spawner failed for {' '.join(argv)}:\n{spawner.stderr.rstrip()}")
    lines = [line.split() for line in spawner.stdout.splitlines()]
    floor = [int(x[1]) for x in lines if x[0] == "floor"]
    samples = [x for x in lines if x[0] != "floor"]
    if samples and samples[-1][2] != "0":
        raise BenchError(
            f"{' '.join(argv)} exited with {samples[-1][2]} (run {len(samples)}):\n"
            f"{stderr.rstrip() or '(no standard error)'}"
        )
    if len(samples) != warmups + runs:
        raise BenchError(f"expected {warmups + runs} runs of {' '.join(argv)}, "
                         f"got {len(samples)}:\n{spawner.stderr.rstrip()}")
    walls = [float(s[0]) * 1000 for s in samples[warmups:]]
    rss = [int(s[1]) for s in samples[warmups:]]
    return {
        "argv": argv,
        "runs": runs,
        "warmups": warmups,
        "wall_ms": [round(w, 3) for w in walls],
        "median_ms": statistics.median(walls),
        "min_ms": min(walls),
        "max_ms": max(walls),
        "maxrss_kib": rss,
        "peak_rss_mib": max(rss) / 1024,
        "rss_floor_mib": floor[0] / 1024 if floor else None,
        "stdout_sample": stdout.splitlines()[:3],
        "stderr_sample": stderr.splitlines()[:3],
    }


def child_env(root: Path, db: Path) -> dict[str, str]:
    """A small, explicit environment that points every footbase path into `root`."""
    env = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TERM")
           if k in os.environ}
    env.update(
        HOME=str(root / "home"),
        XDG_DATA_HOME=str(root / "xdg-data"),
        XDG_CONFIG_HOME=str(root / "xdg-config"),
        FOOTBASE_DB=str(db),
        FOOTBASE_CONFIG=str(root / "xdg-config" / "footbase" / "config.yaml"),  # absent
        TZ=ZONE,
        # Bytecode is cached (as after any install) but in the temp folder, so the
        # checkout and the venv are left as they were.
        PYTHONPYCACHEPREFIX=str(root / "pycache"),
    )
    for key in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        Path(env[key]).mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(env[key], 0o700)
    return env


def _fmt_table(results: list[tuple[str, dict[str, Any]]], base_median: float) -> list[str]:
    head = ("command", "median ms", "min ms", "x baseline", "peak RSS MiB")
    rows = [
        (label, f"{r['median_ms']:.1f}", f"{r['min_ms']:.1f}",
         f"{r['median_ms'] / base_median:.2f}", f"{r['peak_rss_mib']:.1f}")
        for label, r in results
    ]
    w0 = max(len(head[0]), *(len(r[0]) for r in rows))
    widths = [w0, *(max(len(head[i]), *(len(r[i]) for r in rows)) for i in range(1, 5))]

    def line(cells: tuple[str, ...]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return " | ".join((first, *rest))

    return [line(head), "-+-".join("-" * w for w in widths), *(line(r) for r in rows)]


def _end_date(text: str) -> date:
    if text == "yesterday":
        return date.today() - timedelta(days=1)
    return date.fromisoformat(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"measured runs (default {RUNS})")
    parser.add_argument("--warmups", type=int, default=WARMUPS,
                        help=f"unmeasured runs first (default {WARMUPS})")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--end", default="2026-11-20", metavar="DATE",
                        help="last day of the history, YYYY-MM-DD or 'yesterday' "
                             "(default 2026-11-20)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmups < 0:
        parser.error("--runs must be at least 1 and --warmups at least 0")

    from history import build_history  # after dont_write_bytecode; benchmarks/ is on the path

    started = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="footbase-bench-"))
    os.chmod(root, 0o700)
    try:
        db = root / "xdg-data" / "footbase" / "footbase.json"
        t0 = time.perf_counter()
        history = build_history(db, end=_end_date(args.end), zone_name=ZONE)
        built_s = time.perf_counter() - t0
        env = child_env(root, db)

        results: list[tuple[str, dict[str, Any]]] = []
        for label, cmd in COMMANDS:
            print(f"measuring {label} ({args.warmups} warm-ups + {args.runs} runs)...",
                  file=sys.stderr, flush=True)
            results.append((label, measure(cmd, env, args.runs, args.warmups, cwd=root)))
        final_size = db.stat().st_size
    except BenchError as exc:
        print(f"benchmark FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(root, ignore_errors=True)
    total_s = time.perf_counter() - started

    base_median = results[0][1]["median_ms"]
    print(f"footbase benchmark · Python {platform.python_version()} · {os.cpu_count()} CPUs · "
          f"{args.runs} runs after {args.warmups} warm-ups · {total_s:.0f} s in all")
    print(f"history: {history['pain_entries']} pain entries, {history['sessions']} sessions "
          f"({history['session_items']} exercise results), {history['bytes'] / 1e6:.2f} MB · "
          f"{history['first_day']} .. {history['last_day']} ({history['zone']}) · "
          f"built in {built_s:.1f} s")
    print()
    for row in _fmt_table(results, base_median):
        print(row)
    floors = [r["rss_floor_mib"] for _, r in results if r["rss_floor_mib"]]
    if floors:
        print(f"(a peak RSS at or below {max(floors):.1f} MiB is the spawner's floor, "
              "not the command's own; see README)")
    print()
    by_label = dict(results)
    verdicts = []
    for label, limit in TARGETS:
        median = by_label[label]["median_ms"]
        verdict = "PASS" if median < limit else "FAIL"
        verdicts.append({"command": label, "limit_ms": limit, "median_ms": median,
                         "verdict": verdict})
        name = "quick entry" if label == QUICK_ENTRY else label
        print(f"target: {name} median < {limit:g} ms -> {verdict} (measured {median:.1f} ms)")

    if args.json:
        report = {
            "python": platform.python_version(),
            "executable": sys.executable,
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "when_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "history": {**history, "bytes_after_runs": final_size, "build_seconds": built_s},
            "baseline": BASELINE,
            "results": [{"command": label, **r, "ratio": r["median_ms"] / base_median}
                        for label, r in results],
            "targets": verdicts,
            "total_seconds": total_s,
        }
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        print(f"results written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

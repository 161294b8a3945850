"""`footbase export` (CSV, JSON or a Markdown report) and `footbase import` (merge a JSON export).

Files written are new and 0600: an existing file is never overwritten. An import is checked
whole before anything is written, and then merged in one store transaction.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from footbase_tui.commands.saved import report_saved
from footbase_tui.context import Context
from footbase_tui.core.calendar import grid, months_back, week_start_of
from footbase_tui.core.csv_rows import Row, exercise_rows, pain_rows, safe_cell
from footbase_tui.core.exchange import ExchangeError, export_doc, in_period
from footbase_tui.core.export_read import check_known
from footbase_tui.core.localtime import iso_utc, parse_day
from footbase_tui.core.report import ReportInput, markdown_report
from footbase_tui.core.text import json_shown, shown
from footbase_tui.errors import UsageError
from footbase_tui.fileio import fsync_dir
from footbase_tui.heatmap import legend, month_line, rows, weekday_labels
from footbase_tui.store import FORMAT, NotSaved, Snapshot
from footbase_tui.store.sync import read_incoming

IMPORT_MAX_BYTES = 512 * 1024 * 1024
HEATMAP_MONTHS = 12
REPORT_WEEKS = 12  # the report's default period: one page, not ten years
REPORT_NOTES = 20  # the most recent notes in the default report
REPORT_CHART_WEEKS = 26  # the report's weekly chart: at most half a year of rows


def _period(ctx: Context, args: argparse.Namespace) -> tuple[date | None, date | None]:
    today = ctx.today()
    since = parse_day(args.since, today) if args.since else None
    until = parse_day(args.until, today) if args.until else None
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}; nothing would match")
    return since, until


def _csv_text(*tables: tuple[str | None, list[Row]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    for n, (title, table) in enumerate(tables):
        if n:
            writer.writerow([])
        if title:
            writer.writerow([title])
        # Every text cell once more, whatever made the rows: no cell may start a formula.
        writer.writerows([safe_cell(c) if isinstance(c, str) else c for c in row] for row in table)
    return buf.getvalue()


def _write_new(path: Path, text: str) -> None:
    """Create `path` 0600 with `text`; never replace anything already there."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        raise UsageError(f"{path} exists; choose another name") from None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(text.encode("utf-8"))
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise NotSaved(f"not saved: could not write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    try:  # the new name is durable too before "exported" is printed
        fsync_dir(path.parent if str(path.parent) else Path("."))
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise NotSaved(f"not saved: could not make {path} durable: {exc.strerror or exc}") from None


def _write_folder(folder: Path, files: dict[str, str]) -> None:
    """Write each named file into `folder` (made 0700 if missing); all of them or none."""
    if not folder.is_dir():
        try:
            os.mkdir(folder, 0o700)
            os.chmod(folder, 0o700)  # whatever the umask
            fsync_dir(folder.parent if str(folder.parent) else Path("."))
        except OSError as exc:
            raise UsageError(f"cannot create folder {folder}: {exc.strerror or exc}") from None
    for name in files:
        if os.path.lexists(folder / name):
            raise UsageError(f"{folder / name} exists; choose another folder")
    written: list[Path] = []
    try:
        for name, text in files.items():
            _write_new(folder / name, text)
            written.append(folder / name)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                os.unlink(path)
        raise


def _is_folder_target(output: str) -> bool:
    return output.endswith(os.sep) or Path(output).is_dir()


def _json_text(ctx: Context, snap: Snapshot, since: date | None, until: date | None) -> str:
    doc = export_doc(
        snap.meta,
        [e for e in snap.pain if in_period(e.date, since, until)],
        [s for s in snap.sessions if in_period(s.date, since, until)],
        [p for p in snap.day_plans.values() if in_period(p.date, since, until)],
        exported_at=iso_utc(ctx.clock.now()),
        store_format=FORMAT,
        levels=[c for c in snap.level_changes if in_period(c.date, since, until)],
        tombs=snap.tombs,
    )
    return json_shown(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


def _names(ctx: Context) -> dict[str, str]:
    names = {p.id: p.name for p in ctx.catalog.programs.values()}
    names.update({e.id: e.name for e in ctx.catalog.exercises.values()})
    return names


def _report(ctx: Context, snap: Snapshot, since: date | None, until: date | None, recent: bool) -> str:
    """The Markdown report; `recent`: the default period, the last REPORT_WEEKS weeks
    (whole weeks, not before the first record) with the REPORT_NOTES newest notes."""
    today = ctx.today()
    hint = ""
    if recent:
        earliest = min([e.date for e in snap.pain] + [s.date for s in snap.sessions], default=today)
        since = week_start_of(today, ctx.config.week_starts) - timedelta(weeks=REPORT_WEEKS - 1)
        if earliest < since:
            hint = f"the last {REPORT_WEEKS} weeks; --all or --since DATE for earlier"
        else:
            since = None  # the whole history fits: from the first record, as with --all
    pain = [e for e in snap.pain if in_period(e.date, since, until)]
    sessions = [s for s in snap.sessions if in_period(s.date, since, until)]
    dates = [e.date for e in snap.pain] + [s.date for s in snap.sessions] + list(snap.day_plans)
    # Without bounds: from the first record to today (or the last record, if later).
    last = until or max([today, *dates, *([since] if since else [])])
    first = since or min([*dates, last], default=today)
    first = min(first, last)
    plan = ctx.practice.plan(snap.meta, today)
    if plan.warning:
        print(f"footbase: {shown(plan.warning)}", file=sys.stderr)
    program, start = plan.program, plan.start
    cells = ctx.practice.cells(snap, first, last)
    by_day = {c.day: c for c in cells}
    g = grid(max(first, months_back(last, HEATMAP_MONTHS)), last, ctx.config.week_starts)
    heatmap = [month_line(g, 4)]
    for label, row in zip(weekday_labels(ctx.config.week_starts), rows(g, by_day, False), strict=True):
        heatmap.append(f"{label} {''.join(c.glyph for c in row)}".rstrip())
    heatmap.append(legend(False))
    weeks = (
        week_start_of(last, ctx.config.week_starts) - week_start_of(first, ctx.config.week_starts)
    ).days // 7
    practice = ctx.practice.trends(
        snap, snap.pain, first, min(REPORT_CHART_WEEKS, weeks + 1), last, chart_in_period=True
    )
    return markdown_report(
        ReportInput(
            first=first,
            last=last,
            today=today,
            program_id=program.id,
            program_name=program.name,
            program_start=start,
            names=_names(ctx),
            pain=pain,
            sessions=sessions,
            cells=cells,
            heatmap=heatmap,
            week_starts=ctx.config.week_starts,
            notes_max=REPORT_NOTES if recent else None,
            made_at=ctx.clock.now(),
            more_hint=hint,
            practice=practice,
        )
    )


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    since, until = _period(ctx, args)
    if args.all and (since or until):
        raise UsageError("give --all or --since/--until, not both")
    output: str | None = args.output
    folder = output is not None and _is_folder_target(output)
    if folder and args.format != "csv":
        raise UsageError(f"{output} is a folder; name a file (a folder is only for --format csv)")
    if output is not None and not folder and os.path.lexists(output):
        raise UsageError(f"{output} exists; choose another name")  # before any work
    snap = ctx.store.load()
    files: dict[str, str]
    if args.format == "json":
        files = {"": _json_text(ctx, snap, since, until)}
    elif args.format == "md":
        recent = not (args.all or since or until)
        files = {"": _report(ctx, snap, since, until, recent)}
    else:
        pain = pain_rows(e for e in snap.pain if in_period(e.date, since, until))
        results = exercise_rows((s for s in snap.sessions if in_period(s.date, since, until)), _names(ctx))
        if folder:
            files = {"pain.csv": _csv_text((None, pain)), "exercises.csv": _csv_text((None, results))}
        else:
            files = {"": _csv_text(("# pain entries", pain), ("# exercise results", results))}
    if output is None:
        sys.stdout.write(files[""])
        sys.stdout.flush()
        return 0
    if folder:
        _write_folder(Path(output), files)
        where = ", ".join(str(Path(output) / name) for name in files)
    else:
        _write_new(Path(output), files[""])
        where = output
    counts = _counts(snap, since, until)
    report_saved(f"exported: {counts} to {where}")
    return 0


def _counts(snap: Snapshot, since: date | None, until: date | None) -> str:
    pain = sum(1 for e in snap.pain if in_period(e.date, since, until))
    sessions = sum(1 for s in snap.sessions if in_period(s.date, since, until))
    return f"{pain} pain entr{'y' if pain == 1 else 'ies'}, {sessions} session{'' if sessions == 1 else 's'}"


def _read_import(path: Path) -> bytes:
    if str(path) == "-":  # standard input: `footbase --db OTHER export --format json | footbase import -`
        data = sys.stdin.buffer.read(IMPORT_MAX_BYTES + 1)
        if len(data) > IMPORT_MAX_BYTES:
            raise UsageError(
                f"standard input is larger than {IMPORT_MAX_BYTES >> 20} MB; not a footbase export"
            )
        return data
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give the file made by 'footbase export --format json'")
    else:
        try:
            with open(path, "rb") as f:
                data = f.read(IMPORT_MAX_BYTES + 1)
        except OSError as exc:
            raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > IMPORT_MAX_BYTES:
        raise UsageError(f"{path} is larger than {IMPORT_MAX_BYTES >> 20} MB; not a footbase export")
    return data


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    path = Path(args.file)
    raw = _read_import(path)
    name = "standard input" if args.file == "-" else str(path)
    try:
        found = read_incoming(raw)
    except ExchangeError as exc:
        raise UsageError(f"{name}: {exc}; nothing was imported") from None
    try:
        check_known(found.export, exercises=ctx.catalog.exercises, programs=ctx.catalog.programs)
    except ExchangeError as exc:
        raise UsageError(f"{name}: {exc}; nothing was imported") from None
    if args.file != "-" and path.resolve() == ctx.paths.db.resolve():
        raise UsageError(f"{name} is this store itself; nothing to import")
    p = ctx.store.merge_docs(found.records, found.tombs, program_if_new=found.program)
    report_saved(
        f"imported: {p.added} added, {p.updated} updated, {p.deleted} deleted, {p.unchanged} unchanged"
    )
    return 0

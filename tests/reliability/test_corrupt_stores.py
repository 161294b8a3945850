"""Corrupt stores, generated from a real sample file.

A sample store is built through the real commands and API (pain entries with non-ASCII
notes, sessions, a day plan); its bytes are then truncated, bit-flipped, padded, zeroed,
given a BOM, invalid UTF-8, NaN, the wrong shape, a duplicate id or a newer format. For
each variant `footbase pain 3` (a write) and `footbase journal --json` (a read) run
in-process, and must give one line naming the file and how to recover, no traceback, no
write, and a copy of the damaged bytes. Restoring from a daily backup must give back
exactly what was saved that day.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from footbase_tui.context import Context
from footbase_tui.core.clock import Clock, FakeClock
from footbase_tui.core.records import DayPlan, ItemResult, LevelChange, Session, new_id
from footbase_tui.store import FORMAT, Store, StoreCorrupt

NOTES = (
    "Fußgewölbe brennt nach dem Treppensteigen",
    "痛い — 足の裏、朝いちばん",
    "🦶 after the long run, left heel",
    'crème, naïve café; "quoted" and a back\\slash',
    "two lines:\nfirst step hurts, then eases",
    "Ελαφρύς πόνος στη φτέρνα",
    "",
)
LOCATIONS = ("low-back", "heel", "arch", "knee", "toes", "ankle")
CONTEXTS = ("walking", "standing", "sitting", "exercise", "waking")
PAIN_ENTRIES = 36
SESSIONS = 5

_SAMPLE: dict[str, Any] = {}  # built once per run: the bytes do not depend on the folder


# ---- the sample store ----------------------------------------------------------------------


def _build_sample(ctx: Context, run: Callable[..., Any]) -> None:
    today = date(2026, 3, 3)
    for i in range(PAIN_ENTRIES):
        day = today - timedelta(days=PAIN_ENTRIES - 1 - i)
        args = ["pain", str(i % 11), "--at", f"{day.isoformat()}T{6 + i % 3:02d}:{(i * 7) % 60:02d}"]
        if NOTES[i % len(NOTES)]:
            args += ["--note", NOTES[i % len(NOTES)]]
        if i % 3:
            args += ["--where", LOCATIONS[i % len(LOCATIONS)]]
        if i % 4:
            args += ["--context", CONTEXTS[i % len(CONTEXTS)]]
        result = run(*args)
        assert result.code == 0, result.err
    for k in range(SESSIONS):
        day = today - timedelta(days=2 * k + 1)
        stamp = f"{day.isoformat()}T07:{10 + k:02d}:00Z"
        items = (
            ItemResult("short-foot", 1, "done", stamp, sets=3, reps=10),
            ItemResult("toe-yoga", 2, "skipped", stamp, reason="Ferse tut weh — zu früh"),
            ItemResult("calf-raise", 1, "done", stamp, seconds=45),
        )
        session = Session(
            new_id(),
            day,
            "Europe/Berlin",
            stamp,
            f"{day.isoformat()}T07:40:00Z",
            "foundation",
            "walkthrough" if k % 2 else "manual",
            items,
        )
        ctx.store.save_session(session, program_if_new=("foundation", today - timedelta(days=30)))
    ctx.store.set_day_plan(
        DayPlan(date(2026, 3, 2), "foundation", "pain", "2026-03-02T07:00:00Z"), date(2026, 3, 2)
    )
    ctx.store.change_level(
        LevelChange(
            new_id(),
            "short-foot",
            1,
            2,
            "accepted",
            "2026-03-02T07:45:00Z",
            "Europe/Berlin",
            date(2026, 3, 2),
        )
    )
    raw = ctx.paths.db.read_bytes()
    journal = run("journal", "--json")
    assert journal.code == 0, journal.err
    snap = ctx.store.load()
    assert (len(snap.pain), len(snap.sessions), len(snap.day_plans)) == (PAIN_ENTRIES, SESSIONS, 1)
    assert len(snap.level_changes) == 1
    assert "痛い" in raw.decode("utf-8") and "🦶" in raw.decode("utf-8")
    _SAMPLE.update(raw=raw, journal=journal.out)


@pytest.fixture
def sample(ctx: Context, run: Callable[..., Any]) -> bytes:
    """The sample store's bytes (also installed as this test's store)."""
    if not _SAMPLE:
        _build_sample(ctx, run)
    install(ctx, _SAMPLE["raw"])
    return bytes(_SAMPLE["raw"])


def install(ctx: Context, raw: bytes) -> None:
    """Empty the data folder and put `raw` there as the store."""
    folder = ctx.paths.db.parent
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    ctx.paths.db.write_bytes(raw)
    os.chmod(ctx.paths.db, 0o600)


def listing(folder: Path) -> dict[str, bytes | None]:
    """Every file under `folder` with its bytes (None for folders and links)."""
    out: dict[str, bytes | None] = {}
    for p in sorted(folder.rglob("*")):
        key = str(p.relative_to(folder))
        out[key] = p.read_bytes() if p.is_file() and not p.is_symlink() else None
    return out


# ---- what a variant is, judged independently of the CLI ---------------------------------


def _strict_json(raw: bytes) -> Any:
    """Python's own JSON parser, refusing NaN/Infinity and duplicate keys."""

    def no_dupes(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)

    def no_constant(name: str) -> Any:
        raise ValueError(name)

    return json.loads(raw.decode("utf-8"), object_pairs_hook=no_dupes, parse_constant=no_constant)


def classify(raw: bytes, probe: Path, clock: Clock) -> dict[str, Any]:
    """What footbase's Store makes of `raw` (in a scratch folder, so nothing is kept beside
    the store under test): corrupt, too new, damaged pain records, damaged other records."""
    probe.mkdir(mode=0o700, exist_ok=True)
    for child in probe.iterdir():
        child.unlink()
    path = probe / "footbase.json"
    path.write_bytes(raw)
    store = Store(path, clock)
    facts: dict[str, Any] = {"corrupt": False, "too_new": False, "pain_ok": True, "other_ok": True}
    try:
        snap = store.load()
    except StoreCorrupt:
        facts["corrupt"] = True
        return facts
    # Whatever the store accepts must be JSON by Python's strict reading too.
    _strict_json(raw)
    facts["too_new"] = snap.meta.format > FORMAT
    try:
        facts["pain"] = [e.id for e in snap.pain]
    except StoreCorrupt:
        facts["pain_ok"] = False
    try:
        _ = snap.sessions, snap.day_plans, snap.level_changes
    except StoreCorrupt:
        facts["other_ok"] = False
    return facts


# ---- what the CLI must do ------------------------------------------------------------------


def one_line(err: str, path: Path, label: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, f"{label}: not one line: {err!r}"
    assert err.startswith("footbase: "), f"{label}: {err!r}"
    assert "Traceback" not in err and "internal error" not in err, f"{label}: {err!r}"
    assert str(path) in err, f"{label}: the message does not name the file: {err!r}"


def expect_refused(ctx: Context, run: Callable[..., Any], raw: bytes, label: str) -> None:
    """A store footbase cannot read: both commands refuse in one line, a copy is kept, and
    nothing else is written."""
    db = ctx.paths.db
    before = listing(db.parent)
    write = run("pain", "3")
    read = run("journal", "--json")
    copy = db.with_name(f"{db.name}.broken-{hashlib.sha256(raw).hexdigest()[:10]}")
    for result, what in ((write, "pain 3"), (read, "journal --json")):
        where = f"{label} / {what}"
        assert result.code == 1, f"{where}: exit {result.code}, err {result.err!r}"
        assert result.out == "", f"{where}: {result.out!r}"
        one_line(result.err, db, where)
        assert "restore" in result.err, f"{where}: no way to recover: {result.err!r}"
        assert str(copy) in result.err, f"{where}: the kept copy is not named: {result.err!r}"
    assert db.read_bytes() == raw, f"{label}: the store was changed"
    after = listing(db.parent)
    assert after.pop(copy.name, b"<missing>") == raw, f"{label}: no exact copy kept"
    after.pop(f"{db.name}.lock", None)
    assert after == before, f"{label}: something else was written: {set(after) ^ set(before)}"


def expect_too_new(
    ctx: Context, run: Callable[..., Any], raw: bytes, label: str, facts: dict[str, Any]
) -> None:
    """Written by a newer footbase: reads work, the write is refused with 'upgrade', and no
    copy is kept because nothing is wrong with the file."""
    db = ctx.paths.db
    before = listing(db.parent)
    write = run("pain", "3")
    assert write.code == 1, f"{label}: exit {write.code}, err {write.err!r}"
    one_line(write.err, db, label)
    assert "upgrade" in write.err and "newer footbase" in write.err, f"{label}: {write.err!r}"
    after = listing(db.parent)
    after.pop(f"{db.name}.lock", None)
    assert after == before, f"{label}: something was written: {set(after) ^ set(before)}"
    expect_read(ctx, run, raw, label, facts)
    assert not list(db.parent.glob(f"{db.name}.broken-*")), f"{label}: a copy was kept"


def expect_read(ctx: Context, run: Callable[..., Any], raw: bytes, label: str, facts: dict[str, Any]) -> None:
    read = run("journal", "--json")
    if facts["pain_ok"]:
        assert read.code == 0, f"{label}: exit {read.code}, err {read.err!r}"
        assert read.err == "", f"{label}: {read.err!r}"
        shown = json.loads(read.out)
        assert [e["id"] for e in shown] == facts["pain"], f"{label}: journal is not the store"
    else:
        assert read.code == 1, f"{label}: exit {read.code}, err {read.err!r}"
        assert read.out == "", f"{label}: {read.out!r}"
        one_line(read.err, ctx.paths.db, label)
        assert "damaged record" in read.err and "restore" in read.err, f"{label}: {read.err!r}"


def expect_readable(
    ctx: Context, run: Callable[..., Any], raw: bytes, label: str, facts: dict[str, Any]
) -> None:
    """Bytes that still parse as a store. With every record whole, a write goes through,
    keeps every record as it was and keeps the old file as the day's backup. With a damaged
    record, the write is refused like a broken file's (one line, a copy kept, nothing
    written): entries added beside it would be lost to the restore that repairs it."""
    db = ctx.paths.db
    if not (facts["pain_ok"] and facts["other_ok"]):
        before = listing(db.parent)
        write = run("pain", "3")
        assert write.code == 1 and write.out == "", f"{label}: {write!r}"
        one_line(write.err, db, label)
        assert "damaged record" in write.err and "restore" in write.err, f"{label}: {write.err!r}"
        copy = db.with_name(f"{db.name}.broken-{hashlib.sha256(raw).hexdigest()[:10]}")
        assert str(copy) in write.err, f"{label}: the kept copy is not named: {write.err!r}"
        assert db.read_bytes() == raw, f"{label}: refused, but the store was changed"
        after = listing(db.parent)
        assert after.pop(copy.name, b"<missing>") == raw, f"{label}: no exact copy kept"
        after.pop(f"{db.name}.lock", None)
        assert after == before, f"{label}: something else was written: {set(after) ^ set(before)}"
        expect_read(ctx, run, raw, label, facts)
        return
    write = run("pain", "3")
    assert write.code == 0, f"{label}: {write!r}"
    assert write.err == "" and write.out.startswith("saved: pain 3/10"), f"{label}: {write!r}"
    old, new = orjson.loads(raw), orjson.loads(db.read_bytes())
    added = set(new["pain"]) - set(old.get("pain", {}))
    assert len(added) == 1, f"{label}: {len(added)} entries added"
    new["pain"].pop(added.pop())
    old.setdefault("pain", {})
    assert new == old, f"{label}: the write changed other records"
    backups = list(ctx.paths.backups.glob("footbase-*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == raw, f"{label}: no backup kept"
    install(ctx, raw)
    expect_read(ctx, run, raw, label, facts)


def check_variant(
    ctx: Context, run: Callable[..., Any], raw: bytes, label: str, probe: Path, outcomes: Counter[str]
) -> None:
    install(ctx, raw)
    facts = classify(raw, probe, ctx.clock)
    if facts["corrupt"]:
        outcomes["refused as corrupt"] += 1
        expect_refused(ctx, run, raw, label)
    elif facts["too_new"]:
        outcomes["readable, newer format"] += 1
        expect_too_new(ctx, run, raw, label, facts)
    else:
        outcomes["readable" if facts["pain_ok"] and facts["other_ok"] else "damaged record"] += 1
        expect_readable(ctx, run, raw, label, facts)


def report(tally: Counter[str], kind: str, outcomes: Counter[str]) -> None:
    total = sum(outcomes.values())
    tally["corrupt store variants tried"] += total
    tally[f"corrupt store variants: {kind}"] += total
    for outcome, n in outcomes.items():
        if outcome != "refused as corrupt":
            tally[f"corrupt store variants: {kind}, {outcome}"] += n


# ---- the variants --------------------------------------------------------------------------


def test_truncated_at_many_offsets(
    ctx: Context, run: Callable[..., Any], sample: bytes, tmp_path: Path, tally: Counter[str]
) -> None:
    n = len(sample)
    offsets = sorted({n * k // 50 for k in range(50)} | set(range(10)) | set(range(n - 10, n)))
    outcomes: Counter[str] = Counter()
    for k in offsets:
        check_variant(ctx, run, sample[:k], f"truncated at {k}/{n}", tmp_path / "probe", outcomes)
    assert outcomes == {"refused as corrupt": len(offsets)}
    report(tally, "truncated", outcomes)


def test_random_byte_flips(
    ctx: Context, run: Callable[..., Any], sample: bytes, tmp_path: Path, tally: Counter[str]
) -> None:
    rng = random.Random(20260303)
    outcomes: Counter[str] = Counter()
    for v in range(200):
        raw = bytearray(sample)
        changes = []
        for pos in rng.sample(range(len(raw)), rng.randint(1, 3)):
            old = raw[pos]
            # Half the variants flip one bit (near misses: '3'->'2', 'a'->'c'), half put
            # any other byte there.
            raw[pos] = (
                old ^ (1 << rng.randrange(8)) if v % 2 else rng.choice([b for b in range(256) if b != old])
            )
            changes.append(f"{pos}:{old:02x}->{raw[pos]:02x}")
        check_variant(ctx, run, bytes(raw), f"flip #{v} ({', '.join(changes)})", tmp_path / "probe", outcomes)
    assert sum(outcomes.values()) == 200
    report(tally, "byte flips", outcomes)


@pytest.mark.parametrize(
    "garbage",
    [
        b"x",
        b"}",
        b"\n}\n",
        b"{}",
        b",",
        b"\x00",
        b"\n\x1a",
        b"]]]",
        b"garbage after the end\n",
        b'{"meta":{"meta":{"format":1}}}',
        b"\xff\xfe",
    ],
)
def test_trailing_garbage(
    ctx: Context, run: Callable[..., Any], sample: bytes, tmp_path: Path, tally: Counter[str], garbage: bytes
) -> None:
    outcomes: Counter[str] = Counter()
    check_variant(ctx, run, sample + garbage, f"trailing {garbage!r}", tmp_path / "probe", outcomes)
    assert outcomes == {"refused as corrupt": 1}
    report(tally, "trailing garbage", outcomes)


def test_trailing_white_space_is_still_a_store(
    ctx: Context, run: Callable[..., Any], sample: bytes, tmp_path: Path, tally: Counter[str]
) -> None:
    outcomes: Counter[str] = Counter()
    check_variant(ctx, run, sample + b"\n \t\r\n", "trailing white space", tmp_path / "probe", outcomes)
    assert outcomes == {"readable": 1}
    report(tally, "trailing garbage", outcomes)


def _note_at(sample: bytes, note: str) -> int:
    """The byte offset of the middle of a note in the sample."""
    encoded = json.dumps(note, ensure_ascii=False)[1:-1].encode("utf-8")
    at = sample.index(encoded)
    # Inside the note, on a character boundary.
    middle = at + len(encoded) // 2
    while sample[middle] & 0xC0 == 0x80:
        middle += 1
    return middle


def _into_note(sample: bytes, note: str, bad: bytes) -> bytes:
    at = _note_at(sample, note)
    return sample[:at] + bad + sample[at:]


NOT_UTF8, NOT_JSON, NOT_STORE = "is not UTF-8 text", "is not valid JSON", "is not a footbase store"


@pytest.mark.parametrize(
    ("name", "make", "problem"),
    [
        ("all NUL bytes", lambda s: b"\x00" * len(s), NOT_JSON),
        ("a UTF-8 BOM first", lambda s: b"\xef\xbb\xbf" + s, "byte-order mark"),
        ("a UTF-16 BOM first", lambda s: b"\xff\xfe" + s, NOT_UTF8),
        ("a lone 0xff inside a note", lambda s: _into_note(s, NOTES[2], b"\xff"), NOT_UTF8),
        ("a cut sequence inside a note", lambda s: _into_note(s, NOTES[1], b"\xe7\x97"), NOT_UTF8),
        ("an overlong '/' inside a note", lambda s: _into_note(s, NOTES[0], b"\xc0\xaf"), NOT_UTF8),
        ("an encoded surrogate inside a note", lambda s: _into_note(s, NOTES[3], b"\xed\xa0\x80"), NOT_UTF8),
        ("latin-1 instead of UTF-8", lambda s: s.decode("utf-8").encode("latin-1", "replace"), NOT_UTF8),
        ("the level is NaN", lambda s: s.replace(b'"level":3', b'"level":NaN', 1), NOT_JSON),
        ("the level is Infinity", lambda s: s.replace(b'"level":3', b'"level":Infinity', 1), NOT_JSON),
        ("the level is -Infinity", lambda s: s.replace(b'"level":3', b'"level":-Infinity', 1), NOT_JSON),
        ("the format is NaN", lambda s: s.replace(b'"format":2', b'"format":NaN', 1), NOT_JSON),
        ("a list at the top", lambda s: b"[" + s + b"]", NOT_STORE),
        ("a number at the top", lambda s: b"42", NOT_STORE),
        ("an empty object", lambda s: b"{}", NOT_STORE),
        ("meta is a number", lambda s: b'{"meta": 1}', NOT_STORE),
        ("meta without format", lambda s: s.replace(b'"format":2,', b"", 1), "no format version"),
        ("the format is text", lambda s: s.replace(b'"format":2', b'"format":"1"', 1), "no format version"),
        ("the pain table is a list", lambda s: b'{"meta":{"meta":{"format":1}},"pain":[]}', "'pain'"),
        ("a pain record is a number", lambda s: s.replace(b'"pain":{"', b'"pain":{"x":1,"', 1), "'pain'"),
    ],
)
def test_damaged_beyond_reading(
    ctx: Context,
    run: Callable[..., Any],
    sample: bytes,
    tmp_path: Path,
    tally: Counter[str],
    name: str,
    make: Callable[[bytes], bytes],
    problem: str,
) -> None:
    raw = make(sample)
    assert raw != sample, name
    outcomes: Counter[str] = Counter()
    check_variant(ctx, run, raw, name, tmp_path / "probe", outcomes)
    assert outcomes == {"refused as corrupt": 1}
    assert problem in run("journal", "--json").err
    report(tally, "shape, encoding, NaN", outcomes)


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("a date that is not a date", b'"date":"2026-03-03"', b'"date":"2026-03-0#"'),
        ("a 31st of February", b'"date":"2026-02-28"', b'"date":"2026-02-31"'),
        ("a level of 13", b'"level":3', b'"level":13'),
        ("a level as text", b'"level":3', b'"level":"3"'),
        ("a level of true", b'"level":1,', b'"level":true,'),
        ("an hour of 27", b"T07:", b"T27:"),
        ("a renamed level", b'"level"', b'"levdl"'),
        ("where is text", b'"where":["', b'"where":"x","w":["'),
        ("a session date that is not a date", b'"date":"2026-03-02","tz"', b'"date":"2026-03-0#","tz"'),
        ("a session item status unknown", b'"st":"done"', b'"st":"dome"'),
        # A flipped byte in an optional field's name would hide it: it is damage too.
        ("a renamed note", b'"note"', b'"notd"'),
        ("a renamed skip reason", b'"why"', b'"whx"'),
        ("a renamed session end", b'"end"', b'"enf"'),
        ("a level change of two steps", b'"to":2', b'"to":4'),
        ("a level change for no known reason", b'"why":"accepted"', b'"why":"acceptex"'),
        ("a renamed level change field", b'"from":1', b'"frol":1'),
    ],
)
def test_a_damaged_record_gives_one_line_on_reading(
    ctx: Context,
    run: Callable[..., Any],
    sample: bytes,
    tmp_path: Path,
    tally: Counter[str],
    name: str,
    old: bytes,
    new: bytes,
) -> None:
    raw = sample.replace(old, new, 1)
    assert raw != sample, name
    outcomes: Counter[str] = Counter()
    check_variant(ctx, run, raw, name, tmp_path / "probe", outcomes)
    assert outcomes == {"damaged record": 1}, outcomes
    report(tally, "damaged records", outcomes)


@pytest.mark.parametrize(
    ("old", "new"),
    [(b'"sets":3', b'"sets":"x"'), (b'"reps":10', b'"reps":[10]')],
    ids=["sets-text", "reps-list"],
)
def test_a_damaged_session_item_gives_one_line_on_reading(
    ctx: Context,
    run: Callable[..., Any],
    sample: bytes,
    tally: Counter[str],
    old: bytes,
    new: bytes,
) -> None:
    raw = sample.replace(old, new, 1)
    assert raw != sample
    day = next(iter(orjson.loads(sample)["sessions"].values()))["date"]  # the one damaged
    tally["corrupt store variants tried"] += 1
    tally["corrupt store variants: damaged records"] += 1
    install(ctx, raw)
    for argv in (("today", "--date", day, "--json"), ("export", "--format", "json")):
        result = run(*argv)
        label = f"{new!r} / {' '.join(argv)}"
        assert result.code == 1 and result.out == "", f"{label}: {result!r}"
        one_line(result.err, ctx.paths.db, label)
        assert "damaged record" in result.err and "restore" in result.err, f"{label}: {result.err!r}"
    assert ctx.paths.db.read_bytes() == raw


def test_a_newer_format_is_read_but_not_written(
    ctx: Context, run: Callable[..., Any], sample: bytes, tmp_path: Path, tally: Counter[str]
) -> None:
    raw = sample.replace(b'"format":2', b'"format":99', 1)
    assert raw != sample
    install(ctx, raw)
    facts = classify(raw, tmp_path / "probe", ctx.clock)
    assert facts["too_new"] and facts["pain_ok"]
    expect_too_new(ctx, run, raw, "format 99", facts)
    assert run("journal", "--json").out == _SAMPLE["journal"]  # read exactly as it was
    tally["corrupt store variants tried"] += 1
    tally["corrupt store variants: newer format"] += 1


def _duplicate_first_id(sample: bytes) -> tuple[bytes, str]:
    """The sample with its first pain id twice in the "pain" object: once with a different
    record in front (JSON text allows it; Python and orjson keep the last one)."""
    start = sample.index(b'"pain":{') + len(b'"pain":{')
    data = orjson.loads(sample)
    first_id = next(iter(data["pain"]))
    other = dict(data["pain"][first_id], level=9, note="the other copy of this id")
    raw = sample[:start] + orjson.dumps({first_id: other})[1:-1] + b"," + sample[start:]
    return raw, first_id


def test_duplicate_ids_are_detected(
    ctx: Context, run: Callable[..., Any], sample: bytes, tmp_path: Path, tally: Counter[str]
) -> None:
    raw, first_id = _duplicate_first_id(sample)
    assert raw.count(f'"{first_id}"'.encode()) == 2
    with pytest.raises(ValueError, match="duplicate key"):
        _strict_json(raw)
    tally["corrupt store variants tried"] += 1
    tally["corrupt store variants: duplicate ids"] += 1
    install(ctx, raw)
    expect_refused(ctx, run, raw, "duplicate id")


def test_a_flipped_table_name_is_detected(
    ctx: Context, run: Callable[..., Any], sample: bytes, tally: Counter[str]
) -> None:
    raw = sample.replace(b'"pain":{', b'"paio":{', 1)
    assert raw != sample
    tally["corrupt store variants tried"] += 1
    tally["corrupt store variants: flipped table name"] += 1
    install(ctx, raw)
    expect_refused(ctx, run, raw, "table name 'paio'")


# ---- restoring -----------------------------------------------------------------------------


def test_restore_gives_back_exactly_each_days_store(
    ctx: Context, run: Callable[..., Any], sample: bytes, clock: FakeClock, tally: Counter[str]
) -> None:
    db = ctx.paths.db
    saved: dict[str, tuple[bytes, str, int]] = {}  # backup name -> store bytes, journal, entries
    for day in range(5):
        clock.advance(86400)
        name = f"footbase-{clock.now().date().isoformat()}.json"
        journal = run("journal", "--json").out
        saved[name] = (db.read_bytes(), journal, len(json.loads(journal)))
        for level in (day, 10 - day):
            assert run("pain", str(level), "--note", f"Tag {day} — {level} ✓").code == 0
    # One backup per day: the store as it was before that day's first change.
    assert sorted(p.name for p in ctx.paths.backups.iterdir()) == sorted(saved)
    for name, (raw, _, _) in saved.items():
        assert (ctx.paths.backups / name).read_bytes() == raw

    latest = db.read_bytes()
    damaged = latest[: len(latest) // 3]
    db.write_bytes(damaged)
    broken = run("journal", "--json")
    assert broken.code == 1 and "restore --list" in broken.err

    listed = run("restore", "--list")
    assert listed.code == 0 and listed.err == ""
    lines = listed.out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(saved, reverse=True)
    for line in lines:
        name = line.split()[0]
        raw, _, entries = saved[name]
        assert f"{len(raw)} bytes" in " ".join(line.split()), line
        assert f"{entries} pain entries, {SESSIONS} sessions" in line, line

    # Put back each day in turn (by file name and by short name), from a damaged store.
    for n, (name, (raw, journal, _)) in enumerate(sorted(saved.items())):
        clock.advance(5)
        current = db.read_bytes()
        given = name if n % 2 else name.removeprefix("footbase-").removesuffix(".json")
        result = run("restore", given)
        assert result.code == 0, result.err
        assert name in result.out and result.err == ""
        assert db.read_bytes() == raw, name
        assert run("journal", "--json").out == journal, name
        assert [e.id for e in Store(db, clock).load().pain] == [e["id"] for e in json.loads(journal)]
        [kept] = db.parent.glob(f"{db.name}.before-restore-{clock.now():%Y%m%dT%H%M%S}-*")
        assert kept.read_bytes() == current, name
        tally["restores checked"] += 1
        db.write_bytes(raw[: len(raw) // 2 + n])  # damage it again for the next round
    # The damaged store of the first round was kept.
    copies = sorted(db.parent.glob(f"{db.name}.before-restore-*"))
    assert len(copies) == len(saved) and copies[0].read_bytes() == damaged
    # And after a restore the store takes writes again.
    clock.advance(5)
    assert run("restore", sorted(saved)[-1]).code == 0
    assert run("pain", "4").code == 0


def test_two_restores_in_one_second_keep_the_store_they_replaced(
    ctx: Context,
    run: Callable[..., Any],
    sample: bytes,
    clock: FakeClock,
) -> None:
    for _ in range(2):
        clock.advance(86400)
        assert run("pain", "5", "--note", "ein neuer Tag").code == 0
    assert run("pain", "6", "--note", "today's entry, in no backup").code == 0
    latest = ctx.paths.db.read_bytes()
    older, newer = sorted(ctx.store.backups())
    assert run("restore", older.name).code == 0
    assert run("restore", newer.name).code == 0  # the same second: a script, or a quick typist
    kept = [p.read_bytes() for p in ctx.paths.db.parent.iterdir() if p.is_file()]
    assert latest in kept, "the store as it was before the first restore is nowhere"


# ---- not a file, or nothing in it ----------------------------------------------------------


def test_a_symlink_at_the_store_path(
    ctx: Context, run: Callable[..., Any], sample: bytes, tmp_path: Path, tally: Counter[str]
) -> None:
    db = ctx.paths.db
    target = tmp_path / "elsewhere.json"
    target.write_bytes(sample)
    db.unlink()
    db.symlink_to(target)
    before = listing(db.parent)
    for argv in (("pain", "3"), ("journal", "--json")):
        result = run(*argv)
        assert result.code == 1 and result.out == "", result
        one_line(result.err, db, " ".join(argv))
        assert "symbolic link" in result.err and "--db" in result.err
    after = listing(db.parent)
    after.pop(f"{db.name}.lock", None)
    assert after == before and db.is_symlink() and target.read_bytes() == sample
    tally["corrupt store variants tried"] += 1
    tally["corrupt store variants: not a file"] += 1


def test_a_folder_at_the_store_path(ctx: Context, run: Callable[..., Any], tally: Counter[str]) -> None:
    db = ctx.paths.db
    db.mkdir(mode=0o700)
    (db / "inside.txt").write_text("mine", encoding="utf-8")
    before = listing(db.parent)
    for argv in (("pain", "3"), ("journal", "--json")):
        result = run(*argv)
        assert result.code == 1 and result.out == "", result
        one_line(result.err, db, " ".join(argv))
        assert "not a regular file" in result.err
    after = listing(db.parent)
    after.pop(f"{db.name}.lock", None)
    assert after == before
    tally["corrupt store variants tried"] += 1
    tally["corrupt store variants: not a file"] += 1


@pytest.mark.parametrize(
    "raw", [b"", b" ", b"\n", b" \n\t\r\n  \n"], ids=["empty", "space", "newline", "mixed"]
)
def test_an_empty_or_blank_store(
    ctx: Context, run: Callable[..., Any], tmp_path: Path, tally: Counter[str], raw: bytes
) -> None:
    install(ctx, raw)
    outcomes: Counter[str] = Counter()
    check_variant(ctx, run, raw, f"blank {raw!r}", tmp_path / "probe", outcomes)
    assert outcomes == {"refused as corrupt": 1}
    assert "is empty" in run("journal", "--json").err
    report(tally, "empty or blank", outcomes)

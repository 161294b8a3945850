"""The store keeps every acknowledged entry, stays private, and refuses what it cannot trust."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from footbase_tui.core.clock import FakeClock
from footbase_tui.core.records import ItemResult, PainEntry, Session, new_id
from footbase_tui.fileio import exclusive_lock
from footbase_tui.store import (
    FORMAT,
    InsecurePath,
    LockTimeout,
    NotSaved,
    Store,
    StoreCorrupt,
    StoreTooNew,
)


def entry(level: int = 3, note: str = "", day: date = date(2026, 3, 3)) -> PainEntry:
    return PainEntry(
        id=new_id(),
        utc="2026-03-03T08:00:00Z",
        tz="Europe/Berlin",
        date=day,
        level=level,
        where=("low-back",),
        context="sitting",
        note=note,
    )


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Store:
    return Store(data_dir / "footbase.json", clock, lock_timeout=0.3)


def test_a_saved_entry_reads_back_identically(store: Store) -> None:
    e = entry(note="line one\nline two ✓ 痛い")
    store.add_pain(e)
    assert store.load().pain == [e]


def test_missing_store_reads_as_empty_without_creating_anything(store: Store) -> None:
    snap = store.load()
    assert snap.pain == [] and snap.sessions == []
    assert not store.path.exists()


def test_records_are_keyed_by_uuid_not_tinydb_integers(store: Store) -> None:
    e = entry()
    store.add_pain(e)
    raw = json.loads(store.path.read_text())
    assert list(raw["pain"]) == [e.id]
    assert raw["meta"]["meta"]["format"] == FORMAT


def test_files_are_private_even_under_umask_000(tmp_path: Path, clock: FakeClock) -> None:
    old = os.umask(0)
    try:
        s = Store(tmp_path / "fresh" / "footbase.json", clock)
        s.add_pain(entry())
        s.add_pain(entry())  # a second write on a new day-less clock keeps one backup
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "fresh").st_mode & 0o777 == 0o700
    assert os.stat(s.path).st_mode & 0o777 == 0o600
    assert os.stat(s.lock_path).st_mode & 0o777 == 0o600
    assert os.stat(s.backup_dir).st_mode & 0o777 == 0o700
    for b in s.backups():
        assert os.stat(b).st_mode & 0o777 == 0o600


def test_update_replaces_fields_and_delete_removes(store: Store) -> None:
    e = entry(note="first")
    store.add_pain(e)
    from dataclasses import replace

    store.update_pain(replace(e, note="", level=5))
    got = store.load().pain[0]
    assert (got.level, got.note) == (5, "")
    assert got.updated is not None
    assert store.delete_pain(e.id) is True
    assert store.load().pain == []
    assert store.delete_pain(e.id) is False


def test_sessions_upsert_by_id(store: Store) -> None:
    item = ItemResult("short-foot", 1, "done", "2026-03-03T08:00:00Z", sets=1)
    s = Session(
        new_id(),
        date(2026, 3, 3),
        "Europe/Berlin",
        "2026-03-03T08:00:00Z",
        None,
        "foundation",
        "walkthrough",
        (item,),
    )
    store.save_session(s, program_if_new=("foundation", date(2026, 3, 3)))
    from dataclasses import replace

    store.save_session(replace(s, end="2026-03-03T08:10:00Z", items=(replace(item, sets=3),)))
    snap = store.load()
    assert len(snap.sessions) == 1
    assert snap.sessions[0].items[0].sets == 3
    assert snap.meta.program == "foundation" and snap.meta.start == date(2026, 3, 3)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b'{"meta": {"meta": {"format": 1}}, "pain": {"a": {', "not valid JSON"),
        (b"not json at all", "not valid JSON"),
        (b"[1, 2, 3]", "not a footbase store"),
        (b'{"_default": {}}', "not a footbase store"),
        (b'{"meta": {"meta": {"format": 1}}, "pain": []}', "not a footbase store"),
        (b'{"meta": {"meta": {"format": NaN}}}', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_a_broken_file_is_never_overwritten(store: Store, content: bytes, problem: str) -> None:
    store.path.write_bytes(content)
    with pytest.raises(StoreCorrupt) as err:
        store.add_pain(entry())
    message = str(err.value)
    assert problem in message
    assert str(store.path) in message and "restore" in message
    assert store.path.read_bytes() == content  # untouched
    copies = list(store.path.parent.glob("footbase.json.broken-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == content
    assert "\n" not in message
    # Reading refuses too, and keeps just the one copy.
    with pytest.raises(StoreCorrupt):
        store.load()
    assert len(list(store.path.parent.glob("footbase.json.broken-*"))) == 1


def test_a_damaged_record_is_reported_not_crashed_on(store: Store) -> None:
    store.add_pain(entry())
    raw = json.loads(store.path.read_text())
    only = next(iter(raw["pain"]))
    raw["pain"][only]["level"] = "high"
    store.path.write_text(json.dumps(raw))
    with pytest.raises(StoreCorrupt, match="damaged record"):
        _ = store.load().pain
    # Nor is anything written beside it: a restore would lose it.
    before = store.path.read_bytes()
    with pytest.raises(StoreCorrupt, match=r"damaged record.*restore"):
        store.add_pain(entry())
    assert store.path.read_bytes() == before


def test_an_unknown_field_is_damage_that_would_hide_a_note(store: Store) -> None:
    store.add_pain(replace(entry(), note="left heel, after the stairs"))
    raw = store.path.read_bytes().replace(b'"note"', b'"notd"')
    store.path.write_bytes(raw)
    with pytest.raises(StoreCorrupt, match="unknown field 'notd'"):
        _ = store.load().pain
    with pytest.raises(StoreCorrupt, match="damaged record"):
        store.add_pain(entry())
    assert store.path.read_bytes() == raw


def test_a_newer_format_is_read_but_never_written(store: Store) -> None:
    store.add_pain(entry())
    raw = json.loads(store.path.read_text())
    raw["meta"]["meta"]["format"] = 99
    raw["meta"]["meta"]["colour"] = "teal"  # fields this footbase does not know
    for doc in raw["pain"].values():
        doc["mood"] = "fine"
    before = json.dumps(raw).encode()
    store.path.write_bytes(before)
    assert len(store.load().pain) == 1
    with pytest.raises(StoreTooNew, match="newer footbase"):
        store.add_pain(entry())
    assert store.path.read_bytes() == before


def test_a_symlink_at_the_store_is_refused(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text("{}")
    store.path.symlink_to(target)
    with pytest.raises(InsecurePath, match="symbolic link"):
        store.add_pain(entry())
    assert target.read_text() == "{}"


def test_a_folder_others_can_read_is_refused(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o755)
    s = Store(folder / "footbase.json", clock)
    with pytest.raises(InsecurePath, match="chmod 700"):
        s.add_pain(entry())
    assert not s.path.exists()


def test_a_failed_write_leaves_the_old_file(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_pain(entry(level=1))
    before = store.path.read_bytes()

    def no_space(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", no_space)
    with pytest.raises(NotSaved, match="disk is full"):
        store.add_pain(entry(level=9))
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert not [p for p in store.path.parent.iterdir() if p.name.endswith(".tmp")]
    # The lock was released: the next write goes through.
    store.add_pain(entry(level=2))
    assert sorted(e.level for e in store.load().pain) == [1, 2]


def test_stale_temp_files_are_cleaned_on_the_next_write(store: Store) -> None:
    store.add_pain(entry())
    stale = store.path.with_name(".footbase.json.12345.deadbeef.tmp")
    stale.write_text("half")
    store.add_pain(entry())
    assert not stale.exists()


def test_a_held_lock_makes_the_write_give_up_with_not_saved(store: Store) -> None:
    store.add_pain(entry())
    waited = []
    store.on_wait = lambda: waited.append(True)
    with exclusive_lock(store.lock_path, 1.0), pytest.raises(LockTimeout, match="not saved"):
        store.add_pain(entry())
    assert waited == [True]
    assert len(store.load().pain) == 1


def test_daily_backups_keep_the_last_seven(store: Store, clock: FakeClock) -> None:
    store.add_pain(entry())
    for _ in range(10):
        clock.advance(86400)
        store.add_pain(entry())
    backups = store.backups()
    assert len(backups) == 7
    # The newest backup is the store as it was before today's first change.
    _name, snap = store.read_backup(backups[0].name)
    assert len(snap.pain) == 10


def test_restore_brings_back_exactly_what_was_saved(store: Store, clock: FakeClock) -> None:
    first = entry(level=1)
    store.add_pain(first)
    clock.advance(86400)
    store.add_pain(entry(level=8))
    store.restore(store.backups()[0].name)
    assert store.load().pain == [first]
    assert list(store.path.parent.glob("footbase.json.before-restore-*"))


WRITER = """
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from footbase_tui.core.clock import SystemClock
from footbase_tui.core.records import PainEntry, new_id
from footbase_tui.store import Store

store = Store(Path(sys.argv[1]), SystemClock(), lock_timeout=30)
for i in range(int(sys.argv[2])):
    store.add_pain(PainEntry(id=new_id(), utc="2026-03-03T08:00:00Z", tz="UTC",
                             date=date(2026, 3, 3), level=i % 11, note=sys.argv[3]))
"""


def test_two_processes_writing_at_once_lose_nothing(store: Store) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(store.path), "200", tag]) for tag in ("A", "B")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    pain = store.load().pain
    assert len(pain) == 400
    assert len({e.id for e in pain}) == 400
    assert sorted(e.note for e in pain) == ["A"] * 200 + ["B"] * 200


def test_an_edit_of_an_entry_changed_elsewhere_is_refused(store: Store) -> None:
    from dataclasses import replace

    from footbase_tui.store import EditConflict

    original = entry(note="first")
    store.add_pain(original)
    other = Store(store.path, store.clock)  # another process
    theirs = other.update_pain(replace(original, level=9))
    with pytest.raises(EditConflict) as err:
        store.update_pain(replace(original, note="mine"), expected=original)
    assert err.value.theirs == theirs
    assert store.load().pain[0].level == 9  # nothing of mine was written
    # Choosing mine anyway: expected is what is there now.
    store.update_pain(replace(original, note="mine"), expected=theirs)
    assert store.load().pain[0].note == "mine"
    other.delete_pain(original.id)
    with pytest.raises(EditConflict) as err:
        store.update_pain(replace(original, note="again"), expected=theirs)
    assert err.value.theirs is None


def test_undo_of_a_delete_restores_the_entry_exactly(store: Store) -> None:
    e = entry(note="keep me")
    store.add_pain(e)
    store.delete_pain(e.id)
    store.restore_pain(e)
    assert store.load().pain == [e]


def _by_hand(ex: str, status: str, at: str, day: date = date(2026, 3, 3)) -> Session:
    item = ItemResult(ex, 1, status, at, sets=3 if status == "done" else 0, planned_sets=3)
    return Session(new_id(), day, "Europe/Berlin", at, at, "foundation", "manual", (item,))


def test_marks_by_hand_join_the_day_record_instead_of_a_session_each(store: Store) -> None:
    store.save_session(_by_hand("barefoot-walk", "done", "2026-03-03T08:00:00Z"))
    store.save_session(_by_hand("short-foot", "done", "2026-03-03T08:01:00Z"))
    store.save_session(_by_hand("barefoot-walk", "todo", "2026-03-03T08:02:00Z"))  # undone again
    store.save_session(_by_hand("towel-curls", "skipped", "2026-03-03T08:03:00Z"))
    store.save_session(_by_hand("short-foot", "done", "2026-03-04T08:00:00Z", date(2026, 3, 4)))
    walk = replace(_by_hand("towel-curls", "done", "2026-03-03T09:00:00Z"), kind="walkthrough")
    store.save_session(walk)
    sessions = store.load().sessions
    [by_hand] = [s for s in sessions if s.date == date(2026, 3, 3) and s.kind == "manual"]
    assert {i.exercise: i.status for i in by_hand.items} == {
        "barefoot-walk": "todo",
        "short-foot": "done",
        "towel-curls": "skipped",
    }
    assert (by_hand.start, by_hand.end) == ("2026-03-03T08:00:00Z", "2026-03-03T08:03:00Z")
    assert len(sessions) == 3  # one by hand a day, and the walkthrough of its own


def test_partial_results_keep_sets_of_planned_and_old_records_still_read(store: Store) -> None:
    from footbase_tui.core.record_docs import RecordError, item_from_doc, item_to_doc

    part = ItemResult("short-foot", 1, "partial", "2026-03-03T08:00:00Z", 2, 12, 95, planned_sets=3)
    assert item_to_doc(part)["of"] == 3
    assert item_from_doc("r", item_to_doc(part)) == part
    assert part.share == pytest.approx(2 / 3)
    old = {"ex": "short-foot", "lv": 1, "st": "done", "at": "2026-03-03T08:00:00Z", "sets": 3}
    assert item_from_doc("r", old).planned_sets == 0  # written before the field existed
    for bad in (
        {**old, "of": 2},  # more sets done than planned
        {**old, "st": "partial", "sets": 0, "of": 3},  # partial with nothing done
        {**old, "st": "partial", "sets": 3, "of": 3},  # partial with everything done
        {**old, "of": -1},
        {**old, "of": True},
    ):
        with pytest.raises(RecordError):
            item_from_doc("r", bad)
    s = Session(
        new_id(), date(2026, 3, 3), "Europe/Berlin", part.at, None, "foundation", "walkthrough", (part,)
    )
    store.save_session(s)
    snap = store.load()
    assert snap.sessions[0].items == (part,)
    assert snap.day_facts()[date(2026, 3, 3)].part == {"short-foot": pytest.approx(2 / 3)}


def test_a_session_that_would_read_back_as_damage_is_not_saved(store: Store) -> None:
    bad = ItemResult("short-foot", 1, "partial", "2026-03-03T08:00:00Z", sets=0, planned_sets=3)
    s = Session(
        new_id(), date(2026, 3, 3), "Europe/Berlin", bad.at, None, "foundation", "walkthrough", (bad,)
    )
    with pytest.raises(NotSaved):
        store.save_session(s)
    assert store.load().sessions == []


def test_two_writes_of_one_app_take_turns_without_waiting_for_another_footbase(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app saves in worker threads: four quick `N` in the walkthrough start four saves.
    They must queue inside the process, not say "waiting for another footbase" (there is
    none) nor spend the lock's timeout on each other."""
    import threading

    from footbase_tui import fileio
    from footbase_tui.store import store as store_module

    waited = threading.Event()
    s = Store(data_dir / "footbase.json", clock, lock_timeout=5.0, on_wait=waited.set)
    real_write = fileio.atomic_write
    second: list[threading.Thread] = []

    def slow_first_write(path: Path, payload: bytes) -> None:
        if not second and path == s.path:  # the first write, lock held: a second save starts
            t = threading.Thread(target=s.add_pain, args=(entry(5),))
            second.append(t)
            t.start()
            waited.wait(timeout=1.0)  # before the fix the second one says it waits at once
        real_write(path, payload)

    monkeypatch.setattr(store_module, "atomic_write", slow_first_write)
    s.add_pain(entry(4))
    second[0].join(timeout=10)
    assert not waited.is_set(), "a save of the same app was reported as another footbase"
    assert sorted(e.level for e in s.load().pain) == [4, 5]

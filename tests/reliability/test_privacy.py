"""Privacy: modes under any umask, planted symlinks never followed, notes never leaked."""

from __future__ import annotations

import ast
import io
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest

from footbase_tui.context import Context
from footbase_tui.core.clock import FakeClock
from footbase_tui.paths import Paths
from footbase_tui.store import InsecurePath, NotSaved, Store
from footbase_tui.tui.drafts import DraftBox, PainDraft
from tests.conftest import Result

SECRET = "my private note about the pelvic floor"


def created_under(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            yield Path(dirpath) / name


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077], ids=["000", "022", "077"])
def test_everything_footbase_creates_is_private_under_any_umask(
    tmp_path: Path, clock: FakeClock, umask: int, tally: Counter[str]
) -> None:
    from footbase_tui.cli import main

    root = tmp_path / "fresh"  # footbase creates every folder below this itself
    root.mkdir(mode=0o700)
    paths = Paths(
        db=root / "data" / "footbase.json", config=root / "config" / "config.yaml", cache=root / "cache"
    )
    old = os.umask(umask)
    try:
        ctx = Context(paths, clock=clock)
        assert main(["pain", "4", "--note", SECRET], context=ctx) == 0
        assert main(["done", "short-foot"], context=Context(paths, clock=clock)) == 0
        clock.advance(86400)
        assert main(["pain", "2"], context=Context(paths, clock=clock)) == 0  # a backup
        out = root / "exports"
        assert main(["export", "--format", "csv", "-o", f"{out}/"], context=Context(paths, clock=clock)) == 0
        assert (
            main(
                ["export", "--format", "json", "-o", str(root / "data" / "all.json")],
                context=Context(paths, clock=clock),
            )
            == 0
        )
        DraftBox(paths.draft).save(PainDraft("7", (), None, SECRET))
        # A program started two years ago: the calendar keeps its memo of the older days.
        Context(paths, clock=clock).store.set_program("foundation", date(2024, 3, 1))
        with redirect_stdout(io.StringIO()):
            assert main(["calendar"], context=Context(paths, clock=clock)) == 0
    finally:
        os.umask(old)
    made = list(created_under(root))
    assert any(p.name == "footbase.json.lock" for p in made)
    assert any(p.parent.name == "backups" for p in made)
    assert any(p.name.startswith("catalog-") for p in made)
    assert any(p.name.startswith("calendar-") for p in made)
    for path in made:
        mode = stat.S_IMODE(os.lstat(path).st_mode)
        expected = 0o700 if path.is_dir() else 0o600
        assert mode == expected, f"{path.relative_to(root)}: {mode:04o}"
        tally["created files and folders checked for 0600/0700"] += 1


def test_a_symlink_planted_at_the_lock_is_not_followed(ctx: Context, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.write_text("not yours")
    lock = ctx.store.lock_path
    lock.symlink_to(target)
    from datetime import date

    from footbase_tui.core.records import PainEntry, new_id

    with pytest.raises(InsecurePath, match="symbolic link"):
        ctx.store.add_pain(PainEntry(new_id(), "2026-03-03T08:00:00Z", "UTC", date(2026, 3, 3), 3))
    assert target.read_text() == "not yours"


def test_a_symlink_planted_at_the_next_temp_path_is_not_followed(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from footbase_tui.core.records import PainEntry, new_id

    store = ctx.store
    store.add_pain(PainEntry(new_id(), "2026-03-03T08:00:00Z", "UTC", date(2026, 3, 3), 1))
    before = store.path.read_bytes()
    monkeypatch.setattr(os, "urandom", lambda n: b"\x00" * n)  # the temp name is predictable
    target = tmp_path / "victim"
    target.write_text("precious")
    planted = store.path.with_name(f".{store.path.name}.{os.getpid()}.00000000.tmp")
    planted.symlink_to(target)
    # (The stale-temp sweep would remove it; plant it after the sweep, as an attacker racing.)
    monkeypatch.setattr("footbase_tui.store.store.remove_stale_temps", lambda *a: 0)
    with pytest.raises(NotSaved):
        store.add_pain(PainEntry(new_id(), "2026-03-03T09:00:00Z", "UTC", date(2026, 3, 3), 2))
    assert target.read_text() == "precious"
    assert store.path.read_bytes() == before


def test_a_folder_others_can_read_is_refused_with_the_fix(
    tmp_path: Path, run: Callable[..., Result], ctx: Context
) -> None:
    ctx.paths.data_dir.chmod(0o750)
    r = run("pain", "3")
    assert r.code == 1 and "chmod 700" in r.err and r.err.count("\n") == 1
    ctx.paths.data_dir.chmod(0o700)


def test_a_note_never_appears_in_a_crash_report(
    run: Callable[..., Result], ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(self: Store, entry: object) -> None:
        raise RuntimeError(f"unexpected while saving {getattr(entry, 'note', '')}")

    monkeypatch.setattr(Store, "add_pain", explode)
    r = run("pain", "3", "--note", SECRET)
    assert r.code == 1 and "internal error" in r.err
    assert SECRET not in r.err and SECRET not in r.out
    assert "pelvic" not in r.err


def test_footbase_starts_no_processes() -> None:
    """A note can only reach another process's arguments if footbase starts one: it never
    does (checked in its source: no subprocess, os.system, os.exec*, os.spawn*, os.popen)."""
    root = Path(__file__).resolve().parents[2] / "footbase_tui"
    found = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                if any(n.split(".")[0] in ("subprocess", "pty") for n in names):
                    found.append(f"{path.name}: import")
            starts = (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "os"
                and (node.attr in ("system", "popen") or node.attr.startswith(("exec", "spawn")))
            )
            if starts:
                found.append(f"{path.name}: os.{getattr(node, 'attr', '')}")
    assert found == []

"""The writes go through the use-case layer (footbase_tui/saves.py): no screen, dialog,
widget or command calls the store's write methods itself, so the "saved" / "not saved"
policy and the stand-in day plan live in one place."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

from footbase_tui.store import Store

PACKAGE = Path(__file__).resolve().parents[2] / "footbase_tui"
FACES = ("tui", "commands")

# The store's record writes (what a person logs or changes). Whole-store operations (a
# backup restored, an import or a sync merge) stay with the store and doctor commands.
WRITES = (
    "add_pain",
    "update_pain",
    "restore_pain",
    "delete_pain",
    "save_session",
    "delete_session",
    "set_day_plan",
    "change_level",
    "set_program",
)


def direct_writes(source: str) -> list[str]:
    """`store.<write>` in `source`, however the store was reached (ctx.store, a local
    name `store`, self.fb.ctx.store), called or handed on to be called."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in WRITES:
            owner = node.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if re.search(r"store", name, re.IGNORECASE):
                found.append(f"{ast.unparse(node)} (line {node.lineno})")
    return found


def test_the_write_names_are_the_stores() -> None:
    methods = {name for name, _ in inspect.getmembers(Store, inspect.isfunction)}
    assert set(WRITES) <= methods


def test_the_scan_finds_every_way_of_reaching_the_store() -> None:
    source = (
        "ctx.store.add_pain(e)\n"
        "await self.fb.save(self.fb.ctx.store.delete_pain, e.id)\n"
        "store = ctx.store\nstore.update_pain(e, old)\n"
        "host_of(self).ctx.store.save_session(s)\n"
        "ctx.saves.log_pain(e)\nself.fb.drafts.save(d)\n"
    )
    assert sorted(f.split(" ")[0] for f in direct_writes(source)) == [
        "ctx.store.add_pain",
        "host_of(self).ctx.store.save_session",
        "self.fb.ctx.store.delete_pain",
        "store.update_pain",
    ]


def test_no_screen_dialog_or_command_writes_to_the_store_itself() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for face in FACES
        for path in sorted((PACKAGE / face).rglob("*.py"))
        if (found := direct_writes(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "write through ctx.saves (footbase_tui/saves.py) instead"

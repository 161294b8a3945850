"""A half-typed pain entry kept on disk (0600) when the terminal goes away, offered next time."""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from footbase_tui.core.text import clean_text
from footbase_tui.fileio import atomic_write, ensure_private_dir, read_nofollow
from footbase_tui.store import StoreError


@dataclass(frozen=True)
class PainDraft:
    level: str = ""
    where: tuple[str, ...] = ()
    context: str | None = None
    note: str = ""
    editing: str | None = None  # the id of the entry this is an edit of (None: a new entry)

    @property
    def empty(self) -> bool:
        return not (self.level or self.where or self.context or self.note)


class DraftBox:
    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, draft: PainDraft) -> None:
        ensure_private_dir(self.path.parent)
        data = asdict(draft)
        data["where"] = list(draft.where)
        atomic_write(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def load(self) -> PainDraft | None:
        try:
            raw = read_nofollow(self.path)
            if raw is None:
                return None
            data = json.loads(raw.decode("utf-8"))
            where = data.get("where", [])
            return PainDraft(
                level=clean_text(str(data.get("level", "")))[:2],
                where=tuple(str(w) for w in where) if isinstance(where, list) else (),
                context=str(data["context"]) if data.get("context") else None,
                note=clean_text(str(data.get("note", ""))),
                editing=str(data["editing"])[:80] if isinstance(data.get("editing"), str) else None,
            )
        except (StoreError, ValueError, UnicodeDecodeError, AttributeError):
            return None

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

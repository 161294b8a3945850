"""TinyDB, as the store uses it: UUID-keyed tables over a parsed file held in memory.

The only module besides store.py that touches tinydb; store.py opens one of these per
locked read-modify-write and writes the file itself.
"""

from __future__ import annotations

from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table


class UuidTable(Table):
    """A TinyDB table whose document ids are the records' own UUID strings."""

    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> Any:
        raise RuntimeError("footbase records carry their own id")


class MemoryStorage(Storage):
    """The parsed file, held for one operation; TinyDB writes mark it changed."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.changed = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.changed = True


class Database(TinyDB):
    table_class = UuidTable
    default_table_name = "meta"


class Records:
    """One table addressed by UUID (TinyDB's annotations say int; `UuidTable` uses str)."""

    def __init__(self, db: TinyDB, name: str) -> None:
        self._table: Any = db.table(name, cache_size=0)

    def get(self, rid: str) -> dict[str, Any] | None:
        doc = self._table.get(doc_id=rid)
        return dict(doc) if doc is not None else None

    def where(self, field: str, value: object) -> dict[str, dict[str, Any]]:
        """The records whose `field` equals `value`, by id."""
        return {str(d.doc_id): dict(d) for d in self._table.all() if d.get(field) == value}

    def items(self) -> list[tuple[str, dict[str, Any]]]:
        """Every record with its id (for small tables: each document is wrapped)."""
        return [(str(doc.doc_id), dict(doc)) for doc in self._table.all()]

    def contains(self, rid: str) -> bool:
        return bool(self._table.contains(doc_id=rid))

    def insert(self, rid: str, doc: dict[str, Any]) -> None:
        self._table.insert(Document(doc, doc_id=rid))  # type: ignore[arg-type]

    def put(self, rid: str, doc: dict[str, Any]) -> None:
        """Insert or wholly replace (TinyDB's upsert would merge fields)."""
        if self.contains(rid):
            self.remove(rid)
        self.insert(rid, doc)

    def update(self, rid: str, fields: dict[str, Any]) -> None:
        self._table.update(fields, doc_ids=[rid])

    def remove(self, rid: str) -> None:
        self._table.remove(doc_ids=[rid])

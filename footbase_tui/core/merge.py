"""Merging two copies of the records: newest wins per id, a newer deletion wins, always
the same result whichever copy merges into which.

Pure: stored-shape records (dicts) in, what to change and what it amounted to out; the
store applies the plan under its lock in one write.

The rules, per record kind ("pain", "sessions", "days", and any kind added later) and id:

- every record carries its version, the UTC instant it was last changed (`chg`; records
  from before it existed fall back to their newest own stamp: `upd`, `end`, `at`, ...);
- a deletion leaves a tombstone: the kind, the id and the instant it was deleted;
- of two versions the newer wins; of a version and a tombstone, the newer wins, and the
  tombstone when both are equally new; two different versions equally new are ordered by
  their content, so every copy picks the same one;
- a store keeps, per id, either its live record or its tombstone, never both (a record
  newer than the tombstone supersedes it; a tombstone newer than the record removes it).

This makes a merge a join: commutative, associative and idempotent. Two copies that have
seen the same changes hold the same records, in whatever order they were exchanged, and
merging the same file twice changes nothing. Tombstones older than `TOMB_HORIZON_DAYS` are
compacted away; an export or a copy older than that can bring a deleted record back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from footbase_tui.core.localtime import iso_utc, iso_utc_precise
from footbase_tui.core.records import stamp_key

CHANGED = "chg"
TOMB_HORIZON_DAYS = 400
# A record without `chg` (written before footbase kept it): its newest own stamp.
_FALLBACK_STAMPS = ("upd", "end", "at", "start", "utc")
_EPOCH = "1970-01-01T00:00:00.000000"

Docs = Mapping[str, Mapping[str, Mapping[str, Any]]]  # kind -> id -> stored record
Tombs = Mapping[str, Mapping[str, str]]  # kind -> id -> deleted-at (UTC stamp)


def version(doc: Mapping[str, Any]) -> str:
    """The record's version as text that sorts in time order (see `stamp_key`)."""
    stamp = doc.get(CHANGED)
    if isinstance(stamp, str):
        return stamp_key(stamp)
    found = [stamp_key(v) for k in _FALLBACK_STAMPS if isinstance(v := doc.get(k), str) and len(v) >= 20]
    return max(found, default=_EPOCH)


def _content(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _rank(doc: Mapping[str, Any]) -> tuple[str, str]:
    return version(doc), _content(doc)


def next_stamp(now: datetime, *after: str | None) -> str:
    """A change stamp for `now` that is later than each of `after` (UTC stamps or
    versions): an edit or a deletion always supersedes the version it was made on, even
    when that version came from a machine whose clock runs ahead."""
    stamp = now.astimezone(UTC)
    for prior in after:
        if prior:
            key = stamp_key(prior) if prior.endswith("Z") else prior
            floor = datetime.fromisoformat(key + "+00:00") + timedelta(microseconds=1)
            stamp = max(stamp, floor)
    return iso_utc_precise(stamp)


@dataclass
class MergePlan:
    """What merging incoming records into a store changes, and how it counts.

    `put[kind][id]` is a record to store (replacing any), `drop[kind]` ids whose record
    goes, `tombs[kind][id]` tombstones to store, `untomb[kind]` tombstones superseded.
    The counts are of the incoming records and tombstones, by what they did to what the
    store shows: added, updated (replaced with a newer version), deleted, unchanged."""

    put: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    drop: dict[str, list[str]] = field(default_factory=dict)
    tombs: dict[str, dict[str, str]] = field(default_factory=dict)
    untomb: dict[str, list[str]] = field(default_factory=dict)
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changes(self) -> bool:
        """Whether the merge writes anything: a record or tombstone to store or to drop."""
        return any((self.put, self.drop, self.tombs, self.untomb))


def horizon(now: datetime) -> str:
    """The stamp before which tombstones are compacted away."""
    return stamp_key(iso_utc(now.astimezone(UTC) - timedelta(days=TOMB_HORIZON_DAYS)))


def plan_merge(local: Docs, local_tombs: Tombs, incoming: Docs, incoming_tombs: Tombs) -> MergePlan:
    """How to merge `incoming` records and tombstones into `local` ones (see the module
    docstring). Incoming records must already be in the stored shape footbase writes (the
    comparison is of that shape). Nothing is refused: checking is the reader's job."""
    plan = MergePlan()
    for kind in sorted(set(incoming) | set(incoming_tombs)):
        mine, my_tombs = local.get(kind, {}), local_tombs.get(kind, {})
        theirs, their_tombs = incoming.get(kind, {}), incoming_tombs.get(kind, {})
        for rid in sorted(set(theirs) | set(their_tombs)):
            _merge_one(
                plan, kind, rid, mine.get(rid), my_tombs.get(rid), theirs.get(rid), their_tombs.get(rid)
            )
    return plan


def _merge_one(
    plan: MergePlan,
    kind: str,
    rid: str,
    doc: Mapping[str, Any] | None,
    tomb: str | None,
    new_doc: Mapping[str, Any] | None,
    new_tomb: str | None,
) -> None:
    # The joined state: the newest version and the newest tombstone of both sides.
    best = doc
    if new_doc is not None and (best is None or _rank(new_doc) > _rank(best)):
        best = new_doc
    tombs = [stamp_key(t) for t in (tomb, new_tomb) if t]
    last_tomb = max(tombs, default=None)
    tomb_stamp = max((t for t in (tomb, new_tomb) if t), key=stamp_key, default=None)
    alive = best is not None and (last_tomb is None or version(best) > last_tomb)
    if alive:
        assert best is not None
        if best is doc:  # what the store shows stays
            plan.unchanged += (new_doc is not None) + (new_tomb is not None)
            return
        plan.put.setdefault(kind, {})[rid] = dict(best)
        if tomb is not None:
            plan.untomb.setdefault(kind, []).append(rid)
        if doc is None:
            plan.added += 1
        elif _content(doc) == _content(best):
            plan.unchanged += 1
        else:
            plan.updated += 1
        plan.unchanged += new_tomb is not None
        return
    # Deleted: the store keeps only the newest tombstone.
    assert tomb_stamp is not None
    if doc is not None:
        plan.drop.setdefault(kind, []).append(rid)
        plan.deleted += 1
    else:
        plan.unchanged += new_tomb is not None
    plan.unchanged += new_doc is not None
    if tomb is None or stamp_key(tomb) < stamp_key(tomb_stamp):
        plan.tombs.setdefault(kind, {})[rid] = tomb_stamp

"""The user's corrections of recognised entities, kept in the store and replayed.

Corrections are an ordered log per document (keyed by the sha256 of its text) in the
store's ``entity_corrections`` table. They refer to entries by :attr:`Entity.key` and to
mentions by ``(start, end)``, never by list positions, so replaying the log over fresh
recogniser output (a newer model, a re-run) keeps them. An operation whose target no
longer exists is skipped, not an error.

Operations and their payloads:

- ``rename``: ``key``, ``name``
- ``merge``: ``key`` (the entry that stays), ``other`` (the entry folded into it), and
  optionally ``name`` (the title the user chose for the merged entry)
- ``split``: ``start``, ``end`` (a mention that becomes an entry of its own)
- ``relabel``: ``key``, ``label``
- ``remove``: ``key`` (the whole entry), or ``start``, ``end`` (one mention)
- ``add``: ``start``, ``end``, ``label`` (a range of the text becomes a mention)
"""

import json
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reader.core.document import Document
from reader.core.ner.entities import LABELS, Entity, Mention
from reader.core.store import Store

log = logging.getLogger(__name__)

OPS: tuple[str, ...] = ("rename", "merge", "split", "relabel", "remove", "add")


@dataclass(frozen=True)
class Correction:
    """One logged operation; ``id`` gives the replay order."""

    id: int
    op: str
    payload: Mapping[str, Any] = field(compare=False)


def check(op: str, payload: Mapping[str, Any]) -> None:
    """Raise ValueError unless ``payload`` holds what ``op`` needs."""
    needs: dict[str, tuple[str, ...]] = {
        "rename": ("key", "name"),
        "merge": ("key", "other"),
        "split": ("start", "end"),
        "relabel": ("key", "label"),
        "add": ("start", "end", "label"),
    }
    if op not in OPS:
        raise ValueError(f"unknown correction {op!r}")
    required = needs.get(op) or (("key",) if "key" in payload else ("start", "end"))
    missing = [name for name in required if name not in payload]
    if missing:
        raise ValueError(f"correction {op!r} needs {', '.join(missing)}")
    if "start" in required and not 0 <= int(payload["start"]) < int(payload["end"]):
        raise ValueError(f"empty or negative range [{payload['start']}, {payload['end']})")
    if "label" in payload and payload["label"] not in LABELS:
        raise ValueError(f"unknown entity class {payload['label']!r}")
    if op == "rename" and not str(payload["name"]).strip():
        raise ValueError("an entity name cannot be empty")
    if op == "merge" and payload["key"] == payload["other"]:
        raise ValueError("an entity cannot be merged with itself")


class CorrectionLog:
    """The corrections of one document in ``store``, oldest first."""

    def __init__(self, store: Store, doc_sha256: str) -> None:
        self.store = store
        self.doc_sha256 = doc_sha256

    def add(self, op: str, **payload: Any) -> Correction:
        """Record one operation (checked first, see :func:`check`) and return it."""
        check(op, payload)
        data = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        with self.store.transaction() as con:
            cur = con.execute(
                "INSERT INTO entity_corrections(doc_sha256, op, payload, created) "
                "VALUES (?, ?, ?, ?)",
                (self.doc_sha256, op, data, time.time()),
            )
            row_id = int(cur.lastrowid or 0)
        log.info("entity correction %s %s on %s", op, data, self.doc_sha256[:12])
        return Correction(row_id, op, payload)

    def ops(self) -> list[Correction]:
        rows = self.store.query(
            "SELECT id, op, payload FROM entity_corrections WHERE doc_sha256 = ? ORDER BY id",
            (self.doc_sha256,),
        )
        out = []
        for row in rows:
            try:
                payload = json.loads(row["payload"])
            except ValueError:
                log.warning("skipping unreadable entity correction %s", row["id"])
                continue
            out.append(Correction(int(row["id"]), str(row["op"]), payload))
        return out

    def undo_last(self) -> Correction | None:
        """Forget the newest operation; return it, or None if there was none."""
        ops = self.ops()
        if not ops:
            return None
        with self.store.transaction() as con:
            con.execute("DELETE FROM entity_corrections WHERE id = ?", (ops[-1].id,))
        return ops[-1]

    def clear(self) -> int:
        """Forget every correction of this document; return how many there were."""
        with self.store.transaction() as con:
            cur = con.execute(
                "DELETE FROM entity_corrections WHERE doc_sha256 = ?", (self.doc_sha256,)
            )
            return int(cur.rowcount)


# -- replay ---------------------------------------------------------------------------------
Entries = dict[str, Entity]  # by key, in insertion order
Apply = Callable[[str, Entries, Mapping[str, Any]], None]


def _with_mentions(entity: Entity, mentions: Iterable[Mention]) -> Entity:
    return replace(entity, mentions=tuple(sorted(set(mentions))))


def _owner(entries: Entries, start: int, end: int) -> Entity | None:
    for entity in entries.values():
        if any(m.start == start and m.end == end for m in entity.mentions):
            return entity
    return None


def _drop_mentions(entries: Entries, keep: Callable[[Mention], bool]) -> None:
    for key, entity in list(entries.items()):
        kept = [m for m in entity.mentions if keep(m)]
        if len(kept) == len(entity.mentions):
            continue
        if kept:
            entries[key] = _with_mentions(entity, kept)
        else:
            del entries[key]


def _free_key(entries: Entries, key: str) -> str:
    """``key``, or ``key#2``, ``key#3``... if an earlier correction already took it."""
    n, candidate = 1, key
    while candidate in entries:
        n += 1
        candidate = f"{key}#{n}"
    return candidate


def _rename(_text: str, entries: Entries, p: Mapping[str, Any]) -> None:
    if p["key"] in entries:
        entries[p["key"]] = replace(entries[p["key"]], name=str(p["name"]).strip())


def _relabel(_text: str, entries: Entries, p: Mapping[str, Any]) -> None:
    if p["key"] in entries:
        entries[p["key"]] = replace(entries[p["key"]], label=str(p["label"]))


def _merge(_text: str, entries: Entries, p: Mapping[str, Any]) -> None:
    keep, other = entries.get(p["key"]), entries.get(p["other"])
    if keep is None or other is None or keep is other:
        return
    merged = _with_mentions(keep, keep.mentions + other.mentions)
    spellings = dict.fromkeys((*keep.spellings, *other.spellings))  # ordered, no repeats
    name = str(p.get("name") or keep.name).strip()  # the title the user chose, if any
    entries[keep.key] = replace(merged, name=name, spellings=tuple(spellings))
    del entries[other.key]


def _split(_text: str, entries: Entries, p: Mapping[str, Any]) -> None:
    start, end = int(p["start"]), int(p["end"])
    owner = _owner(entries, start, end)
    if owner is None or owner.count < 2:
        return  # gone, or already an entry of its own
    mention = next(m for m in owner.mentions if m.start == start and m.end == end)
    entries[owner.key] = _with_mentions(owner, (m for m in owner.mentions if m != mention))
    key = _free_key(entries, f"split:{start}-{end}")
    entries[key] = Entity(key=key, name=mention.text, label=owner.label, mentions=(mention,))


def _remove(_text: str, entries: Entries, p: Mapping[str, Any]) -> None:
    if "key" in p:
        entries.pop(p["key"], None)
        return
    start, end = int(p["start"]), int(p["end"])
    _drop_mentions(entries, lambda m: not (m.start == start and m.end == end))


def _add(text: str, entries: Entries, p: Mapping[str, Any]) -> None:
    start, end, label = int(p["start"]), int(p["end"]), str(p["label"])
    if end > len(text) or not text[start:end].strip():
        return
    mention = Mention(start, end, text[start:end])
    # Entity spans never overlap: the user's range wins over what it touches.
    _drop_mentions(entries, lambda m: m.end <= start or end <= m.start)
    folded = mention.text.casefold()
    for entity in entries.values():
        same = entity.name.casefold() == folded or any(
            m.text.casefold() == folded for m in entity.mentions
        )
        if entity.label == label and same:
            entries[entity.key] = _with_mentions(entity, (*entity.mentions, mention))
            return
    key = _free_key(entries, f"user:{label}:{folded}")
    entries[key] = Entity(key=key, name=mention.text, label=label, mentions=(mention,))


_APPLY: dict[str, Apply] = {
    "rename": _rename,
    "merge": _merge,
    "split": _split,
    "relabel": _relabel,
    "remove": _remove,
    "add": _add,
}


def apply_corrections(
    text: str, entities: Iterable[Entity], ops: Sequence[Correction]
) -> list[Entity]:
    """``entities`` (recogniser output for ``text``) with ``ops`` replayed in order.

    Sorted like the recogniser's list: most mentioned first, then by name.
    """
    entries: Entries = {e.key: e for e in entities}
    for correction in ops:
        try:
            check(correction.op, correction.payload)
        except (ValueError, TypeError):
            log.warning("skipping malformed entity correction %s", correction)
            continue
        _APPLY[correction.op](text, entries, correction.payload)
    result = list(entries.values())
    result.sort(key=lambda e: (-e.count, e.name.casefold(), e.key))
    return result


def load_and_apply(
    data_dir: str | None, document: Document, entities: Iterable[Entity]
) -> list[Entity]:
    """``entities`` with the corrections saved for ``document`` (for the command line).

    Without a database there are no corrections, and none is created.
    """
    from reader.core.paths import resolve

    database = resolve(data_dir).database
    entities = list(entities)
    if not database.exists():
        return apply_corrections(document.text, entities, [])
    store = Store(database)
    try:
        ops = CorrectionLog(store, document.sha256).ops()
    finally:
        store.close()
    return apply_corrections(document.text, entities, ops)

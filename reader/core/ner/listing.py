"""The entity list as JSON and CSV, for ``oqyrman entities`` and the panel's export."""

import csv
import io
from collections.abc import Iterable
from typing import Any

from reader.core.ner.entities import Entity


def to_json(entities: Iterable[Entity]) -> dict[str, Any]:
    """``{"entities": [{"name", "label", "count", "spellings", "mentions": [...]}]}``.

    ``label`` is KazNERD's code (``GPE``), whatever the interface language; ``spellings``
    lists every spelling of the full name met in the document, ``name`` first (Қасым-Жомарт
    Тоқаев and Касым-Жомарт Токаев: one person in Kazakh and in Russian); each mention is
    ``{"start", "end", "text"}`` in Python str offsets.
    """
    return {
        "entities": [
            {
                "name": e.name,
                "label": e.label,
                "count": e.count,
                "spellings": list(e.spellings or (e.name,)),
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
            }
            for e in entities
        ]
    }


def to_csv(entities: Iterable[Entity]) -> str:
    """One row per entity: name, label, count, and its mentions as ``start-end`` offsets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "label", "count", "mentions"])
    for e in entities:
        offsets = " ".join(f"{m.start}-{m.end}" for m in e.mentions)
        writer.writerow([e.name, e.label, e.count, offsets])
    return out.getvalue()

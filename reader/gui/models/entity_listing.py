"""The entity list as files for people: CSV and JSON with class names in the interface
language. The JSON is :func:`reader.core.ner.listing.to_json` (the command line's format,
with KazNERD's code of each class as ``label``) plus each class's name as ``class``."""

import csv
import io
import json
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from reader.core.ner.entities import Entity
from reader.core.ner.listing import to_json
from reader.gui.models.entity_classes import class_name


def listing_json(entities: Sequence[Entity]) -> str:
    data = to_json(entities)
    for row, entity in zip(data["entities"], entities, strict=True):
        row["class"] = class_name(entity.label)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def listing_csv(entities: Sequence[Entity]) -> str:
    """One row per entity: name, class, code, number of mentions, their offsets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [  # literal calls, so lupdate collects them
            QCoreApplication.translate("EntityPanel", "Name"),
            QCoreApplication.translate("EntityPanel", "Class"),
            QCoreApplication.translate("EntityPanel", "Code"),
            QCoreApplication.translate("EntityPanel", "Mentions"),
            QCoreApplication.translate("EntityPanel", "Offsets"),
        ]
    )
    for e in entities:
        offsets = " ".join(f"{m.start}-{m.end}" for m in e.mentions)
        writer.writerow([e.name, class_name(e.label), e.label, e.count, offsets])
    return out.getvalue()

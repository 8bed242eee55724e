"""``oqyrman entities FILE [--json|--csv]``: the document's entities, corrections applied."""

import argparse
import importlib
import json
import logging
from collections.abc import Callable

from reader.core.document import Document
from reader.core.ner.entities import Entity
from reader.core.ner.listing import to_csv, to_json
from reader.core.ner.recognizer import analyse

log = logging.getLogger(__name__)


def _apply_corrections(
    data_dir: str | None, document: Document, entities: list[Entity]
) -> list[Entity]:
    """The user's stored corrections (reader.core.ner.corrections), when that module exists."""
    try:
        corrections = importlib.import_module("reader.core.ner.corrections")
    except ModuleNotFoundError as exc:
        if exc.name != "reader.core.ner.corrections":
            raise
        return entities  # the corrections store has not landed yet
    apply = getattr(corrections, "load_and_apply", None)
    if apply is None:
        return entities
    result: list[Entity] = apply(data_dir, document, entities)
    return result


def run_entities(args: argparse.Namespace, document: Document, out: Callable[[str], None]) -> int:
    """Print the entities as text (default), JSON or CSV; return the exit code."""
    entities = _apply_corrections(getattr(args, "data_dir", None), document, analyse(document.text))
    if args.json:
        out(json.dumps(to_json(entities), ensure_ascii=False, indent=2) + "\n")
    elif args.csv:
        out(to_csv(entities))
    else:
        for e in entities:
            out(f"{e.label}\t{e.count}\t{e.name}\n")
    return 0

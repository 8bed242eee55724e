"""``oqyrman entities FILE [--json|--csv]``: the document's entities, corrections applied."""

import argparse
import json
from collections.abc import Callable

from reader.core.document import Document
from reader.core.ner.corrections import load_and_apply
from reader.core.ner.listing import to_csv, to_json
from reader.core.ner.recognizer import analyse


def run_entities(args: argparse.Namespace, document: Document, out: Callable[[str], None]) -> int:
    """Print the entities as text (default), JSON or CSV; return the exit code."""
    entities = load_and_apply(getattr(args, "data_dir", None), document, analyse(document.text))
    if args.json:
        out(json.dumps(to_json(entities), ensure_ascii=False, indent=2) + "\n")
    elif args.csv:
        out(to_csv(entities))
    else:
        for e in entities:
            out(f"{e.label}\t{e.count}\t{e.name}\n")
    return 0

"""``oqyrman annotations FILE [--export ANNS_JSON | --import ANNS_JSON] [--json]``.

Without options it lists the document's annotations from the store (re-attaching them if
the file changed, orphans in their own section); ``--export`` writes them as W3C Web
Annotation JSON; ``--import`` anchors a Web Annotation file to the document and stores it.
"""

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

from reader.core.annotations import Annotation, AnnotationRepository, in_text_order
from reader.core.document import Document
from reader.core.paths import resolve
from reader.core.store import Store
from reader.export import webanno

Out = Callable[[str], None]


def run_annotations(args: argparse.Namespace, document: Document, out: Out) -> int:
    """The subcommand's body; returns the exit code (errors propagate as ReaderError)."""
    paths = resolve(getattr(args, "data_dir", None)).ensure()
    with Store(paths.database) as store:
        repo = AnnotationRepository(store)
        if args.export:
            return _export(repo, document, args.export)
        if args.import_:
            return _import(repo, document, args.import_, out)
        return _list(repo, document, out, as_json=args.json)


def _export(repo: AnnotationRepository, document: Document, target: str) -> int:
    found = repo.for_document(document)
    webanno.write(target, [*found.attached, *found.orphaned], webanno.source_iri(document))
    orphans = f" ({len(found.orphaned)} orphaned)" if found.orphaned else ""
    total = len(found.attached) + len(found.orphaned)
    _say(f"wrote {_count(total, 'annotation')}{orphans} to {target}")
    return 0


def _import(repo: AnnotationRepository, document: Document, source: str, out: Out) -> int:
    result = webanno.anchor(document, webanno.read(source))
    # Orphans are kept too (listed as such), but never replace an annotation we already have.
    new_orphans = [a for a in result.orphaned if repo.get(a.id) is None]
    repo.save_many([*result.attached, *new_orphans], document.path)
    where = document.path or document.title
    _say(f"imported {_count(len(result.attached), 'annotation')} into {where}")
    if result.orphaned:
        n = len(result.orphaned)
        verb = "was" if n == 1 else "were"
        _say(f"{n} could not be found in the text and {verb} kept as orphaned:")
        for ann in result.orphaned:
            out(_line(ann, orphan=True))
    return 0


def _list(repo: AnnotationRepository, document: Document, out: Out, *, as_json: bool) -> int:
    found = repo.for_document(document)
    if as_json:
        payload = {
            "document": document.path,
            "sha256": document.sha256,
            "annotations": [_as_dict(a) for a in found.attached],
            "orphaned": [_as_dict(a) for a in in_text_order(found.orphaned)],
        }
        out(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    _lines(found.attached, out)
    if found.orphaned:
        out("Orphaned (their text is no longer in the document):\n")
        _lines(found.orphaned, out, orphan=True)
    if not found.attached and not found.orphaned:
        _say("no annotations")
    return 0


def _lines(anns: Iterable[Annotation], out: Out, *, orphan: bool = False) -> None:
    for ann in anns:
        out(_line(ann, orphan=orphan))


def _line(ann: Annotation, *, orphan: bool = False) -> str:
    where = "orphaned" if orphan else f"{ann.start}-{ann.end}"
    quote = " ".join(ann.exact.split())
    note = " ".join(ann.note.split())
    return f"{where}\t{ann.color}\t“{quote}”" + (f"\t{note}" if note else "") + "\n"


def _as_dict(ann: Annotation) -> dict[str, Any]:
    return {
        "id": ann.id,
        "start": ann.start,
        "end": ann.end,
        "exact": ann.exact,
        "prefix": ann.prefix,
        "suffix": ann.suffix,
        "color": ann.color,
        "note": ann.note,
    }


def _count(n: int, noun: str) -> str:
    """``1 annotation``, ``2 annotations``."""
    return f"{n} {noun if n == 1 else noun + 's'}"


def _say(message: str) -> None:
    print(message, file=sys.stderr)

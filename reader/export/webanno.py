"""W3C Web Annotation Data Model JSON: export and strict import of highlights and notes.

Each annotation is written as::

    {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "id": "urn:uuid:…",
      "type": "Annotation",
      "motivation": "highlighting" | "commenting",
      "created": "2026-11-27T00:28:20Z", "modified": "…",
      "body": {"type": "TextualBody", "value": NOTE, "format": "text/plain",
               "purpose": "commenting"},                       # only when there is a note
      "stylesheet": {"type": "CssStylesheet",
                     "value": ".yellow { background-color: #ffe14d; }"},
      "target": {"source": "file:///…/doc.txt", "styleClass": "yellow",
                 "selector": [{"type": "TextQuoteSelector", "exact": …, "prefix": …,
                               "suffix": …},
                              {"type": "TextPositionSelector", "start": …, "end": …}]}
    }

The highlight colour follows the model's own styling mechanism (section 4.3, "Styles"):
the target's ``styleClass`` names one of :data:`reader.core.annotations.COLORS` and the
annotation's CSS stylesheet defines it, so other tools can render it. On import an
unknown class falls back to the nearest palette colour its stylesheet gives, else yellow.
Positions are Python ``str`` indices (code points) into the document's text.

A file holds a JSON list of annotations; an AnnotationCollection/AnnotationPage or a
single annotation is accepted on import. Anything else raises
:class:`AnnotationFormatError` with a one-line reason.
"""

import dataclasses
import json
import re
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.core.anchoring import quote_at
from reader.core.annotations import COLORS, Annotation, DocumentAnnotations, reanchor
from reader.core.document import Document
from reader.core.errors import AnnotationFormatError
from reader.core.fsutil import atomic_write_bytes

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_UUID_URN = "urn:uuid:"


# -- export ---------------------------------------------------------------------------------
def source_iri(document: Document) -> str:
    """The target's ``source``: the file's URI, or the text's hash when it has no path."""
    if document.path:
        return Path(document.path).resolve().as_uri()
    return f"urn:sha256:{document.sha256}"


def to_webanno(ann: Annotation, source: str) -> dict[str, Any]:
    """One annotation as a Web Annotation JSON object."""
    obj: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": _UUID_URN + ann.id if _is_uuid(ann.id) else ann.id,
        "type": "Annotation",
        "motivation": "commenting" if ann.note else "highlighting",
        "created": _iso(ann.created),
        "modified": _iso(ann.modified),
    }
    if ann.note:
        obj["body"] = {
            "type": "TextualBody",
            "value": ann.note,
            "format": "text/plain",
            "purpose": "commenting",
        }
    obj["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".{ann.color} {{ background-color: {COLORS.get(ann.color, '#ffe14d')}; }}",
    }
    obj["target"] = {
        "source": source,
        "styleClass": ann.color,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": ann.exact,
                "prefix": ann.prefix,
                "suffix": ann.suffix,
            },
            {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
        ],
    }
    return obj


def dumps(annotations: Iterable[Annotation], source: str) -> str:
    """A JSON list of Web Annotations, in the order given."""
    items = [to_webanno(a, source) for a in annotations]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def write(path: str | Path, annotations: Iterable[Annotation], source: str) -> None:
    """Write a Web Annotation JSON file atomically (no partial file on failure)."""
    atomic_write_bytes(path, dumps(annotations, source).encode("utf-8"))


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _iso(stamp: float) -> str:
    return (
        datetime.fromtimestamp(stamp, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


# -- import ---------------------------------------------------------------------------------
def read(path: str | Path) -> list[Annotation]:
    """Parse a Web Annotation JSON file; positions are as written, not yet anchored."""
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise AnnotationFormatError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise AnnotationFormatError(f"{name} is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise AnnotationFormatError(f"{name} is not JSON: {exc.msg} at line {exc.lineno}") from exc
    return parse(data, name)


def loads(text: str, origin: str = "annotations") -> list[Annotation]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnnotationFormatError(
            f"{origin} is not JSON: {exc.msg} at line {exc.lineno}"
        ) from exc
    return parse(data, origin)


def parse(data: Any, origin: str = "annotations") -> list[Annotation]:
    """Validate decoded JSON and turn it into annotations (ids, colours, notes kept)."""
    items = _items(data, origin)
    out: list[Annotation] = []
    seen: set[str] = set()
    for number, item in enumerate(items, 1):
        try:
            ann = _annotation(item)
        except _Invalid as exc:
            raise AnnotationFormatError(f"{origin}: annotation {number}: {exc}") from None
        if ann.id in seen:
            raise AnnotationFormatError(f"{origin}: annotation {number}: duplicate id {ann.id}")
        seen.add(ann.id)
        out.append(ann)
    return out


def anchor(document: Document, annotations: Sequence[Annotation]) -> DocumentAnnotations:
    """Attach imported annotations to ``document`` by quote (position as a hint).

    Those that cannot be found come back as orphaned, unchanged.
    """
    attached: list[Annotation] = []
    orphaned: list[Annotation] = []
    text = document.text
    for ann in annotations:
        if not ann.exact:  # only a TextPositionSelector: trust it if it fits
            if ann.end <= len(text) and text[ann.start : ann.end].strip():
                ann = _with_quote(ann, text)
            else:
                orphaned.append(ann)
                continue
        again = reanchor(text, ann, document.sha256)
        if again is None:
            orphaned.append(ann)
        else:
            attached.append(again)
    attached.sort(key=lambda a: (a.start, a.end, a.id))
    return DocumentAnnotations(tuple(attached), tuple(orphaned))


def load_for_document(path: str | Path, document: Document) -> list[Annotation]:
    """The annotations of a Web Annotation file that anchor in ``document``, in text order."""
    return list(anchor(document, read(path)).attached)


def _with_quote(ann: Annotation, text: str) -> Annotation:
    q = quote_at(text, ann.start, ann.end)
    return dataclasses.replace(ann, exact=q.exact, prefix=q.prefix, suffix=q.suffix)


class _Invalid(Exception):
    """One annotation object broke the model; the message says how."""


def _items(data: Any, origin: str) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        kinds = _types(data)
        if "Annotation" in kinds:
            return [data]
        if kinds & {"AnnotationCollection", "AnnotationPage"}:
            page = data.get("first", data)
            items = page.get("items") if isinstance(page, dict) else None
            if isinstance(items, list):
                return items
            raise AnnotationFormatError(f"{origin}: the collection has no inline items")
    raise AnnotationFormatError(
        f"{origin} is not W3C Web Annotation JSON (expected a list of Annotation objects)"
    )


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def _annotation(item: Any) -> Annotation:
    if not isinstance(item, dict):
        raise _Invalid("not a JSON object")
    context = item.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if ANNO_CONTEXT not in contexts:
        raise _Invalid(f'"@context" must be {ANNO_CONTEXT}')
    if "Annotation" not in _types(item):
        raise _Invalid('"type" must be "Annotation"')
    quote, position = _selectors(item.get("target"))
    exact, prefix, suffix = quote if quote else ("", "", "")
    start, end = position if position else (0, max(1, len(exact)))
    created = _time(item.get("created"), "created")
    modified = _time(item.get("modified"), "modified") or created
    try:
        return Annotation(
            id=_id(item.get("id")),
            start=start,
            end=end,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            color=_color(item),
            note=_note(item.get("body")),
            created=created,
            modified=modified,
        )
    except ValueError as exc:
        raise _Invalid(str(exc)) from None


def _id(value: Any) -> str:
    if value is None:
        return str(uuid.uuid4())
    if not isinstance(value, str) or not value.strip():
        raise _Invalid('"id" must be a non-empty string')
    return value[len(_UUID_URN) :] if value.startswith(_UUID_URN) else value


def _target(target: Any) -> dict[str, Any]:
    if isinstance(target, list):
        target = next((t for t in target if isinstance(t, dict) and "selector" in t), None)
    if not isinstance(target, dict):
        raise _Invalid("the target must be a resource with selectors, not a bare IRI")
    return target


def _selectors(target: Any) -> tuple[tuple[str, str, str] | None, tuple[int, int] | None]:
    selectors = _target(target).get("selector")
    if isinstance(selectors, dict):
        selectors = [selectors]
    if not isinstance(selectors, list):
        raise _Invalid("the target has no selector")
    quote: tuple[str, str, str] | None = None
    position: tuple[int, int] | None = None
    for sel in selectors:
        kind = _types(sel) if isinstance(sel, dict) else set()
        if "TextQuoteSelector" in kind:
            quote = _quote(sel)
        elif "TextPositionSelector" in kind:
            position = _position(sel)
    if quote is None and position is None:
        raise _Invalid("the target has no TextQuoteSelector or TextPositionSelector")
    return quote, position


def _quote(sel: dict[str, Any]) -> tuple[str, str, str]:
    exact, prefix, suffix = sel.get("exact"), sel.get("prefix", ""), sel.get("suffix", "")
    if not isinstance(exact, str) or not exact:
        raise _Invalid('TextQuoteSelector needs a non-empty "exact" string')
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        raise _Invalid('TextQuoteSelector "prefix" and "suffix" must be strings')
    return exact, prefix, suffix


def _position(sel: dict[str, Any]) -> tuple[int, int]:
    start, end = sel.get("start"), sel.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start < end:
        raise _Invalid("TextPositionSelector needs integers 0 <= start < end")
    return start, end


def _note(body: Any) -> str:
    bodies = body if isinstance(body, list) else [] if body is None else [body]
    notes: list[str] = []
    for b in bodies:
        if isinstance(b, str):
            continue  # an external body (IRI): nothing to show as a note
        if not isinstance(b, dict):
            raise _Invalid("a body must be an object or an IRI")
        if "TextualBody" in _types(b) or ("value" in b and "type" not in b):
            value = b.get("value")
            if not isinstance(value, str):
                raise _Invalid('a TextualBody needs a string "value"')
            if b.get("purpose") not in ("tagging", "highlighting"):
                notes.append(value)
    return "\n\n".join(notes)


def _time(value: Any, name: str) -> float:
    if value is None:
        return 0.0
    try:
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        stamp = None
    if stamp is None:
        raise _Invalid(f'"{name}" must be an ISO 8601 date-time')
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.timestamp()


_CSS_RULE = re.compile(r"\.([\w-]+)\s*\{[^}]*?background(?:-color)?\s*:\s*(#[0-9a-fA-F]{6})")


def _color(item: dict[str, Any]) -> str:
    target = _target(item.get("target"))
    style = target.get("styleClass")
    if isinstance(style, str) and style in COLORS:
        return style
    sheet = item.get("stylesheet")
    css = sheet.get("value") if isinstance(sheet, dict) else None
    if isinstance(style, str) and isinstance(css, str):
        for name, hexcode in _CSS_RULE.findall(css):
            if name == style:
                return nearest_color(hexcode)
    return "yellow"


def nearest_color(hexcode: str) -> str:
    """The palette colour closest to ``#rrggbb``."""

    def rgb(h: str) -> tuple[int, ...]:
        return tuple(int(h.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))

    want = rgb(hexcode)
    return min(
        COLORS, key=lambda n: sum((a - b) ** 2 for a, b in zip(rgb(COLORS[n]), want, strict=True))
    )

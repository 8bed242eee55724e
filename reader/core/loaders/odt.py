"""OpenDocument Text: content.xml read through the safe lxml parser.

``text:h`` keeps its outline level as a heading; ``text:p`` are paragraphs, paragraphs in a
list are list items and those in a table cell are table cells. The title comes from
meta.xml's ``dc:title`` when there is one.
"""

from pathlib import Path
from typing import Any

from reader.core.document import BlockKind, Document, TextBuilder
from reader.core.loaders.base import LoadContext, corrupt, default_title
from reader.core.loaders.xmlsafe import local_name, parse_xml
from reader.core.loaders.zipsafe import SafeZip

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SKIPPED_INLINE = frozenset({"note-citation", "note-body", "tracked-changes", "bookmark-ref"})
_SKIPPED_BLOCK = frozenset({"tracked-changes", "sequence-decls", "variable-decls", "forms"})


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load an .odt file."""
    with SafeZip(path, head, "ODT", ctx) as archive:
        if not archive.has("content.xml"):
            raise corrupt(path, "is a zip archive but not an OpenDocument text (no content.xml)")
        root = parse_xml(archive.read("content.xml"), path, "OpenDocument XML")
        meta = parse_xml(archive.read("meta.xml"), path) if archive.has("meta.xml") else None
    builder = TextBuilder()
    try:
        _walk(root, builder, "paragraph")
    except RecursionError:
        raise corrupt(path, "is nested too deeply to display") from None
    return Document.create(
        builder.text(),
        title=_title(meta) or default_title(path),
        format="odt",
        blocks=builder.blocks,
        path=str(path),
    )


def _walk(element: Any, builder: TextBuilder, kind: BlockKind) -> None:
    for child in element:
        name = local_name(child)
        if name in _SKIPPED_BLOCK or not name:
            continue
        if name == "h":
            level = _int(child.get(f"{{{_TEXT}}}outline-level"), 1)
            builder.add(inline_text(child), "heading", min(max(level, 1), 6))
        elif name == "p":
            builder.add(inline_text(child), kind)
        elif name == "list-item":
            _walk(child, builder, "list_item" if kind == "paragraph" else kind)
        elif name == "table-cell":
            _walk(child, builder, "table_cell")
        else:
            _walk(child, builder, kind)


def inline_text(element: Any) -> str:
    """A paragraph's text: spans and links inline, text:s spaces, tabs and line breaks."""
    parts: list[str] = [element.text or ""]
    for child in element:
        name = local_name(child)
        if name == "s":
            parts.append(" " * min(_int(child.get(f"{{{_TEXT}}}c"), 1), 1000))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif name and name not in _SKIPPED_INLINE:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _title(meta: Any) -> str:
    if meta is None:
        return ""
    for element in meta.iter():
        if local_name(element) == "title" and "purl.org/dc" in str(element.tag):
            return " ".join("".join(element.itertext()).split())
    return ""

"""OpenDocument Text: content.xml read through the safe lxml parser.

``text:h`` keeps its outline level as a heading; ``text:p`` are paragraphs, paragraphs in a
list are list items and those in a table cell are table cells. The title comes from
meta.xml's ``dc:title`` when there is one.
"""

import re
from pathlib import Path
from typing import Any

from reader.core.document import BlockKind, Document, TextBuilder
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import LoadContext, corrupt, default_title
from reader.core.loaders.xmlsafe import local_name, parse_xml
from reader.core.loaders.zipsafe import SafeZip

_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
_SPACES = re.compile(" +")
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SKIPPED_INLINE = frozenset(
    {
        "note",
        "note-citation",
        "note-body",
        "tracked-changes",
        "bookmark-ref",
        "annotation",
        "annotation-end",
    }
)  # footnotes and comments would otherwise break into the sentence
_SKIPPED_BLOCK = frozenset({"tracked-changes", "sequence-decls", "variable-decls", "forms"})


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load an .odt file."""
    with SafeZip(path, head, "ODT", ctx) as archive:
        if not archive.has("content.xml"):
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP(
                    "ReaderError", "is a zip archive but not an OpenDocument text (no content.xml)"
                ),
            )
        root = parse_xml(archive.read("content.xml"), path, "OpenDocument XML")
        meta = parse_xml(archive.read("meta.xml"), path) if archive.has("meta.xml") else None
    builder = TextBuilder()
    try:
        _walk(root, builder, "paragraph")
    except RecursionError:
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is nested too deeply to display")
        ) from None
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
    """A paragraph's text as ODF shows it: runs of white space in the XML are one space, and
    text:s, text:tab and text:line-break give literal spaces, tabs and line breaks."""
    joined = _SPACES.sub(" ", "".join(_inline_parts(element))).strip(" ")
    return joined.replace("\x00", " ")


def _inline_parts(element: Any) -> list[str]:
    parts: list[str] = [_collapse(element.text)]
    for child in element:
        name = local_name(child)
        if name == "s":
            # NUL (never in XML) stands for these spaces until the white space is collapsed
            parts.append("\x00" * min(_int(child.get(f"{{{_TEXT}}}c"), 1), 1000))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif name and name not in _SKIPPED_INLINE:
            parts.extend(_inline_parts(child))
        parts.append(_collapse(child.tail))
    return parts


def _collapse(text: str | None) -> str:
    return _WHITE_SPACE.sub(" ", text) if text else ""


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

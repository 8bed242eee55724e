"""Word (DOCX): paragraphs and tables in document order, heading styles kept.

The archive is checked by :class:`SafeZip` (sizes, ratios, entity declarations) before
python-docx sees it; python-docx is imported only when a DOCX is opened.
"""

import logging
import re
from pathlib import Path
from typing import Any

from reader.core.document import BlockKind, Document, TextBuilder
from reader.core.errors import QT_TRANSLATE_NOOP, ReaderError
from reader.core.loaders.base import LoadContext, corrupt, default_title
from reader.core.loaders.zipsafe import SafeZip

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^heading\s*([1-9])$", re.I)


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a .docx file."""
    with SafeZip(path, head, "DOCX", ctx) as archive:
        if not archive.has("word/document.xml") and not archive.has("[Content_Types].xml"):
            raise corrupt(
                path, QT_TRANSLATE_NOOP("ReaderError", "is a zip archive but not a Word document")
            )
        archive.verify()
    ctx.check()
    try:
        document, builder = _read(path, ctx)
        title = (document.core_properties.title or "").strip()
    except ReaderError:
        raise
    except Exception as exc:  # python-docx on a hostile file: any failure means "corrupt"
        log.info("python-docx failed on %s", path, exc_info=True)
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise corrupt(
            path,
            QT_TRANSLATE_NOOP("ReaderError", "is a damaged Word document ({reason})"),
            reason=first,
        ) from None
    return Document.create(
        builder.text(),
        title=" ".join(title.split()) or default_title(path),
        format="docx",
        blocks=builder.blocks,
        path=str(path),
    )


def _read(path: Path, ctx: LoadContext) -> tuple[Any, TextBuilder]:
    import docx

    document = docx.Document(str(path))
    builder = TextBuilder()
    _walk(document.element.body, document, builder, "paragraph", ctx)
    return document, builder


def _walk(container: Any, parent: Any, builder: TextBuilder, kind: BlockKind, ctx: Any) -> None:
    """Paragraphs and tables of ``container`` (the body or a table cell), in order."""
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, parent)
            style_kind, level = _style(paragraph)
            builder.add(paragraph.text, style_kind if kind == "paragraph" else kind, level)
        elif child.tag == f"{_W}tbl":
            ctx.check()
            for row in child.iterchildren(f"{_W}tr"):  # each w:tc once, merged or not
                for cell in row.iterchildren(f"{_W}tc"):
                    _walk(cell, parent, builder, "table_cell", ctx)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _walk(content, parent, builder, kind, ctx)


def _style(paragraph: Any) -> tuple[BlockKind, int]:
    """("heading", level) for Title and Heading 1..6 styles, else ("paragraph", 0)."""
    try:
        name = (paragraph.style.name or "").strip() if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return "paragraph", 0
    if name.lower() == "title":
        return "heading", 1
    match = _HEADING.match(name)
    if match:
        return "heading", min(int(match.group(1)), 6)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if numbered or name.lower().startswith("list"):
        return "list_item", 0
    return "paragraph", 0

"""FictionBook 2: the book title, then each body's sections with titles as headings.

Section titles become headings whose level follows the nesting (top sections are level 1);
paragraphs, subtitles, poems, citations and table cells keep their order. Embedded binaries
(cover images) and the description block are not shown.
"""

import re
from pathlib import Path
from typing import Any

from reader.core.document import BlockKind, Document, TextBuilder
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import LoadContext, corrupt, default_title, read_markup
from reader.core.loaders.xml import xml_encoding
from reader.core.loaders.xmlsafe import check_xml_head, local_name, parse_xml

_SPACES = re.compile(r"\s+")
_CONTAINERS = frozenset({"poem", "stanza", "cite", "epigraph", "table", "tr", "annotation"})
_SKIPPED = frozenset({"binary", "description", "image", "empty-line"})


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a FictionBook (.fb2) file."""
    check_xml_head(head, path, "a FictionBook file")
    data = read_markup(path, "FictionBook")
    if not data or data.isspace():
        return Document.create("", title=default_title(path), format="fb2", path=str(path))
    root = parse_xml(data, path, "FictionBook XML")
    if local_name(root) != "fictionbook":
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is XML but not a FictionBook document")
        )
    builder = TextBuilder()
    bodies = [child for child in root if local_name(child) == "body"]
    try:
        for done, body in enumerate(bodies, 1):
            ctx.check()
            _walk(body, builder, depth=0)
            ctx.progress(done, len(bodies))
    except RecursionError:
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is nested too deeply to display")
        ) from None
    return Document.create(
        builder.text(),
        title=_book_title(root) or default_title(path),
        format="fb2",
        encoding=xml_encoding(root),
        blocks=builder.blocks,
        path=str(path),
    )


def _book_title(root: Any) -> str:
    for element in root.iter():
        if local_name(element) == "book-title":
            return _text(element)
    return ""


def _walk(element: Any, builder: TextBuilder, depth: int) -> None:
    """Sections nest (depth counts them); everything else is a paragraph-like child."""
    for child in element:
        name = local_name(child)
        if name in _SKIPPED or not name:
            continue
        if name == "section":
            _walk(child, builder, depth + 1)
        elif name == "title":
            lines = [_text(p) for p in child if local_name(p) == "p"] or [_text(child)]
            _add(builder, " ".join(line for line in lines if line), "heading", max(depth, 1))
        elif name in _CONTAINERS:
            _walk(child, builder, depth)
        else:
            kind: BlockKind = "table_cell" if name in ("td", "th") else "paragraph"
            if name == "subtitle":
                _add(builder, _text(child), "heading", depth + 1)
            else:
                _add(builder, _text(child), kind)


def _add(builder: TextBuilder, text: str, kind: BlockKind, level: int = 0) -> None:
    """Skip empty paragraphs; headings nested deeper than 6 stay at level 6."""
    if text:
        builder.add(text, kind, min(level, 6) if kind == "heading" else 0)


def _text(element: Any) -> str:
    return _SPACES.sub(" ", "".join(element.itertext())).strip()

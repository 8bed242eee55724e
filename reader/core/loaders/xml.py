"""Generic XML: the text of each element that holds text, one paragraph each.

An element with text of its own becomes one paragraph with all the text inside it (so mixed
content such as ``<p>a <b>b</b> c</p>`` reads naturally); elements that only contain other
elements are walked into. Entities are never expanded (see :mod:`xmlsafe`).
"""

import codecs
import re
from pathlib import Path
from typing import Any

from reader.core.document import Document, TextBuilder
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import LoadContext, corrupt, default_title, read_markup
from reader.core.loaders.xmlsafe import check_xml_head, local_name, parse_xml

_SPACES = re.compile(r"\s+")


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a generic XML file."""
    check_xml_head(head, path, "an XML file")
    data = read_markup(path, "XML")
    if not data or data.isspace():
        return Document.create("", title=default_title(path), format="xml", path=str(path))
    root = parse_xml(data, path)
    builder = TextBuilder()
    try:
        _walk(root, builder)
    except RecursionError:
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is nested too deeply to display")
        ) from None
    encoding = xml_encoding(root)
    return Document.create(
        builder.text(),
        title=_title(root) or default_title(path),
        format="xml",
        encoding=encoding,
        blocks=builder.blocks,
        path=str(path),
    )


def xml_encoding(root: Any) -> str:
    """The encoding the document declared, by Python's name for it ("cp1251", "utf-8")."""
    declared = str(root.getroottree().docinfo.encoding or "utf-8")
    try:
        return codecs.lookup(declared).name
    except LookupError:
        return declared.lower()


def _walk(element: Any, builder: TextBuilder) -> None:
    if not isinstance(element.tag, str):
        return
    own = [element.text or ""] + [child.tail or "" for child in element]
    if any(part.strip() for part in own):
        text = _SPACES.sub(" ", "".join(element.itertext())).strip()
        builder.add(text)
        return
    for child in element:
        _walk(child, builder)


def _title(root: Any) -> str:
    for element in root.iter():
        if local_name(element) == "title":
            text = _SPACES.sub(" ", "".join(element.itertext())).strip()
            if text:
                return text
    return ""

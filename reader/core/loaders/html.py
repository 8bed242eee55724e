"""HTML and XHTML: the visible text with its block structure (paragraphs, headings, lists,
table cells, preformatted text); script, style and head are dropped.

:func:`extract_blocks` is shared with the EPUB loader, which feeds it each spine document.
"""

import codecs
import re
from pathlib import Path
from typing import Any

from reader.core.document import BlockKind, Document, TextBuilder
from reader.core.errors import QT_TRANSLATE_NOOP, CorruptDocumentError
from reader.core.loaders.base import LoadContext, corrupt, default_title, read_markup
from reader.core.loaders.text import decode, reject_binary
from reader.core.loaders.xml import xml_encoding
from reader.core.loaders.xmlsafe import (
    EntityDeclarationError,
    local_name,
    parse_html,
    parse_xml,
)

_DROPPED = frozenset(
    {"script", "style", "head", "noscript", "template", "svg", "math", "iframe", "object"}
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    {
        "p", "div", "li", "pre", "blockquote", "tr", "td", "th", "dt", "dd", "dl", "ul",
        "ol", "table", "thead", "tbody", "tfoot", "caption", "section", "article", "aside",
        "header", "footer", "nav", "main", "figure", "figcaption", "address", "hr", "body",
        "html", "form", "fieldset", "legend", "details", "summary", "center",
    }
    | set(_HEADINGS)
)  # fmt: skip
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML white space; a no-break space stays
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load an HTML or XHTML file."""
    reject_binary(head, path)
    data = read_markup(path, "HTML")
    if not data:
        return Document.create("", title=default_title(path), format="html", path=str(path))
    root, encoding = parse_markup(data, path, ctx, xhtml=path.suffix.lower() == ".xhtml")
    builder = TextBuilder()
    extract_blocks(root, builder, path)
    title = html_title(root) or default_title(path)
    return Document.create(
        builder.text(),
        title=title,
        format="html",
        encoding=encoding,
        blocks=builder.blocks,
        path=str(path),
    )


def parse_markup(data: bytes, path: Path, ctx: LoadContext, *, xhtml: bool) -> tuple[Any, str]:
    """Parse (X)HTML bytes: as XML when it says it is XHTML, else (or if that fails) as HTML."""
    start = data[:1024].lstrip()
    if xhtml or start.startswith(b"<?xml"):
        try:
            root = parse_xml(data, path, "XHTML")
            return root, xml_encoding(root)
        except EntityDeclarationError:
            raise
        except CorruptDocumentError:
            pass  # XHTML in name only (e.g. HTML entities like &nbsp;): read it as HTML
    encoding = None if _has_bom(data) else _declared_charset(data)
    if encoding is not None:
        text = data.decode(encoding, "replace")
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        text, encoding = decode(data, path, ctx)
    return parse_html(text, path), encoding


def _has_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _declared_charset(data: bytes) -> str | None:
    """The encoding a <meta charset> names, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def html_title(root: Any) -> str:
    """<title> text, else the first <h1>, else ""."""
    for wanted in ("title", "h1"):
        for element in root.iter():
            if local_name(element) == wanted:
                text = _SPACES.sub(" ", "".join(element.itertext())).strip()
                if text:
                    return text
    return ""


def extract_blocks(root: Any, builder: TextBuilder, path: Path) -> None:
    """Append the visible text under ``root`` to ``builder``, one block per paragraph."""
    walker = _BlockWalker(builder)
    try:
        walker.walk(root)
    except RecursionError:
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is nested too deeply to display")
        ) from None
    walker.flush()


class _BlockWalker:
    """Collects inline text into the current paragraph and flushes it at block boundaries."""

    def __init__(self, builder: TextBuilder) -> None:
        self._builder = builder
        self._parts: list[str] = []
        self._kind: BlockKind = "paragraph"
        self._level = 0
        self._pre = 0

    def walk(self, element: Any) -> None:
        name = local_name(element)
        if name in _DROPPED or not isinstance(element.tag, str):
            return
        if name not in _BLOCKS:
            if name == "br":
                self._parts.append("\n")
            self._text(element.text)
            for child in element:
                self.walk(child)
                self._text(child.tail)
            return
        self.flush()
        saved = (self._kind, self._level)
        self._enter(name)
        self._text(element.text)
        for child in element:
            self.walk(child)
            self._text(child.tail)
        self.flush()
        if name == "pre":
            self._pre -= 1
        self._kind, self._level = saved

    def _enter(self, name: str) -> None:
        if name in _HEADINGS:
            self._kind, self._level = "heading", _HEADINGS[name]
        elif name == "li":
            self._kind, self._level = "list_item", 0
        elif name in ("td", "th"):
            self._kind, self._level = "table_cell", 0
        elif name == "pre":
            self._kind, self._level = "preformatted", 0
            self._pre += 1

    def _text(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def flush(self) -> None:
        raw = "".join(self._parts)
        self._parts = []
        if self._pre:
            text = raw.strip("\n")
        else:
            lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
            text = "\n".join(line for line in lines if line)
        if text.strip():
            self._builder.add(text, self._kind, self._level)

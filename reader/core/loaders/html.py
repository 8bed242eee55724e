"""HTML and XHTML: the visible text with its block structure (paragraphs, headings, lists,
table cells, preformatted text); script, style and head are dropped.

:func:`extract_blocks` is shared with the EPUB loader, which feeds it each spine document.
"""

import base64
import codecs
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from reader.core.document import Document
from reader.core.errors import QT_TRANSLATE_NOOP, CorruptDocumentError
from reader.core.loaders.base import LoadContext, corrupt, default_title, read_markup
from reader.core.loaders.html_walk import HtmlWalker, ImageResolver
from reader.core.loaders.rich import RichBuilder
from reader.core.loaders.text import decode, reject_binary
from reader.core.loaders.xml import xml_encoding
from reader.core.loaders.xmlsafe import (
    EntityDeclarationError,
    local_name,
    parse_html,
    parse_xml,
)

_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML white space; a no-break space stays
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load an HTML or XHTML file."""
    reject_binary(head, path)
    data = read_markup(path, "HTML")
    if not data:
        return Document.create("", title=default_title(path), format="html", path=str(path))
    root, encoding = parse_markup(data, path, ctx, xhtml=path.suffix.lower() == ".xhtml")
    builder = RichBuilder()
    extract_blocks(root, builder, path, _local_images(path))
    title = html_title(root) or default_title(path)
    return builder.document(title=title, format="html", encoding=encoding, path=str(path))


_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg")
MAX_LOCAL_IMAGE = 16 * 1024 * 1024


def _local_images(path: Path) -> ImageResolver:
    """Pictures of a page on disk: ``data:`` URIs and image files beside it or below it
    (never elsewhere on the machine: a page must not make us read what it names)."""
    folder = path.resolve().parent

    def resolve(src: str) -> tuple[str, bytes | None] | None:
        if src.startswith("data:"):
            return _data_uri(src)
        if "://" in src or src.startswith("//"):
            return None
        target = (folder / unquote(src.split("#", 1)[0].split("?", 1)[0])).resolve()
        if not target.is_relative_to(folder) or target.suffix.lower() not in _IMAGE_SUFFIXES:
            return None
        try:
            if target.stat().st_size > MAX_LOCAL_IMAGE:
                return None
            return str(target.relative_to(folder)), target.read_bytes()
        except OSError:
            return None

    return resolve


def _data_uri(src: str) -> tuple[str, bytes | None] | None:
    head, _, payload = src.partition(",")
    if ";base64" not in head or len(payload) > 4 * MAX_LOCAL_IMAGE // 3:
        return None
    try:
        return "", base64.b64decode(payload, validate=False)
    except ValueError:
        return None


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


def extract_blocks(
    root: Any, builder: RichBuilder, path: Path, images: ImageResolver | None = None,
    prefix: str = "", resolve: Callable[[str], str | None] | None = None,
    referenced: set[str] | None = None,
) -> None:  # fmt: skip
    """Append the visible text under ``root`` to ``builder``, in its form (see
    :meth:`HtmlWalker.prepare` for ``prefix``, ``resolve`` and ``referenced``)."""
    walker = HtmlWalker(builder, images)
    walker.prepare(root, prefix, resolve, referenced)
    try:
        walker.walk(root)
    except RecursionError:
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is nested too deeply to display")
        ) from None
    walker.flush()

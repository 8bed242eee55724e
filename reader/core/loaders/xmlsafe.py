"""The one way loaders parse XML and HTML: lxml with entities, DTDs and the network off.

An external entity (XXE) is never resolved and an entity bomb ("billion laughs") never
expands: a document whose DTD declares entities is rejected with a clear message before any
of its content is used.

Malformed XML that libxml2's recover mode can read (an unclosed tag, a stray "&", an
undeclared entity) is opened, with the same safety settings, and the load records a warning
(``Document.warnings``) that it was repaired. An encoding libxml2 does not know (IBM855,
KZ-1048) is decoded by Python instead.
"""

import codecs
import re
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from reader.core.errors import QT_TRANSLATE_NOOP, CorruptDocumentError, Message
from reader.core.loaders.base import (
    check_markup_size,
    corrupt,
    display_name,
    in_file,
    looks_like,
    warn,
)

XHTML_NS = "http://www.w3.org/1999/xhtml"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _xml_parser(recover: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


def _html_parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        default_doctype=False,
    )


def parse_xml(data: bytes, path: Path, what: str = "XML") -> Any:
    """Parse XML bytes into an element tree root, or raise CorruptDocumentError.

    Well-formed XML is parsed strictly; otherwise libxml2's recover mode is tried (not for
    "XHTML", whose callers fall back to the HTML parser, which repairs HTML better).
    """
    if not data or data.isspace():
        raise corrupt(path, QT_TRANSLATE_NOOP("ReaderError", "is empty, not {format}"), format=what)
    check_markup_size(path, len(data), what)
    if _doctype_declares_entities(data):
        raise _entities_error(path)
    try:
        root = _parse_strict(data)
    except etree.XMLSyntaxError as exc:
        if "XML_PARSE_HUGE" in str(exc) or "amplification" in str(exc):
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP(
                    "ReaderError", "is {format} nested too deeply or too large to read safely"
                ),
                format=what,
            ) from None
        root = None if what == "XHTML" else _recovered(data)
        if root is None:
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP("ReaderError", "not well-formed {format} ({reason})"),
                format=what,
                reason=_first_line(exc),
            ) from None
        repaired = QT_TRANSLATE_NOOP(
            "ReaderError",
            "{file} is not well-formed {format} ({reason}); it was repaired to open, so some"
            " of it may be missing or out of place",
        )
        warn(Message.of(repaired, file=display_name(path), format=what, reason=_first_line(exc)))
    except (ValueError, etree.LxmlError) as exc:
        raise _cannot_read_as(path, what, exc) from None
    if root is None:
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "has no {format} content"), format=what
        )
    reject_entities(root, path)
    if what == "XHTML":
        _body_from_head(root)
    return root


_HEAD_ONLY = frozenset({"title", "meta", "link", "style", "script", "base", "template"})


def _body_from_head(root: Any) -> None:
    """XHTML without <body> whose text sits in <head>: what an HTML5 parser does, the XML
    parser does not, so move the first element that cannot be in a head, and all after it,
    into a new body (else the page would show nothing: head is never shown)."""
    if local_name(root) != "html" or any(local_name(child) == "body" for child in root):
        return
    head = next((child for child in root if local_name(child) == "head"), None)
    if head is None:
        return
    stray = next((i for i, c in enumerate(head) if local_name(c) not in _HEAD_ONLY), None)
    if stray is None:
        return
    namespace = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    body = root.makeelement(f"{namespace}body", {})
    for child in list(head)[stray:]:
        body.append(child)  # moves it, with its tail
    head.addnext(body)


def _parse_strict(data: bytes) -> Any:
    try:
        return etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as exc:
        if "nsupported encoding" not in str(exc):
            raise
        redone = _python_decoded(data)
        if redone is None:
            raise
        return etree.fromstring(redone, _xml_parser())


_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def _python_decoded(data: bytes) -> bytes | None:
    """UTF-8 bytes of a document whose declared encoding libxml2 lacks but Python has."""
    match = _DECLARED_ENCODING.match(data)
    if match is None:
        return None
    try:
        text = data.decode(codecs.lookup(match.group(1).decode("ascii")).name, "replace")
    except LookupError:
        return None
    start, end = match.span(1)
    return data[:start] + b"UTF-8" + text.encode("utf-8")[end:]


def _recovered(data: bytes) -> Any:
    """What libxml2's recover mode reads (entities, DTDs, network still off), if anything."""
    try:
        root = etree.fromstring(data, _xml_parser(recover=True))
    except (etree.LxmlError, ValueError):
        try:
            redone = _python_decoded(data)
            root = None if redone is None else etree.fromstring(redone, _xml_parser(True))
        except (etree.LxmlError, ValueError):
            return None
    return root


_XML_STARTS = (b"<", b"<\x00", b"\x00<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def check_xml_head(head: bytes, path: Path, what: str) -> None:
    """Refuse a file whose first bytes cannot start XML, before reading all of it."""
    start = head.lstrip(b" \t\r\n")
    if start and not start.startswith(_XML_STARTS) and start[:4] != b"\x00\x00\x00<":
        detail = looks_like(head, QT_TRANSLATE_NOOP("ReaderError", " (it does not start with <)"))
        raise corrupt(
            path,
            QT_TRANSLATE_NOOP("ReaderError", "is not {format}{detail}"),
            format=what,
            detail=detail,
        )


def parse_html(text: str, path: Path) -> Any:
    """Parse HTML text (already decoded) leniently; returns the <html> root element."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    check_markup_size(path, len(text), "HTML")
    if _doctype_declares_entities(text.encode("utf-8", "replace")):
        raise _entities_error(path)
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses str input that declares one
    if not text.strip():
        return lxml_html.fromstring("<html><body></body></html>", parser=_html_parser())
    try:
        root = lxml_html.document_fromstring(text, parser=_html_parser())
    except etree.ParserError:
        # "Document is empty": only comments, a doctype or a processing instruction
        return lxml_html.fromstring("<html><body></body></html>", parser=_html_parser())
    except (etree.LxmlError, ValueError) as exc:
        raise _cannot_read_as(path, "HTML", exc) from None
    reject_entities(root, path)
    return root


def reject_entities(root: Any, path: Path) -> None:
    """Refuse documents whose DTD declares entities (XXE, entity bombs) or uses them."""
    docinfo = root.getroottree().docinfo
    for dtd in (docinfo.internalDTD, docinfo.externalDTD):
        if dtd is not None and any(True for _ in dtd.iterentities()):
            raise _entities_error(path)


_CODECS = ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_DOCTYPES = tuple("<!DOCTYPE".encode(codec) for codec in _CODECS)
_ENTITY_DECLARATIONS = tuple("<!ENTITY".encode(codec) for codec in _CODECS)


def declares_entities(data: bytes) -> bool:
    """Whether the bytes contain an entity declaration, in any encoding XML allows."""
    return any(marker in data for marker in _ENTITY_DECLARATIONS)


def _doctype_declares_entities(data: bytes) -> bool:
    """Entity declarations live in a DOCTYPE: without one, "<!ENTITY" is just text."""
    head = data[: 1 << 16].upper()
    return any(marker in head for marker in _DOCTYPES) and declares_entities(data)


class EntityDeclarationError(CorruptDocumentError):
    """The document declares XML entities, which we refuse rather than expand."""


def _entities_error(path: Path) -> EntityDeclarationError:
    problem = QT_TRANSLATE_NOOP(
        "ReaderError",
        "declares its own entities in a DOCTYPE; Oqyrman does not expand them for safety "
        "(they can read local files or explode in size)",
    )
    return EntityDeclarationError(in_file(path, Message(problem)))


def _cannot_read_as(path: Path, what: str, exc: Exception) -> Exception:
    return corrupt(
        path,
        QT_TRANSLATE_NOOP("ReaderError", "cannot be read as {format} ({reason})"),
        format=what,
        reason=_first_line(exc),
    )


def local_name(element: Any) -> str:
    """An element's tag without its namespace ("" for comments, entities and the like)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].lower()


_WHERE = re.compile(r" \(<string>, line \d+\)$")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return _WHERE.sub("", text[0])[:200] if text else type(exc).__name__

"""The text of a DOCX package as its XML holds it: every story (body, footnotes, endnotes,
headers, footers), paragraph by paragraph, each character tied to the run and the element
(``w:t``, ``w:tab``, ``w:br``...) it comes from.

This is read from the XML directly, not from the loader: the annotated copy edits these
very elements, and the loader's text (which may add, drop or reorder stories) is only
aligned to it (:mod:`reader.export.docx_align`).
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


StoryKind = Literal["body", "footnotes", "endnotes", "header", "footer"]
#: Stories in the order their text is laid out (the loader may use another order).
STORY_ORDER: tuple[StoryKind, ...] = ("body", "footnotes", "endnotes", "header", "footer")

_SKIPPED_INLINE = frozenset({w("pPr"), w("del"), w("moveFrom"), w("rPr")})
_MC_FALLBACK = f"{{{MC}}}Fallback"
_TXBX = w("txbxContent")
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_blank_text=False
)


@dataclass(frozen=True, slots=True)
class Piece:
    """``length`` characters of a paragraph, from ``element`` (child of ``run``)."""

    run: Any
    element: Any
    text: str


@dataclass(slots=True)
class Paragraph:
    """One ``w:p`` of a story and its text; ``pieces`` in order, their texts joined."""

    element: Any
    story: Story
    text: str
    in_text_box: bool


@dataclass(slots=True)
class Story:
    """One part holding paragraphs (``word/document.xml``, ``word/header1.xml``...)."""

    part: str
    kind: StoryKind
    tree: Any  # lxml ElementTree, edited in place
    rel_id: str = ""  # the document's relationship id for a header or footer
    paragraphs: list[Paragraph] = field(default_factory=list)
    changed: bool = False


def parse(data: bytes) -> Any:
    """A part's XML as an lxml tree (entities and network off)."""
    return etree.parse(io.BytesIO(data), _PARSER)


def serialize(tree: Any) -> bytes:
    """The tree as bytes, with its original XML declaration (encoding, standalone)."""
    info = tree.docinfo
    out: bytes = etree.tostring(
        tree,
        xml_declaration=True,
        encoding=info.encoding or "UTF-8",
        standalone=info.standalone,
    )
    return out


def pieces(paragraph: Any) -> Iterator[Piece]:
    """The text-bearing pieces of a ``w:p``, in order; deleted text, field instructions and
    nested paragraphs (text boxes, which are paragraphs of their own) are left out."""
    for child in paragraph:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_INLINE:
            continue
        if tag == w("r"):
            yield from _run_pieces(child)
        else:  # hyperlink, ins, smartTag, sdt/sdtContent, fldSimple, customXml, moveTo...
            yield from pieces(child)


def _run_pieces(run: Any) -> Iterator[Piece]:
    for child in run:
        tag = child.tag
        if tag == w("t"):
            if child.text:
                yield Piece(run, child, child.text)
        elif tag in (w("tab"), w("ptab")):
            yield Piece(run, child, "\t")
        elif tag == w("br"):
            if child.get(w("type"), "textWrapping") == "textWrapping":
                yield Piece(run, child, "\n")
        elif tag == w("cr"):
            yield Piece(run, child, "\n")
        elif tag == w("noBreakHyphen"):
            yield Piece(run, child, "-")


def paragraph_text(paragraph: Any) -> str:
    return "".join(p.text for p in pieces(paragraph))


def read_paragraphs(story: Story) -> None:
    """Fill ``story.paragraphs``: every ``w:p`` in document order (a text box's paragraphs
    after the one holding it), skipping the fallback copies of drawings."""
    out = []
    for element in story.tree.getroot().iter(w("p")):
        ancestors = list(element.iterancestors())
        if any(a.tag == _MC_FALLBACK for a in ancestors):
            continue
        in_box = any(a.tag == _TXBX for a in ancestors)
        out.append(Paragraph(element, story, paragraph_text(element), in_box))
    story.paragraphs = out


@dataclass(frozen=True, slots=True)
class Relationship:
    rel_id: str
    type: str
    target: str  # the part name, resolved
    external: bool


def relationships(data: bytes | None, source_part: str) -> list[Relationship]:
    """The relationships of ``source_part`` from its ``_rels`` part's bytes."""
    if data is None:
        return []
    base = posixpath.dirname(source_part)
    out = []
    for rel in parse(data).getroot():
        if not isinstance(rel.tag, str):
            continue
        target = rel.get("Target", "")
        external = rel.get("TargetMode", "") == "External"
        if not external:
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
        out.append(Relationship(rel.get("Id", ""), rel.get("Type", ""), target, external))
    return out


def rels_part(part: str) -> str:
    """``word/document.xml`` -> ``word/_rels/document.xml.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def rel_kind(rel_type: str) -> str:
    """The last word of a relationship type (``footnotes``, ``header``, ``comments``)."""
    return rel_type.rsplit("/", 1)[-1]

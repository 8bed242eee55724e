"""Annotated copy of an ODT that is the original file plus highlights and comments.

Only ``content.xml`` is rewritten; every other entry (``mimetype`` first and stored,
styles, meta, settings, pictures, the manifest) keeps its stored bytes
(:mod:`reader.export.zipcopy`). A highlight is a ``text:span`` with an automatic text
style whose ``fo:background-color`` is the annotation's colour, wrapped around exactly the
annotated characters; a note is an ``office:annotation`` at the start of the words and an
``office:annotation-end`` after them. Text is found as in the DOCX copy: the package's own
paragraphs aligned with ``Document.text`` (:mod:`reader.export.docx_align`). Headers and
footers (in ``styles.xml``) are not annotated: a highlight there makes the copy refuse
with :class:`OriginalUnavailableError` (export as DOCX or PDF instead).
"""

from __future__ import annotations

import itertools
import logging
import threading
import zipfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.core.annotations import Annotation
from reader.core.document import Document
from reader.core.errors import ExportError
from reader.export.common import (
    Progress,
    atomic_output,
    check_cancel,
    color_hex,
    default_author,
    printable,
    report,
    top_color,
    usable_annotations,
)
from reader.export.docx_align import PackageText, Span, align, find_spans
from reader.export.docx_original import OriginalUnavailableError, check_coverage
from reader.export.docx_stories import Paragraph, Story, parse, serialize
from reader.export.request import ExportRequest
from reader.export.zipcopy import rewrite_zip

log = logging.getLogger(__name__)

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
DC = "http://purl.org/dc/elements/1.1/"
STYLE_PREFIX = "OqyrmanHighlight_"
_UNITS = {f"{{{TEXT}}}tab": "\t", f"{{{TEXT}}}line-break": "\n"}
_SKIPPED = {
    f"{{{TEXT}}}{n}" for n in ("note", "tracked-changes", "bookmark-ref", "soft-page-break")
} | {f"{{{OFFICE}}}annotation", f"{{{OFFICE}}}annotation-end"}
_WHITE = str.maketrans("\t\r\n", "   ")
_CHECK_EVERY = 64


def _t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def export_odt_original(
    document: Document,
    annotations: Sequence[Annotation],
    source_path: str | Path,
    out_path: str | Path,
    *,
    author: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Write ``source_path`` (the ODT ``document`` was loaded from) to ``out_path`` with
    highlights and comments; the same contract as
    :func:`reader.export.docx_original.export_docx_original`."""
    source, out = Path(source_path), Path(out_path)
    author = author or default_author()
    anns = usable_annotations(document, annotations)
    tree = _content(source)
    story = Story("content.xml", "body", tree)
    story.paragraphs = list(_paragraphs(story))
    text = PackageText.of([story])
    mapping = align(document.text, text.text)
    check_coverage(document.text, mapping, source)
    check_cancel(cancel)
    by_paragraph: dict[int, list[tuple[Span, Annotation]]] = defaultdict(list)
    for ann in anns:
        spans = find_spans(document.text, mapping, text, ann)
        if not spans:
            raise OriginalUnavailableError(
                f"{source.name} does not hold “{ann.exact[:40]}” in its body "
                "(headers and footers of an ODT are not annotated); export as DOCX or PDF"
            )
        for span in spans:
            by_paragraph[span.paragraph].append((span, ann))
    styles = _Styles(tree)
    ranges: dict[str, list[Any]] = defaultdict(list)  # annotation id -> its spans, in order
    for n, index in enumerate(sorted(by_paragraph)):
        if n % _CHECK_EVERY == 0:
            check_cancel(cancel)
            report(progress, n, len(by_paragraph))
        _mark(text.paragraphs[index].element, by_paragraph[index], styles, ranges)
    report(progress, len(by_paragraph), len(by_paragraph))
    for ann in anns:
        if ann.note.strip() and ranges.get(ann.id):
            _comment(ann, ranges[ann.id], author)
    check_cancel(cancel)
    with atomic_output(out) as tmp:
        rewrite_zip(source, tmp, {"content.xml": serialize(tree)}, stored_first="mimetype")
    log.info("annotated copy of %s written to %s (%d annotations)", source, out, len(anns))
    return out


def _content(source: Path) -> Any:
    try:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
            if not names or names[0] != "mimetype" or "content.xml" not in names:
                raise OriginalUnavailableError(f"{source.name} is not an OpenDocument text")
            data = archive.read("content.xml")
    except FileNotFoundError:
        raise OriginalUnavailableError(f"{source} is no longer there") from None
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise OriginalUnavailableError(f"{source.name} cannot be read ({exc})") from None
    try:
        return parse(data)
    except Exception as exc:  # lxml's XMLSyntaxError on an encrypted or broken part
        raise OriginalUnavailableError(f"{source.name} is encrypted or damaged ({exc})") from None


def _paragraphs(story: Story) -> Iterator[Paragraph]:
    """Every ``text:p`` and ``text:h`` in document order, but not those inside comments."""
    for element in story.tree.getroot().iter(_t("p"), _t("h")):
        if any(a.tag == f"{{{OFFICE}}}annotation" for a in element.iterancestors()):
            continue
        text = "".join(piece[2] for piece in _pieces(element))
        yield Paragraph(element, story, text, False)


Piece = tuple[Any, str, str]  # owner element, "text" | "tail" | "unit", characters


def _pieces(element: Any) -> Iterator[Piece]:
    """The characters of a paragraph as ODF lays them out: text nodes (white space one
    character each), ``text:s`` spaces, tabs and line breaks; notes and comments apart."""
    if element.text:
        yield element, "text", element.text.translate(_WHITE)
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            pass
        elif tag == _t("s"):
            yield child, "unit", " " * _count(child.get(_t("c")))
        elif tag in _UNITS:
            yield child, "unit", _UNITS[tag]
        elif tag not in (_t("p"), _t("h")):
            yield from _pieces(child)
        if child.tail:
            yield child, "tail", child.tail.translate(_WHITE)


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


class _Styles:
    """Automatic text styles with a background colour, one per colour used."""

    def __init__(self, tree: Any) -> None:
        root = tree.getroot()
        auto = root.find(f"{{{OFFICE}}}automatic-styles")
        if auto is None:
            auto = root.makeelement(f"{{{OFFICE}}}automatic-styles", {})
            body = root.find(f"{{{OFFICE}}}body")
            if body is None:
                raise OriginalUnavailableError("the ODT has no body")
            body.addprevious(auto)
        self.auto = auto
        self.names: dict[str, str] = {}

    def name(self, color: str) -> str:
        if color not in self.names:
            name = STYLE_PREFIX + color
            used = {s.get(f"{{{STYLE}}}name") for s in self.auto}
            while name in used:
                name += "_"
            style = self.auto.makeelement(
                f"{{{STYLE}}}style", {f"{{{STYLE}}}name": name, f"{{{STYLE}}}family": "text"}
            )
            props = style.makeelement(
                f"{{{STYLE}}}text-properties", {f"{{{FO}}}background-color": color_hex(color)}
            )
            style.append(props)
            self.auto.append(style)
            self.names[color] = name
        return self.names[color]


def _mark(
    paragraph: Any,
    marks: list[tuple[Span, Annotation]],
    styles: _Styles,
    ranges: dict[str, list[Any]],
) -> None:
    """Wrap each marked slice of the paragraph's text nodes in a highlighting span."""
    cuts = sorted({s.lo for s, _ in marks} | {s.hi for s, _ in marks})
    pos = 0
    for owner, kind, chars in list(_pieces(paragraph)):
        lo, hi = pos, pos + len(chars)
        pos = hi
        if kind == "unit" or hi <= cuts[0] or lo >= cuts[-1]:
            continue
        bounds = [lo, *(c for c in cuts if lo < c < hi), hi]
        original = owner.text if kind == "text" else owner.tail
        parts = []
        for a, b in itertools.pairwise(bounds):
            covering = [ann for s, ann in marks if s.lo <= a and s.hi >= b]
            parts.append((original[a - lo : b - lo], covering))
        _rebuild(owner, kind, parts, styles, ranges)


def _rebuild(
    owner: Any,
    kind: str,
    parts: list[tuple[str, list[Annotation]]],
    styles: _Styles,
    ranges: dict[str, list[Any]],
) -> None:
    if kind == "text":
        owner.text = None
    else:
        owner.tail = None
    prev = None
    for chars, covering in parts:
        color = top_color(covering)
        if color is None:
            if prev is not None:
                prev.tail = (prev.tail or "") + chars
            elif kind == "text":
                owner.text = (owner.text or "") + chars
            else:
                owner.tail = (owner.tail or "") + chars
            continue
        span = owner.makeelement(_t("span"), {_t("style-name"): styles.name(color)})
        span.text = chars
        if prev is not None:
            prev.addnext(span)
        elif kind == "text":
            owner.insert(0, span)
        else:
            owner.addnext(span)
        prev = span
        for ann in covering:
            ranges[ann.id].append(span)


def _comment(ann: Annotation, spans: list[Any], author: str) -> None:
    name = f"oqyrman-{ann.id}"
    first, last = spans[0], spans[-1]
    note = first.makeelement(f"{{{OFFICE}}}annotation", {f"{{{OFFICE}}}name": name})
    creator = note.makeelement(f"{{{DC}}}creator", {})
    creator.text = printable(author, " ")
    when = datetime.fromtimestamp(ann.modified or ann.created or datetime.now(UTC).timestamp(), UTC)
    date = note.makeelement(f"{{{DC}}}date", {})
    date.text = when.strftime("%Y-%m-%dT%H:%M:%S")
    note.extend([creator, date])
    for line in printable(ann.note, "\n").split("\n"):
        p = note.makeelement(_t("p"), {})
        p.text = line
        note.append(p)
    first.addprevious(note)
    end = last.makeelement(f"{{{OFFICE}}}annotation-end", {f"{{{OFFICE}}}name": name})
    end.tail, last.tail = last.tail, None  # the words after stay outside the range
    last.addnext(end)


def write(request: ExportRequest) -> Path:
    """The registry's entry point (reader.export.WRITERS): the original ODT plus comments;
    a source that cannot be annotated in place says why (export it as DOCX or PDF)."""
    source = request.source_path or request.document.path
    if not source:
        raise ExportError("An ODT copy needs the ODT file the document was opened from")
    try:
        return export_odt_original(
            request.document, request.annotations, source, request.out_path,
            author=request.author, progress=request.progress, cancel=request.cancel,
        )  # fmt: skip
    except OriginalUnavailableError as why:
        raise ExportError(f"{why}; export it as a DOCX or PDF copy instead") from None

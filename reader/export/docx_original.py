"""Annotated copy of a DOCX that is the original file plus highlights and Word comments.

The source package is copied entry by entry (:mod:`reader.export.zipcopy`); only the
stories holding highlighted text, the comments part, ``[Content_Types].xml`` and the
document's relationships are rewritten, and only when something in them changed. Each
annotation is found in the package's own XML (:mod:`reader.export.docx_align`), the runs
are split at its edges and highlighted (:mod:`reader.export.docx_marks`), and a note
becomes a comment anchored on those runs.

Word reads comment ranges only in the main story (MS-OI29500 2.1.315: it ignores
``w:commentRangeStart`` in headers, footers, text boxes, footnotes and endnotes). So text
there is highlighted in place and its note becomes a comment in the body, on the nearest
place that stands for it: the footnote's or endnote's reference mark, the run holding the
text box, or the start of the section whose header or footer it is. That comment quotes
the words and says where they are.
"""

from __future__ import annotations

import logging
import posixpath
import threading
import zipfile
from collections import defaultdict
from collections.abc import Sequence
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
    default_author,
    printable,
    report,
    usable_annotations,
)
from reader.export.docx_align import PackageText, Span, align, find_spans
from reader.export.docx_marks import Mark, Segment, comment_point, comment_range, mark_paragraph
from reader.export.docx_stories import (
    PKG_REL,
    REL_TYPES,
    STRICT_W,
    Paragraph,
    R,
    Story,
    W,
    parse,
    read_paragraphs,
    rel_kind,
    relationships,
    rels_part,
    serialize,
    w,
)
from reader.export.zipcopy import rewrite_zip

log = logging.getLogger(__name__)

#: Share of the document's letters and digits that must be found in the package for the
#: file on disk to count as the one the annotations were made on.
MIN_COVERAGE = 0.9
_MAX_PART = 256 * 1024 * 1024
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_LABELS = {"footnotes": "Footnote", "endnotes": "Endnote", "header": "Header", "footer": "Footer"}
_CHECK_EVERY = 64


class OriginalUnavailableError(ExportError):
    """The source DOCX cannot carry the annotations (changed, missing, strict OOXML);
    the caller falls back to a typeset copy."""


def export_docx_original(
    document: Document,
    annotations: Sequence[Annotation],
    source_path: str | Path,
    out_path: str | Path,
    *,
    author: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Write ``source_path`` (the DOCX ``document`` was loaded from) to ``out_path`` with
    ``annotations`` as highlights and comments. Raises :class:`OriginalUnavailableError`
    if the file no longer holds the document's text, :class:`ExportError` if it cannot be
    written; the output appears only when complete."""
    source, out = Path(source_path), Path(out_path)
    author = author or default_author()
    anns = usable_annotations(document, annotations)
    package = _Package(source)
    check_cancel(cancel)
    text = PackageText.of(package.stories)
    mapping = align(document.text, text.text)
    check_coverage(document.text, mapping, source)
    placed: list[tuple[Annotation, list[Span]]] = []
    for ann in anns:
        spans = find_spans(document.text, mapping, text, ann)
        if not spans:
            raise OriginalUnavailableError(
                f"{source.name} no longer holds the annotated words “{ann.exact[:40]}”"
            )
        placed.append((ann, spans))
    check_cancel(cancel)
    segments = _mark(text, placed, progress, cancel)
    _Comments(package, author).add(text, placed, segments)
    check_cancel(cancel)
    replaced, added = package.changed_parts()
    with atomic_output(out) as tmp:
        rewrite_zip(source, tmp, replaced, added)
    log.info("annotated copy of %s written to %s (%d annotations)", source, out, len(anns))
    return out


def check_coverage(text: str, mapping: Any, source: Path) -> None:
    import numpy as np

    wordy = sum(map(str.isalnum, text))
    if not wordy:
        return
    unmapped = np.flatnonzero(np.frombuffer(mapping, dtype=np.intc) < 0).tolist()
    found = wordy - sum(1 for i in unmapped if text[i].isalnum())
    if found < MIN_COVERAGE * wordy:
        raise OriginalUnavailableError(
            f"{source.name} has changed since it was opened "
            f"({100 * found // wordy}% of its text still matches)"
        )


def _mark(
    text: PackageText,
    placed: Sequence[tuple[Annotation, list[Span]]],
    progress: Progress | None,
    cancel: threading.Event | None,
) -> dict[int, list[Segment]]:
    """Split and highlight the runs of every paragraph with annotated text."""
    marks: dict[int, list[Mark]] = defaultdict(list)
    for ann, spans in placed:
        for span in spans:
            marks[span.paragraph].append(Mark(span.lo, span.hi, ann))
    out = {}
    for n, (index, paragraph_marks) in enumerate(sorted(marks.items())):
        if n % _CHECK_EVERY == 0:
            check_cancel(cancel)
            report(progress, n, len(marks))
        paragraph = text.paragraphs[index]
        out[index] = mark_paragraph(paragraph.element, paragraph_marks)
        paragraph.story.changed = True
    report(progress, len(marks), len(marks))
    return out


class _Package:
    """The source's parts that the copy may change, parsed; every other entry is copied."""

    def __init__(self, source: Path) -> None:
        self.source = source
        try:
            with zipfile.ZipFile(source) as archive:
                self.names = archive.namelist()
                self._read = {n: self._part(archive, n) for n in self._wanted(archive)}
        except FileNotFoundError:
            raise OriginalUnavailableError(f"{source} is no longer there") from None
        except (zipfile.BadZipFile, OSError) as exc:
            raise OriginalUnavailableError(f"{source.name} cannot be read ({exc})") from None
        main = self._main_part()
        self.main = main
        self.body = Story(main, "body", parse(self._get(main)))
        if self.body.tree.getroot().tag.startswith(f"{{{STRICT_W}}}"):
            raise OriginalUnavailableError(f"{source.name} is strict OOXML")
        if self.body.tree.getroot().tag != w("document"):
            raise OriginalUnavailableError(f"{source.name} has no Word document part")
        self.rels_name = rels_part(main)
        rels_data = self._read.get(self.rels_name)
        self.rels_tree = parse(rels_data) if rels_data is not None else None
        self.rels = relationships(rels_data, main)
        self.stories = [self.body, *self._other_stories()]
        for story in self.stories:
            read_paragraphs(story)
        self.content_types = parse(self._get("[Content_Types].xml"))
        self.rels_changed = self.types_changed = False
        self.comments_part = ""
        self.comments_tree: Any = None
        self.comments_new = False

    @staticmethod
    def _wanted(archive: zipfile.ZipFile) -> list[str]:
        return [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]

    @staticmethod
    def _part(archive: zipfile.ZipFile, name: str) -> bytes:
        info = archive.getinfo(name)
        if info.file_size > _MAX_PART or info.flag_bits & 0x1:
            raise OriginalUnavailableError(f"{name} is encrypted or too large to edit")
        return archive.read(info)

    def _get(self, name: str) -> bytes:
        data = self._read.get(name)
        if data is None:
            raise OriginalUnavailableError(f"{self.source.name} has no {name}")
        return data

    def _main_part(self) -> str:
        for rel in relationships(self._read.get("_rels/.rels"), ""):
            if rel_kind(rel.type) == "officeDocument" and not rel.external:
                return rel.target
        return "word/document.xml"

    def _other_stories(self) -> list[Story]:
        by_kind: dict[str, list[Story]] = defaultdict(list)
        for rel in self.rels:
            kind = rel_kind(rel.type)
            if kind in _LABELS and not rel.external and rel.target in self._read:
                story = Story(rel.target, kind, parse(self._read[rel.target]), rel.rel_id)  # type: ignore[arg-type]
                by_kind[kind].append(story)
        return [s for kind in ("footnotes", "endnotes", "header", "footer") for s in by_kind[kind]]

    def comments(self) -> Any:
        """The comments part's tree, made (with its relationship and type) if missing."""
        if self.comments_tree is not None:
            return self.comments_tree
        for rel in self.rels:
            if rel_kind(rel.type) == "comments" and rel.target in self._read:
                self.comments_part = rel.target
                self.comments_tree = parse(self._read[rel.target])
                return self.comments_tree
        folder = posixpath.dirname(self.main)
        name, n = posixpath.join(folder, "comments.xml"), 1
        while name in self.names:
            n += 1
            name = posixpath.join(folder, f"comments{n}.xml")
        self.comments_part, self.comments_new = name, True
        self.comments_tree = parse(f'<w:comments xmlns:w="{W}"/>'.encode())
        self._add_relationship(name)
        self._add_content_type(name)
        return self.comments_tree

    def _add_relationship(self, part: str) -> None:
        if self.rels_tree is None:
            self.rels_tree = parse(f'<Relationships xmlns="{PKG_REL}"/>'.encode())
        root = self.rels_tree.getroot()
        ids = {rel.get("Id") for rel in root}
        n = len(ids) + 1
        while f"rId{n}" in ids:
            n += 1
        target = posixpath.relpath(part, posixpath.dirname(self.main) or ".")
        attrib = {"Id": f"rId{n}", "Type": REL_TYPES + "comments", "Target": target}
        root.append(root.makeelement(f"{{{PKG_REL}}}Relationship", attrib))
        self.rels_changed = True

    def _add_content_type(self, part: str) -> None:
        root = self.content_types.getroot()
        name = "/" + part
        if any(o.get("PartName", "").lower() == name.lower() for o in root):
            return
        attrib = {"PartName": name, "ContentType": _COMMENTS_TYPE}
        root.append(root.makeelement(f"{{{_CT}}}Override", attrib))
        self.types_changed = True

    def changed_parts(self) -> tuple[dict[str, bytes], list[tuple[str, bytes]]]:
        replaced = {s.part: serialize(s.tree) for s in self.stories if s.changed}
        added: list[tuple[str, bytes]] = []
        if self.comments_tree is not None:
            data = serialize(self.comments_tree)
            if self.comments_new:
                added.append((self.comments_part, data))
            else:
                replaced[self.comments_part] = data
        if self.rels_changed and self.rels_tree is not None:
            if self.rels_name in self.names:
                replaced[self.rels_name] = serialize(self.rels_tree)
            else:
                added.append((self.rels_name, serialize(self.rels_tree)))
        if self.types_changed:
            replaced["[Content_Types].xml"] = serialize(self.content_types)
        return replaced, added


class _Comments:
    """Adds a Word comment for every annotation with a note."""

    def __init__(self, package: _Package, author: str) -> None:
        self.package = package
        self.author = author
        self.initials = "".join(p[0] for p in author.split()[:3]).upper() or author[:2].upper()
        self.next_id = -1

    def add(
        self,
        text: PackageText,
        placed: Sequence[tuple[Annotation, list[Span]]],
        segments: dict[int, list[Segment]],
    ) -> None:
        for ann, spans in placed:
            if not ann.note.strip():
                continue
            first = text.paragraphs[spans[0].paragraph]
            if first.story.kind == "body" and not first.in_text_box:
                same = [s for s in spans if self._in_main(text.paragraphs[s.paragraph])]
                cid = self._new_comment(ann, ann.note)
                comment_range(
                    _first_run(segments[same[0].paragraph], same[0]),
                    _last_run(segments[same[-1].paragraph], same[-1]),
                    cid,
                )
            else:
                where = "Text box" if first.in_text_box else _LABELS[first.story.kind]
                quoted = " ".join(ann.exact.split())
                quoted = quoted if len(quoted) <= 80 else quoted[:79] + "…"
                cid = self._new_comment(ann, f"{where}: “{quoted}”\n{ann.note}")
                self._anchor_in_body(first, cid)
            self.package.body.changed = True

    @staticmethod
    def _in_main(paragraph: Paragraph) -> bool:
        return paragraph.story.kind == "body" and not paragraph.in_text_box

    def _new_comment(self, ann: Annotation, note: str) -> int:
        tree = self.package.comments()
        root = tree.getroot()
        if self.next_id < 0:
            self.next_id = self._first_free_id(root)
        cid, self.next_id = self.next_id, self.next_id + 1
        when = datetime.fromtimestamp(
            ann.modified or ann.created or datetime.now(UTC).timestamp(), UTC
        )
        comment = root.makeelement(
            w("comment"),
            {
                w("id"): str(cid),
                w("author"): printable(self.author, " "),
                w("date"): when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                w("initials"): printable(self.initials, " "),
            },
        )
        for n, line in enumerate(printable(note, "\n").split("\n")):
            p = comment.makeelement(w("p"), {})
            if n == 0:
                ref = p.makeelement(w("r"), {})
                ref.append(ref.makeelement(w("annotationRef"), {}))
                p.append(ref)
            run = p.makeelement(w("r"), {})
            t = run.makeelement(w("t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
            t.text = line
            run.append(t)
            p.append(run)
            comment.append(p)
        root.append(comment)
        return cid

    def _first_free_id(self, comments_root: Any) -> int:
        ids = [c.get(w("id"), "") for c in comments_root.iter(w("comment"))]
        for story in self.package.stories:
            for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
                ids.extend(e.get(w("id"), "") for e in story.tree.getroot().iter(w(tag)))
        numbers = [int(i) for i in ids if i.lstrip("-").isdigit()]
        return max(numbers, default=-1) + 1

    def _anchor_in_body(self, paragraph: Paragraph, cid: int) -> None:
        """A comment in the body for text of a story Word keeps no comments in."""
        body = self.package.body
        if paragraph.in_text_box and paragraph.story.kind == "body":
            holder = _outer_run(paragraph.element)
            if holder is not None:
                comment_range(holder, holder, cid)
                return
        kind = paragraph.story.kind
        if kind in ("footnotes", "endnotes"):
            ref = _note_reference(body, paragraph.element, kind)
            if ref is not None:
                comment_range(ref, ref, cid)
                return
        comment_point(_section_start(body, paragraph.story.rel_id), cid)


def _first_run(segments: list[Segment], span: Span) -> Any:
    return next(s.run for s in segments if s.hi > span.lo and s.lo < span.hi)


def _last_run(segments: list[Segment], span: Span) -> Any:
    return [s.run for s in segments if s.hi > span.lo and s.lo < span.hi][-1]


def _outer_run(element: Any) -> Any:
    """The outermost run holding ``element`` (the body run that holds a text box)."""
    found = None
    for ancestor in element.iterancestors(w("r")):
        found = ancestor
    return found


def _note_reference(body: Story, paragraph: Any, kind: str) -> Any:
    note = next(paragraph.iterancestors(w(kind[:-1])), None)
    if note is None:
        return None
    ident = note.get(w("id"))
    tag = w("footnoteReference" if kind == "footnotes" else "endnoteReference")
    for ref in body.tree.getroot().iter(tag):
        if ref.get(w("id")) == ident:
            run = ref.getparent()
            return run if _outer_run(run) is None else _outer_run(run)
    return None


def _section_start(body: Story, rel_id: str) -> Any:
    """The first paragraph of the first section whose header or footer is ``rel_id``
    (the body's first paragraph when no section names it)."""
    main = [p.element for p in body.paragraphs if not p.in_text_box]
    if not main:
        raise OriginalUnavailableError("the document has no paragraph to hold a comment")
    first = 0
    for i, element in enumerate(main):
        sect = element.find(f"{w('pPr')}/{w('sectPr')}")
        if sect is not None:
            if _names(sect, rel_id):
                return main[first]
            first = min(i + 1, len(main) - 1)
    last = body.tree.getroot().find(f"{w('body')}/{w('sectPr')}")
    return main[first] if last is not None and _names(last, rel_id) else main[0]


def _names(sect: Any, rel_id: str) -> bool:
    refs = sect.iter(w("headerReference"), w("footerReference"))
    return any(ref.get(f"{{{R}}}id") == rel_id for ref in refs)

"""Word (DOCX): the whole document as Word shows it, in its form.

The headers (each once), then the body (paragraphs, lists with their numbers, tables with
merged cells, text boxes, tracked insertions, content controls, equations' text, images),
each section followed by its footnotes, then the footers, then the endnotes, notes in the
order they are referred to (see :mod:`.docx_body`). The archive is checked by
:class:`SafeZip` (sizes, ratios, entity declarations) and every part parsed with the safe
XML parser.
"""

import logging
import posixpath
from pathlib import Path
from typing import Any

from reader.core.document import Document
from reader.core.errors import QT_TRANSLATE_NOOP, ReaderError
from reader.core.loaders.base import LoadContext, corrupt, default_title
from reader.core.loaders.docx_body import Story, walk_blocks
from reader.core.loaders.docx_parts import Numbering, R, W, read_styles, rels_of
from reader.core.loaders.rich import RichBuilder
from reader.core.loaders.xmlsafe import local_name, parse_xml
from reader.core.loaders.zipsafe import SafeZip

log = logging.getLogger(__name__)

_OFFICE_DOCUMENT = "officeDocument/2006/relationships/officeDocument"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_P, _SECTION_END = f"{W}p", f"{W}pPr/{W}sectPr"


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
            builder, title = _read(archive, path, ctx)
        except ReaderError:
            raise
        except RecursionError:
            raise corrupt(
                path, QT_TRANSLATE_NOOP("ReaderError", "is nested too deeply to display")
            ) from None
        except Exception as exc:  # a hostile file: any failure means "corrupt"
            log.info("DOCX reading failed on %s", path, exc_info=True)
            first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP("ReaderError", "is a damaged Word document ({reason})"),
                reason=first,
            ) from None
    return builder.document(
        title=" ".join(title.split()) or default_title(path), format="docx", path=str(path)
    )


def _read(archive: SafeZip, path: Path, ctx: LoadContext) -> tuple[RichBuilder, str]:
    cache: dict[str, Any] = {}

    def read(name: str) -> Any | None:
        if name not in cache:
            cache[name] = (
                parse_xml(archive.read(name), path, "Word XML") if archive.has(name) else None
            )
        return cache[name]

    main = _main_part(read)
    document = read(main)
    if document is None:
        raise corrupt(path, f"is not a complete DOCX file ({main} missing)")
    rels = rels_of(main, read)
    by_type = _targets_by_type(main, read)
    builder = RichBuilder()
    story = Story(
        builder,
        read_styles(read(by_type.get("styles", "word/styles.xml"))),
        Numbering(read(by_type.get("numbering", "word/numbering.xml"))),
        rels,
        ctx.check,
    )
    body = document.find(f"{W}body")
    headers, footers = _header_footer_parts(document, rels)
    for part in headers:
        _walk_part(part, story, read)
    written: set[str] = set()
    if body is not None:
        children = list(body)
        for done, child in enumerate(children, 1):
            walk_blocks([child], story)
            if child.tag == _P and child.find(_SECTION_END) is not None:
                _notes(story, read, by_type, ("footnote",), written)  # the section's
            if done % 200 == 0:
                ctx.check()
                ctx.progress(done, len(children))
    for part in footers:
        _walk_part(part, story, read)
    _notes(story, read, by_type, ("footnote", "endnote"), written)
    return builder, _title(read("docProps/core.xml"))


def _main_part(read: Any) -> str:
    root = read("_rels/.rels")
    if root is not None:
        for rel in root.iter(f"{_REL}Relationship"):
            if str(rel.get("Type", "")).endswith(_OFFICE_DOCUMENT):
                return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml"


def _targets_by_type(main: str, read: Any) -> dict[str, str]:
    folder, name = posixpath.split(main)
    root = read(posixpath.join(folder, "_rels", name + ".rels"))
    out: dict[str, str] = {}
    if root is None:
        return out
    for rel in root.iter(f"{_REL}Relationship"):
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        target = str(rel.get("Target", ""))
        if rel.get("TargetMode") != "External":
            out.setdefault(kind, posixpath.normpath(posixpath.join(folder, target)))
    return out


def _header_footer_parts(
    document: Any, rels: dict[str, tuple[str, bool]]
) -> tuple[list[str], list[str]]:
    """Header and footer parts in the order the sections name them, each once."""
    headers: list[str] = []
    footers: list[str] = []
    for sect in document.iter(f"{W}sectPr"):
        for ref in sect:
            name = ref.tag
            if name not in (f"{W}headerReference", f"{W}footerReference"):
                continue
            target = rels.get(str(ref.get(f"{R}id")))
            if target is None or target[1]:
                continue
            wanted = headers if name == f"{W}headerReference" else footers
            if target[0] not in wanted and target[0] not in headers + footers:
                wanted.append(target[0])
    return headers, footers


def _walk_part(part: str, story: Story, read: Any) -> None:
    root = read(part)
    if root is None:
        return
    if not any((t.text or "").strip() for t in root.iter(f"{W}t")):
        return  # an empty header: nothing a reader sees
    saved = story.rels
    story.rels = rels_of(part, read)
    walk_blocks(root, story)
    story.rels = saved


def _notes(
    story: Story, read: Any, by_type: dict[str, str], kinds: tuple[str, ...], written: set[str]
) -> None:
    """The text of each note referred to and not ``written`` yet, in the order of the
    references: footnotes at the end of their section, endnotes (and the rest) at the end."""
    parts = {
        "footnote": by_type.get("footnotes", "word/footnotes.xml"),
        "endnote": by_type.get("endnotes", "word/endnotes.xml"),
    }
    for kind in kinds:
        root = read(parts[kind])
        if root is None:
            continue
        notes = {str(n.get(f"{W}id")): n for n in root.iter(f"{W}{kind}")}
        saved = story.rels
        story.rels = rels_of(parts[kind], read)
        done = 0
        while done < len(story.note_refs):  # a note may refer to another
            ref_kind, note_id = story.note_refs[done]
            done += 1
            note = notes.get(note_id)
            if (
                f"{ref_kind}:{note_id}" in written
                or ref_kind != kind
                or note is None
                or note.get(f"{W}type")
                in ("separator", "continuationSeparator", "continuationNotice")
            ):
                continue
            written.add(f"{kind}:{note_id}")
            story.builder.begin_note(f"{kind}:{note_id}")
            walk_blocks(note, story)
            story.builder.end_note()
        story.rels = saved


def _title(core: Any | None) -> str:
    if core is None:
        return ""
    for element in core.iter():
        if local_name(element) == "title" and "purl.org/dc" in str(element.tag):
            return "".join(element.itertext()).strip()
    return ""

"""Annotated DOCX copies: headings and paragraphs kept, highlights as Word highlight colours,
notes as real Word comments anchored to the highlighted text (python-docx 1.2+).

Overlapping annotations are handled by cutting runs at every annotation boundary; each
comment spans from the first to the last run of its annotation, across paragraphs too.

Font: Arial, set for every script slot (ascii, hAnsi, cs, eastAsia) on the default run
properties and the styles we use. Arial has every Kazakh Cyrillic letter and is on every
Windows and macOS machine; LibreOffice substitutes the metric-compatible Liberation Sans
(which has them too) or fontconfig's match. A font Word does not have (Noto Sans on
Windows) would be substituted silently, sometimes by one without Ә Ғ Қ Ң Ө Ұ Ү Һ І.
"""

from __future__ import annotations

import colorsys
import logging
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.annotations import COLORS, Annotation
from reader.core.document import Block, Document, paragraph_blocks
from reader.export.common import (
    IndexWording,
    Progress,
    atomic_output,
    check_cancel,
    color_hex,
    index_entries,
    index_line,
    pieces,
    printable,
    report,
    top_color,
)
from reader.export.common import usable_annotations as _usable
from reader.export.request import ExportRequest

if TYPE_CHECKING:  # the ner package loads the recogniser; only its types are needed
    from reader.core.ner.entities import Entity

log = logging.getLogger(__name__)

FONT = "Arial"
STYLES = ("Normal", "Title", "List Bullet", *(f"Heading {n}" for n in range(1, 7)))
_CHECK_EVERY = 64  # blocks between cancellation checks and progress reports


def export_docx(request: ExportRequest) -> Path:
    """Write ``request.document`` as DOCX with highlights and a Word comment for every note.

    A document loaded from a DOCX that is still on disk (and still holds its text) is
    copied as that file with the highlights and comments added; the entity index is then
    left out (it would change the original's body). Any other document is typeset anew.

    ``request.entities`` adds an index (entity, label, number of mentions) at the end. Same
    progress/cancel contract as :func:`reader.export.pdf.export_pdf`; the file appears
    only when complete.
    """
    source = _original_source(request.document)
    if source is not None:
        from reader.export.docx_original import OriginalUnavailableError, export_docx_original

        try:
            return export_docx_original(
                request.document, request.annotations, source, request.out_path,
                author=request.author, progress=request.progress, cancel=request.cancel,
            )  # fmt: skip
        except OriginalUnavailableError as why:
            log.warning("annotated copy typeset anew, not the original DOCX: %s", why)
    import docx

    document, author, cancel = request.document, request.author, request.cancel

    anns = _usable(document, request.annotations)
    word = docx.Document()
    _use_font(word)
    word.core_properties.title = document.title
    word.core_properties.author = author
    word.core_properties.last_modified_by = author
    anchors = _write_body(word, document, anns, request.progress, cancel)
    _add_comments(word, anns, anchors, author)
    if request.entities:
        _write_index(word, request.entities, request.wording, dates=request.index_dates)
    check_cancel(cancel)
    out = request.out_path
    with atomic_output(out) as tmp:
        word.save(str(tmp))
    log.info("exported %s (%d annotations)", out, len(anns))
    return out


def _original_source(document: Document) -> Path | None:
    """The DOCX ``document`` was loaded from, if it is still there: the copy is then that
    file plus comments (:mod:`reader.export.docx_original`)."""
    if document.format != "docx" or not document.path:
        return None
    path = Path(document.path)
    return path if path.is_file() else None


write = export_docx  # the registry's entry point (reader.export.WRITERS)


def _write_body(
    word: Any,
    document: Document,
    anns: Sequence[Annotation],
    progress: Progress | None,
    cancel: threading.Event | None,
) -> dict[str, tuple[Any, Any]]:
    """Add every block; return each annotation's first and last run."""
    text = document.text
    blocks = document.blocks or tuple(paragraph_blocks(text))
    anchors: dict[str, tuple[Any, Any]] = {}
    active: list[Annotation] = []  # started before this block's end, not yet ended
    upcoming = 0  # anns is sorted by start: the next one not yet in ``active``
    for i, block in enumerate(blocks):
        if i % _CHECK_EVERY == 0:
            check_cancel(cancel)
            report(progress, i, len(blocks))
        while upcoming < len(anns) and anns[upcoming].start < block.end:
            active.append(anns[upcoming])
            upcoming += 1
        active = [a for a in active if a.end > block.start]
        para = _paragraph(word, block)
        for piece in pieces(block.start, block.end, active):
            runs = _add_runs(para, text[piece.start : piece.end])
            color = top_color(piece.covering)
            for run in runs:
                if color is not None:
                    run.font.highlight_color = word_highlight(color)
            for ann in piece.covering:
                first = anchors[ann.id][0] if ann.id in anchors else runs[0]
                anchors[ann.id] = (first, runs[-1])
    report(progress, len(blocks), len(blocks))
    return anchors


def _add_comments(
    word: Any, anns: Sequence[Annotation], anchors: dict[str, tuple[Any, Any]], author: str
) -> None:
    """A Word comment for every note, spanning its annotation's first to last run."""
    for ann in anns:
        if not ann.note.strip() or ann.id not in anchors:
            continue
        first, last = anchors[ann.id]
        comment = word.add_comment(
            [first, last], text=ann.note, author=author, initials=_initials(author)
        )
        if ann.modified or ann.created:  # the note's own time, not the export's
            when = datetime.fromtimestamp(ann.modified or ann.created, UTC)
            comment._comment_elm.date = when.replace(microsecond=0)


def _paragraph(word: Any, block: Block) -> Any:
    if block.kind == "heading":
        return word.add_heading(level=block.level)
    if block.kind == "list_item":
        return word.add_paragraph(style="List Bullet")
    return word.add_paragraph()


def _add_runs(para: Any, text: str) -> list[Any]:
    """Runs for ``text``; a newline inside a paragraph becomes a line break."""
    runs = []
    for j, line in enumerate(printable(text, "\n").split("\n")):
        run = para.add_run()
        if j:
            run.add_break()
        run.add_text(line)
        runs.append(run)
    return runs


def _write_index(
    word: Any, entities: Sequence[Entity], wording: IndexWording, *, dates: bool = False
) -> None:
    heading = word.add_heading(wording.title, level=1)
    heading.paragraph_format.page_break_before = True
    for entry in index_entries(entities, dates=dates):
        word.add_paragraph(index_line(entry, wording))


# -- colours ----------------------------------------------------------------------------------
def word_highlight(color: str) -> Any:
    """The Word highlight colour (WD_COLOR_INDEX) standing for one of our colour names.

    Word has 16 highlight colours; our five map to distinct light ones, each the nearest in
    hue still free (so orange, nearest to yellow, becomes red rather than merge with it).
    """
    from docx.enum.text import WD_COLOR_INDEX

    return getattr(WD_COLOR_INDEX, _palette().get(color) or _nearest(color_hex(color)))


_WORD_COLORS = {  # light, readable-under-black-text Word highlight colours and their hue
    "YELLOW": "#ffff00",
    "BRIGHT_GREEN": "#00ff00",
    "TURQUOISE": "#00ffff",
    "PINK": "#ff00ff",
    "RED": "#ff0000",
}
_PALETTE: dict[str, str] = {}


def _hue(hex_color: str) -> float:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def _hue_distance(a: str, b: str) -> float:
    d = abs(_hue(a) - _hue(b)) % 360
    return min(d, 360 - d)


def _nearest(hex_color: str) -> str:
    return min(_WORD_COLORS, key=lambda name: _hue_distance(hex_color, _WORD_COLORS[name]))


def _palette() -> dict[str, str]:
    """Our colour names matched one to one to Word colours, closest pairs first."""
    if not _PALETTE:
        pairs = sorted(
            (_hue_distance(ours, theirs), name, word)
            for name, ours in COLORS.items()
            for word, theirs in _WORD_COLORS.items()
        )
        for _, name, word in pairs:
            if name not in _PALETTE and word not in _PALETTE.values():
                _PALETTE[name] = word
    return _PALETTE


# -- fonts ------------------------------------------------------------------------------------
def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _use_font(word: Any) -> None:
    """Arial for every script slot, in the defaults and in the styles we use."""
    styles = word.styles.element
    defaults = styles.find(_qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{_qn('w:rPrDefault')}/{_qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr)
    for name in STYLES:
        try:
            style = word.styles[name]
        except KeyError:
            continue
        _set_fonts(style.element.get_or_add_rPr())


def _set_fonts(rpr: Any) -> None:
    rfonts = rpr.find(_qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(_qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        rfonts.set(_qn(f"w:{slot}"), FONT)
    for theme in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        rfonts.attrib.pop(_qn(f"w:{theme}"), None)


def _initials(author: str) -> str:
    return "".join(part[0] for part in author.split()[:3]).upper() or author[:2].upper()

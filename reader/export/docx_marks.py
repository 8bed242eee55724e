"""Marks inside a paragraph of the original WordprocessingML: runs split at an annotation's
edges (each part keeping the run's ``w:rPr``), highlight or shading on the covered parts,
and comment ranges with their reference run.

The paragraph's text never changes: splitting moves characters between runs and the marks
added (``w:commentRangeStart/End``, a run holding only ``w:commentReference``) carry none.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.annotations import Annotation
from reader.export.common import color_hex, top_color
from reader.export.docx_stories import pieces, w

#: Our colours that Word has a highlight colour for (ST_HighlightColor); the others
#: (orange, which Word only has as dark red) become shading with their own colour.
HIGHLIGHTS = {"yellow": "yellow", "green": "green", "blue": "cyan", "pink": "magenta"}

#: CT_RPr's child order (ECMA-376 Part 1, 17.3.2.28): Word rejects other orders.
_RPR_TAGS = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
_RPR_ORDER = {w(tag): rank for rank, tag in enumerate(_RPR_TAGS.split(" "))}
_LAST = 1000  # w:rPrChange, always last
_UNKNOWN = 999  # extensions (w14:...) after the known ones


@dataclass(frozen=True, slots=True)
class Mark:
    """Characters ``[lo, hi)`` of one paragraph covered by ``annotation``."""

    lo: int
    hi: int
    annotation: Annotation


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the edited paragraph and the characters ``[lo, hi)`` it now holds."""

    run: Any
    lo: int
    hi: int


def mark_paragraph(paragraph: Any, marks: Sequence[Mark]) -> list[Segment]:
    """Split the runs of ``paragraph`` at the marks' edges and highlight what they cover;
    return the runs now covering marked text, in order."""
    cuts = sorted({m.lo for m in marks} | {m.hi for m in marks})
    lo_all, hi_all = cuts[0], cuts[-1]
    spans: list[tuple[Any, int, int, list[tuple[Any, int]]]] = []  # run, lo, hi, pieces
    pos = 0
    for piece in pieces(paragraph):
        n = len(piece.text)
        if spans and spans[-1][0] is piece.run:
            run, lo, _, items = spans[-1]
            spans[-1] = (run, lo, pos + n, items)
        else:
            items = []
            spans.append((piece.run, pos, pos + n, items))
        items.append((piece.element, pos))
        pos += n
    segments: list[Segment] = []
    for run, lo, hi, _ in spans:
        if hi <= lo_all or lo >= hi_all:
            continue
        inner = [c for c in cuts if lo < c < hi]
        parts = _split_run(run, lo, hi, inner) if inner else [Segment(run, lo, hi)]
        segments.extend(s for s in parts if s.lo < hi_all and s.hi > lo_all)
    for seg in segments:
        covering = [m.annotation for m in marks if m.lo <= seg.lo and m.hi >= seg.hi]
        color = top_color(covering)
        if color is not None:
            set_color(seg.run, color)
    return segments


def _split_run(run: Any, lo: int, hi: int, cuts: list[int]) -> list[Segment]:
    """Replace ``run`` (characters ``[lo, hi)``) by one run per part between ``cuts``."""
    bounds = [lo, *cuts, hi]
    rpr = run.find(w("rPr"))
    new_runs = []
    for _ in range(len(bounds) - 1):
        part = run.makeelement(run.tag, dict(run.attrib))
        if rpr is not None:
            part.append(copy.deepcopy(rpr))
        new_runs.append(part)

    def part_of(offset: int) -> int:
        for k in range(len(bounds) - 2, -1, -1):
            if offset >= bounds[k]:
                return k
        return 0

    pos = lo
    for child in list(run):
        if child is rpr:
            continue
        text = _text_of(child)
        if not text:  # carries no text: stays with what precedes it
            new_runs[part_of(max(pos - 1, lo))].append(child)
            continue
        if child.tag == w("t") and part_of(pos) != part_of(pos + len(text) - 1):
            for k in range(part_of(pos), part_of(pos + len(text) - 1) + 1):
                a, b = max(bounds[k], pos) - pos, min(bounds[k + 1], pos + len(text)) - pos
                new_runs[k].append(_text_element(child, text[a:b]))
        else:
            new_runs[part_of(pos)].append(child)
        pos += len(text)
    parent = run.getparent()
    at = parent.index(run)
    tail = run.tail
    parent.remove(run)
    for k, part in enumerate(new_runs):
        parent.insert(at + k, part)
    new_runs[-1].tail = tail
    return [Segment(r, bounds[k], bounds[k + 1]) for k, r in enumerate(new_runs)]


def _text_of(child: Any) -> str:
    """What a run child contributes to the text (as :func:`pieces` reads it)."""
    tag = child.tag
    if tag == w("t"):
        return str(child.text or "")
    if tag in (w("tab"), w("ptab"), w("noBreakHyphen"), w("cr")):
        return "x"
    if tag == w("br"):
        return "x" if child.get(w("type"), "textWrapping") == "textWrapping" else ""
    return ""


def _text_element(original: Any, text: str) -> Any:
    el = original.makeelement(original.tag, dict(original.attrib))
    el.text = text
    el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el


def set_color(run: Any, color: str) -> None:
    """``w:highlight`` for colours Word has, else ``w:shd`` with our colour's fill."""
    rpr = run.find(w("rPr"))
    if rpr is None:
        rpr = run.makeelement(w("rPr"), {})
        run.insert(0, rpr)
    name = HIGHLIGHTS.get(color)
    if name is not None:
        _put(rpr, w("highlight"), {w("val"): name})
    else:
        old = rpr.find(w("highlight"))
        if old is not None:  # Word paints a highlight over shading
            rpr.remove(old)
        fill = color_hex(color).lstrip("#").upper()
        _put(rpr, w("shd"), {w("val"): "clear", w("color"): "auto", w("fill"): fill})


def _rank(tag: Any) -> int:
    if tag == w("rPrChange"):
        return _LAST
    return _RPR_ORDER.get(tag, _UNKNOWN) if isinstance(tag, str) else _UNKNOWN


def _put(rpr: Any, tag: str, attrib: dict[str, str]) -> None:
    """Set the ``tag`` child of ``rpr`` (replacing one there), at its place in the order."""
    old = rpr.find(tag)
    if old is not None:
        rpr.remove(old)
    new = rpr.makeelement(tag, attrib)
    rank = _rank(tag)
    for i, child in enumerate(rpr):
        if _rank(child.tag) > rank:
            rpr.insert(i, new)
            return
    rpr.append(new)


# -- comment anchors -------------------------------------------------------------------
def comment_range(first_run: Any, last_run: Any, comment_id: int) -> None:
    """``w:commentRangeStart`` before ``first_run``, ``w:commentRangeEnd`` after
    ``last_run``, and the reference run after the paragraph-level element holding it."""
    cid = {w("id"): str(comment_id)}
    first_run.addprevious(first_run.makeelement(w("commentRangeStart"), cid))
    end = last_run.makeelement(w("commentRangeEnd"), cid)
    last_run.addnext(end)
    holder = end
    while holder.getparent() is not None and holder.getparent().tag != w("p"):
        holder = holder.getparent()
    holder.addnext(reference_run(last_run, comment_id))


def comment_point(paragraph: Any, comment_id: int) -> None:
    """A comment anchored at the start of ``paragraph`` (after its properties)."""
    cid = {w("id"): str(comment_id)}
    at = 1 if len(paragraph) and paragraph[0].tag == w("pPr") else 0
    paragraph.insert(at, paragraph.makeelement(w("commentRangeStart"), cid))
    paragraph.insert(at + 1, paragraph.makeelement(w("commentRangeEnd"), cid))
    paragraph.insert(at + 2, reference_run(paragraph, comment_id))


def reference_run(near: Any, comment_id: int) -> Any:
    run = near.makeelement(w("r"), {})
    run.append(run.makeelement(w("commentReference"), {w("id"): str(comment_id)}))
    return run

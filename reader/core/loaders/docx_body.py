"""Walks a WordprocessingML story (body, header, footer, note) into a :class:`RichBuilder`.

What Word shows is what we take: tracked insertions as accepted text (``w:ins``,
``w:moveTo``), deletions dropped (``w:del``, ``w:moveFrom``), content controls
(``w:sdt``) and custom XML opened, field results kept and field codes dropped, text boxes
(``w:txbxContent``) as paragraphs after the one that anchors them, equations as the text of
their ``m:t``, pictures as images, note references as notes.
"""

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.core.loaders.docx_parts import Numbering, R, Styles, W, num_of
from reader.core.loaders.rich import RichBuilder
from reader.core.structure import NoteKind, SpanKind

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_V = "urn:schemas-microsoft-com:vml"
_TRANSPARENT = frozenset(
    {f"{W}ins", f"{W}moveTo", f"{W}smartTag", f"{W}customXml", f"{W}fldSimple", f"{W}dir",
     f"{W}bdo"}
)  # fmt: skip
_DROPPED = frozenset({f"{W}del", f"{W}moveFrom", f"{W}proofErr", f"{W}bookmarkStart"})
_EMU_PER_PT = 12700


@dataclass(slots=True)
class Story:
    """The package around the story being walked."""

    builder: RichBuilder
    styles: Styles
    numbering: Numbering
    rels: dict[str, tuple[str, bool]]
    check: Callable[[], None]
    note_refs: list[tuple[NoteKind, str]] = field(default_factory=list)  # in reading order
    boxes: list[Any] = field(default_factory=list)  # text boxes waiting for their paragraph


def walk_blocks(container: Any, story: Story, quote: int = 0) -> None:
    """Paragraphs and tables of ``container`` (a body, cell, note, header or text box)."""
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            _paragraph(child, story, quote)
        elif tag == f"{W}tbl":
            story.check()
            _table(child, story)
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                walk_blocks(content, story, quote)
        elif tag in _TRANSPARENT or tag == f"{_MC}AlternateContent":
            walk_blocks(_chosen(child), story, quote)


def _chosen(element: Any) -> Any:
    """mc:AlternateContent shows its first mc:Choice (the Fallback repeats it)."""
    if element.tag != f"{_MC}AlternateContent":
        return element
    choice = element.find(f"{_MC}Choice")
    return choice if choice is not None else (element.find(f"{_MC}Fallback") or [])


def _paragraph(p: Any, story: Story, quote: int) -> None:
    b = story.builder
    ppr = p.find(f"{W}pPr")
    style_el = ppr.find(f"{W}pStyle") if ppr is not None else None
    style = story.styles.get(style_el.get(f"{W}val") if style_el is not None else None)
    kind, level, num = style.kind, style.level, style.num
    numpr = ppr.find(f"{W}numPr") if ppr is not None else None
    if numpr is not None:
        num = num_of(numpr)
    outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
    if outline is not None and (value := outline.get(f"{W}val", "9")).isdigit() and int(value) < 9:
        kind, level = "heading", min(int(value) + 1, 6)
    label = ""
    if num is not None and num[0] != "0":
        label = story.numbering.label(num[0], num[1])
        if kind == "paragraph":
            kind, level = "list_item", num[1] + 1
    _inline(p, story, set())
    b.end(kind, level, label, quote + style.quote)  # type: ignore[arg-type]
    boxes, story.boxes = story.boxes, []
    for box in boxes:
        walk_blocks(box, story, quote)


def _inline(element: Any, story: Story, styles: set[SpanKind], href: str = "") -> None:
    field_depth = 0  # inside a complex field's instructions (before w:separate)
    stack: list[bool] = []
    for child in element:
        tag = child.tag
        if tag == f"{W}r":
            for kind in _fld_chars(child):
                if kind == "begin":
                    stack.append(True)
                elif kind == "separate" and stack:
                    stack[-1] = False
                elif kind == "end" and stack:
                    stack.pop()
            field_depth = sum(stack)
            if not field_depth:
                _run(child, story, styles, href)
        elif tag == f"{W}hyperlink":
            target = _href(child, story)
            _inline(child, story, styles, target or href)
        elif tag in _TRANSPARENT:
            _inline(child, story, styles, href)
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                _inline(content, story, styles, href)
        elif tag in (f"{_M}oMath", f"{_M}oMathPara"):
            story.builder.run("".join(t.text or "" for t in child.iter(f"{_M}t")), styles, href)
        elif tag == f"{_MC}AlternateContent":
            _inline(_chosen(child), story, styles, href)


def _fld_chars(run: Any) -> list[str]:
    return [str(f.get(f"{W}fldCharType")) for f in run.iter(f"{W}fldChar")]


def _href(link: Any, story: Story) -> str:
    rid = link.get(f"{R}id")
    if rid and rid in story.rels:
        return story.rels[rid][0]
    anchor = link.get(f"{W}anchor")
    return f"#{anchor}" if anchor else ""


_TOGGLES: dict[str, SpanKind] = {
    f"{W}b": "bold", f"{W}i": "italic", f"{W}strike": "strike", f"{W}dstrike": "strike",
}  # fmt: skip
_U, _VERT_ALIGN, _VAL = f"{W}u", f"{W}vertAlign", f"{W}val"
_OFF = frozenset({"0", "false", "off"})


def _run_styles(rpr: Any, inherited: set[SpanKind]) -> set[SpanKind]:
    """The styles of a run: its w:rPr toggles over those it inherits (one pass)."""
    if rpr is None:
        return inherited
    styles: set[SpanKind] | None = None
    for child in rpr:
        tag = child.tag
        kind = _TOGGLES.get(tag)
        if kind is not None:
            styles = set(inherited) if styles is None else styles
            if child.get(_VAL, "true") in _OFF:
                styles.discard(kind)
            else:
                styles.add(kind)
        elif tag == _U and child.get(_VAL, "single") != "none":
            styles = set(inherited) if styles is None else styles
            styles.add("underline")
        elif tag == _VERT_ALIGN:
            value = child.get(_VAL)
            if value in ("superscript", "subscript"):
                styles = set(inherited) if styles is None else styles
                styles.add(value)
    return inherited if styles is None else styles


def _run(run: Any, story: Story, inherited: set[SpanKind], href: str) -> None:
    b = story.builder
    styles = _run_styles(run.find(f"{W}rPr"), inherited)
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            b.run(child.text or "", styles, href)
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            b.run("\t", styles, href)
        elif tag in (f"{W}br", f"{W}cr"):
            b.run("\n", styles, href)
        elif tag == f"{W}noBreakHyphen":
            b.run("\u2011", styles, href)
        elif tag == f"{W}sym":
            char = child.get(f"{W}char") or ""
            with contextlib.suppress(ValueError):
                b.run(chr(int(char, 16)), styles, href)
        elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            kind: NoteKind = "footnote" if tag == f"{W}footnoteReference" else "endnote"
            note_id = f"{kind}:{child.get(f'{W}id')}"
            if not b.has_ref(note_id):
                story.note_refs.append((kind, str(child.get(f"{W}id"))))
            b.note_ref(note_id, kind=kind)
        elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
            _drawing(child, story)
        elif tag == f"{_MC}AlternateContent":
            for sub in _chosen(child):
                if sub.tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                    _drawing(sub, story)


def _own(element: Any, top: Any) -> bool:
    """Whether ``element`` belongs to ``top`` itself: not to a repeated mc:Fallback nor to
    a text box inside it (that box's walk takes it)."""
    parent = element.getparent()
    while parent is not None and parent is not top:
        if parent.tag in (f"{_MC}Fallback", f"{W}txbxContent"):
            return False
        parent = parent.getparent()
    return True


def _drawing(element: Any, story: Story) -> None:
    for box in element.iter(f"{W}txbxContent"):
        if _own(box, element):
            story.boxes.append(box)
    for blip in element.iter(f"{_A}blip", f"{{{_V}}}imagedata"):
        if not _own(blip, element):
            continue
        rid = blip.get(f"{R}embed") or blip.get(f"{R}id")
        if not rid or rid not in story.rels or story.rels[rid][1]:
            continue
        width = height = 0.0
        alt = ""
        for extent in element.iter(f"{_WP}extent"):
            width = _float(extent.get("cx")) / _EMU_PER_PT
            height = _float(extent.get("cy")) / _EMU_PER_PT
            break
        for doc_pr in element.iter(f"{_WP}docPr"):
            alt = doc_pr.get("descr") or doc_pr.get("title") or ""
            break
        story.builder.image(story.rels[rid][0], None, width, height, alt)


def _float(value: str | None) -> float:
    try:
        return max(0.0, float(value)) if value else 0.0
    except ValueError:
        return 0.0


def _table(tbl: Any, story: Story) -> None:
    b = story.builder
    b.begin_table()
    for row, col, rs, cs, tc in _grid(tbl):
        b.begin_cell(row, col, rs, cs)
        walk_blocks(tc, story)
        b.end_cell()
    b.end_table()


def _rows(tbl: Any) -> list[Any]:
    rows: list[Any] = []
    for child in tbl:
        if child.tag == f"{W}tr":
            rows.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                rows.extend(_rows(content))
    return rows


def _cells(tr: Any) -> list[Any]:
    cells: list[Any] = []
    for child in tr:
        if child.tag == f"{W}tc":
            cells.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                cells.extend(_cells(content))
    return cells


def _grid(tbl: Any) -> list[tuple[int, int, int, int, Any]]:
    """(row, col, row_span, col_span, w:tc) of every shown cell, row by row; a cell that
    continues a vertical merge (and holds no text) adds to the span of the one above."""
    placed: list[list[Any]] = []  # [row, col, rs, cs, tc]
    taken: dict[tuple[int, int], list[Any]] = {}
    for r, tr in enumerate(_rows(tbl)):
        trpr = tr.find(f"{W}trPr")
        before = trpr.find(f"{W}gridBefore") if trpr is not None else None
        col = _int(before.get(f"{W}val")) if before is not None else 0
        for tc in _cells(tr):
            tcpr = tc.find(f"{W}tcPr")
            span_el = tcpr.find(f"{W}gridSpan") if tcpr is not None else None
            cs = max(1, min(_int(span_el.get(f"{W}val")) if span_el is not None else 1, 64))
            merge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
            while any((r, c) in taken for c in range(col, col + cs)):
                col += 1
            above = taken.get((r - 1, col))
            continues = merge is not None and merge.get(f"{W}val", "continue") == "continue"
            if continues and above is not None and above[3] == cs and not _has_text(tc):
                above[2] += 1
                for c in range(col, col + cs):
                    taken[(r, c)] = above
            else:
                cell = [r, col, 1, cs, tc]
                placed.append(cell)
                for c in range(col, col + cs):
                    taken[(r, c)] = cell
            col += cs
    return [(c[0], c[1], c[2], c[3], c[4]) for c in placed]


def _has_text(tc: Any) -> bool:
    return any((t.text or "").strip() for t in tc.iter(f"{W}t"))


def _int(value: str | None) -> int:
    try:
        return int(value) if value else 0
    except ValueError:
        return 0

"""OpenDocument Text: content.xml (with the styles it names) read through the safe parser.

``text:h`` keeps its outline level as a heading; lists keep their depth and the bullet or
number their list style gives; tables keep their cells and spans; ``text:span`` styles
give bold, italic, underline, strike and super/subscript; ``text:a`` links; frames give
images and text boxes (after the paragraph that anchors them); notes (``text:note``) are
referred to where they stand and their text is gathered at the end of the document. The
title comes from meta.xml's ``dc:title`` when there is one.
"""

from pathlib import Path
from typing import Any

from reader.core.document import Document
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import LoadContext, corrupt, default_title
from reader.core.loaders.odt_inline import Inline, OdtStyles, length_pt
from reader.core.loaders.rich import RichBuilder, roman
from reader.core.loaders.xmlsafe import local_name, parse_xml
from reader.core.loaders.zipsafe import SafeZip

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_SKIPPED_BLOCK = frozenset(
    {"tracked-changes", "sequence-decls", "variable-decls", "forms", "user-field-decls",
     "automatic-styles", "font-face-decls", "scripts", "table-of-content-source",
     "index-title-template", "alphabetical-index-source", "illustration-index-source"}
)  # fmt: skip


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load an .odt file."""
    with SafeZip(path, head, "ODT", ctx) as archive:
        if not archive.has("content.xml"):
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP(
                    "ReaderError", "is a zip archive but not an OpenDocument text (no content.xml)"
                ),
            )
        root = parse_xml(archive.read("content.xml"), path, "OpenDocument XML")
        styles_root = (
            parse_xml(archive.read("styles.xml"), path) if archive.has("styles.xml") else None
        )
        meta = parse_xml(archive.read("meta.xml"), path) if archive.has("meta.xml") else None
    walker = _Walker(RichBuilder(), OdtStyles(root, styles_root), ctx)
    try:
        walker.walk(root, 0)
        walker.flush_notes()
    except RecursionError:
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is nested too deeply to display")
        ) from None
    return walker.builder.document(
        title=_title(meta) or default_title(path), format="odt", path=str(path)
    )


class _Walker:
    def __init__(self, builder: RichBuilder, styles: OdtStyles, ctx: LoadContext) -> None:
        self.builder = builder
        self.styles = styles
        self.ctx = ctx
        self.inline = Inline(builder, styles)
        self._lists: list[tuple[str, list[int]]] = []  # (style name, counters) per depth
        self._counters: dict[str, list[int]] = {}

    def walk(self, element: Any, quote: int) -> None:
        for child in element:
            name = local_name(child)
            if name in _SKIPPED_BLOCK or not name:
                continue
            if name == "h":
                level = _int(child.get(f"{{{_TEXT}}}outline-level"), 1)
                self._paragraph(child, "heading", min(max(level, 1), 6), "", quote)
            elif name == "p":
                q = quote + self.styles.quote(child.get(f"{{{_TEXT}}}style-name"))
                kind = (
                    "preformatted"
                    if self.styles.is_code(child.get(f"{{{_TEXT}}}style-name"))
                    else "paragraph"
                )
                self._paragraph(child, kind, 0, "", q)
            elif name == "list":
                self._list(child, quote)
            elif name == "table":
                self.ctx.check()
                self._table(child)
            else:
                self.walk(child, quote)

    def _paragraph(self, element: Any, kind: str, level: int, label: str, quote: int) -> None:
        boxes = self.inline.paragraph(element)
        self.builder.end(kind, level, label, quote)  # type: ignore[arg-type]
        for box in boxes:
            self.walk(box, quote)

    def _list(self, element: Any, quote: int) -> None:
        style = element.get(f"{{{_TEXT}}}style-name") or (self._lists[-1][0] if self._lists else "")
        depth = len(self._lists) + 1
        key = f"{style}:{depth}"
        continues = element.get(f"{{{_TEXT}}}continue-numbering") == "true"
        counters = self._counters.get(key) if continues else None
        counters = counters if counters is not None else [0]
        self._counters[key] = counters
        self._lists.append((style, counters))
        try:
            for item in element:
                name = local_name(item)
                if name not in ("list-item", "list-header"):
                    continue
                start = item.get(f"{{{_TEXT}}}start-value")
                if start is not None:
                    counters[0] = _int(start, 1) - 1
                label = ""
                if name == "list-item":
                    counters[0] += 1
                    label = self.styles.list_label(style, depth, counters[0], roman)
                self._item(item, depth, label, quote)
        finally:
            self._lists.pop()

    def _item(self, item: Any, depth: int, label: str, quote: int) -> None:
        first = True
        for child in item:
            name = local_name(child)
            if name in ("p", "h"):
                kind = "heading" if name == "h" else "list_item"
                level = _int(child.get(f"{{{_TEXT}}}outline-level"), 1) if name == "h" else depth
                self._paragraph(child, kind, level, label if first else "", quote)
                first = False
            elif name == "list":
                self._list(child, quote)
            else:
                self.walk([child], quote)

    def _table(self, table: Any) -> None:
        b = self.builder
        b.begin_table()
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(_rows(table)):
            col = 0
            for cell in row:
                name = local_name(cell)
                if name not in ("table-cell", "covered-table-cell"):
                    continue
                repeat = min(_int(cell.get(f"{{{_TABLE}}}number-columns-repeated"), 1), 64)
                while (r, col) in taken:
                    col += 1
                if name == "covered-table-cell":
                    col += repeat
                    continue
                cs = max(1, _int(cell.get(f"{{{_TABLE}}}number-columns-spanned"), 1))
                rs = max(1, _int(cell.get(f"{{{_TABLE}}}number-rows-spanned"), 1))
                for _ in range(repeat if len(cell) else 1):
                    if any((r + i, col + j) in taken for i in range(rs) for j in range(cs)):
                        rs = cs = 1
                    taken.update((r + i, col + j) for i in range(rs) for j in range(cs))
                    b.begin_cell(r, col, rs, cs)
                    self.walk(cell, 0)
                    b.end_cell()
                    col += cs
        b.end_table()

    def flush_notes(self) -> None:
        """The text of every note referred to, in the order of the references."""
        done = 0
        while done < len(self.inline.notes):  # a note may hold another
            note_id, body = self.inline.notes[done]
            done += 1
            self.builder.begin_note(note_id)
            self.walk(body, 0)
            self.builder.end_note()


def _rows(table: Any) -> list[Any]:
    rows: list[Any] = []
    for child in table:
        name = local_name(child)
        if name == "table-row":
            repeat = min(_int(child.get(f"{{{_TABLE}}}number-rows-repeated"), 1), 64)
            rows.extend([child] * (repeat if any(len(c) for c in child) else 1))
        elif name in ("table-header-rows", "table-rows", "table-row-group"):
            rows.extend(_rows(child))
    return rows


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _title(meta: Any) -> str:
    if meta is None:
        return ""
    for element in meta.iter():
        if local_name(element) == "title" and "purl.org/dc" in str(element.tag):
            return " ".join("".join(element.itertext()).split())
    return ""


__all__ = ["length_pt", "load"]

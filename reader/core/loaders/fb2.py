"""FictionBook 2: the book title, then each body's sections with titles as headings.

Section titles become headings whose level follows the nesting (top sections are level 1);
paragraphs, subtitles, poems, citations and epigraphs (as quotes) and tables (with their
spans) keep their order; strong, emphasis, strikethrough, sub, sup, code and links are
spans; images come from the book's binaries. A link of ``type="note"`` is a note
reference: its number is the note's label, and the note's text is its section in the
notes body (at the end of the book). The description block is not shown.
"""

import base64
import binascii
import re
from pathlib import Path
from typing import Any

from reader.core.document import BlockKind, Document
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import LoadContext, corrupt, default_title, read_markup
from reader.core.loaders.rich import RichBuilder
from reader.core.loaders.xml import xml_encoding
from reader.core.loaders.xmlsafe import check_xml_head, local_name, parse_xml
from reader.core.structure import SpanKind

_SPACES = re.compile(r"\s+")
_CONTAINERS = frozenset({"poem", "stanza", "annotation"})
_QUOTES = frozenset({"cite", "epigraph"})
_SKIPPED = frozenset({"binary", "description", "empty-line"})
_INLINE: dict[str, SpanKind] = {
    "strong": "bold", "emphasis": "italic", "strikethrough": "strike", "sub": "subscript",
    "sup": "superscript", "code": "code",
}  # fmt: skip
_XLINK = "{http://www.w3.org/1999/xlink}href"


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a FictionBook (.fb2) file."""
    check_xml_head(head, path, "a FictionBook file")
    data = read_markup(path, "FictionBook")
    if not data or data.isspace():
        return Document.create("", title=default_title(path), format="fb2", path=str(path))
    root = parse_xml(data, path, "FictionBook XML")
    if local_name(root) != "fictionbook":
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is XML but not a FictionBook document")
        )
    walker = _Walker(root)
    bodies = [child for child in root if local_name(child) == "body"]
    try:
        for done, body in enumerate(bodies, 1):
            ctx.check()
            if body.get("name") in ("notes", "comments"):
                walker.notes_body(body)
            else:
                walker.walk(body, depth=0, quote=0)
            ctx.progress(done, len(bodies))
    except RecursionError:
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is nested too deeply to display")
        ) from None
    return walker.b.document(
        title=_book_title(root) or default_title(path),
        format="fb2",
        encoding=xml_encoding(root),
        path=str(path),
    )


def _book_title(root: Any) -> str:
    for element in root.iter():
        if local_name(element) == "book-title":
            return _text(element)
    return ""


class _Walker:
    def __init__(self, root: Any) -> None:
        self.b = RichBuilder()
        self._items: list[tuple[str, Any, frozenset[SpanKind], str]] = []
        self.binaries = {
            str(e.get("id")): e for e in root if local_name(e) == "binary" and e.get("id")
        }

    def walk(self, element: Any, depth: int, quote: int) -> None:
        """Sections nest (depth counts them); everything else is a paragraph-like child."""
        for child in element:
            name = local_name(child)
            if name in _SKIPPED or not name:
                continue
            if name == "section":
                self.walk(child, depth + 1, quote)
            elif name == "title":
                self._title(child, max(depth, 1), quote)
            elif name in _CONTAINERS:
                self.walk(child, depth, quote)
            elif name in _QUOTES:
                self.walk(child, depth, quote + 1)
            elif name == "table":
                self._table(child)
            elif name == "image":
                self._image(child)
                self._emit()
                self.b.end()
            elif name == "subtitle":
                self._paragraph(child, "heading", min(depth + 1, 6), quote)
            else:
                self._paragraph(child, "paragraph", 0, quote)

    def _title(self, title: Any, level: int, quote: int) -> None:
        lines = [p for p in title if local_name(p) == "p"] or [title]
        for k, line in enumerate(lines):
            if k:
                self._run(" ", frozenset(), "")
            self._inline(line, frozenset(), "")
        self._emit()
        self.b.end("heading", min(level, 6), quote=quote)

    def _paragraph(self, element: Any, kind: BlockKind, level: int, quote: int) -> None:
        self._inline(element, frozenset(), "")
        self._emit()
        self.b.end(kind, level, quote=quote)

    def _emit(self) -> None:
        """The paragraph's runs, its white space collapsed across them and trimmed."""
        items, self._items = self._items, []
        out: list[tuple[str, Any, frozenset[SpanKind], str]] = []
        space = True  # at the start, or after a space
        for kind, value, styles, href in items:
            if kind == "text":
                value = value.lstrip(" ") if space else value
                if not value:
                    continue
                space = value.endswith(" ")
            out.append((kind, value, styles, href))
        while out and out[-1][0] == "text" and not out[-1][1].rstrip(" "):
            out.pop()
        if out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1].rstrip(" "), *out[-1][2:])
        for kind, value, styles, href in out:
            if kind == "text":
                self.b.run(value, styles, href)
            elif kind == "note":
                self.b.note_ref(value[0], value[1])
            else:
                self.b.image(*value)

    def _inline(self, element: Any, styles: frozenset[SpanKind], href: str) -> None:
        self._run(element.text, styles, href)
        for child in element:
            name = local_name(child)
            if name in _INLINE:
                self._inline(child, styles | {_INLINE[name]}, href)
            elif name == "a":
                target = str(child.get(_XLINK) or child.get("href") or "")
                if child.get("type") == "note" and target.startswith("#"):
                    label = " ".join("".join(child.itertext()).split()).strip("[]{}()")
                    self._items.append(("note", (target[1:], label), styles, ""))
                else:
                    self._inline(child, styles, target or href)
            elif name == "image":
                self._image(child)
            elif name:
                self._inline(child, styles, href)
            self._run(child.tail, styles, href)

    def _run(self, text: str | None, styles: frozenset[SpanKind], href: str) -> None:
        if text:
            self._items.append(("text", _SPACES.sub(" ", text), styles, href))

    def _image(self, element: Any) -> None:
        target = str(element.get(_XLINK) or element.get("href") or "")
        binary = self.binaries.get(target[1:]) if target.startswith("#") else None
        if binary is None:
            return
        try:
            data = base64.b64decode("".join((binary.text or "").split()), validate=False)
        except (binascii.Error, ValueError):
            return
        alt = str(element.get("alt") or element.get("title") or "")
        self._items.append(("image", (target[1:], data, 0.0, 0.0, alt), frozenset(), ""))

    def _table(self, table: Any) -> None:
        b = self.b
        b.begin_table()
        taken: set[tuple[int, int]] = set()
        rows = [r for r in table if local_name(r) == "tr"]
        for r, row in enumerate(rows):
            col = 0
            for cell in row:
                if local_name(cell) not in ("td", "th"):
                    continue
                while (r, col) in taken:
                    col += 1
                cs = min(max(_int(cell.get("colspan")), 1), 64)
                rs = min(max(_int(cell.get("rowspan")), 1), 64)
                taken.update((r + i, col + j) for i in range(rs) for j in range(cs))
                b.begin_cell(r, col, rs, cs)
                self._paragraph(cell, "table_cell", 0, 0)
                b.end_cell()
                col += cs
        b.end_table()

    def notes_body(self, body: Any) -> None:
        """Each referred note's section is its text; the rest of the body is shown too."""
        for child in body:
            name = local_name(child)
            note_id = str(child.get("id") or "")
            if name == "section" and self.b.has_ref(note_id):
                self.b.begin_note(note_id)
                self.walk([c for c in child if local_name(c) != "title"], 1, 0)
                self.b.end_note()
            elif name == "title":
                self._title(child, 1, 0)
            elif name == "section":
                self.walk([child], 0, 0)


def _int(value: str | None) -> int:
    try:
        return int(value) if value else 1
    except ValueError:
        return 1


def _text(element: Any) -> str:
    return _SPACES.sub(" ", "".join(element.itertext())).strip()

"""The visible text of an (X)HTML tree in its form, fed to a :class:`RichBuilder`.

Headings, paragraphs, lists with their bullets and numbers, tables with ``colspan`` and
``rowspan``, block quotes, preformatted text, inline styles (b/strong, i/em, u, s, sup,
sub, code), links and images; footnotes marked as such (``epub:type="noteref"`` or
``role="doc-noteref"`` / pandoc's ``footnote-ref`` pointing at an element of the same page)
become notes: the reference's own number is the note's label, not text, and the note's
text stays where the page has it (its end, or an ``<aside>``). Script, style and head are
dropped.
"""

import re
from collections.abc import Callable
from typing import Any

from reader.core.document import BlockKind
from reader.core.loaders.rich import RichBuilder, roman
from reader.core.loaders.xmlsafe import local_name
from reader.core.structure import SpanKind

DROPPED = frozenset(
    {"script", "style", "head", "noscript", "template", "svg", "math", "iframe", "object",
     "button", "select", "datalist"}
)  # fmt: skip
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = frozenset(
    {
        "p", "div", "li", "pre", "blockquote", "tr", "td", "th", "dt", "dd", "dl", "ul",
        "ol", "table", "thead", "tbody", "tfoot", "caption", "section", "article", "aside",
        "header", "footer", "nav", "main", "figure", "figcaption", "address", "hr", "body",
        "html", "form", "fieldset", "legend", "details", "summary", "center",
    }
    | set(HEADINGS)
)  # fmt: skip
_INLINE_STYLE: dict[str, SpanKind] = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "cite": "italic",
    "dfn": "italic", "var": "italic", "u": "underline", "ins": "underline", "s": "strike",
    "strike": "strike", "del": "strike", "sup": "superscript", "sub": "subscript",
    "code": "code", "kbd": "code", "samp": "code", "tt": "code",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML white space; a no-break space stays
_BULLETS = ("•", "◦", "▪")
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
ImageResolver = Callable[[str], tuple[str, bytes | None] | None]


def _attr_words(element: Any, name: str) -> set[str]:
    return set(str(element.get(name) or "").split())


def _is_noteref(element: Any) -> bool:
    words = _attr_words(element, _EPUB_TYPE) | _attr_words(element, "role")
    words |= _attr_words(element, "class")
    return bool(words & {"noteref", "doc-noteref", "footnote-ref"})


def _is_backlink(element: Any) -> bool:
    words = _attr_words(element, "role") | _attr_words(element, "class")
    return bool(words & {"doc-backlink", "footnote-back"})


def note_targets(root: Any, resolve: Callable[[str], str | None]) -> set[str]:
    """The names of the notes the noterefs of ``root`` point at."""
    found: set[str] = set()
    for element in root.iter():
        if isinstance(element.tag, str) and local_name(element) == "a" and _is_noteref(element):
            key = resolve(str(element.get("href") or ""))
            if key is not None:
                found.add(key)
    return found


class HtmlWalker:
    """Walks one page; call :meth:`walk` on its root, then :meth:`flush`."""

    def __init__(self, builder: RichBuilder, resolve_image: ImageResolver | None = None) -> None:
        self.b = builder
        self.resolve_image = resolve_image
        self._items: list[tuple[str, Any, frozenset[SpanKind], str]] = []
        self._kind: BlockKind = "paragraph"
        self._level = 0
        self._label = ""
        self._quote = 0
        self._pre = 0
        self._lists: list[list[Any]] = []  # [ordered, counter, type]
        self._notes: dict[str, str] = {}  # id of a note's element in this page -> note id
        self._resolve: Callable[[str], str | None] = lambda _href: None
        self._referenced: set[str] = set()

    def prepare(
        self,
        root: Any,
        prefix: str = "",
        resolve: Callable[[str], str | None] | None = None,
        referenced: set[str] | None = None,
    ) -> None:
        """Know the page's footnotes before walking it. A note is named by ``resolve(href)``
        ("page#id"; by default only "#id" links, within this page, named ``prefix#id``);
        ``referenced`` are the names some noteref points at (by default: this page's)."""
        self._resolve = resolve or (lambda href: f"{prefix}{href}" if href[:1] == "#" else None)
        if referenced is None:
            referenced = note_targets(root, self._resolve)
        for element in root.iter():
            if isinstance(element.tag, str) and element.get("id"):
                key = f"{prefix}#{element.get('id')}"
                if key in referenced:
                    self._notes[str(element.get("id"))] = key
        self._referenced = referenced

    # -- walking ------------------------------------------------------------------------------
    def walk(self, element: Any, styles: frozenset[SpanKind] = frozenset(), href: str = "") -> None:
        if not isinstance(element.tag, str):
            return
        name = local_name(element)
        if name in DROPPED or element.get("hidden") is not None:
            return
        note_id = self._notes.get(str(element.get("id") or ""))
        if note_id is not None and self.b.has_ref(note_id):
            self.flush()
            self.b.begin_note(note_id)
            self._children(element, styles, href, block=True, name=name)
            self.flush()
            self.b.end_note()
            return
        if name not in BLOCKS:
            self._inline(element, name, styles, href)
            return
        self.flush()
        if name == "table":
            self._table(element)
            return
        saved = (self._kind, self._level, self._label, self._quote)
        self._enter(element, name)
        self._children(element, styles, href, block=True, name=name)
        self.flush()
        if name == "pre":
            self._pre -= 1
        elif name in ("ul", "ol"):
            self._lists.pop()
        self._kind, self._level, self._label, self._quote = saved

    def _children(
        self, element: Any, styles: frozenset[SpanKind], href: str, *, block: bool, name: str
    ) -> None:
        self._text(element.text, styles, href)
        for child in element:
            self.walk(child, styles, href)
            self._text(child.tail, styles, href)

    def _inline(self, element: Any, name: str, styles: frozenset[SpanKind], href: str) -> None:
        if name == "br":
            self._items.append(("text", "\n", styles, href))
            return
        if name == "img":
            self._image(element)
            return
        if name == "a":
            if _is_backlink(element):
                return
            target = str(element.get("href") or "")
            key = self._resolve(target) if _is_noteref(element) and target else None
            if key is not None and key in self._referenced:
                label = " ".join("".join(element.itertext()).split()).strip("[]()")
                self._items.append(("note", (key, label), styles, ""))
                return
            href = target or href
        kind = _INLINE_STYLE.get(name)
        if kind is not None:
            styles = styles | {kind}
        self._children(element, styles, href, block=False, name=name)

    def _enter(self, element: Any, name: str) -> None:
        if name in HEADINGS:
            self._kind, self._level, self._label = "heading", HEADINGS[name], ""
        elif name in ("ul", "ol"):
            start = _int(element.get("start"), 1) if name == "ol" else 1
            self._lists.append([name == "ol", start - 1, str(element.get("type") or "1")])
        elif name == "li":
            self._kind, self._level = "list_item", len(self._lists) or 1
            self._label = self._next_label(element)
        elif name in ("td", "th"):
            self._kind, self._level, self._label = "table_cell", 0, ""
        elif name == "pre":
            self._kind, self._level, self._label = "preformatted", 0, ""
            self._pre += 1
        elif name == "blockquote":
            self._quote += 1

    def _next_label(self, li: Any) -> str:
        if not self._lists:
            return "•"
        ordered, counter, kind = self._lists[-1]
        if not ordered:
            return _BULLETS[(len(self._lists) - 1) % len(_BULLETS)]
        value = _int(li.get("value"), counter + 1)
        self._lists[-1][1] = value
        if kind in ("a", "A"):
            text = chr(ord(kind) + (value - 1) % 26)
        elif kind in ("i", "I"):
            text = roman(value) if kind == "i" else roman(value).upper()
        else:
            text = str(value)
        return f"{text}."

    def _text(self, text: str | None, styles: frozenset[SpanKind], href: str) -> None:
        if text:
            self._items.append(("text", text, styles, href))

    def _image(self, element: Any) -> None:
        src = str(element.get("src") or "")
        resolved = self.resolve_image(src) if self.resolve_image and src else None
        alt = " ".join(str(element.get("alt") or "").split())
        if resolved is None:
            return
        width = _int(element.get("width"), 0) * 0.75
        height = _int(element.get("height"), 0) * 0.75
        self._items.append(
            ("image", (resolved[0], resolved[1], width, height, alt), frozenset(), "")
        )

    def _table(self, table: Any) -> None:
        b = self.b
        b.begin_table()
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(_rows(table)):
            col = 0
            for cell in row:
                if not isinstance(cell.tag, str) or local_name(cell) not in ("td", "th"):
                    continue
                while (r, col) in taken:
                    col += 1
                cs = min(max(_int(cell.get("colspan"), 1), 1), 64)
                rs = min(max(_int(cell.get("rowspan"), 1), 1), 64)
                taken.update((r + i, col + j) for i in range(rs) for j in range(cs))
                b.begin_cell(r, col, rs, cs)
                self.walk(cell)
                b.end_cell()
                col += cs
        b.end_table()
        for child in table:  # a caption is text too
            if isinstance(child.tag, str) and local_name(child) == "caption":
                self.walk(child)

    # -- paragraphs ---------------------------------------------------------------------------
    def flush(self) -> None:
        items, self._items = self._items, []
        if not any(i[0] != "text" or i[1].strip() for i in items):
            return
        if not self._pre:
            items = _collapse(items)
        else:
            _strip_newlines(items)
        for kind, value, styles, href in items:
            if kind == "text":
                self.b.run(value, styles, href)
            elif kind == "note":
                self.b.note_ref(value[0], value[1])
            else:
                self.b.image(*value)
        self.b.end(self._kind, self._level, self._label, self._quote)
        if self._kind == "list_item":
            self._label = ""  # a second paragraph of the item has no bullet of its own


def _rows(table: Any) -> list[Any]:
    rows: list[Any] = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        name = local_name(child)
        if name == "tr":
            rows.append(child)
        elif name in ("thead", "tbody", "tfoot"):
            rows.extend(_rows(child))
    return rows


def _collapse(items: list[Any]) -> list[Any]:
    """HTML's white space: runs are one space, no space at a line's ends, no empty lines."""
    out: list[Any] = []
    at_line_start = True
    for kind, value, styles, href in items:
        if kind != "text":
            out.append((kind, value, styles, href))
            at_line_start = False
            continue
        if value == "\n":
            _rstrip(out)
            if not at_line_start:
                out.append(("text", "\n", styles, href))
            at_line_start = True
            continue
        text = _SPACES.sub(" ", value)
        if at_line_start or (out and out[-1][0] == "text" and out[-1][1].endswith((" ", "\n"))):
            text = text.lstrip(" ")
        if text:
            out.append(("text", text, styles, href))
            at_line_start = False
    _rstrip(out)
    while out and out[-1][0] == "text" and out[-1][1] == "\n":
        out.pop()
        _rstrip(out)
    return out


def _rstrip(out: list[Any]) -> None:
    while out and out[-1][0] == "text":
        text = out[-1][1].rstrip(" ")
        if text:
            out[-1] = ("text", text, *out[-1][2:])
            return
        out.pop()


def _strip_newlines(items: list[Any]) -> None:
    """Preformatted text loses the line breaks at its ends only."""
    texts = [i for i, item in enumerate(items) if item[0] == "text"]
    if texts:
        first, last = texts[0], texts[-1]
        items[first] = ("text", items[first][1].lstrip("\n"), *items[first][2:])
        items[last] = ("text", items[last][1].rstrip("\n"), *items[last][2:])


def _int(value: object, default: int) -> int:
    try:
        return int(str(value).strip()) if value is not None else default
    except ValueError:
        return default

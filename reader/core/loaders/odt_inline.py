"""The inside of an ODF paragraph: styled runs, links, notes, frames; and the styles that
say what a span, a paragraph or a list level looks like."""

import re
from collections.abc import Callable
from typing import Any

from reader.core.loaders.rich import RichBuilder
from reader.core.loaders.xmlsafe import local_name
from reader.core.structure import SpanKind

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_XLINK = "http://www.w3.org/1999/xlink"
_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
_SKIPPED_INLINE = frozenset(
    {"note-citation", "tracked-changes", "bookmark-ref", "annotation", "annotation-end",
     "change", "change-start", "change-end", "bookmark", "bookmark-start", "bookmark-end",
     "reference-mark", "soft-page-break", "sequence-ref"}
)  # fmt: skip
_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0, "px": 0.75}
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*([a-z]*)")


def length_pt(value: str | None) -> float:
    """An ODF length ("2.5in", "3cm") in points; 0 when unreadable."""
    match = _LENGTH.match(value or "")
    if not match:
        return 0.0
    try:
        return float(match.group(1)) * _UNITS.get(match.group(2), 1.0)
    except ValueError:
        return 0.0


class OdtStyles:
    """Text, paragraph and list styles from content.xml and styles.xml."""

    def __init__(self, content: Any, styles: Any | None) -> None:
        self.text: dict[str, frozenset[SpanKind]] = {}
        self.parent: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.lists: dict[str, dict[int, tuple[str, str, str, str]]] = {}
        for root in (styles, content):
            if root is None:
                continue
            for element in root.iter(f"{{{_STYLE}}}style"):
                self._style(element)
            for element in root.iter(f"{{{_TEXT}}}list-style"):
                self._list_style(element)

    def _style(self, element: Any) -> None:
        name = element.get(f"{{{_STYLE}}}name") or ""
        self.names[name] = element.get(f"{{{_STYLE}}}display-name") or name
        parent = element.get(f"{{{_STYLE}}}parent-style-name")
        if parent:
            self.parent[name] = parent
        props = element.find(f"{{{_STYLE}}}text-properties")
        if props is None:
            return
        kinds: set[SpanKind] = set()
        if props.get(f"{{{_FO}}}font-weight") in ("bold", "600", "700", "800", "900"):
            kinds.add("bold")
        if props.get(f"{{{_FO}}}font-style") in ("italic", "oblique"):
            kinds.add("italic")
        if props.get(f"{{{_STYLE}}}text-underline-style", "none") != "none":
            kinds.add("underline")
        if props.get(f"{{{_STYLE}}}text-line-through-style", "none") != "none":
            kinds.add("strike")
        position = props.get(f"{{{_STYLE}}}text-position", "")
        if position.startswith("super") or (
            position[:1].isdigit() and not position.startswith("0")
        ):
            kinds.add("superscript")
        elif position.startswith(("sub", "-")):
            kinds.add("subscript")
        self.text[name] = frozenset(kinds)

    def _list_style(self, element: Any) -> None:
        levels: dict[int, tuple[str, str, str, str]] = {}
        for level in element:
            kind = local_name(level)
            depth = _int(level.get(f"{{{_TEXT}}}level"), 1)
            if kind == "list-level-style-bullet":
                levels[depth] = ("bullet", level.get(f"{{{_TEXT}}}bullet-char") or "•", "", "")
            elif kind == "list-level-style-number":
                levels[depth] = (
                    level.get(f"{{{_STYLE}}}num-format") or "",
                    "",
                    level.get(f"{{{_STYLE}}}num-prefix") or "",
                    level.get(f"{{{_STYLE}}}num-suffix") or "",
                )
        self.lists[element.get(f"{{{_STYLE}}}name") or ""] = levels

    def spans(self, name: str | None) -> frozenset[SpanKind]:
        seen = 0
        while name and seen < 20:
            if name in self.text:
                return self.text[name]
            name = self.parent.get(name)
            seen += 1
        return frozenset()

    def _display(self, name: str | None) -> str:
        names: list[str] = []
        while name and len(names) < 20:
            names.append(self.names.get(name, name).lower())
            name = self.parent.get(name)
        return " ".join(names)

    def quote(self, name: str | None) -> int:
        return 1 if "quotation" in self._display(name) else 0

    def is_code(self, name: str | None) -> bool:
        names = self._display(name)
        return "preformatted" in names or "source text" in names

    def list_label(self, style: str, depth: int, n: int, roman: Callable[[int], str]) -> str:
        levels = self.lists.get(style, {})
        fmt, bullet, prefix, suffix = levels.get(depth, ("bullet", "•", "", ""))
        if fmt == "bullet":
            return (
                bullet
                if bullet.isprintable() and not 0xE000 <= ord(bullet[:1] or " ") <= 0xF8FF
                else "•"
            )
        if fmt == "":
            return ""
        if fmt in ("a", "A"):
            value = chr(ord(fmt) + (n - 1) % 26)
        elif fmt in ("i", "I"):
            value = roman(n) if fmt == "i" else roman(n).upper()
        else:
            value = str(n)
        return f"{prefix}{value}{suffix}"


class Inline:
    """Feeds one paragraph's inline content to the builder, as ODF collapses white space;
    collects the bodies of notes (for the end) and the text boxes of frames (returned)."""

    def __init__(self, builder: RichBuilder, styles: OdtStyles) -> None:
        self.builder = builder
        self.styles = styles
        self.notes: list[tuple[str, Any]] = []
        self._count = 0

    def paragraph(self, element: Any) -> list[Any]:
        items: list[tuple[str, Any, frozenset[SpanKind], str]] = []
        boxes: list[Any] = []
        self._collect(
            element, items, boxes, self.styles.spans(element.get(f"{{{_TEXT}}}style-name")), ""
        )
        self._emit(items)
        return boxes

    def _collect(
        self,
        element: Any,
        items: list[Any],
        boxes: list[Any],
        styles: frozenset[SpanKind],
        href: str,
    ) -> None:
        if element.text:
            items.append(("text", _WHITE_SPACE.sub(" ", element.text), styles, href))
        for child in element:
            name = local_name(child)
            if name == "s":
                items.append(
                    ("text", "\x00" * min(_int(child.get(f"{{{_TEXT}}}c"), 1), 1000), styles, href)
                )
            elif name == "tab":
                items.append(("text", "\t", styles, href))
            elif name == "line-break":
                items.append(("text", "\n", styles, href))
            elif name == "note":
                self._note(child, items)
            elif name == "frame":
                self._frame(child, items, boxes)
            elif name == "a":
                link = child.get(f"{{{_XLINK}}}href") or ""
                self._collect(child, items, boxes, styles, link or href)
            elif name == "span":
                own = self.styles.spans(child.get(f"{{{_TEXT}}}style-name"))
                self._collect(child, items, boxes, styles | own, href)
            elif name and name not in _SKIPPED_INLINE:
                self._collect(child, items, boxes, styles, href)
            if child.tail:
                items.append(("text", _WHITE_SPACE.sub(" ", child.tail), styles, href))

    def _note(self, note: Any, items: list[Any]) -> None:
        body = next((c for c in note if local_name(c) == "note-body"), None)
        if body is None:
            return
        self._count += 1
        note_id = note.get(f"{{{_TEXT}}}id") or f"note{self._count}"
        kind = "endnote" if note.get(f"{{{_TEXT}}}note-class") == "endnote" else "footnote"
        citation = next((c for c in note if local_name(c) == "note-citation"), None)
        label = " ".join("".join(citation.itertext()).split()) if citation is not None else ""
        items.append(("note", (note_id, label, kind), frozenset(), ""))
        self.notes.append((note_id, body))

    def _frame(self, frame: Any, items: list[Any], boxes: list[Any]) -> None:
        width = length_pt(frame.get(f"{{{_SVG}}}width"))
        height = length_pt(frame.get(f"{{{_SVG}}}height"))
        alt = ""
        for child in frame:
            if local_name(child) in ("title", "desc"):
                alt = alt or " ".join("".join(child.itertext()).split())
        for child in frame:
            name = local_name(child)
            if name == "image":
                href = child.get(f"{{{_XLINK}}}href") or ""
                if href and "://" not in href:
                    items.append(
                        ("image", (href.lstrip("./"), width, height, alt), frozenset(), "")
                    )
                    break
            elif name == "text-box":
                boxes.append(child)
                break

    def _emit(self, items: list[Any]) -> None:
        b = self.builder
        texts = [i for i, item in enumerate(items) if item[0] == "text"]
        # collapse spaces across runs, then strip the paragraph's ends (ODF's rules)
        previous_space = True
        for i in texts:
            text: str = items[i][1]
            if previous_space:
                text = text.lstrip(" ")
            text = re.sub(" {2,}", " ", text)
            if text:
                previous_space = text.endswith(" ")
            items[i] = ("text", text, *items[i][2:])
        for i in reversed(texts):
            text = items[i][1].rstrip(" ")
            items[i] = ("text", text, *items[i][2:])
            if text:
                break
        for kind, value, styles, href in items:
            if kind == "text":
                b.run(value.replace("\x00", " "), styles, href)
            elif kind == "note":
                note_id, label, note_kind = value
                b.note_ref(note_id, label, note_kind)
            elif kind == "image":
                source, width, height, alt = value
                b.image(source, None, width, height, alt)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default

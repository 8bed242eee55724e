"""What a Word body needs from the rest of its package: relationships, styles, numbering.

Read with the safe XML parser straight from the archive; nothing here knows about the body.
"""

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.core.loaders.rich import roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HEADING = re.compile(r"^heading\s*([1-9])$", re.I)
_QUOTES = frozenset({"quote", "intense quote", "block text", "blockquote", "block quote"})
_CODE = re.compile(r"code|preformatted|verbatim|plain text|macro", re.I)


def rels_of(part: str, read: Callable[[str], Any | None]) -> dict[str, tuple[str, bool]]:
    """Relationship id -> (archive member or URL, is external) for ``part``."""
    folder, name = posixpath.split(part)
    root = read(posixpath.join(folder, "_rels", name + ".rels"))
    out: dict[str, tuple[str, bool]] = {}
    if root is None:
        return out
    for rel in root.iter(f"{_REL}Relationship"):
        target, rid = rel.get("Target") or "", rel.get("Id") or ""
        if rel.get("TargetMode") == "External":
            out[rid] = (target, True)
        elif target.startswith("/"):
            out[rid] = (target.lstrip("/"), False)
        else:
            out[rid] = (posixpath.normpath(posixpath.join(folder, target)), False)
    return out


@dataclass(frozen=True, slots=True)
class ParaStyle:
    """What a paragraph style means for the view."""

    kind: str = "paragraph"  # paragraph, heading, preformatted
    level: int = 0
    quote: int = 0
    num: tuple[str, int] | None = None  # numId, ilvl from the style
    bold: bool = False
    italic: bool = False


@dataclass(slots=True)
class Styles:
    by_id: dict[str, ParaStyle] = field(default_factory=dict)
    default: ParaStyle = ParaStyle()

    def get(self, style_id: str | None) -> ParaStyle:
        if style_id is None:
            return self.default
        return self.by_id.get(style_id, self.default)


def read_styles(root: Any | None) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    raw: dict[str, Any] = {}
    for style in root.iter(f"{W}style"):
        sid = style.get(f"{W}styleId")
        if sid:
            raw[sid] = style
    for sid in raw:
        styles.by_id[sid] = _resolve(sid, raw, 0)
        if raw[sid].get(f"{W}default") in ("1", "true") and raw[sid].get(f"{W}type") == "paragraph":
            styles.default = styles.by_id[sid]
    return styles


def _resolve(sid: str, raw: dict[str, Any], depth: int) -> ParaStyle:
    style = raw[sid]
    name_el = style.find(f"{W}name")
    name = (name_el.get(f"{W}val") if name_el is not None else sid) or sid
    based = style.find(f"{W}basedOn")
    parent = ParaStyle()
    if based is not None and depth < 20 and based.get(f"{W}val") in raw:
        parent = _resolve(str(based.get(f"{W}val")), raw, depth + 1)
    kind, level, quote, num = parent.kind, parent.level, parent.quote, parent.num
    lowered = name.strip().lower()
    match = _HEADING.match(lowered)
    ppr = style.find(f"{W}pPr")
    outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
    if lowered == "title":
        kind, level = "heading", 1
    elif match:
        kind, level = "heading", min(int(match.group(1)), 6)
    elif outline is not None and _int(outline.get(f"{W}val"), 9) < 9:
        kind, level = "heading", min(_int(outline.get(f"{W}val"), 0) + 1, 6)
    elif _CODE.search(lowered):
        kind, level = "preformatted", 0
    if lowered in _QUOTES:
        quote = 1
    numpr = ppr.find(f"{W}numPr") if ppr is not None else None
    if numpr is not None:
        num = num_of(numpr) or num
    return ParaStyle(kind, level, quote, num)


def num_of(numpr: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a w:numPr, None for numId 0 (numbering switched off)."""
    num_id = numpr.find(f"{W}numId")
    ilvl = numpr.find(f"{W}ilvl")
    if num_id is None:
        return None
    value = num_id.get(f"{W}val") or "0"
    return (value, _int(ilvl.get(f"{W}val") if ilvl is not None else "0", 0))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str
    text: str
    start: int


_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "o": "◦", "\uf06f": "◦"}


class Numbering:
    """Turns (numId, ilvl) into the label Word shows ("1.", "a)", "2.1", "•"), counting as
    the document goes."""

    def __init__(self, root: Any | None) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for element in root.iter(f"{W}abstractNum"):
            abstract[element.get(f"{W}abstractNumId") or ""] = _levels(element)
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{W}val") or "" if ref is not None else "", {}))
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                start = override.find(f"{W}startOverride")
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    levels.update(_levels(override))
                elif start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(old.fmt, old.text, _int(start.get(f"{W}val"), 1))
            self._levels[num.get(f"{W}numId") or ""] = levels

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels:
            return "•" if num_id != "0" else ""
        counters = self._counters.setdefault(num_id, [0] * 10)
        ilvl = min(max(ilvl, 0), 9)
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        counters[ilvl] = (counters[ilvl] or levels[ilvl].start - 1) + 1
        level = levels[ilvl]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return _BULLETS.get(level.text, level.text if level.text.isprintable() else "•") or "•"
        out = level.text
        for k in range(ilvl, -1, -1):
            lv = levels.get(k)
            value = counters[k] or (lv.start if lv else 1)
            out = out.replace(f"%{k + 1}", _format(value, lv.fmt if lv else "decimal"))
        return out


def _levels(element: Any) -> dict[int, _Level]:
    out: dict[int, _Level] = {}
    for lvl in element.iter(f"{W}lvl"):
        fmt = lvl.find(f"{W}numFmt")
        text = lvl.find(f"{W}lvlText")
        start = lvl.find(f"{W}start")
        out[_int(lvl.get(f"{W}ilvl"), 0)] = _Level(
            (fmt.get(f"{W}val") or "decimal") if fmt is not None else "decimal",
            (text.get(f"{W}val") or "") if text is not None else "",
            _int(start.get(f"{W}val"), 1) if start is not None else 1,
        )
    return out


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        k = n
        while k > 0:
            k, r = divmod(k - 1, 26)
            letters = chr(ord("a") + r) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)

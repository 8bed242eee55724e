"""Markdown shown as its source text, with headings recorded as heading blocks.

Heading markup (``#`` marks, setext underlines) is removed; everything else stays as written,
so the text reads like the file. Fenced code is recorded as preformatted blocks, list lines
as list items, ``>`` lines as quotes, and the text inside emphasis, strong, code, strike and
link markup carries that style (the marks stay visible, as in an editor that colours them).
"""

import re
from pathlib import Path

from reader.core.document import BlockKind, Document
from reader.core.loaders.base import LoadContext, default_title, read_bytes
from reader.core.loaders.rich import RichBuilder
from reader.core.loaders.text import decode, reject_binary
from reader.core.structure import SpanKind

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST = re.compile(r"^(\s*)([-*+]|\d+[.)])\s")
_INLINE = re.compile(
    r"`(?P<code>[^`]+)`"
    r"|\*\*(?P<bold>[^*]+)\*\*|__(?P<bold2>[^_]+)__"
    r"|~~(?P<strike>[^~]+)~~"
    r"|\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)[^)]*\)"
    r"|(?<![\w*])\*(?P<italic>[^*\s][^*]*?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<italic2>[^_\s][^_]*?)_(?![\w_])"
)
_KINDS: dict[str, SpanKind] = {
    "code": "code", "bold": "bold", "bold2": "bold", "strike": "strike", "text": "link",
    "italic": "italic", "italic2": "italic",
}  # fmt: skip


class _Builder(RichBuilder):
    """The RichBuilder with ``add`` of the plain TextBuilder: one line, as written."""

    def add(self, text: str, kind: BlockKind = "paragraph", level: int = 0) -> None:
        if kind == "paragraph":
            match = _LIST.match(text)
            if match:
                kind, level = "list_item", len(match.group(1).expandtabs(4)) // 2 + 1
        quote = 1 if kind == "paragraph" and text.lstrip().startswith(">") else 0
        if kind == "preformatted":
            self.run(text)
        else:
            _inline(self, text)
        self.end(kind, level, quote=quote)


def _inline(builder: RichBuilder, text: str) -> None:
    pos = 0
    for match in _INLINE.finditer(text):
        group = match.lastgroup
        if group == "href":  # the link's own groups: text, then href
            group = "text"
        if group is None:
            continue
        start, end = match.span(group)
        builder.run(text[pos:start])
        href = match.group("href") or "" if group == "text" else ""
        builder.run(text[start:end], (_KINDS[group],) if group != "text" else (), href)
        pos = end
    builder.run(text[pos:])


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a Markdown file."""
    reject_binary(head, path)
    text, encoding = decode(read_bytes(path), path, ctx)
    builder = _Builder()
    title = _build(text.split("\n") if text else [], builder)
    return builder.document(
        title=title or default_title(path), format="markdown", encoding=encoding, path=str(path)
    )


def _build(lines: list[str], builder: _Builder) -> str:
    """Feed ``lines`` to ``builder``; return the first level-1 heading's text."""
    title = ""
    fence = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        fence_match = _FENCE.match(line)
        if fence:
            builder.add(line, "preformatted")
            if fence_match and fence_match.group(1).startswith(fence):
                fence = ""
        elif fence_match:
            fence = fence_match.group(1)
            builder.add(line, "preformatted")
        elif (atx := _ATX.match(line)) is not None:
            level, heading = len(atx.group(1)), (atx.group(2) or "").strip()
            builder.add(heading, "heading", level)
            title = title or (heading if level == 1 else "")
        elif line.strip() and nxt is not None and _SETEXT.match(nxt) and not _is_list(line):
            level = 1 if nxt.strip().startswith("=") else 2
            builder.add(line.strip(), "heading", level)
            title = title or (line.strip() if level == 1 else "")
            i += 1  # the underline is markup, not text
        else:
            builder.add(line)
        i += 1
    return title


def _is_list(line: str) -> bool:
    return bool(re.match(r"^\s*([-*+]|\d+[.)])\s", line))

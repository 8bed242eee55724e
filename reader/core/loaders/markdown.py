"""Markdown shown as its source text, with headings recorded as heading blocks.

Heading markup (``#`` marks, setext underlines) is removed; everything else stays as written,
so the text reads like the file. Fenced code is recorded as preformatted blocks.
"""

import re
from pathlib import Path

from reader.core.document import Document, TextBuilder
from reader.core.loaders.base import LoadContext, default_title, read_bytes
from reader.core.loaders.text import decode, reject_binary

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a Markdown file."""
    reject_binary(head, path)
    text, encoding = decode(read_bytes(path), path, ctx)
    builder = TextBuilder()
    title = _build(text.split("\n") if text else [], builder)
    return Document.create(
        builder.text(),
        title=title or default_title(path),
        format="markdown",
        encoding=encoding,
        blocks=builder.blocks,
        path=str(path),
    )


def _build(lines: list[str], builder: TextBuilder) -> str:
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

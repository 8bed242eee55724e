"""What a document is called in a tab and the window title: its own name, not its file's.

A reader recognises a document by its title, not by ``000_df59e22b846d8d1a.txt``: the
title the file gives (metadata), else its first heading, else, for a text whose first line
reads like a headline (short, no final colon or comma), that line; only then the file
name. :func:`tell_apart` adds what differs (the folder, the format) when two open
documents would have the same name.
"""

import os
from collections.abc import Sequence
from pathlib import Path

from reader.core.document import Document

MAX_TITLE = 60  # characters in a tab before the title is shortened
HEADLINE_MAX = 120  # a first line longer than this is a paragraph, not a headline


def display_title(document: Document, path: str | None = None) -> str:
    """The document's own name, shortened to :data:`MAX_TITLE` characters."""
    path = path or document.path or ""
    stem = Path(path).stem if path else ""
    title = " ".join(document.title.split())
    if title and title != stem and title != Path(path).name:
        return _shorten(title)
    for block in document.headings:
        heading = " ".join(document.text[block.start : block.end].split())
        if heading:
            return _shorten(heading)
    first = _first_line(document.text)
    if first and len(first) <= HEADLINE_MAX and not first.endswith((":", ",", ";")):
        return _shorten(first)
    return title or stem or Path(path).name or "?"


def _first_line(text: str) -> str:
    for line in text[:4096].splitlines():
        if line.strip():
            return " ".join(line.split())
    return ""


def _shorten(title: str) -> str:
    if len(title) <= MAX_TITLE:
        return title
    cut = title.rfind(" ", 0, MAX_TITLE - 1)
    return title[: cut if cut > MAX_TITLE // 2 else MAX_TITLE - 1].rstrip(" ,.;:–-") + "…"


def tell_apart(entries: Sequence[tuple[str, str, str]]) -> list[str]:
    """Tab labels for ``(title, path, format)`` entries: a title shared by several gets
    its format when that tells them apart, else its folder's name (or the whole folder)."""
    labels = [title for title, _, _ in entries]
    by_title: dict[str, list[int]] = {}
    for i, (title, _, _) in enumerate(entries):
        by_title.setdefault(title, []).append(i)
    for title, indexes in by_title.items():
        if len(indexes) < 2:
            continue
        formats = [entries[i][2] for i in indexes]
        folders = [Path(entries[i][1]).parent for i in indexes]
        if len(set(formats)) == len(formats):
            extra = [f.upper() for f in formats]
        elif len({f.name for f in folders}) == len(folders):
            extra = [f.name or os.sep for f in folders]
        else:
            extra = [str(f) for f in folders]
        for i, more in zip(indexes, extra, strict=True):
            labels[i] = f"{title} — {more}"
    return labels

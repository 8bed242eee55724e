"""EPUB: META-INF/container.xml names the package (OPF); its spine gives the reading order.

Each spine document goes through the HTML loader's block extraction; the title is the
package's ``dc:title``. The archive is read through :class:`SafeZip`.
"""

import logging
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from reader.core.document import Document
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import LoadContext, corrupt, default_title
from reader.core.loaders.html import extract_blocks, parse_markup
from reader.core.loaders.html_walk import ImageResolver, note_targets
from reader.core.loaders.rich import RichBuilder
from reader.core.loaders.xmlsafe import local_name, parse_xml
from reader.core.loaders.zipsafe import SafeZip

log = logging.getLogger(__name__)

_CONTAINER = "META-INF/container.xml"
_MARKUP_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load an .epub file."""
    builder = RichBuilder()
    with SafeZip(path, head, "EPUB", ctx) as archive:
        if not archive.has(_CONTAINER):
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP("ReaderError", "is a zip archive but not an EPUB (no {member})"),
                member=_CONTAINER,
            )
        opf_name = _package_name(parse_xml(archive.read(_CONTAINER), path, "EPUB container"))
        if opf_name is None or not archive.has(opf_name):
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP(
                    "ReaderError", "is an EPUB whose package document (OPF) is missing"
                ),
            )
        package = parse_xml(archive.read(opf_name), path, "EPUB package")
        items = _spine(package, posixpath.dirname(opf_name))
        pages: list[tuple[str, Any]] = []
        referenced: set[str] = set()  # "page#id" of every note some page refers to
        for name in items:
            ctx.check()
            if not archive.has(name):
                log.info("%s: spine item %s is missing", path, name)
                continue
            root, _encoding = parse_markup(archive.read(name), path, ctx, xhtml=True)
            pages.append((name, root))
            referenced |= note_targets(root, _note_names(name))
        for done, (name, root) in enumerate(pages, 1):
            ctx.check()
            extract_blocks(
                root, builder, path, _archive_images(archive, name), name,
                _note_names(name), referenced,
            )  # fmt: skip
            ctx.progress(done, len(pages))
    return builder.document(
        title=_title(package) or default_title(path), format="epub", path=str(path)
    )


def _note_names(page: str) -> Callable[[str], str | None]:
    """A link's note name, "page#id", wherever in the book the note is."""
    folder = posixpath.dirname(page)

    def resolve(href: str) -> str | None:
        if "://" in href or "#" not in href:
            return None
        target, _, fragment = href.partition("#")
        member = posixpath.normpath(posixpath.join(folder, unquote(target))) if target else page
        return f"{member.lstrip('/')}#{fragment}"

    return resolve


def _archive_images(archive: SafeZip, page: str) -> ImageResolver:
    """Pictures of a spine page: members of the archive, read when shown."""
    folder = posixpath.dirname(page)

    def resolve(src: str) -> tuple[str, bytes | None] | None:
        if "://" in src or src.startswith(("data:", "//")):
            return None
        member = posixpath.normpath(posixpath.join(folder, unquote(src.split("#", 1)[0])))
        return (member.lstrip("/"), None) if archive.has(member.lstrip("/")) else None

    return resolve


def _package_name(container: Any) -> str | None:
    for element in container.iter():
        if local_name(element) == "rootfile" and element.get("full-path"):
            return str(element.get("full-path")).lstrip("/")
    return None


def _spine(package: Any, base: str) -> list[str]:
    """Archive names of the spine's (X)HTML documents, in reading order."""
    manifest: dict[str, tuple[str, str]] = {}
    for element in package.iter():
        if local_name(element) == "item" and element.get("id") and element.get("href"):
            href = unquote(str(element.get("href")).split("#", 1)[0])
            name = posixpath.normpath(posixpath.join(base, href)).lstrip("/")
            manifest[str(element.get("id"))] = (name, str(element.get("media-type") or ""))
    names: list[str] = []
    for element in package.iter():
        if local_name(element) == "itemref":
            name, media = manifest.get(str(element.get("idref")), ("", ""))
            if name and (media in _MARKUP_TYPES or name.lower().endswith((".xhtml", ".html"))):
                names.append(name)
    return names


def _title(package: Any) -> str:
    for element in package.iter():
        if local_name(element) == "title" and "purl.org/dc" in str(element.tag):
            return " ".join("".join(element.itertext()).split())
    return ""

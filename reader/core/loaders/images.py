"""The bytes of a document's pictures, read when they are shown (not when it loads)."""

import logging
import zipfile

from reader.core.document import Document
from reader.core.structure import Image

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 32 * 1024 * 1024  # a picture bigger than this is not shown
_CONTAINERS = frozenset({"docx", "odt", "epub"})


def read_image(document: Document, image: Image) -> bytes | None:
    """``image``'s bytes: its own, or its member of the document's archive; None (logged)
    when they cannot be had: the file moved, the member is missing or too big."""
    if image.data is not None:
        return image.data
    if not image.source or document.path is None or document.format not in _CONTAINERS:
        return None
    try:
        with zipfile.ZipFile(document.path) as archive:
            info = archive.getinfo(image.source)
            if info.file_size > MAX_IMAGE_BYTES:
                log.info("%s: picture %s is too big to show", document.path, image.source)
                return None
            with archive.open(info) as member:
                data = member.read(MAX_IMAGE_BYTES + 1)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError) as exc:
        log.info("%s: picture %s cannot be read (%s)", document.path, image.source, exc)
        return None
    return data if len(data) <= MAX_IMAGE_BYTES else None

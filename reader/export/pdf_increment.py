"""An incremental update of a PDF: new and changed objects after the original's last byte.

pypdf (≥ 5) builds the objects: ``PdfWriter(reader, incremental=True)`` keeps the original's
object numbers, and ``list_objects_in_increment`` says which objects are new or changed (the
pages that get an ``/Annots`` entry, the annotations, the page tree when pages are added).
We serialise them ourselves, with a classic cross-reference table and a trailer that
repeats ``/Info``, ``/ID`` and ``/Encrypt``, because pypdf's own update
- writes no ``/Info`` in its trailer unless the information dictionary changed, and poppler
  reads the title and author from the last trailer only (it showed neither), and
- refuses encrypted files, where each new object must be encrypted with the file's key.
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections.abc import Sequence
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError, PdfReadError
from pypdf.generic import IndirectObject, PdfObject

from reader.core.annotations import Annotation
from reader.core.errors import ExportError
from reader.export.pdf_annots import Quad, annotate

log = logging.getLogger(__name__)

_STARTXREF = re.compile(rb"startxref\s+(\d+)")


def update(
    data: bytes,
    placed: Sequence[tuple[Annotation, dict[int, list[Quad]]]],
    *,
    author: str,
    password: str | None = None,
    append: bytes | None = None,
    now: float | None = None,
) -> bytes:
    """``data`` followed by an update that adds the annotations (quads by 0-based page) and,
    if ``append`` is a PDF, its pages after the last page."""
    now = time.time() if now is None else now
    try:
        return _update(data, placed, author, password, append, now)
    except DependencyError:  # pypdf's own RC4 works; AES needs a crypto package
        raise ExportError(
            "This PDF is encrypted with AES; writing into it needs the Python package "
            "“cryptography”, which is not installed"
        ) from None


def _update(
    data: bytes,
    placed: Sequence[tuple[Annotation, dict[int, list[Quad]]]],
    author: str,
    password: str | None,
    append: bytes | None,
    now: float,
) -> bytes:
    reader = _reader(data, password)
    writer = PdfWriter(reader, incremental=True)
    for ann, quads_by_page in placed:
        for page_index, quads in sorted(quads_by_page.items()):
            annotate(writer, page_index, ann, quads, author, now)
    if append is not None:
        for page in PdfReader(io.BytesIO(append)).pages:
            writer.add_page(page)
    if reader.trailer.get("/Info") is not None:  # the update changes the document: say when
        writer.add_metadata({"/ModDate": time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(now))})
    changed = writer.list_objects_in_increment()
    if not changed:
        return data
    return data + _increment(data, reader, writer, changed)


def _reader(data: bytes, password: str | None) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(password or ""):
            raise ExportError(
                "The password does not open this PDF" if password
                else "This PDF is encrypted: give its password to export a copy"
            )  # fmt: skip
    except PdfReadError as exc:
        raise ExportError(f"Cannot read the original PDF: {exc}") from None
    return reader


def _increment(
    data: bytes, reader: PdfReader, writer: PdfWriter, changed: Sequence[IndirectObject]
) -> bytes:
    """The objects, a cross-reference section for them, and a trailer pointing back."""
    out = io.BytesIO()
    if not data.endswith((b"\n", b"\r")):
        out.write(b"\n")
    encryption = getattr(reader, "_encryption", None) if reader.is_encrypted else None
    if reader.is_encrypted and encryption is None:  # pragma: no cover - pypdf changed
        raise ExportError("Cannot write into this encrypted PDF with this version of pypdf")
    positions: dict[int, int] = {}
    for ref in sorted(changed, key=lambda r: r.idnum):
        obj: PdfObject = writer.get_object(ref.idnum)
        if encryption is not None:
            obj = encryption.encrypt_object(obj, ref.idnum, 0)
        positions[ref.idnum] = len(data) + out.tell()
        out.write(f"{ref.idnum} 0 obj\n".encode())
        obj.write_to_stream(out)
        out.write(b"\nendobj\n")
    xref = len(data) + out.tell()
    out.write(b"xref\n")
    for first, run in _runs(sorted(positions)):
        out.write(f"{first} {len(run)}\n".encode())
        out.write(b"".join(f"{positions[i]:010d} 00000 n \n".encode() for i in run))
    out.write(b"trailer\n")
    _trailer(data, reader, max(positions)).write_to_stream(out)
    out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _trailer(data: bytes, reader: PdfReader, last_id: int) -> Any:
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    old = reader.trailer
    trailer = DictionaryObject()
    size = max(int(old.get("/Size", 0)), last_id + 1)
    trailer[NameObject("/Size")] = NumberObject(size)
    for key in ("/Root", "/Info", "/Encrypt", "/ID"):
        value = old.raw_get(key) if key in old else None
        if value is not None:
            trailer[NameObject(key)] = value
    found = _STARTXREF.findall(data[-4096:])
    if not found:
        raise ExportError("Cannot update this PDF: its end (startxref) is damaged")
    trailer[NameObject("/Prev")] = NumberObject(int(found[-1]))
    return trailer


def _runs(ids: Sequence[int]) -> list[tuple[int, list[int]]]:
    """Consecutive object numbers grouped: the subsections of a cross-reference table."""
    runs: list[tuple[int, list[int]]] = []
    for i in ids:
        if runs and runs[-1][1][-1] == i - 1:
            runs[-1][1].append(i)
        else:
            runs.append((i, [i]))
    return runs

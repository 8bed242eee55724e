"""Work that runs on the pdfium thread: one page's characters and boxes, the outline.

Each function takes an open ``PdfDocument`` (from :meth:`reader.core.pdfium.PdfHandle.run`)
and returns plain values (:class:`reader.core.pdf_text.RawPage`, tuples, ``bytes``); no
pdfium object leaves the thread.
"""

import ctypes
from array import array
from typing import Any

from reader.core import pdfium
from reader.core.pdf_map import Rect
from reader.core.pdf_text import RawPage

_EXTRA_KINDS = {3: "Contents", 20: "V"}  # FPDF_ANNOT_FREETEXT, FPDF_ANNOT_WIDGET
_IMAGE = 3  # FPDF_PAGEOBJ_IMAGE


def raw_page(pdf: Any, index: int) -> RawPage:
    """Page ``index``'s characters (``text[k]`` is pdfium char ``k``) and their boxes."""
    c = pdfium.raw()
    page = pdf[index]
    try:
        box: Rect = tuple(float(v) for v in page.get_cropbox())  # type: ignore[assignment]
        rotation = int(page.get_rotation())
        textpage = page.get_textpage()
        try:
            n = textpage.count_chars()
            text = str(textpage.get_text_range(0, n)) if n > 0 else ""
            if len(text) != n:  # characters beyond the BMP: one pdfium char each
                text = "".join(
                    chr(c.FPDFText_GetUnicode(textpage.raw, k) or 0xFFFE) for k in range(n)
                )
            boxes = _boxes(c, textpage.raw, n)
        finally:
            textpage.close()
        raw = RawPage(box, rotation, text, boxes)
        if not text.strip():
            raw.has_images = _has_images(c, page.raw)
        raw.extra = _annotation_texts(c, page.raw)
        return raw
    finally:
        page.close()


def _boxes(c: Any, textpage: Any, n: int) -> array:  # type: ignore[type-arg]
    """Loose boxes (the line's height, not the glyph's ink) of chars ``0..n-1``."""
    rect = c.FS_RECTF()
    ref = ctypes.byref(rect)
    get = c.FPDFText_GetLooseCharBox
    out = array("f", bytes(16 * n))
    for k in range(n):
        if get(textpage, k, ref):
            j = 4 * k
            out[j], out[j + 1], out[j + 2], out[j + 3] = (
                rect.left,
                rect.bottom,
                rect.right,
                rect.top,
            )
    return out


def _has_images(c: Any, page: Any) -> bool:
    for k in range(c.FPDFPage_CountObjects(page)):
        if c.FPDFPageObj_GetType(c.FPDFPage_GetObject(page, k)) == _IMAGE:
            return True
    return False


def _annotation_texts(c: Any, page: Any) -> list[tuple[str, Rect]]:
    """The text of FreeText annotations and the values of filled-in form fields."""
    out: list[tuple[str, Rect]] = []
    for k in range(c.FPDFPage_GetAnnotCount(page)):
        annot = c.FPDFPage_GetAnnot(page, k)
        if not annot:
            continue
        try:
            key = _EXTRA_KINDS.get(c.FPDFAnnot_GetSubtype(annot))
            if key is None:
                continue
            text = _annot_string(c, annot, key)
            rect = c.FS_RECTF()
            if text.strip() and c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                left, right = sorted((rect.left, rect.right))
                bottom, top = sorted((rect.bottom, rect.top))
                out.append((text, (left, bottom, right, top)))
        finally:
            c.FPDFPage_CloseAnnot(annot)
    return out


def _annot_string(c: Any, annot: Any, key: str) -> str:
    size = c.FPDFAnnot_GetStringValue(annot, key.encode(), None, 0)
    if size <= 2:
        return ""
    buf = ctypes.create_string_buffer(size)
    c.FPDFAnnot_GetStringValue(
        annot, key.encode(), ctypes.cast(buf, ctypes.POINTER(c.FPDF_WCHAR)), size
    )
    return buf.raw[: size - 2].decode("utf-16-le", "replace")


def outline(pdf: Any) -> tuple[tuple[int, str, int], ...]:
    """The bookmarks: ``(level, title, page index)``, at most 2,000 of them."""
    out = []
    for item in pdf.get_toc(max_depth=8):
        dest = item.get_dest()
        index = dest.get_index() if dest is not None else None
        if index is not None and index >= 0:
            out.append((int(item.level), " ".join(str(item.get_title()).split()), int(index)))
        if len(out) >= 2000:
            break
    return tuple(out)


def page_geometry(pdf: Any, index: int) -> tuple[Rect, int]:
    """The crop box and ``/Rotate`` of a page (for a page whose text could not be read)."""
    page = pdf[index]
    try:
        box: Rect = tuple(float(v) for v in page.get_cropbox())  # type: ignore[assignment]
        return box, int(page.get_rotation())
    finally:
        page.close()


def render_gray(pdf: Any, index: int, scale: float) -> tuple[int, int, int, bytes]:
    """Page ``index`` in 8-bit grey at ``scale`` pixels a point: width, height, stride,
    pixels (for text recognition)."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
        try:
            return bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)
        finally:
            bitmap.close()
    finally:
        page.close()


def render_rgb32(pdf: Any, index: int, scale: float, rotation: int) -> tuple[int, int, int, bytes]:
    """Page ``index`` as BGRx pixels (Qt's ``Format_RGB32``) at ``scale`` pixels a point,
    turned ``rotation`` degrees more than its ``/Rotate``: width, height, stride, pixels."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale, rotation=rotation, prefer_bgrx=True)
        try:
            return bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)
        finally:
            bitmap.close()
    finally:
        page.close()


def page_sizes(pdf: Any, first: int = 0, count: int = -1) -> tuple[tuple[float, float], ...]:
    """The sizes in points as shown (``/Rotate`` applied) of ``count`` pages from ``first``
    (all by default), without loading the pages: a view lays out a 1,000-page file before
    its text is read."""
    c = pdfium.raw()
    size = c.FS_SIZEF()
    out = []
    last = len(pdf) if count < 0 else min(len(pdf), first + count)
    for k in range(first, last):
        if c.FPDF_GetPageSizeByIndexF(pdf.raw, k, ctypes.byref(size)):
            out.append((float(size.width), float(size.height)))
        else:
            out.append((595.0, 842.0))
    return tuple(out)

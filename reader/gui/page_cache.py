"""Rendered PDF pages for the page view: asked for by priority, kept within a budget.

Rendering runs on the pdfium thread (:mod:`reader.core.pdfium`); the pixels come back to
the GUI thread through a queued Qt signal, never by waiting. The cache holds the most
recently used images up to a byte budget, so scrolling a 1,000-page file end to end keeps
a few dozen pages in memory, not a thousand.
"""

import contextlib
import logging
from collections import OrderedDict
from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from reader.core import pdfium
from reader.core.pdf_extract import render_rgb32

log = logging.getLogger(__name__)

#: Bytes of rendered pages kept (about 30 A4 pages at 150 % on a standard screen).
DEFAULT_BUDGET = 160 * 1024 * 1024

Key = tuple[int, float, int]  # page, pixels a point (rounded), extra rotation


def render_key(index: int, scale: float, rotation: int) -> Key:
    return index, round(scale, 3), rotation % 360


class PageRenderer(QObject):
    """Renders pages of one open PDF; ``page_ready(index)`` when an image arrived."""

    page_ready = Signal(int)
    _delivered = Signal(object)  # (key, future), emitted on the pdfium thread: queued

    def __init__(
        self,
        handle: pdfium.PdfHandle,
        budget: int = DEFAULT_BUDGET,
        parent: QObject | None = None,
        owns_handle: bool = True,
    ) -> None:
        """``owns_handle``: :meth:`close` closes the PDF too."""
        super().__init__(parent)
        self._handle = handle
        self._owns_handle = owns_handle
        self._budget = budget
        self._images: OrderedDict[Key, QImage] = OrderedDict()
        self._buffers: dict[Key, bytes] = {}
        self._bytes = 0
        self._pending: dict[Key, Future[tuple[int, int, int, bytes]]] = {}
        self._closed = False
        self._delivered.connect(self._on_delivered)
        app = QCoreApplication.instance()
        if app is not None:  # no render may be left running while the process exits
            app.aboutToQuit.connect(self.close)

    @property
    def handle(self) -> pdfium.PdfHandle:
        """The open PDF (a second renderer, for thumbnails, may share it)."""
        return self._handle

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def image(self, key: Key) -> QImage | None:
        """The image for ``key`` if rendered (and mark it recently used)."""
        img = self._images.get(key)
        if img is not None:
            self._images.move_to_end(key)
        return img

    def any_image(self, index: int) -> QImage | None:
        """Some rendering of page ``index`` (another zoom), to stretch while it renders."""
        for key in reversed(self._images):
            if key[0] == index:
                return self._images[key]
        return None

    def request(self, key: Key, priority: int) -> None:
        """Render ``key`` unless it is cached or on its way."""
        if self._closed or key in self._images or key in self._pending:
            return
        index, scale, rotation = key
        future = self._handle.submit(
            lambda pdf: render_rgb32(pdf, index, scale, rotation), priority=priority
        )
        self._pending[key] = future
        future.add_done_callback(lambda f: self._post(key, f))

    def keep_only(self, pages: set[int]) -> None:
        """Drop queued renders of pages no longer near the view (started ones finish)."""
        for key, future in list(self._pending.items()):
            if key[0] not in pages and future.cancel():
                del self._pending[key]

    def close(self) -> None:
        self._closed = True
        for future in self._pending.values():
            future.cancel()
        self._pending.clear()
        self._images.clear()
        self._buffers.clear()
        self._bytes = 0
        if self._owns_handle:
            self._handle.close()

    def _post(self, key: Key, future: Future[tuple[int, int, int, bytes]]) -> None:
        """On the pdfium thread: hand the result to the GUI thread."""
        if self._closed or future.cancelled():
            return
        with contextlib.suppress(RuntimeError):  # the renderer was deleted meanwhile
            self._delivered.emit((key, future))

    def _on_delivered(self, item: object) -> None:
        key: Key
        future: Future[tuple[int, int, int, bytes]]
        key, future = item  # type: ignore[misc]
        if self._pending.get(key) is not future or self._closed:
            return
        del self._pending[key]
        try:
            width, height, stride, pixels = future.result()
        except Exception as exc:  # a page pdfium cannot draw stays blank
            log.info("page %d could not be rendered: %s", key[0] + 1, exc)
            return
        # The image reads the rendered bytes in place (no copy on the GUI thread): the
        # bytes live as long as the image, beside it in the cache.
        image = QImage(pixels, width, height, stride, QImage.Format.Format_RGB32)
        self._images[key] = image
        self._buffers[key] = pixels
        self._bytes += image.sizeInBytes()
        while self._bytes > self._budget and len(self._images) > 1:
            old_key, old = self._images.popitem(last=False)
            self._buffers.pop(old_key, None)
            self._bytes -= old.sizeInBytes()
        self.page_ready.emit(key[0])

"""The page view of a PDF: its pages drawn as they are, with text you can select.

Implements :class:`reader.gui.view.DocumentView`. Pages are laid out in one column with
gaps and rendered off the GUI thread (:class:`reader.gui.page_cache.PageRenderer`), the
visible ones first; a page not rendered yet is a white page of the right size. The view
can show the pages before the document's text is read (``set_document`` adds it): text
selection, highlights and offsets use ``Document.page_map`` (each character's box).
"""

from __future__ import annotations

import bisect
import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHelpEvent, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

if TYPE_CHECKING:  # first use of a Qt class builds its enums: the view opens faster
    from concurrent.futures import Future

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import (
        QFont,
        QKeyEvent,
        QMouseEvent,
        QPaintEvent,
        QResizeEvent,
        QWheelEvent,
    )

from reader.core import pdfium
from reader.core.document import Document
from reader.core.pdf_extract import outline, page_sizes
from reader.core.pdf_map import PageMap
from reader.gui.page_cache import PageRenderer, render_key
from reader.gui.view import HighlightItem, Tooltip, clamp_zoom, painting_order, wheel_zoom

GAP = 12  # pixels between pages and around them
PREFETCH = 2  # pages before and after the visible ones rendered ahead
SELECTION = QColor(0, 120, 215, 90)


@dataclass(slots=True)
class _Layer:
    items: list[HighlightItem]  # sorted by start
    starts: list[int]
    longest: int
    tooltip: Tooltip | None


class PdfPageView(QAbstractScrollArea):
    """Continuous pages of one PDF; see the module docstring.

    Signals beyond the protocol's: ``page_changed(int)`` (0-based page at the top),
    ``fit_changed(str)`` ("width", "page" or "none")."""

    first_painted = Signal()
    zoom_changed = Signal(int)
    selection_changed = Signal()
    page_changed = Signal(int)
    fit_changed = Signal(str)
    _sizes_ready = Signal(object)  # emitted on the pdfium thread: queued

    def __init__(
        self,
        path: str,
        *,
        document: Document | None = None,
        password: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Open ``path`` for drawing (``password`` for an encrypted file; the loader
        already refused a wrong one). Raises pdfium's error for a file it cannot open."""
        super().__init__(parent)
        self._sizes_ready.connect(self._on_sizes_ready)
        self._map: PageMap | None = None
        handle = pdfium.service().open(path, password=password, priority=pdfium.VISIBLE)
        self.page_count = handle.page_count
        # The first pages' sizes now, the others' in the background (50 us a page): until
        # they come, a page is laid out as big as the last one known.
        known = list(handle.run(lambda pdf: page_sizes(pdf, 0, 40), priority=pdfium.VISIBLE))
        self._sizes = known + [known[-1] if known else (595.0, 842.0)] * (
            self.page_count - len(known)
        )
        if self.page_count > len(known):
            future = handle.submit(lambda pdf: page_sizes(pdf, 40), priority=pdfium.REQUESTED)
            future.add_done_callback(lambda f: self._post_sizes(f))
        self._outline = handle.run(outline, priority=pdfium.VISIBLE)
        self._renderer = PageRenderer(handle, parent=self)
        self._renderer.page_ready.connect(self._on_page_ready)
        self._document: Document | None = None
        self._zoom = 0
        self._fit = "width"
        self._rotation = 0
        self._tops: list[int] = []
        self._scale = 1.0  # logical pixels a point
        self._layers: dict[str, _Layer] = {}
        self._selection: tuple[int, int] | None = None
        self._anchor: int | None = None
        self._painted = False
        self._painted_at = 0.0
        self._pending_offset: int | None = None
        self._current_page = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(False)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        if document is not None:
            self.set_document(document)
        self._relayout()

    def _post_sizes(self, future: Future[tuple[tuple[float, float], ...]]) -> None:
        """On the pdfium thread: the other pages' sizes, to the GUI thread."""
        if not future.cancelled() and future.exception() is None:
            with contextlib.suppress(RuntimeError):  # the view is gone
                self._sizes_ready.emit(future.result())

    def _on_sizes_ready(self, sizes: object) -> None:
        if self._map is None and isinstance(sizes, tuple):
            self._sizes[len(self._sizes) - len(sizes) :] = list(sizes)
            self._relayout()

    # -- the document --------------------------------------------------------------------
    def set_document(self, document: Document) -> None:
        """The document's text and character boxes (once loaded, or recognised anew)."""
        self._document = document
        self._map = document.page_map
        if self._map is not None and len(self._map) == self.page_count:
            self._sizes = [p.size() for p in self._map.pages]
        self._relayout()

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def outline(self) -> tuple[tuple[int, str, int], ...]:
        """The PDF's bookmarks: ``(level, title, page index)``."""
        return self._outline

    @property
    def renderer(self) -> PageRenderer:
        return self._renderer

    def widget(self) -> QWidget:
        return self

    def close_document(self) -> None:
        """Close the PDF on the pdfium thread (the tab is closing)."""
        self._renderer.close()

    # -- geometry ----------------------------------------------------------------------------
    def page_size(self, index: int) -> tuple[float, float]:
        """Page ``index``'s size in points as the PDF shows it (before the user's turns)."""
        return self._sizes[index] if 0 <= index < len(self._sizes) else (595.0, 842.0)

    def _shown_size(self, index: int) -> tuple[float, float]:
        w, h = self._sizes[index]
        return (h, w) if self._rotation % 180 else (w, h)

    def _fit_scale(self) -> float:
        vw = max(50, self.viewport().width() - 2 * GAP)
        vh = max(50, self.viewport().height() - 2 * GAP)
        widest = max((self._shown_size(i)[0] for i in range(self.page_count)), default=595)
        if self._fit == "page":
            tallest = max((self._shown_size(i)[1] for i in range(self.page_count)), default=842)
            return min(vw / widest, vh / tallest)
        if self._fit == "width":
            return vw / widest
        return self.logicalDpiX() / 72

    def _relayout(self) -> None:
        """Page positions for the current zoom, keeping the page at the top in place."""
        keep = self._page_at_top()
        frac = self._top_fraction(keep)
        self._scale = max(0.05, self._fit_scale() * (1 + 0.1 * self._zoom))
        tops, y = [], GAP
        width = 0
        for i in range(self.page_count):
            w, h = self._shown_size(i)
            tops.append(y)
            y += round(h * self._scale) + GAP
            width = max(width, round(w * self._scale))
        self._tops = tops
        self._height = y
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, y - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(40)
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(0, width + 2 * GAP - self.viewport().width()))
        hbar.setPageStep(self.viewport().width())
        if keep >= 0 and tops:
            bar.setValue(tops[keep] + round(frac * self._page_height(keep)))
        self.viewport().update()

    def _page_height(self, index: int) -> int:
        return round(self._shown_size(index)[1] * self._scale)

    def _page_rect(self, index: int) -> QRectF:
        """Page ``index`` in viewport coordinates."""
        w, h = self._shown_size(index)
        pw, ph = w * self._scale, h * self._scale
        total = max(pw + 2 * GAP, self.viewport().width())
        x = (total - pw) / 2 - self.horizontalScrollBar().value()
        y = self._tops[index] - self.verticalScrollBar().value()
        return QRectF(x, y, pw, ph)

    def _page_at_top(self) -> int:
        if not self._tops:
            return -1
        y = self.verticalScrollBar().value() + GAP // 2
        return max(0, bisect.bisect_right(self._tops, y) - 1)

    def _top_fraction(self, index: int) -> float:
        if index < 0 or not self._tops:
            return 0.0
        h = self._page_height(index) or 1
        return max(0.0, (self.verticalScrollBar().value() - self._tops[index]) / h)

    def visible_pages(self) -> range:
        if not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        last = bisect.bisect_right(self._tops, top + self.viewport().height())
        return range(first, min(self.page_count, last))

    def page_at(self, pos: QPoint) -> int | None:
        for index in self.visible_pages():
            if self._page_rect(index).contains(pos.toPointF()):
                return index
        return None

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor(0x80, 0x80, 0x80))
        dpr = self.devicePixelRatioF()
        drawn = False
        visible = self.visible_pages()
        for index in visible:
            rect = self._page_rect(index)
            key = render_key(index, self._scale * dpr, self._rotation)
            image = self._renderer.image(key)
            if image is None:
                self._renderer.request(key, pdfium.VISIBLE)
                painter.fillRect(rect, Qt.GlobalColor.white)
                stretched = self._renderer.any_image(index)  # another zoom, stretched
                if stretched is not None:
                    painter.drawImage(rect, stretched)
            else:
                drawn = True
                # Unscaled, at a whole pixel: a scaled draw costs ten times as much.
                image.setDevicePixelRatio(dpr)
                painter.drawImage(QPoint(round(rect.x()), round(rect.y())), image)
            self._paint_highlights(painter, index, rect)
        self._prefetch(visible, dpr)
        painter.end()
        if drawn and not self._painted:
            self._painted = True
            self._painted_at = time.monotonic()
            QTimer.singleShot(0, self, self.first_painted.emit)

    def _prefetch(self, visible: range, dpr: float) -> None:
        if not visible:
            return
        near = range(
            max(0, visible.start - PREFETCH), min(self.page_count, visible.stop + PREFETCH)
        )
        for index in near:
            if index not in visible:
                self._renderer.request(
                    render_key(index, self._scale * dpr, self._rotation), pdfium.REQUESTED
                )
        self._renderer.keep_only(set(near))

    def _rects(self, index: int, start: int, end: int, rect: QRectF) -> list[QRectF]:
        assert self._map is not None
        info = self._map.pages[index]
        out = []
        for page, r in self._map.line_rects(start, end):
            if page != index:
                continue
            x0, y0, x1, y1 = info.to_device(r, self._scale, self._rotation)
            out.append(QRectF(rect.x() + x0, rect.y() + y0, x1 - x0, y1 - y0))
        return out

    def _paint_highlights(self, painter: QPainter, index: int, rect: QRectF) -> None:
        if self._map is None or index >= len(self._map):
            return
        info = self._map.pages[index]
        if info.end <= info.start:
            return
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        names = painting_order(self._layers)
        for name in names:
            layer = self._layers[name]
            lo = bisect.bisect_left(layer.starts, info.start - layer.longest)
            hi = bisect.bisect_left(layer.starts, info.end)
            for start, end, colour in layer.items[lo:hi]:
                if end <= info.start:
                    continue
                for r in self._rects(index, start, end, rect):
                    painter.fillRect(r, colour)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        if self._selection is not None:
            for r in self._rects(index, *self._selection, rect):
                painter.fillRect(r, SELECTION)

    def _on_page_ready(self, index: int) -> None:
        if index in self.visible_pages():
            self.viewport().update()

    def _on_scrolled(self, _value: int) -> None:
        self.viewport().update()
        page = self._page_at_top()
        if page != self._current_page:
            self._current_page = page
            self.page_changed.emit(page)

    # -- positions ---------------------------------------------------------------------------
    @property
    def current_page(self) -> int:
        return max(0, self._page_at_top())

    def go_to_page(self, index: int) -> None:
        if self._tops:
            index = max(0, min(self.page_count - 1, index))
            self.verticalScrollBar().setValue(self._tops[index] - GAP // 2)

    def offset_at(self, pos: QPoint, nearest: bool = False) -> int | None:
        if self._map is None:
            return None
        index = self.page_at(pos)
        if index is None or index >= len(self._map):
            return None
        rect = self._page_rect(index)
        x, y = self._map.pages[index].from_device(
            pos.x() - rect.x(), pos.y() - rect.y(), self._scale, self._rotation
        )
        return self._map.char_at(index, x, y, nearest=nearest)

    def first_visible_offset(self) -> int:
        if self._map is None or not len(self._map):
            return 0
        return self._map.pages[min(self.current_page, len(self._map) - 1)].start

    def scroll_to_offset(self, offset: int) -> None:
        if self._map is None or not self.isVisible():
            self._pending_offset = offset
            return
        self._pending_offset = None
        self._scroll_to(offset, centre=False)

    def _scroll_to(self, offset: int, centre: bool) -> None:
        assert self._map is not None
        index = self._map.page_of(offset)
        info = self._map.pages[index]
        y = self._tops[index]
        if info.start <= offset < info.end:
            box = info.to_device(info.char_box(offset), self._scale, self._rotation)
            y += round(box[1])
        viewport_h = self.viewport().height()
        self.verticalScrollBar().setValue(y - (viewport_h // 2 if centre else GAP))

    def char_rect(self, offset: int) -> QRectF | None:
        """The box of ``text[offset]`` in viewport coordinates, or None (no box, no text)."""
        if self._map is None or not self._tops:
            return None
        index = self._map.page_of(offset)
        rects = self._rects(index, offset, offset + 1, self._page_rect(index))
        return rects[0] if rects else None

    # -- selection ---------------------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        self._selection = (start, end) if end > start else None
        if self._map is not None and self._tops:
            self._scroll_to(start, centre=True)
        self.viewport().update()
        self.selection_changed.emit()

    def selected_range(self) -> tuple[int, int] | None:
        return self._selection

    def selected_text(self) -> str:
        if self._selection is None or self._document is None:
            return ""
        return self._document.text[self._selection[0] : self._selection[1]]

    def copy(self) -> None:
        text = self.selected_text()
        if text:
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.clipboard().setText(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self.offset_at(event.position().toPoint(), nearest=True)
            if self._selection is not None:
                self._selection = None
                self.selection_changed.emit()
                self.viewport().update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            here = self.offset_at(event.position().toPoint(), nearest=True)
            if here is not None:
                lo, hi = min(self._anchor, here), max(self._anchor, here) + 1
                if self._document is not None:
                    hi = min(hi, len(self._document.text))
                if (lo, hi) != self._selection:
                    self._selection = (lo, hi)
                    self.viewport().update()
                    self.selection_changed.emit()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._anchor = None
        super().mouseReleaseEvent(event)

    # -- highlights ---------------------------------------------------------------------------
    def set_highlights(
        self, layer: str, items: Sequence[HighlightItem], tooltip: Tooltip | None = None
    ) -> None:
        if not items and tooltip is None:
            self._layers.pop(layer, None)
        else:
            ordered = sorted(items, key=lambda it: it[0])
            self._layers[layer] = _Layer(
                [(s, e, QColor(c)) for s, e, c in ordered],
                [it[0] for it in ordered],
                max((e - s for s, e, _ in ordered), default=0),
                tooltip,
            )
        self.viewport().update()

    def set_range_highlights(
        self, layer: str, ranges: Sequence[tuple[int, int]], colour: QColor
    ) -> None:
        self.set_highlights(layer, [(s, e, colour) for s, e in ranges])

    def clear_highlights(self, layer: str) -> None:
        self.set_highlights(layer, [])

    def highlight_count(self, layer: str) -> int:
        found = self._layers.get(layer)
        return len(found.items) if found else 0

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == event.Type.ToolTip:
            from PySide6.QtWidgets import QToolTip

            offset = self.offset_at(self.viewport().mapFrom(self, event.pos()))
            text = self._tooltip_at(offset) if offset is not None else None
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _tooltip_at(self, offset: int) -> str | None:
        for layer in reversed(list(self._layers.values())):
            if layer.tooltip is None:
                continue
            lo = bisect.bisect_left(layer.starts, offset - layer.longest)
            hi = bisect.bisect_right(layer.starts, offset)
            for k in range(lo, hi):
                if layer.items[k][0] <= offset < layer.items[k][1]:
                    text = layer.tooltip(k)
                    if text:
                        return text
        return None

    # -- zoom, rotation, keys ---------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """10 % of the fitted size a step (fit width unless the user chose otherwise)."""
        steps = clamp_zoom(steps)
        changed = steps != self._zoom
        self._zoom = steps
        self._relayout()
        if changed:
            self.zoom_changed.emit(steps)

    @property
    def fit(self) -> str:
        return self._fit

    def set_fit(self, fit: str) -> None:
        """ "width", "page" or "none" (100 % at step 0); the zoom goes back to step 0."""
        if fit not in ("width", "page", "none"):
            raise ValueError(f"unknown fit {fit!r}")
        self._fit = fit
        changed = self._zoom != 0
        self._zoom = 0
        self._relayout()
        self.fit_changed.emit(fit)
        if changed:
            self.zoom_changed.emit(0)

    @property
    def rotation(self) -> int:
        return self._rotation

    def rotate(self, degrees: int = 90) -> None:
        self._rotation = (self._rotation + degrees) % 360
        self._relayout()

    def set_base_font(self, font: QFont) -> None:
        """Pages are drawn in their own fonts."""

    @property
    def has_painted(self) -> bool:
        return self._painted

    @property
    def painted_at(self) -> float:
        return self._painted_at

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = wheel_zoom(event)
        if step is None:
            super().wheelEvent(event)
            return
        if step:
            self.set_zoom(self._zoom + step)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        from PySide6.QtGui import QKeySequence

        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self._zoom + 1)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.set_zoom(self._zoom - 1)
        elif key == Qt.Key.Key_Home:
            bar.setValue(0)
        elif key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        elif key == Qt.Key.Key_PageDown:
            bar.setValue(bar.value() + self.viewport().height() - 2 * GAP)
        elif key == Qt.Key.Key_PageUp:
            bar.setValue(bar.value() - self.viewport().height() + 2 * GAP)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._pending_offset is not None:
            offset = self._pending_offset
            QTimer.singleShot(0, self, lambda: self.scroll_to_offset(offset))

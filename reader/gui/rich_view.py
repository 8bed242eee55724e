"""The rich view of flow documents (DOCX, ODT, RTF, HTML, EPUB, FB2, Markdown): the
document in its form, with the :class:`reader.gui.view.DocumentView` contract.

Build the QTextDocument off the GUI thread with :func:`reader.export.rich_build.
build_rich_document` (pass ``thread=view.thread()``) and hand it over with
:meth:`RichDocumentView.show_build`; :meth:`RichDocumentView.show_document` builds on the
spot (small documents, tests). Offsets are ``Document.text`` indices throughout; the
view's :class:`reader.export.rich_build.RichMap` converts.
"""

import bisect
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPaintEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.core.document import Document
from reader.core.loaders.images import read_image
from reader.core.utf16 import Utf16Map
from reader.export.rich_build import RichBuild, RichMap, build_rich_document
from reader.gui.view import (
    VISIBLE_MARGIN,
    HighlightItem,
    Tooltip,
    clamp_zoom,
    painting_order,
    visible_positions,
    wheel_zoom,
)

log = logging.getLogger(__name__)

MAX_SELECTIONS_PER_LAYER = 4000


@dataclass(slots=True)
class _Layer:
    items: Sequence[tuple[int, int, QColor]] | Sequence[tuple[int, int]]
    qt_starts: list[int]
    qt_ends: list[int]
    order: list[int]
    longest: int
    tooltip: Tooltip | None
    colour: QColor | None


class RichDocumentView(QTextEdit):
    """A read-only, selectable rich text view of one flow document."""

    first_painted = Signal()
    zoom_changed = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self._document: Document | None = None
        self._build: RichBuild | None = None
        self._map = RichMap(0, Utf16Map(), (), (), ())
        self._layers: dict[str, _Layer] = {}
        self._painted = False
        self._painted_at = 0.0
        self._pending_offset: int | None = None
        self._base_font = QFont(self.font())
        self._zoom = 0
        self._window = (-1, -1)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self._apply_visible_highlights)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.selectionChanged.connect(self.selection_changed.emit)

    # -- document -------------------------------------------------------------------------
    def widget(self) -> QWidget:
        return self

    @property
    def document_shown(self) -> Document | None:
        return self._document

    @property
    def rich_map(self) -> RichMap:
        return self._map

    def show_document(self, document: Document) -> None:
        """Build ``document`` here, on the GUI thread, and show it."""
        self.show_build(
            build_rich_document(document, font=self._zoomed_font(), load_image=read_image)
        )

    def show_build(self, build: RichBuild) -> None:
        """Show a document built by :func:`build_rich_document` (in this view's thread)."""
        old = self._build
        self._document = build.document
        self._build = build
        self._map = build.map
        build.qdoc.setParent(self)
        build.qdoc.setDefaultFont(self._zoomed_font())
        self.setDocument(build.qdoc)
        if old is not None and old.qdoc is not build.qdoc:
            old.qdoc.deleteLater()
        self._layers.clear()
        self._window = (-1, -1)

    # -- selection and position -------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        qs, qe = self._map.range_to_qt(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._map.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None

    def selected_text(self) -> str:
        span = self.selected_range()
        if span is None or self._document is None:
            return ""
        return self._document.text[span[0] : span[1]]

    def offset_at(self, pos: QPoint) -> int | None:
        if self._document is None or not self._document.text:
            return None
        cursor = self.cursorForPosition(pos)
        qt = cursor.position()
        rect = self.cursorRect(cursor)
        if pos.x() < rect.left() and qt > cursor.block().position():
            qt -= 1  # the point is on the right half of the character before
        elif qt >= cursor.block().position() + cursor.block().length() - 1:
            return None
        return min(self._map.from_qt(qt), len(self._document.text) - 1)

    def first_visible_offset(self) -> int:
        return self._map.from_qt(self.cursorForPosition(QPoint(0, 0)).position())

    def scroll_to_offset(self, offset: int) -> None:
        if not self.isVisible():
            self._pending_offset = offset
            return
        self._pending_offset = None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(offset))
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())  # scrolling back up puts the cursor's line on top
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    @property
    def has_painted(self) -> bool:
        return self._painted

    @property
    def painted_at(self) -> float:
        return self._painted_at

    # -- highlights -------------------------------------------------------------------------
    def set_highlights(
        self, layer: str, items: Sequence[HighlightItem], tooltip: Tooltip | None = None
    ) -> None:
        if not items and tooltip is None:
            self._layers.pop(layer, None)
        else:
            self._layers[layer] = self._layer(list(items), tooltip, None)
        self._window = (-1, -1)
        self._refresh.start()

    def set_range_highlights(
        self, layer: str, ranges: Sequence[tuple[int, int]], colour: QColor
    ) -> None:
        if ranges:
            self._layers[layer] = self._layer(list(ranges), None, QColor(colour))
        else:
            self._layers.pop(layer, None)
        self._window = (-1, -1)
        self._refresh.start()

    def clear_highlights(self, layer: str) -> None:
        self.set_highlights(layer, [])

    def highlight_count(self, layer: str) -> int:
        found = self._layers.get(layer)
        return len(found.items) if found else 0

    def _layer(
        self,
        items: list[tuple[int, int, QColor]] | list[tuple[int, int]],
        tooltip: Tooltip | None,
        colour: QColor | None,
    ) -> _Layer:
        to_qt, to_qt_end = self._map.to_qt, self._map.to_qt_end
        starts = [to_qt(r[0]) for r in items]
        ends = [to_qt_end(r[1]) for r in items]
        order = sorted(range(len(items)), key=starts.__getitem__)
        starts = [starts[i] for i in order]
        ends = [ends[i] for i in order]
        longest = max((e - s for s, e in zip(starts, ends, strict=True)), default=0)
        return _Layer(items, starts, ends, order, longest, tooltip, colour)

    def _visible_range(self) -> tuple[int, int]:
        return visible_positions(self)

    def _on_scrolled(self, _value: int) -> None:
        if self._layers:
            top, bottom = self._visible_range()
            if top < self._window[0] or bottom > self._window[1]:
                self._refresh.start()

    def _apply_visible_highlights(self) -> None:
        top, bottom = self._visible_range()
        lo, hi = max(0, top - VISIBLE_MARGIN), bottom + VISIBLE_MARGIN
        self._window = (lo, hi)
        names = painting_order(self._layers)
        selections: list[QTextEdit.ExtraSelection] = []
        for name in names:
            selections.extend(self._selections(self._layers[name], lo, hi))
        self.setExtraSelections(selections)

    def _selections(self, layer: _Layer, lo: int, hi: int) -> list[QTextEdit.ExtraSelection]:
        first = bisect.bisect_left(layer.qt_starts, lo - layer.longest)
        last = bisect.bisect_left(layer.qt_starts, hi)
        out = []
        doc = self.document()
        for k in range(first, min(last, first + MAX_SELECTIONS_PER_LAYER)):
            qs, qe = layer.qt_starts[k], layer.qt_ends[k]
            if qe <= lo or qe <= qs:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(qs)
            cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            item = layer.items[layer.order[k]]
            fmt.setBackground(layer.colour or item[2])  # type: ignore[misc]
            sel.format = fmt
            out.append(sel)
        return out

    def tooltip_at(self, pos: QPoint) -> str | None:
        """What hovering ``pos`` shows: a layer's tooltip, else a note's text or a link."""
        offset = self.offset_at(pos)
        if offset is not None:
            qt = self._map.to_qt(offset)
            for name in reversed(list(self._layers)):
                layer = self._layers[name]
                if layer.tooltip is None:
                    continue
                first = bisect.bisect_left(layer.qt_starts, qt - layer.longest)
                for k in range(first, bisect.bisect_right(layer.qt_starts, qt)):
                    if layer.qt_starts[k] <= qt < layer.qt_ends[k]:
                        text = layer.tooltip(layer.order[k])
                        if text:
                            return text
        cursor = self.cursorForPosition(pos)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
        tip = cursor.charFormat().toolTip()
        return tip or None

    # -- appearance ------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def _zoomed_font(self) -> QFont:
        font = QFont(self._base_font)
        size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
        font.setPointSizeF(max(4.0, size + self._zoom))
        return font

    def set_zoom(self, steps: int) -> None:
        steps = clamp_zoom(steps)
        changed = steps != self._zoom
        self._zoom = steps
        font = self._zoomed_font()
        self.setFont(font)
        self.document().setDefaultFont(font)
        if changed:
            self.zoom_changed.emit(steps)

    def set_base_font(self, font: QFont) -> None:
        self._base_font = QFont(font)
        zoomed = self._zoomed_font()
        self.setFont(zoomed)
        self.document().setDefaultFont(zoomed)

    # -- Qt overrides ------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        step = wheel_zoom(event)
        if step is None:
            super().wheelEvent(event)
            return
        if step:
            self.set_zoom(self._zoom + step)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.textCursor().hasSelection() or event.button() != Qt.MouseButton.LeftButton:
            return
        href = self.anchorAt(event.position().toPoint())
        if href.startswith("#"):
            self.scrollToAnchor(href[1:])
        elif href:
            QDesktopServices.openUrl(QUrl(href))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted and self._document is not None:
            self._painted = True
            self._painted_at = time.monotonic()
            QTimer.singleShot(0, self, self.first_painted.emit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_offset is not None:
            offset = self._pending_offset
            QTimer.singleShot(0, self, lambda: self.scroll_to_offset(offset))

"""The document view: a read-only QPlainTextEdit (fast with 20 MB) with highlight layers.

Every offset in this API is a Python ``str`` index into ``Document.text`` (end-exclusive),
whatever the view shows (the original or the 2021 Latin script); :mod:`reader.gui.textmap`
converts. Panels use these methods, which are kept stable:

- :meth:`DocumentViewer.select_range`, :meth:`DocumentViewer.selected_range`
- :meth:`DocumentViewer.set_highlights` / :meth:`DocumentViewer.clear_highlights` with named
  layers ("search", "entities", "annotations", ...)
- :meth:`DocumentViewer.offset_at` for hover tooltips
"""

import bisect
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from reader.core.document import Block
from reader.core.preferences_schema import Preferences
from reader.gui.textmap import QtRanges, TextMap, to_qt_ranges
from reader.gui.view import (
    VISIBLE_MARGIN,
    HighlightItem,
    Tooltip,
    painting_order,
    visible_positions,
    wheel_zoom,
)

log = logging.getLogger(__name__)


MAX_SELECTIONS_PER_LAYER = 4000
HEADING_SCALE = {1: 1.8, 2: 1.5, 3: 1.3, 4: 1.15, 5: 1.05, 6: 1.0}


REBUILD_LIMIT = 50_000  # one-colour layers longer than this are dropped, not remapped


@dataclass(slots=True)
class _Layer:
    """One layer: its items in original offsets and in Qt positions (``qt``)."""

    qt: QtRanges  # qt.ranges are the items: (start, end, colour) or (start, end)
    tooltip: Tooltip | None
    colour: QColor | None  # one colour for every item, else each item's third field


def document_font(prefs: Preferences) -> QFont:
    """The font documents are shown in: the user's family (or the application's, the
    bundled Noto Sans) and size."""
    font = QFont(prefs.font_family) if prefs.font_family else QFont(QApplication.font())
    font.setPointSize(prefs.font_size)
    return font


class DocumentViewer(QPlainTextEdit):
    """Read-only, selectable text of one document, zoomable, with highlight layers."""

    first_painted = Signal()  # once, after the text was painted for the first time
    zoom_changed = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        self.document().setDocumentMargin(12)
        self._map = TextMap.identity("")
        self._layers: dict[str, _Layer] = {}
        self._painted = False
        self.painted_at = 0.0  # time.monotonic() of the first paint of the text
        self._pending_offset: int | None = None
        self._base_size = self.font().pointSizeF()
        self._headings: list[Block] = []
        self._zoom = 0
        self._window = (-1, -1)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self._apply_visible_highlights)
        self.updateRequest.connect(self._on_update_request)
        self.selectionChanged.connect(self.selection_changed)
        self._line_length = 0  # characters per line; 0: as wide as the window

    # -- text ---------------------------------------------------------------------------
    @property
    def text_map(self) -> TextMap:
        """The current original-offset <-> Qt-position map."""
        return self._map

    def show_text(self, text: str, text_map: TextMap, blocks: Sequence[Block] = ()) -> None:
        """Show ``text`` (the original, or a transliteration described by ``text_map``).

        Headings among ``blocks`` (original offsets) are shown larger and bold. Highlights
        and the scroll position are kept, mapped onto the new text.
        """
        offset = self.first_visible_offset() if self.document().characterCount() > 1 else None
        self._map = text_map
        self.setPlainText(text)
        self._format_headings(blocks)
        for name, layer in list(self._layers.items()):
            if layer.colour is not None and len(layer.qt.ranges) > REBUILD_LIMIT:
                del self._layers[name]  # its owner sets it again (the search bar does)
            else:
                qt = to_qt_ranges(text_map, layer.qt.ranges)
                self._layers[name] = _Layer(qt, layer.tooltip, layer.colour)
        self._window = (-1, -1)
        self._refresh.start()
        if offset:
            self.scroll_to_offset(offset)

    def _format_headings(self, blocks: Sequence[Block]) -> None:
        headings = self._headings = [b for b in blocks if b.kind == "heading"]
        if not headings:
            return
        size = max(4.0, self._base_size + self._zoom)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for block in headings:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
            fmt.setFontPointSize(size * HEADING_SCALE.get(block.level, 1.0))
            start, end = self._map.range_to_qt(block.start, block.end)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    # -- selection and scrolling ----------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (original offsets) and scroll it into the middle."""
        qt_start, qt_end = self._map.range_to_qt(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as original offsets ``(start, end)``, or None if nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())

    def offset_at(self, pos: QPoint) -> int | None:
        """The original offset of the character under viewport point ``pos``, or None when
        there is no text there (an empty document, or past the end of a line)."""
        if self.document().characterCount() <= 1:
            return None
        cursor = self.cursorForPosition(pos)
        qt = cursor.position()
        rect = self.cursorRect(cursor)
        if pos.x() < rect.left() and qt > cursor.block().position():
            qt -= 1  # the click landed on the right half of the previous character
        elif qt >= cursor.block().position() + cursor.block().length() - 1:
            return None  # beyond the end of the line
        return self._map.from_qt(qt)

    def first_visible_offset(self) -> int:
        """The original offset of the first character at the top of the view."""
        return self._map.from_qt(self.cursorForPosition(QPoint(0, 0)).position())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that original ``offset`` is on the top line (once the view is shown)."""
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

    def cursor_line(self) -> int:
        """1-based line of the text cursor."""
        return self.textCursor().blockNumber() + 1

    # -- zoom -----------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Font size ``steps`` points from the default (clamped to -8..20)."""
        steps = max(-8, min(20, steps))
        size = max(4.0, self._base_size + steps)
        font = self.font()
        font.setPointSizeF(size)
        self.setFont(font)
        self._fit_line_length()
        changed = steps != self._zoom
        self._zoom = steps
        if self._headings:
            self._format_headings(self._headings)
        if changed:
            self.zoom_changed.emit(steps)

    @property
    def has_painted(self) -> bool:
        """True once the text has been painted (``first_painted`` was or is about to be sent)."""
        return self._painted

    def set_base_font(self, font: QFont) -> None:
        """Use ``font`` (the user's preferred family and size) at zoom step 0."""
        if font.pointSizeF() > 0:
            self._base_size = font.pointSizeF()
        base = QFont(font)
        base.setPointSizeF(max(4.0, self._base_size + self._zoom))
        self.setFont(base)
        self._fit_line_length()
        if self._headings:
            self._format_headings(self._headings)

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = wheel_zoom(event)
        if step is None:
            super().wheelEvent(event)
            return
        if step:
            self.set_zoom(self._zoom + step)
        event.accept()

    # -- highlights -----------------------------------------------------------------------
    def set_highlights(
        self, layer: str, items: Sequence[HighlightItem], tooltip: Tooltip | None = None
    ) -> None:
        """Replace layer ``layer`` with ``items``: ``(start, end, colour)`` in original offsets.

        Layers are independent ("search", "entities", "annotations"; any name works) and
        painted in that order. Only the items near the visible text are handed to Qt, so
        tens of thousands are cheap. ``tooltip(i)``, if given, returns the hover text of
        ``items[i]`` (or None for no tooltip).
        """
        if not items and tooltip is None:
            self._layers.pop(layer, None)
        else:
            self._layers[layer] = _Layer(to_qt_ranges(self._map, list(items)), tooltip, None)
        self._window = (-1, -1)
        self._refresh.start()

    def set_range_highlights(
        self, layer: str, ranges: QtRanges | Sequence[tuple[int, int]], colour: QColor
    ) -> None:
        """Replace layer ``layer`` with ``ranges`` (original ``(start, end)``), all in
        ``colour``. For very many ranges, pass ``to_qt_ranges(viewer.text_map, ranges)``
        built in a background job: then this costs nothing on the GUI thread."""
        if isinstance(ranges, QtRanges):
            qt = ranges if ranges.text_map is self._map else to_qt_ranges(self._map, ranges.ranges)
        else:
            qt = to_qt_ranges(self._map, list(ranges))
        if qt.ranges:
            self._layers[layer] = _Layer(qt, None, QColor(colour))
        else:
            self._layers.pop(layer, None)
        self._window = (-1, -1)
        self._refresh.start()

    def clear_highlights(self, layer: str) -> None:
        self.set_highlights(layer, [])

    def highlight_count(self, layer: str) -> int:
        layer_ = self._layers.get(layer)
        return len(layer_.qt.ranges) if layer_ else 0

    def _visible_range(self) -> tuple[int, int]:
        """Qt positions of the first and last characters in the viewport."""
        return visible_positions(self)

    def _on_update_request(self, _rect: object, dy: int) -> None:
        if self._layers and dy:
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
        qt = layer.qt
        first = bisect.bisect_left(qt.qt_starts, lo - qt.longest)
        last = bisect.bisect_left(qt.qt_starts, hi)
        out = []
        doc = self.document()
        for k in range(first, min(last, first + MAX_SELECTIONS_PER_LAYER)):
            qs, qe = qt.qt_starts[k], qt.qt_ends[k]
            if qe <= lo or qe <= qs:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(qs)
            cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            colour = layer.colour or qt.ranges[qt.order[k]][2]
            fmt.setBackground(colour)
            sel.format = fmt
            out.append(sel)
        return out

    def _tooltip_at(self, offset: int) -> str | None:
        qt = self._map.to_qt(offset)
        for name in reversed(list(self._layers)):
            layer = self._layers[name]
            if layer.tooltip is None:
                continue
            ranges = layer.qt
            first = bisect.bisect_left(ranges.qt_starts, qt - ranges.longest)
            last = bisect.bisect_right(ranges.qt_starts, qt)
            for k in range(first, last):
                if ranges.qt_starts[k] <= qt < ranges.qt_ends[k]:
                    text = layer.tooltip(ranges.order[k])
                    if text:
                        return text
        return None

    # -- Qt overrides -----------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at(event.pos())
            text = self._tooltip_at(offset) if offset is not None else None
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted and self.document().characterCount() > 1:
            self._painted = True
            self.painted_at = time.monotonic()
            QTimer.singleShot(0, self, self.first_painted.emit)

    # -- reading comfort ------------------------------------------------------------------
    def widget(self) -> QWidget:
        return self

    def selected_text(self) -> str:
        """The selection as shown, with line breaks (what Copy puts on the clipboard)."""
        return self.textCursor().selectedText().replace("\u2029", "\n")

    def set_line_length(self, characters: int) -> None:
        """Keep lines to about ``characters`` wide (centred, like a page); 0: full width."""
        self._line_length = max(0, characters)
        self._fit_line_length()

    def _fit_line_length(self) -> None:
        margin = 0
        if self._line_length:
            column = self.fontMetrics().averageCharWidth() * self._line_length
            column += 2 * int(self.document().documentMargin())
            margin = max(0, (self.width() - self.verticalScrollBar().sizeHint().width()
                             - column) // 2)  # fmt: skip
        if self.viewportMargins().left() != margin:
            self.setViewportMargins(margin, 0, margin, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_line_length()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A selection made with the mouse takes whole words (hold Alt to select freely)."""
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self._snap_to_words()

    def _snap_to_words(self) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        forward = cursor.position() == end
        lo, hi = QTextCursor(self.document()), QTextCursor(self.document())
        lo.setPosition(start)
        hi.setPosition(end)
        if _inside_word(lo, after=True):
            lo.movePosition(QTextCursor.MoveOperation.StartOfWord)
        if _inside_word(hi, after=False):
            hi.movePosition(QTextCursor.MoveOperation.EndOfWord)
        if (lo.position(), hi.position()) == (start, end):
            return
        snapped = QTextCursor(self.document())
        anchor, position = (lo, hi) if forward else (hi, lo)
        snapped.setPosition(anchor.position())
        snapped.setPosition(position.position(), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(snapped)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_offset is not None:
            offset = self._pending_offset
            QTimer.singleShot(0, self, lambda: self.scroll_to_offset(offset))


def _inside_word(cursor: QTextCursor, *, after: bool) -> bool:
    """Whether ``cursor`` sits between two letters of a word (so a selection edge there
    cuts the word): the character on its inner side and the one on its outer side."""
    block = cursor.block().text()
    at = cursor.positionInBlock()
    inner = block[at] if after and at < len(block) else block[at - 1] if not after and at else ""
    outer = block[at - 1] if after and at else block[at] if not after and at < len(block) else ""
    return bool(inner) and bool(outer) and _wordy(inner) and _wordy(outer)


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch in "-\u2019'ʼ"

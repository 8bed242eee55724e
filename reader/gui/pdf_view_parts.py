"""What goes around a page view: its toolbar (page box, fit, rotate) and its sidebar
(the PDF's bookmarks, else thumbnails of the pages: :func:`sidebar_for`)."""

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.core import pdfium
from reader.gui.page_cache import PageRenderer, render_key
from reader.gui.pdf_view import PdfPageView


class PdfToolbarWidget(QWidget):
    """Page number box, page count, fit width, fit page and rotate, for the window's
    toolbar; it follows and drives ``view``."""

    def __init__(self, view: PdfPageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page_box = QSpinBox(self)
        self.page_box.setRange(1, max(1, view.page_count))
        self.page_box.setAccessibleName(self.tr("Page number"))
        self.page_box.setKeyboardTracking(False)
        self.count_label = QLabel(self.tr("of %n", "", view.page_count), self)
        self.fit_width = self._button(self.tr("Fit width"), lambda: view.set_fit("width"))
        self.fit_page = self._button(self.tr("Fit page"), lambda: view.set_fit("page"))
        self.rotate = self._button(self.tr("Rotate"), lambda: view.rotate(90))
        for w in (self.page_box, self.count_label, self.fit_width, self.fit_page, self.rotate):
            layout.addWidget(w)
        self.page_box.valueChanged.connect(lambda n: view.go_to_page(n - 1))
        view.page_changed.connect(self._on_page_changed)
        view.fit_changed.connect(self._on_fit_changed)
        self._on_fit_changed(view.fit)

    def _button(self, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setCheckable(text != self.tr("Rotate"))
        button.clicked.connect(slot)
        return button

    def _on_page_changed(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)

    def _on_fit_changed(self, fit: str) -> None:
        self.fit_width.setChecked(fit == "width")
        self.fit_page.setChecked(fit == "page")


class PdfOutlinePanel(QTreeWidget):
    """The PDF's bookmarks as a tree; a click goes to the page."""

    def __init__(self, view: PdfPageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self._view = view
        parents: list[QTreeWidgetItem] = []
        for level, title, page in view.outline:
            item = QTreeWidgetItem([title or self.tr("(untitled)")])
            item.setData(0, Qt.ItemDataRole.UserRole, page)
            del parents[level:]
            if parents:
                parents[-1].addChild(item)
            else:
                self.addTopLevelItem(item)
            parents.append(item)
        self.itemActivated.connect(self._on_item)
        self.itemClicked.connect(self._on_item)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self._view.go_to_page(int(item.data(0, Qt.ItemDataRole.UserRole)))


THUMB_WIDTH = 96  # pixels


class PdfThumbnailPanel(QListWidget):
    """Small pictures of the pages (for a PDF without bookmarks), rendered when their row
    scrolls into sight, at background priority, within a small budget of their own."""

    def __init__(self, view: PdfPageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        w, h = view.page_size(0)
        self._scale = THUMB_WIDTH / max(1.0, w)
        self.setIconSize(QSize(THUMB_WIDTH, round(h * self._scale)))
        self._renderer = PageRenderer(
            view.renderer.handle, budget=24 << 20, parent=self, owns_handle=False
        )
        self._renderer.page_ready.connect(self._on_ready)
        for k in range(view.page_count):
            self.addItem(QListWidgetItem(str(k + 1)))
        self.itemClicked.connect(lambda item: view.go_to_page(self.row(item)))
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._request_visible())
        view.page_changed.connect(self._on_page_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._request_visible()

    def _rows_in_sight(self) -> range:
        first = self.indexAt(QPoint(4, 4)).row()
        last = self.indexAt(QPoint(4, self.viewport().height() - 4)).row()
        first = max(0, first)
        last = self.count() - 1 if last < 0 else last
        return range(first, min(self.count(), last + 2))

    def _request_visible(self) -> None:
        rows = self._rows_in_sight()
        for row in rows:
            self._renderer.request(render_key(row, self._scale, 0), pdfium.BACKGROUND)
        self._renderer.keep_only(set(rows))

    def _on_ready(self, index: int) -> None:
        image = self._renderer.image(render_key(index, self._scale, 0))
        if image is not None and index < self.count():
            self.item(index).setIcon(QIcon(QPixmap.fromImage(image)))

    def _on_page_changed(self, index: int) -> None:
        if 0 <= index < self.count():
            self.setCurrentRow(index)


def sidebar_for(view: PdfPageView, parent: QWidget | None = None) -> QWidget:
    """The bookmarks if the PDF has them, else the thumbnails."""
    return PdfOutlinePanel(view, parent) if view.outline else PdfThumbnailPanel(view, parent)

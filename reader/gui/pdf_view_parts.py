"""What goes around a page view: its toolbar (page box, fit, rotate) and its sidebar
(the PDF's bookmarks, else a list of pages)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

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
    """The PDF's bookmarks as a tree (a click goes to the page); a PDF without bookmarks
    gets one row a page."""

    def __init__(self, view: PdfPageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self._view = view
        parents: list[QTreeWidgetItem] = []
        for level, title, page in view.outline or _pages(view.page_count):
            item = QTreeWidgetItem([title])
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


def _pages(count: int) -> list[tuple[int, str, int]]:
    return [(0, str(k + 1), k) for k in range(min(count, 5000))]

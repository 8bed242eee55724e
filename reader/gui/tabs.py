"""The tab strip: closable (Ctrl+W, middle click), movable tabs, and the loading placeholder."""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


class LoadingWidget(QWidget):
    """Stands in a tab while its file loads: the file name, a progress bar and Cancel."""

    cancel_requested = Signal()

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.job_id = 0
        self.restore_offset = 0
        self.password: str | None = None  # an encrypted PDF's, once the user gave it
        self.label = QLabel(self.tr("Opening %1…").replace("%1", path))
        self.label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the loader reports a total
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addStretch(2)

    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        scale = max(1, total // 1_000_000)  # QProgressBar holds ints up to 2**31
        self.progress.setRange(0, total // scale)
        self.progress.setValue(min(done, total) // scale)


class DocumentTabs(QTabWidget):
    """Tabs of open documents; emits ``close_requested(index)`` for the window to decide."""

    close_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabCloseRequested.connect(self.close_requested)
        self.tabBar().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tabBar()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.MiddleButton
        ):
            index = self.tabBar().tabAt(event.position().toPoint())
            if index >= 0:
                self.close_requested.emit(index)
                return True
        return super().eventFilter(watched, event)

    def step(self, delta: int) -> None:
        """Activate the next (``delta=1``) or previous (``-1``) tab, wrapping around."""
        if self.count():
            self.setCurrentIndex((self.currentIndex() + delta) % self.count())

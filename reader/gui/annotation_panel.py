"""The annotations panel: a document's highlights and notes in text order, then its orphans.

Each row shows the colour as a swatch, the quoted text and the note. The list can be
filtered by colour and by text (quote or note, case-insensitive). Clicking a row asks the
controller to scroll to it and select it; double-click edits its note; the context menu
edits or deletes. Orphans (annotations whose text is no longer in the file) are listed
under their own heading so that nothing is silently lost.
"""

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations import COLORS, Annotation, DocumentAnnotations

ID_ROLE = Qt.ItemDataRole.UserRole
ORPHAN_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_CHARS = 160  # longer quotes are shortened in the list (the tooltip has it all)


def swatch(color: str, size: int = 14) -> QIcon:
    """A small square of the highlight colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(COLORS.get(color, COLORS["yellow"])))
    return QIcon(pixmap)


def color_label(name: str) -> str:
    """The colour's name for people (translated)."""
    labels = {
        "yellow": QCoreApplication.translate("AnnotationPanel", "Yellow"),
        "green": QCoreApplication.translate("AnnotationPanel", "Green"),
        "blue": QCoreApplication.translate("AnnotationPanel", "Blue"),
        "pink": QCoreApplication.translate("AnnotationPanel", "Pink"),
        "orange": QCoreApplication.translate("AnnotationPanel", "Orange"),
    }
    return labels.get(name, name)


class AnnotationPanel(QWidget):
    """Lists one document's annotations; emits ids for the controller to act on."""

    activated = Signal(str)  # scroll to and select this annotation
    edit_requested = Signal(str)  # edit its note
    delete_requested = Signal(str)
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotation_panel")
        self._data = DocumentAnnotations()
        self.color_filter = QComboBox()
        self.color_filter.setAccessibleName(self.tr("Show highlights of colour"))
        self.color_filter.addItem(self.tr("All colours"), "")
        for name in COLORS:
            self.color_filter.addItem(swatch(name), color_label(name), name)
        self.text_filter = QLineEdit()
        self.text_filter.setAccessibleName(self.tr("Filter annotations by text or note"))
        self.text_filter.setPlaceholderText(self.tr("Filter by text or note"))
        self.text_filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Annotations of this document"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.summary = QLabel()
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self._layout()
        self._connect()
        self.show_annotations(None)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.color_filter)
        filters.addWidget(self.text_filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.color_filter.currentIndexChanged.connect(self._refill)
        self.text_filter.textChanged.connect(self._refill)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        self.list.itemDoubleClicked.connect(self._on_double_clicked)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button.clicked.connect(self.export_requested)

    # -- content ----------------------------------------------------------------------------
    def show_annotations(self, data: DocumentAnnotations | None) -> None:
        """Show ``data`` (None: no document), keeping the filters."""
        self._data = data or DocumentAnnotations()
        enabled = data is not None
        for widget in (self.import_button, self.export_button):
            widget.setEnabled(enabled)
        self._refill()

    def visible_ids(self) -> list[str]:
        """Ids of the rows shown, top to bottom (orphans last)."""
        ids = []
        for row in range(self.list.count()):
            value = self.list.item(row).data(ID_ROLE)
            if value:
                ids.append(str(value))
        return ids

    def item_for(self, ann_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == ann_id:
                return item
        return None

    def _matches(self, ann: Annotation) -> bool:
        color = self.color_filter.currentData()
        if color and ann.color != color:
            return False
        needle = self.text_filter.text().strip().casefold()
        return not needle or needle in ann.exact.casefold() or needle in ann.note.casefold()

    def _refill(self) -> None:
        self.list.clear()
        attached = [a for a in self._data.attached if self._matches(a)]
        orphaned = [a for a in self._data.orphaned if self._matches(a)]
        for ann in attached:
            self.list.addItem(self._item(ann, orphan=False))
        if orphaned:
            header = QListWidgetItem(self.tr("Orphaned: their text is no longer in the document"))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.list.addItem(header)
            for ann in orphaned:
                self.list.addItem(self._item(ann, orphan=True))
        total = len(self._data.attached) + len(self._data.orphaned)
        shown = len(attached) + len(orphaned)
        if shown == total:
            self.summary.setText(self.tr("%n annotation(s)", "", total))
        else:
            self.summary.setText(
                self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
            )

    def _item(self, ann: Annotation, *, orphan: bool) -> QListWidgetItem:
        quote = " ".join(ann.exact.split())
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        text = f"“{quote}”"
        if ann.note:
            text += "\n" + ann.note
        item = QListWidgetItem(swatch(ann.color), text)
        item.setData(ID_ROLE, ann.id)
        item.setData(ORPHAN_ROLE, orphan)
        item.setToolTip(ann.note or ann.exact)
        if orphan:
            item.setForeground(self.palette().placeholderText())
        return item

    # -- slots ------------------------------------------------------------------------------
    def _on_clicked(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE) and not item.data(ORPHAN_ROLE):
            self.activated.emit(str(item.data(ID_ROLE)))

    def _on_double_clicked(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.edit_requested.emit(str(item.data(ID_ROLE)))

    def _on_context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None or not item.data(ID_ROLE):
            return
        ann_id = str(item.data(ID_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Edit Note…"), lambda: self.edit_requested.emit(ann_id))
        menu.addAction(self.tr("Delete"), lambda: self.delete_requested.emit(ann_id))
        menu.exec(self.list.viewport().mapToGlobal(pos))

"""The note editor: room to write a paragraph, with the passage the note belongs to.

``NoteEditor.ask(parent, passage, note)`` returns the edited note, or None when the user
cancels. Text wraps; Ctrl+Enter saves; the passage is shown above, read-only and shortened
in the middle when it is long.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

PASSAGE_SHOWN = 400  # characters of the passage shown (its start and end when longer)


def shortened(passage: str, limit: int = PASSAGE_SHOWN) -> str:
    """``passage`` on one line, its middle left out when it is longer than ``limit``."""
    flat = " ".join(passage.split())
    if len(flat) <= limit:
        return flat
    half = limit // 2
    return f"{flat[:half].rstrip()} … {flat[-half:].lstrip()}"


class NoteEditor(QDialog):
    """Edit one note; :meth:`ask` runs it."""

    def __init__(self, passage: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        self.setMinimumSize(520, 340)
        self.passage_label = QLabel(f"«{shortened(passage)}»")
        self.passage_label.setWordWrap(True)
        self.passage_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passage_label.setAccessibleName(self.tr("Annotated passage"))
        self.editor = QPlainTextEdit(note)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setPlaceholderText(self.tr("Write your note here"))
        self.editor.setAccessibleName(self.tr("Note"))
        self.editor.setTabChangesFocus(True)
        label = QLabel(self.tr("&Note:"))
        label.setBuddy(self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.passage_label)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def note(self) -> str:
        return self.editor.toPlainText()

    @classmethod
    def ask(cls, parent: QWidget | None, passage: str, note: str) -> str | None:
        """Show the editor; the note as edited, or None if the user cancelled."""
        dialog = cls(passage, note, parent)
        try:
            return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

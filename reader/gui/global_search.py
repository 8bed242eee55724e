"""Search across all open documents (Ctrl+Shift+F): matches per document, a line of context
each; activating one shows that tab at that place. The search runs in the background on
snapshots of the documents' texts."""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.search import MODES, line_contexts
from reader.gui.search_bar import mode_labels, search_text
from reader.gui.services import Sessions
from reader.gui.session import DocumentSession
from reader.gui.tasks import Job, JobContext, Priority, TaskRunner
from reader.gui.textmap import TextMap

MAX_PER_DOCUMENT = 1000  # listed matches per document (the count shows all of them)
Row = tuple[int, int, int, str]  # start, end, line, context


# What is searched in one document: its text, and for a document shown in Latin script the
# shown text and its map (exact and regex queries are read against what the user sees).
Snapshot = tuple[str, str | None, TextMap | None, Any]  # text, shown, map, word index


def _search_all(
    job: JobContext, snapshots: list[Snapshot], query: str, opts: tuple[str, bool, bool]
) -> Any:
    results: list[tuple[int, list[Row]]] = []
    for original, shown, shown_map, index in snapshots:
        job.check()
        searched = shown if shown is not None and opts[0] != "words" else original
        matches = search_text(
            searched, query, opts[0], opts[1], opts[2],
            shown_map if searched is shown else None, index if searched is original else None,
        )  # fmt: skip
        listed = matches[:MAX_PER_DOCUMENT]
        contexts = line_contexts(original, listed)
        if shown is not None:  # the lines as the viewer shows them (newlines are kept)
            from reader.core.kazakh import to_latin

            contexts = [(line, to_latin(context)) for line, context in contexts]
        rows = [
            (s, e, line, context) for (s, e), (line, context) in zip(listed, contexts, strict=True)
        ]
        results.append((len(matches), rows))
    return results


class GlobalSearchPanel(QWidget):
    """A query box and a tree: one top-level item per document, one child per match."""

    search_finished = Signal(int)  # matches found in all documents (0 also for an error)

    def __init__(self, tasks: TaskRunner, sessions: Sessions, default_mode: str = "words") -> None:
        super().__init__()
        self._tasks = tasks
        self._all = sessions
        self._job: Job | None = None
        self._sessions: list[DocumentSession] = []
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr("Find in all open documents"))
        self.query_edit.setClearButtonEnabled(True)
        self.mode_combo = QComboBox()
        labels = mode_labels()
        for mode in MODES:
            self.mode_combo.addItem(labels[mode], mode)
        self.set_default_mode(default_mode)
        self.case_box = QCheckBox(self.tr("Match case"))
        self.word_box = QCheckBox(self.tr("Whole word"))
        self.status_label = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Match"), self.tr("Line")])
        self.tree.setRootIsDecorated(True)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)
        self.query_edit.returnPressed.connect(self.run_search)
        row = QHBoxLayout()
        for w in (self.mode_combo, self.case_box, self.word_box):
            row.addWidget(w)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tree, 1)
        sessions.session_closed.connect(self._on_session_closed)

    def set_default_mode(self, mode: str) -> None:
        index = self.mode_combo.findData(mode)
        if index >= 0:
            self.mode_combo.setCurrentIndex(index)

    def activate(self) -> None:
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def run_search(self) -> None:
        """Search every loaded document for the query (Enter in the query box)."""
        query = self.query_edit.text()
        self.tree.clear()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._sessions = self._all.sessions()
        if not query or not self._sessions:
            self.status_label.clear()
            return
        snapshots: list[Snapshot] = [
            (s.document.text, s.shown_text, s.viewer.text_map, s.word_index)
            if s.is_latin
            else (s.document.text, None, None, s.word_index)
            for s in self._sessions
        ]
        opts = (
            str(self.mode_combo.currentData()),
            self.case_box.isChecked(),
            self.word_box.isChecked(),
        )
        self.status_label.setText(self.tr("Searching…"))
        self._job = self._tasks.submit(
            lambda job: _search_all(job, snapshots, query, opts),
            on_done=self._on_finished,
            on_failed=self._on_failed,
            priority=Priority.USER,
            owner=self,
        )

    def _on_session_closed(self, session: DocumentSession) -> None:
        """A closed document's results go (its matches can no longer be shown)."""
        for i in reversed(range(self.tree.topLevelItemCount())):
            item = self.tree.topLevelItem(i)
            data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
            if data and data[0] is session:
                self.tree.takeTopLevelItem(i)
        if session in self._sessions:
            self._sessions.remove(session)

    def _on_finished(self, result: Any) -> None:
        self._job = None
        if len(result) != len(self._sessions):  # a document closed while it ran
            self.run_search()
            return
        total = 0
        for session, (count, rows) in zip(self._sessions, result, strict=True):
            total += count
            top = QTreeWidgetItem([f"{session.title} ({count})", ""])
            top.setToolTip(0, session.path)
            top.setData(0, Qt.ItemDataRole.UserRole, (session, None))
            for start, end, line, context in rows:
                child = QTreeWidgetItem([context, str(line)])
                child.setData(0, Qt.ItemDataRole.UserRole, (session, (start, end)))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(count > 0)
        self.tree.resizeColumnToContents(1)
        self.status_label.setText(
            self.tr("%1 matches in %2 documents")
            .replace("%1", str(total))
            .replace("%2", str(len(self._sessions)))
            if total
            else self.tr("No matches")
        )
        self.search_finished.emit(total)

    def _on_failed(self, message: str) -> None:
        self._job = None
        self.status_label.setText(message)
        self.search_finished.emit(0)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if not data:
            return
        session, span = data
        if session not in self._all.sessions():
            return  # its tab was closed since the search
        self._all.activate_session(session)
        if span is not None:
            session.viewer.select_range(*span)
            session.viewer.setFocus()

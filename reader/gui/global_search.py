"""Search across all open documents (Ctrl+Shift+F): matches per document, a line of context
each; activating one shows that tab at that place. The search runs in the background on
snapshots of the documents' texts."""

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
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
Row = tuple[int, int, int, str, int, int]  # start, end, line, context, match in context
CONTEXT_CHARS = 150  # of the line either side of a match
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end) of the match inside the context


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
        lines = line_contexts(original, listed, width=0)
        rows: list[Row] = []
        for (start, end), (line, _) in zip(listed, lines, strict=True):
            before, match, after = _around(original, start, end)
            if shown is not None:  # the line as the viewer shows it
                from reader.core.kazakh import to_latin

                before, match, after = to_latin(before), to_latin(match), to_latin(after)
            context = before + match + after
            rows.append((start, end, line, context, len(before), len(before) + len(match)))
        results.append((len(matches), rows))
    return results


def _around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The match's line, cut to :data:`CONTEXT_CHARS` either side: before, match, after."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    lo, hi = max(line_start, start - CONTEXT_CHARS), min(line_end, end + CONTEXT_CHARS)
    before = ("…" if lo > line_start else "") + text[lo:start].lstrip()
    after = text[end:hi].rstrip() + ("…" if hi < line_end else "")
    return before, text[start:end], after


class _MatchDelegate(QStyledItemDelegate):
    """Draws a context line with its match in bold (the rest as the style draws text)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        span = index.data(MATCH_ROLE)
        if not span:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        lo, hi = span
        parts = ((text[:lo], False), (text[lo:hi], True), (text[hi:], False))
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        x = rect.left() + 2
        for part, bold in parts:
            font = QFont(opt.font)
            font.setBold(bold)
            painter.setFont(font)
            metrics = QFontMetrics(font)
            width = rect.right() - x
            if width <= 0:
                break
            shown = metrics.elidedText(part, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                QRect(x, rect.top(), width, rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                shown,
            )
            x += metrics.horizontalAdvance(shown)
        painter.restore()


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
        self.query_edit.setAccessibleName(self.tr("Find in all open documents"))
        self.query_edit.setPlaceholderText(self.tr("Find in all open documents"))
        self.query_edit.setClearButtonEnabled(True)
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName(self.tr("Search mode"))
        labels = mode_labels()
        for mode in MODES:
            self.mode_combo.addItem(labels[mode], mode)
        self.set_default_mode(default_mode)
        self.case_box = QCheckBox(self.tr("Match case"))
        self.word_box = QCheckBox(self.tr("Whole word"))
        self.status_label = QLabel()
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Matches in all documents"))
        self.tree.setHeaderLabels([self.tr("Match"), self.tr("Line")])
        self.tree.setRootIsDecorated(True)
        self.tree.setItemDelegateForColumn(0, _MatchDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
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
        sessions.session_opened.connect(self._on_session_opened)

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
            (s.document.text, s.shown_text, s.text_map, s.word_index)
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

    def _on_session_opened(self, _session: DocumentSession) -> None:
        """A new document joins the results of the search shown (the list stays current)."""
        if self.query_edit.text() and self.tree.topLevelItemCount() and self.isVisible():
            self.run_search()

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
            for start, end, line, context, lo, hi in rows:
                child = QTreeWidgetItem([context, str(line)])
                child.setData(0, Qt.ItemDataRole.UserRole, (session, (start, end)))
                child.setData(0, MATCH_ROLE, (lo, hi))
                child.setToolTip(0, context)
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

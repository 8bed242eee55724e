"""The search bar under the document (Ctrl+F): searches as you type, highlights every match.

Searching goes only through :func:`reader.core.search.find`. Small documents are searched
at once; big ones in the background (TaskRunner) after a short pause in typing, and only
the newest job's result is shown, so typing never waits for a search. In the Latin view,
exact and regex queries search the Latin text and map matches back to original offsets;
word-form search always runs on the original (it understands Latin queries itself).
"""

from __future__ import annotations

import bisect
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from reader.core.search import MODES, Match, QueryError, find
from reader.gui.services import Sessions
from reader.gui.session import DocumentSession
from reader.gui.tasks import Job, JobContext, Priority, TaskRunner
from reader.gui.textmap import QtRanges, TextMap, to_qt_ranges

if TYPE_CHECKING:  # the index's module (lexicon, Apertium) loads with the first index
    from reader.core.kazakh.wordsearch import WordIndex

log = logging.getLogger(__name__)

SYNC_LIMIT = 300_000  # characters searched on the GUI thread; longer texts go to a worker
DEBOUNCE_MS = 150
MATCH_COLOUR = QColor(255, 235, 120)
CURRENT_COLOUR = QColor(255, 150, 50)


def search_text(
    text: str,
    query: str,
    mode: str,
    case: bool,
    whole_word: bool,
    shown_map: TextMap | None,
    index: WordIndex | None = None,
) -> list[tuple[int, int]]:
    """Matches of ``query`` as original ranges; ``shown_map`` maps shown-text matches back;
    ``index`` is the word index of ``text`` for word-form searches, if there is one."""
    matches: list[Match] = find(
        text, query, mode=mode, case=case, whole_word=whole_word, index=index
    )
    if shown_map is None:
        return [(m.start, m.end) for m in matches]
    return [shown_map.shown_to_original(m.start, m.end) for m in matches]


def mode_labels() -> dict[str, str]:
    """The short name of each search mode, as the search bar and global search show it."""

    translate = QCoreApplication.translate
    return {
        "words": translate("SearchBarWidget", "Words"),
        "exact": translate("SearchBarWidget", "Exact"),
        "regex": translate("SearchBarWidget", "Regex"),
    }


class SearchBarWidget(QWidget):
    """Query, mode (Words/Exact/Regex), Match case, Whole word, previous/next, "3 of 17"."""

    closed = Signal()
    results_changed = Signal(int)  # number of matches (0 also for an error)

    def __init__(
        self,
        tasks: TaskRunner,
        sessions: Sessions,
        default_mode: str = "words",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._session: DocumentSession | None = None
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._job: Job | None = None
        self._build(default_mode if default_mode in MODES else "words")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._menu_actions = self._build_actions()
        sessions.current_session_changed.connect(self.set_session)
        self.set_session(sessions.current_session())

    def _build_actions(self) -> list[QAction]:
        K = QKeySequence.StandardKey

        translate = QCoreApplication.translate
        specs = [  # the window's strings once, and their translations
            (translate("MainWindow", "&Find…"), self.activate, [QKeySequence(K.Find)]),
            (translate("MainWindow", "Find &Next"), lambda: self.step(1), [QKeySequence("F3")]),
            (
                translate("MainWindow", "Find &Previous"),
                lambda: self.step(-1),
                [QKeySequence("Shift+F3")],
            ),
        ]
        actions = []
        for text, slot, keys in specs:
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.triggered.connect(slot)
            actions.append(action)
        return actions

    def actions_for_menu(self) -> list[QAction]:
        """Find…, Find Next, Find Previous (the composition puts them in the Edit menu)."""
        return list(self._menu_actions)

    def _build(self, mode: str) -> None:
        self.query_edit = QLineEdit()
        self.query_edit.setAccessibleName(self.tr("Find in document"))
        self.query_edit.setPlaceholderText(self.tr("Find in document"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.installEventFilter(self)
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName(self.tr("Search mode"))
        labels = mode_labels()
        tips = {
            "words": self.tr("Find every inflected form of the words, in any Kazakh spelling"),
            "exact": self.tr("Find the text exactly as typed"),
            "regex": self.tr("Treat the query as a Python regular expression"),
        }
        for m in MODES:
            self.mode_combo.addItem(labels[m], m)
            self.mode_combo.setItemData(
                self.mode_combo.count() - 1, tips[m], Qt.ItemDataRole.ToolTipRole
            )
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode)))
        self.mode_combo.setToolTip(
            self.tr("How the query is matched: word forms, exact text or regex")
        )
        self.case_button = self._toggle(
            self.tr("Aa"), self.tr("Match case: tell upper and lower case apart")
        )
        self.word_button = self._toggle(
            self.tr("W"), self.tr("Whole word: match only complete words")
        )
        self.prev_button = self._button("↑", self.tr("Previous match (Shift+Enter, Shift+F3)"))
        self.next_button = self._button("↓", self.tr("Next match (Enter, F3)"))
        self.status_label = QLabel()
        self.status_label.setMinimumWidth(120)
        close = self._button("✕", self.tr("Close the search bar (Esc)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        self.query_edit.textChanged.connect(self._schedule)
        self.mode_combo.currentIndexChanged.connect(self._schedule)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.query_edit, 1)
        widgets: tuple[QWidget, ...] = (self.mode_combo, self.case_button, self.word_button)
        widgets += (self.prev_button, self.next_button, self.status_label, close)
        for w in widgets:
            layout.addWidget(w)

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = self._button(text, tip)
        button.setCheckable(True)
        button.toggled.connect(self._schedule)
        return button

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0].split(":")[0])  # "Next match", "Match case"
        button.setAutoRaise(True)
        return button

    # -- public ---------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def set_default_mode(self, mode: str) -> None:
        """Switch to ``mode`` (a new default from the preferences); unknown modes are ignored."""
        index = self.mode_combo.findData(mode)
        if index >= 0:
            self.mode_combo.setCurrentIndex(index)

    @property
    def matches(self) -> list[tuple[int, int]]:
        """The current matches as original ``(start, end)`` offsets."""
        return list(self._matches)

    @property
    def current_index(self) -> int:
        """Index of the current match in :attr:`matches`, or -1."""
        return self._current

    def activate(self) -> None:
        """Show the bar and focus the query, with the selection as the query if short."""
        session = self._session
        if session is not None:
            picked = session.viewer.selected_text()
            if picked and len(picked) < 100 and "\u2029" not in picked:
                self.query_edit.setText(picked)
        self.show()
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._set_matches([], None)
        self.status_label.clear()
        if self._session is not None:
            self._session.viewer.setFocus()
        self.closed.emit()

    def set_session(self, session: DocumentSession | None) -> None:
        """Search ``session`` from now on (the current tab changed)."""
        if self._session is not None and self._session is not session:
            try:
                self._session.viewer.clear_highlights("search")
                self._session.viewer.clear_highlights("search-current")
                self._session.latin_changed.disconnect(self._schedule)
            except RuntimeError:  # its viewer is already gone
                pass
        self._session = session
        self._matches, self._current = [], -1
        if session is not None:
            session.latin_changed.connect(self._schedule)
        if self.isVisible() and self.query_edit.text():
            self.run_search()

    def step(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) match, wrapping around."""
        if not self.isVisible():
            self.show()
            if self.query_edit.text():
                self.run_search()
            return
        if self._timer.isActive():
            self.run_search()
        if self._matches:
            self._go_to((self._current + delta) % len(self._matches))

    # -- searching ------------------------------------------------------------------------
    def _schedule(self, *_: Any) -> None:
        self._timer.start()

    def run_search(self) -> None:
        """Search now (on the GUI thread if the text is short, else in the background)."""
        self._timer.stop()
        session, query = self._session, self.query_edit.text()
        if self._job is not None:
            self._job.cancel()  # an older query's answer is of no use any more
            self._job = None
        if session is None or not query:
            self._set_matches([], None)
            self.status_label.clear()
            return
        text, shown_map = session.document.text, None
        if session.is_latin and self.mode != "words":
            text, shown_map = session.shown_text, session.text_map
        args = (
            text,
            query,
            self.mode,
            self.case_button.isChecked(),
            self.word_button.isChecked(),
            shown_map,
            session.word_index,
        )
        view_map = session.text_map if session.plain else None  # immutable: a snapshot
        if not _needs_background(text, self.mode, session.word_index is not None):
            try:
                matches = search_text(*args)
            except QueryError as exc:
                self._show_error(str(exc))
                return
            prepared = to_qt_ranges(view_map, matches) if view_map is not None else None
            self._show_results((matches, prepared))
            return
        self.status_label.setText(self.tr("Searching…"))
        self._job = self._tasks.submit(
            lambda job: _search_job(job, args, view_map),
            on_done=self._on_searched,
            on_failed=self._on_search_failed,
            priority=Priority.USER,
            owner=session,
        )

    def _on_searched(self, result: Any) -> None:
        self._job = None
        self._show_results(result)

    def _on_search_failed(self, message: str) -> None:
        self._job = None
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self._set_matches([], None)
        self.status_label.setStyleSheet("color: #b00020")
        self.status_label.setText(message)
        self.status_label.setToolTip(message)

    def _show_results(self, result: tuple[list[tuple[int, int]], QtRanges | None]) -> None:
        session = self._session
        if session is None:
            return
        matches, prepared = result
        first = bisect.bisect_left(matches, (session.viewer.first_visible_offset(), 0))
        self._set_matches(matches, first % len(matches) if matches else None, prepared)

    def _set_matches(
        self,
        matches: list[tuple[int, int]],
        current: int | None,
        prepared: QtRanges | None = None,
    ) -> None:
        self._matches = matches
        self._current = -1
        self.status_label.setStyleSheet("")
        self.status_label.setToolTip("")
        if self._session is not None:
            colour = MATCH_COLOUR
            self._session.viewer.set_range_highlights("search", prepared or matches, colour)
            if current is None:
                self._session.viewer.clear_highlights("search-current")
        if current is not None:
            self._go_to(current)
        elif self.query_edit.text():
            self.status_label.setText(self.tr("No matches"))
        self.results_changed.emit(len(matches))

    def _go_to(self, index: int) -> None:
        self._current = index
        start, end = self._matches[index]
        self.status_label.setText(
            self.tr("%1 of %2").replace("%1", str(index + 1)).replace("%2", str(len(self._matches)))
        )
        if self._session is not None:
            viewer = self._session.viewer
            viewer.set_highlights("search-current", [(start, end, CURRENT_COLOUR)])
            viewer.select_range(start, end)

    # -- keys -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shift else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


def _needs_background(text: str, mode: str, indexed: bool) -> bool:
    """Long texts, and word-form searches of texts not indexed yet, go to a worker."""
    return len(text) > SYNC_LIMIT or (mode == "words" and not indexed)


def _search_job(
    job: JobContext,
    args: tuple[str, str, str, bool, bool, TextMap | None, WordIndex | None],
    view_map: TextMap | None,
) -> Any:
    matches = search_text(*args)
    job.check()
    result = (matches, to_qt_ranges(view_map, matches) if view_map is not None else None)
    job.check()
    return result

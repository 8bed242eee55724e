"""Annotating: highlight in five colours, notes, delete, undo and redo.

:class:`AnnotationController` owns the "Annotate" actions and tool bar (shortcuts 1–5 for the
colours; the composition puts them in the menus), adds the same actions to each viewer's
context menu, works on each document's annotation state and undo stack (kept by its
:class:`~reader.gui.session.DocumentSession`), draws the highlights on the viewer's
"annotations" layer with the note as hover tooltip, and feeds the :class:`AnnotationPanel`.
Every change is written to the store at once (see :mod:`reader.core.annotations`).
"""

import logging

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QKeySequence,
    QUndoCommand,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolBar, QWidget

from reader.core.annotations import (
    COLORS,
    AddAnnotation,
    Annotation,
    AnnotationRepository,
    DeleteAnnotation,
    DocumentAnnotations,
    EditAnnotation,
    Operation,
    edited,
    new_annotation,
)
from reader.core.errors import ReaderError
from reader.core.store import Store
from reader.gui.annotation_panel import AnnotationPanel, color_label, swatch
from reader.gui.services import Notifier, Sessions
from reader.gui.session import DocumentSession
from reader.gui.tasks import Priority

log = logging.getLogger(__name__)

HIGHLIGHT_ALPHA = 150  # translucent, so overlapping highlights and entities stay visible


class _OperationCommand(QUndoCommand):
    """A core :class:`Operation` on the undo stack; ``redo`` runs when it is pushed."""

    def __init__(
        self,
        ops: list[Operation],
        text: str,
        controller: "AnnotationController",
        session: DocumentSession,
    ) -> None:
        super().__init__(text)
        self._ops = ops
        self._controller = controller
        self._session = session

    def redo(self) -> None:
        if not self._controller.run(self._session, self._ops, undo=False):
            self.setObsolete(True)

    def undo(self) -> None:
        self._controller.run(self._session, list(reversed(self._ops)), undo=True)


class AnnotationController(QObject):
    """The annotation feature: actions, the panel, and what they do to each document."""

    def __init__(
        self,
        store: Store,
        sessions: Sessions,
        notifier: Notifier,
        parent: QWidget,
        panel: AnnotationPanel | None = None,
    ) -> None:
        """``parent`` owns the actions and is the parent of the note dialog."""
        super().__init__(parent)
        self._parent = parent
        self._sessions = sessions
        self._notify = notifier
        self.repo = AnnotationRepository(store)
        self.panel = panel or AnnotationPanel()
        self.undo_group = QUndoGroup(self)
        self._build_actions()
        self._connect()
        for session in sessions.sessions():
            self._on_session_opened(session)
        self._on_current_changed(sessions.current_session())

    # -- public API -------------------------------------------------------------------------
    def annotations(self, session: DocumentSession) -> DocumentAnnotations:
        """The session's annotations as last loaded (attached in text order, orphans)."""
        return session.annotations.data

    def undo_stack(self, session: DocumentSession) -> QUndoStack:
        return session.annotations.undo_stack

    def highlight(self, color: str) -> None:
        """Highlight the current selection in ``color`` (recolour it if already a highlight)."""
        session = self._sessions.current_session()
        span = self._selection(session)
        if session is None or span is None:
            self._status(self.tr("Select some text to highlight"))
            return
        same = [a for a in self.annotations(session).attached if (a.start, a.end) == span]
        if same:
            if same[0].color != color:
                self._push(
                    session,
                    [EditAnnotation(same[0], edited(same[0], color=color))],
                    self.tr("Change highlight colour"),
                )
            return
        doc = session.document
        ann = new_annotation(doc.text, *span, color=color, doc_sha256=doc.sha256)
        self._push(session, [AddAnnotation(ann, session.path)], self.tr("Highlight"))

    def edit_note(self, ann_id: str | None = None) -> None:
        """Ask for the note of an annotation (the one given, under the selection or cursor).

        With a selection that is not yet highlighted, the note makes a yellow highlight.
        """
        session = self._sessions.current_session()
        if session is None:
            return
        # A fresh selection gets its own note, even where it overlaps another highlight.
        ann = self._find(session, ann_id) if ann_id else self._at_cursor(session, loose=False)
        span = self._selection(session) if ann is None else None
        if ann is None and span is None:
            self._status(self.tr("Select some text or a highlight to add a note"))
            return
        passage_range = (ann.start, ann.end) if ann is not None else span
        assert passage_range is not None
        passage = session.document.text[passage_range[0] : passage_range[1]]
        edited_note = self.ask_note(passage, ann.note if ann else "")
        if edited_note is None:
            return
        text = edited_note
        if ann is not None:
            if text != ann.note:
                self._push(
                    session, [EditAnnotation(ann, edited(ann, note=text))], self.tr("Edit note")
                )
            return
        assert span is not None
        doc = session.document
        new = new_annotation(doc.text, *span, note=text, doc_sha256=doc.sha256)
        self._push(session, [AddAnnotation(new, session.path)], self.tr("Add note"))

    def ask_note(self, passage: str, note: str) -> str | None:
        """The note editor (tests replace this): the note, or None if cancelled."""
        from reader.gui.dialogs.note_editor import NoteEditor

        return NoteEditor.ask(self._parent, passage, note)

    def delete(self, ann_id: str | None = None) -> None:
        """Delete an annotation (the one given, or the one under the selection or cursor)."""
        session = self._sessions.current_session()
        if session is None:
            return
        ann = self._find(session, ann_id) if ann_id else self._at_cursor(session)
        if ann is None:
            self._status(self.tr("There is no annotation here to delete"))
            return
        self._push(session, [DeleteAnnotation(ann, session.path)], self.tr("Delete annotation"))

    def show_annotation(self, ann_id: str) -> None:
        """Scroll to an annotation and select its text."""
        session = self._sessions.current_session()
        ann = self._find(session, ann_id) if session else None
        if session is not None and ann is not None:
            session.viewer.select_range(ann.start, ann.end)
            session.viewer.setFocus()

    def is_loaded(self, session: DocumentSession) -> bool:
        """Whether the session's annotations have been read (and re-attached) yet."""
        return session.annotations.loaded

    def reload(self, session: DocumentSession) -> None:
        """Read the session's annotations from the store (no re-attaching) and show them."""
        try:
            data = self.repo.for_document(session.document, reattach=False)
        except ReaderError as exc:
            self._notify.show_error(self.tr("Annotations"), str(exc))
            data = DocumentAnnotations()
        self._show(session, data)

    def _show(self, session: DocumentSession, data: DocumentAnnotations) -> None:
        session.annotations.data = data
        self._paint(session)
        if session is self._sessions.current_session():
            self.panel.show_annotations(data)
        session.annotations_changed.emit()

    def run(self, session: DocumentSession, ops: list[Operation], *, undo: bool) -> bool:
        """Apply (or revert) ``ops`` and refresh the session; False if the store refused."""
        try:
            for op in ops:
                op.revert(self.repo) if undo else op.apply(self.repo)
        except ReaderError as exc:
            self._notify.show_error(self.tr("Annotations"), str(exc))
            return False
        state = session.annotations
        if state.loaded:
            self.reload(session)
        else:  # the first read is still re-attaching: it must not show the old state
            state.changed_while_loading = True
        return True

    # -- building ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        win = self._parent
        self.color_actions: dict[str, QAction] = {}
        for number, name in enumerate(COLORS, 1):
            action = QAction(
                swatch(name), self.tr("Highlight %1").replace("%1", color_label(name)), win
            )
            action.setShortcut(QKeySequence(str(number)))
            action.triggered.connect(lambda _=False, c=name: self.highlight(c))
            self.color_actions[name] = action
        self.note_action = QAction(self.tr("Add or Edit &Note…"), win)
        self.note_action.setShortcut(QKeySequence("N"))
        self.note_action.triggered.connect(lambda: self.edit_note())
        self.delete_action = QAction(self.tr("&Delete Annotation"), win)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.triggered.connect(lambda: self.delete())
        self.undo_action = self.undo_group.createUndoAction(win, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_group.createRedoAction(win, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.import_action = QAction(self.tr("&Import Annotations…"), win)
        self.import_action.triggered.connect(self.import_file)
        self.export_action = QAction(self.tr("&Export Annotations…"), win)
        self.export_action.triggered.connect(self.export_file)
        self.toolbar = QToolBar(self.tr("Annotate"), win)
        self.toolbar.setObjectName("annotate_toolbar")
        self.toolbar.addActions(list(self.color_actions.values()))
        self.toolbar.addActions([self.note_action, self.delete_action])

    def _connect(self) -> None:
        sessions = self._sessions
        sessions.session_opened.connect(self._on_session_opened)
        sessions.session_closed.connect(self._on_session_closed)
        sessions.current_session_changed.connect(self._on_current_changed)
        self.panel.activated.connect(self.show_annotation)
        self.panel.edit_requested.connect(self.edit_note)
        self.panel.delete_requested.connect(self.delete)
        self.panel.import_requested.connect(self.import_file)
        self.panel.export_requested.connect(self.export_file)

    # -- sessions ---------------------------------------------------------------------------
    def _on_session_opened(self, session: DocumentSession) -> None:
        state = session.annotations
        if state.job is not None or state.loaded:
            return
        self.undo_group.addStack(state.undo_stack)
        session.viewer.viewport().installEventFilter(self)
        # Re-attaching after the file changed searches the whole text: not on the GUI thread.
        repo, document = self.repo, session.document
        state.job = session.submit(
            lambda job: repo.for_document(document),
            lambda result: self._on_loaded(session, result),
            on_failed=lambda message: self._on_load_failed(session, message),
            priority=Priority.NORMAL,
        )

    def _on_loaded(self, session: DocumentSession, result: object) -> None:
        state = session.annotations
        state.loaded = True
        if state.changed_while_loading:  # the store has more than the job saw
            self.reload(session)
        else:
            assert isinstance(result, DocumentAnnotations)
            self._show(session, result)

    def _on_load_failed(self, session: DocumentSession, message: str) -> None:
        session.annotations.loaded = True
        self._notify.show_error(self.tr("Annotations"), message)
        self.reload(session)

    def _on_session_closed(self, session: DocumentSession) -> None:
        self.undo_group.removeStack(session.annotations.undo_stack)

    def _on_current_changed(self, session: DocumentSession | None) -> None:
        self.undo_group.setActiveStack(session.annotations.undo_stack if session else None)  # type: ignore[arg-type]
        self.panel.show_annotations(session.annotations.data if session else None)
        for action in (
            *self.color_actions.values(),
            self.note_action,
            self.delete_action,
            self.import_action,
            self.export_action,
        ):
            action.setEnabled(session is not None)

    # -- helpers ----------------------------------------------------------------------------
    def _push(self, session: DocumentSession, ops: list[Operation], text: str) -> None:
        session.annotations.undo_stack.push(_OperationCommand(ops, text, self, session))

    def _paint(self, session: DocumentSession) -> None:
        anns = self.annotations(session).attached
        # Longest first, so a short highlight inside a long one is painted on top.
        ordered = sorted(anns, key=lambda a: (a.start - a.end, a.start))
        items = []
        for a in ordered:
            colour = QColor(COLORS.get(a.color, COLORS["yellow"]))
            colour.setAlpha(HIGHLIGHT_ALPHA)
            items.append((a.start, a.end, colour))

        def tooltip(i: int) -> str | None:
            return ordered[i].note or None

        session.viewer.set_highlights("annotations", items, tooltip)

    def _selection(self, session: DocumentSession | None) -> tuple[int, int] | None:
        """The selected range without surrounding blanks, or None."""
        if session is None:
            return None
        span = session.viewer.selected_range()
        if span is None:
            return None
        text = session.document.text
        start, end = span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def _find(self, session: DocumentSession | None, ann_id: str) -> Annotation | None:
        if session is None:
            return None
        data = self.annotations(session)
        return next((a for a in (*data.attached, *data.orphaned) if a.id == ann_id), None)

    def _at_cursor(self, session: DocumentSession, *, loose: bool = True) -> Annotation | None:
        """The annotation matching the selection, else (if ``loose`` or nothing is selected)
        the innermost one under the cursor or the selection's start."""
        span = self._selection(session)
        attached = self.annotations(session).attached
        if span is not None:
            exact = [a for a in attached if (a.start, a.end) == span]
            if exact or not loose:
                return exact[0] if exact else None
        viewer = session.viewer
        if session.plain:
            offset = viewer.text_map.from_qt(viewer.textCursor().selectionStart())
        else:  # pages, rich view: the selection's start (a click selects nothing there)
            selected = viewer.selected_range()
            if selected is None:
                return None
            offset = selected[0]
        under = [a for a in attached if a.start <= offset < a.end]
        return min(under, key=lambda a: a.end - a.start, default=None)

    def _status(self, message: str) -> None:
        self._notify.show_status(message, 5000)

    # -- interchange ------------------------------------------------------------------------
    def import_file(self) -> None:
        """Import W3C Web Annotation JSON into the current document (one undo step)."""
        from reader.export import webanno

        session = self._sessions.current_session()
        if session is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import annotations"), "", self.tr("Web Annotations (*.json)")
        )
        if not path:
            return
        try:
            result = webanno.anchor(session.document, webanno.read(path))
        except ReaderError as exc:
            self._notify.show_error(self.tr("Cannot import annotations"), str(exc))
            return
        ops: list[Operation] = []
        for ann in result.attached:
            before = self.repo.get(ann.id)
            ops.append(EditAnnotation(before, ann) if before else AddAnnotation(ann, session.path))
        for ann in result.orphaned:
            if self.repo.get(ann.id) is None:  # kept, listed as orphaned
                ops.append(AddAnnotation(ann, session.path))
        if ops:
            self._push(session, ops, self.tr("Import annotations"))
        message = self.tr("%1 annotations imported.").replace("%1", str(len(result.attached)))
        if result.orphaned:
            message += " " + self.tr(
                "%1 could not be found in this text and are listed as orphaned."
            ).replace("%1", str(len(result.orphaned)))
        QMessageBox.information(self._parent, self.tr("Import annotations"), message)

    def export_file(self) -> None:
        """Save the current document's annotations as W3C Web Annotation JSON."""
        from reader.export import webanno

        session = self._sessions.current_session()
        if session is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export annotations"), "", self.tr("Web Annotations (*.json)")
        )
        if not path:
            return
        data = self.annotations(session)
        try:
            webanno.write(
                path, [*data.attached, *data.orphaned], webanno.source_iri(session.document)
            )
        except (ReaderError, OSError) as exc:
            self._notify.show_error(self.tr("Cannot export annotations"), str(exc))
            return
        self._status(self.tr("Annotations saved to %1").replace("%1", path))

    # -- context menu -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            session = self._sessions.current_session()
            if session is not None and watched is session.viewer.viewport():
                self._context_menu(session, event)
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, session: DocumentSession, event: QContextMenuEvent) -> None:
        viewer = session.viewer
        if hasattr(viewer, "createStandardContextMenu"):
            menu = viewer.createStandardContextMenu(event.pos())
        else:  # the page view: Copy is the standard part
            menu = QMenu(viewer)
            copy = menu.addAction(self.tr("Copy"))
            copy.setEnabled(viewer.selected_range() is not None)
            copy.triggered.connect(viewer.copy)
        menu.addSeparator()
        highlight = menu.addMenu(self.tr("Highlight"))
        highlight.addActions(list(self.color_actions.values()))
        menu.addActions([self.note_action, self.delete_action])
        self.exec_menu(menu, event.globalPos())
        menu.deleteLater()

    def exec_menu(self, menu: QMenu, pos: QPoint) -> None:
        """Show a context menu modally (GUI tests replace this: no event loop there)."""
        menu.exec(pos)

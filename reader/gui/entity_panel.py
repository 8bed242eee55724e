"""The entity panel: who and what the current document mentions, and the user's fixes.

Recognition runs in the background (through the window's TaskRunner) the first time a
document becomes current; its raw output is kept by the session and the user's corrections
(:mod:`reader.core.ner.corrections`, kept in the store) are replayed over it. Entries are
grouped by class (numbers last, collapsed), each group can be highlighted in the text in
its own colour, and activating a mention (click, Enter) selects it in the viewer.

The entries are a Qt model (:mod:`reader.gui.models.entity_tree`) built once per change of
the entities; the filter and the sort order are a proxy over it, so typing in the filter
rebuilds nothing. Every action has a button or sits in the "More" menu, and has a key
where one is natural (F2, Delete, Enter); which classes are highlighted and the splitter's
sizes are remembered in a small JSON file (:mod:`reader.gui.models.panel_state`).
"""

import itertools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ExportError
from reader.core.fsutil import atomic_write_bytes
from reader.core.ner.entities import Entity, Mention
from reader.core.store import Store
from reader.gui.flow_layout import FlowLayout
from reader.gui.models.entity_classes import class_choices, class_name
from reader.gui.models.entity_listing import listing_csv, listing_json
from reader.gui.models.entity_model import (
    COLLAPSED_GROUPS,
    GROUPS,
    SORT_FREQUENCY,
    SORT_NAME,
    Analyse,
    EntityModel,
    fullest_name,
    highlight_items,
)
from reader.gui.models.entity_tree import (
    KEY_ROLE,
    MAX_MENTIONS_LISTED,
    RANGE_ROLE,
    EntityFilterProxy,
    EntityTreeModel,
    MentionListModel,
    swatch,
)
from reader.gui.models.panel_state import PanelState, load_panel_state, save_panel_state
from reader.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.gui.session import DocumentSession

log = logging.getLogger(__name__)

__all__ = ["MAX_MENTIONS_LISTED", "EntityPanel", "fullest_name"]

LAYER = "entities"
FILTER_DELAY_MS = 80  # one re-filter for a burst of keystrokes
STATE_DELAY_MS = 400  # one write for a splitter drag
BUTTON_ACTIONS = ("rename", "merge", "relabel", "remove", "undo")
MORE_ACTIONS = ("add", "split", "remove_mention", "", "recognise", "export")
MIN_WIDTH = 300  # px: names and their counts stay readable; the buttons wrap below that


def _plain(text: str) -> str:
    """An action's text without its mnemonic and ellipsis, for an accessible name."""
    return text.replace("&", "").removesuffix("…").strip()


class EntityPanel(QWidget):
    """Entries of the current document by class, their mentions, highlights, corrections."""

    entities_ready = Signal(object)  # the DocumentSession whose entities (re)arrived

    def __init__(
        self,
        store: Store,
        tasks: TaskRunner,
        analyse: Analyse | None = None,
        parent: QWidget | None = None,
        *,
        state_path: Path | None = None,
    ) -> None:
        """``state_path``: the JSON file that remembers toggles and sizes (None: nothing)."""
        super().__init__(parent)
        self.setObjectName("EntityPanel")
        self.model = EntityModel(store, tasks, analyse, parent=self)
        self._session: DocumentSession | None = None
        self._state_path = state_path
        self._collapsed = set(COLLAPSED_GROUPS)  # the user's choice while no filter is on
        self._expanding = False
        self.dock: QDockWidget | None = None  # set by the composition (reader.gui.features)
        self.export_action = QAction(self.tr("Export &Entities…"), self)
        self.export_action.triggered.connect(self.export_interactively)
        self._build()
        self.setMinimumWidth(MIN_WIDTH)
        self._restore_state(load_panel_state(state_path))
        self.model.ready.connect(self._on_ready)
        self.model.failed.connect(self._on_failed)
        self.model.cancelled.connect(self._on_cancelled)
        self.model.progress.connect(self._on_progress)
        self._show_state()
        self._on_entry_selected()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self._state_timer = QTimer(self)
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(STATE_DELAY_MS)
        self._state_timer.timeout.connect(self.save_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Recognition progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel entity recognition"))
        self.cancel_button.clicked.connect(self.cancel)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout.addWidget(self.status)
        layout.addLayout(busy)
        layout.addLayout(self._build_filter_row())
        layout.addLayout(self._build_legend())
        self._build_actions()
        layout.addLayout(self._build_buttons())
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self._build_tree())
        self.splitter.addWidget(self._build_mentions())
        # the list of entries grows with the panel; the mentions of the current one less
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.splitterMoved.connect(lambda _pos, _i: self._state_timer.start())
        layout.addWidget(self.splitter, 1)
        self._set_tab_order()

    def _build_filter_row(self) -> QHBoxLayout:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter entities"))
        self.filter_edit.setAccessibleName(self.tr("Filter entities"))
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("By frequency"), SORT_FREQUENCY)
        self.sort_box.addItem(self.tr("By name"), SORT_NAME)
        self.sort_box.setAccessibleName(self.tr("Sort entries"))
        self.sort_box.currentIndexChanged.connect(lambda _i: self._apply_sort())
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.sort_box)
        return row

    def _build_legend(self) -> FlowLayout:
        """One checkbox per group: the legend of the colours and the highlight toggle."""
        flow = FlowLayout()
        self.highlight_boxes: dict[str, QCheckBox] = {}
        for group in GROUPS:
            box = QCheckBox(group.title)
            box.setIcon(swatch(QColor(group.colour)))
            tip = self.tr("Highlight %1 in the text").replace("%1", group.title)
            box.setToolTip(tip)
            box.setAccessibleName(tip)
            box.toggled.connect(self._on_highlight_toggled)
            self.highlight_boxes[group.id] = box
            flow.addWidget(box)
        return flow

    def _build_actions(self) -> None:
        specs = [
            ("rename", self.tr("Rename…"), self._on_rename),
            ("merge", self.tr("Merge"), self._on_merge),
            ("relabel", self.tr("Class…"), self._on_relabel),
            ("remove", self.tr("Remove"), self._on_remove_entry),
            ("add", self.tr("Add Selection…"), self._on_add_selection),
            ("undo", self.tr("Undo"), self.undo_correction),
            ("recognise", self.tr("Recognise Again"), self.recognise_again),
            ("split", self.tr("Split Off as Own Entry"), self._on_split),
            ("remove_mention", self.tr("Not an Entity"), self._on_remove_mention),
        ]
        self.correction_actions: dict[str, QAction] = {}
        for name, text, slot in specs:
            action = QAction(text, self)
            action.triggered.connect(slot)
            self.correction_actions[name] = action
        tips = {
            "undo": self.tr("Undo the last correction"),
            "merge": self.tr("Merge the selected entries into the first"),
            "add": self.tr("Add the text selected in the document"),
            "recognise": self.tr("Run the recogniser again; your corrections are kept"),
        }
        for name, tip in tips.items():
            self.correction_actions[name].setToolTip(tip)
        actions = self.correction_actions
        actions["rename"].setShortcut(QKeySequence(Qt.Key.Key_F2))
        actions["remove"].setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        actions["remove_mention"].setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))

    def _build_buttons(self) -> FlowLayout:
        """The corrections as buttons that wrap onto a second line rather than hide, and a
        "More" menu for the rest."""
        flow = FlowLayout()
        self.buttons: dict[str, QToolButton] = {}
        for name in BUTTON_ACTIONS:
            button = QToolButton()
            button.setDefaultAction(self.correction_actions[name])
            button.setAccessibleName(_plain(self.correction_actions[name].text()))
            self.buttons[name] = button
            flow.addWidget(button)
        self.more_menu = QMenu(self)
        for name in MORE_ACTIONS:
            if not name:
                self.more_menu.addSeparator()
            elif name == "export":
                self.more_menu.addAction(self.export_action)
            else:
                self.more_menu.addAction(self.correction_actions[name])
        more = QToolButton()
        more.setText(self.tr("More"))
        more.setToolTip(self.tr("More entity commands"))
        more.setAccessibleName(self.tr("More entity commands"))
        more.setMenu(self.more_menu)
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.buttons["more"] = more
        flow.addWidget(more)
        return flow

    def _build_tree(self) -> QTreeView:
        self.entry_model = EntityTreeModel(self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.entry_model)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # 20,000 rows: no per-row size queries
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # F2 renames
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAccessibleName(self.tr("Entities by class"))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_menu)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._on_entry_selected())
        self.tree.activated.connect(self._on_entry_activated)
        self.tree.expanded.connect(lambda index: self._on_expansion(index, True))
        self.tree.collapsed.connect(lambda index: self._on_expansion(index, False))
        for name in ("rename", "remove"):
            action = self.correction_actions[name]
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)  # F2 and Delete act on the entries while they have focus
        return self.tree

    def _build_mentions(self) -> QListView:
        self.mention_model = MentionListModel(self)
        self.mention_list = QListView()
        self.mention_list.setModel(self.mention_model)
        self.mention_list.setWordWrap(True)
        self.mention_list.setAccessibleName(self.tr("Mentions of the selected entry"))
        self.mention_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.mention_list.customContextMenuRequested.connect(self._on_mention_menu)
        self.mention_list.clicked.connect(self._on_mention_clicked)
        self.mention_list.activated.connect(self._on_mention_clicked)
        self.mention_list.selectionModel().currentChanged.connect(
            lambda *_: self._update_mention_actions()
        )
        remove = self.correction_actions["remove_mention"]
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.mention_list.addAction(remove)  # Delete: not an entity
        return self.mention_list

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.cancel_button, self.filter_edit, self.sort_box]
        chain += list(self.highlight_boxes.values()) + list(self.buttons.values())
        chain += [self.tree, self.mention_list]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- remembered state -------------------------------------------------------------------
    def _restore_state(self, state: PanelState) -> None:
        for gid, box in self.highlight_boxes.items():
            box.blockSignals(True)
            box.setChecked(gid in state.highlighted)
            box.blockSignals(False)
        if len(state.splitter) == self.splitter.count() and any(state.splitter):
            self.splitter.setSizes(list(state.splitter))

    def save_state(self) -> None:
        """Remember the highlighted classes and the splitter sizes (done as they change)."""
        self._state_timer.stop()
        sizes = tuple(self.splitter.sizes())
        state = PanelState(frozenset(self.highlighted_groups()), sizes if any(sizes) else ())
        save_panel_state(self._state_path, state)

    def hideEvent(self, event: Any) -> None:
        if self._state_timer.isActive():
            self.save_state()
        super().hideEvent(event)

    # -- public API -------------------------------------------------------------------------
    @property
    def session(self) -> "DocumentSession | None":
        return self._session

    def set_session(self, session: "DocumentSession | None") -> None:
        """Show ``session``'s entities, recognising them in the background the first time."""
        self._session = session
        if session is not None:
            viewer = session.viewer
            if viewer.has_painted or not viewer.isVisible():
                self.model.ensure(session)
            else:  # let the text paint first: loading the recogniser competes with it
                viewer.first_painted.connect(
                    lambda s=session: self._ensure_if_current(s),
                    Qt.ConnectionType.SingleShotConnection,
                )
        self._show_state()
        self._fill_tree()
        self._update_highlights()

    def _ensure_if_current(self, session: "DocumentSession") -> None:
        if session is self._session:
            self.model.ensure(session)
            self._show_state()

    def forget(self, session: "DocumentSession") -> None:
        """Drop what is kept for ``session`` (its tab closed); cancel its recognition."""
        self.model.forget(session)
        if session is self._session:
            self.set_session(None)

    def entities(self, session: "DocumentSession | None" = None) -> list[Entity]:
        """The corrected entities of ``session`` (default: the current one); [] until known."""
        session = session or self._session
        return self.model.entities(session) if session is not None else []

    def known_entities(self, session: "DocumentSession") -> list[Entity] | None:
        """The corrected entities of ``session``, or None while they are not recognised."""
        return self.model.entities(session) if self.model.is_known(session) else None

    def is_busy(self) -> bool:
        return self._session is not None and self.model.is_busy(self._session)

    def recognise_again(self) -> None:
        """Run the recogniser again on the current document (corrections are kept)."""
        if self._session is not None and not self.model.is_busy(self._session):
            self.model.recognise(self._session)
            self._show_state()

    def cancel(self) -> None:
        """Stop recognising the current document."""
        if self._session is not None:
            self.model.cancel(self._session)

    # -- background recognition -------------------------------------------------------------
    def _on_ready(self, session: "DocumentSession") -> None:
        self.entities_ready.emit(session)
        if session is self._session:
            self._show_state()
            self._fill_tree()
            self._update_highlights()

    def _on_failed(self, session: "DocumentSession", message: str) -> None:
        if session is self._session:
            self._show_state(self.tr("Entity recognition failed: %1").replace("%1", message))

    def _on_cancelled(self, session: "DocumentSession") -> None:
        if session is self._session:
            self._show_state(self.tr("Entity recognition was cancelled."))

    def _on_progress(self, session: "DocumentSession", done: int, total: int) -> None:
        if session is self._session:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _show_state(self, message: str | None = None) -> None:
        busy = self.is_busy()
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        if message is None:
            message = self._state_text(busy)
        self.status.setText(message)

    def _state_text(self, busy: bool) -> str:
        if self._session is None:
            return self.tr("No document.")
        if busy:
            return self.tr("Recognising entities…")
        if not self.model.is_known(self._session):
            return self.tr("Entities not recognised.")
        entities = self.model.entities(self._session)
        mentions = sum(e.count for e in entities)
        return (
            self.tr("%1 entities, %2 mentions")
            .replace("%1", str(len(entities)))
            .replace("%2", str(mentions))
        )

    # -- corrections ------------------------------------------------------------------------
    def correct(self, op: str, **payload: Any) -> None:
        """Record one correction (see :mod:`reader.core.ner.corrections`) and show its effect."""
        if self._session is not None:
            self.model.correct(self._session, op, **payload)

    def rename_entry(self, key: str, name: str) -> None:
        self.correct("rename", key=key, name=name)

    def merge_entries(self, keep: str, others: list[str], title: str | None = None) -> None:
        """Fold ``others`` into ``keep``; name the result ``title`` if given."""
        for other in others:
            if other != keep:
                self.correct("merge", key=keep, other=other)
        kept = self.entry_model.entity(keep) if title else None
        if title and (kept is None or kept.name != title.strip()):
            self.rename_entry(keep, title)

    def relabel_entry(self, key: str, label: str) -> None:
        self.correct("relabel", key=key, label=label)

    def remove_entry(self, key: str) -> None:
        self.correct("remove", key=key)

    def split_mention(self, start: int, end: int) -> None:
        self.correct("split", start=start, end=end)

    def remove_mention(self, start: int, end: int) -> None:
        self.correct("remove", start=start, end=end)

    def add_selection(self, label: str) -> bool:
        """Make the viewer's selection an entity of class ``label``; False if none."""
        if self._session is None:
            return False
        selected = self._session.viewer.selected_range()
        if selected is None or not self._session.document.text[slice(*selected)].strip():
            return False
        self.correct("add", start=selected[0], end=selected[1], label=label)
        return True

    def undo_correction(self) -> None:
        if self._session is not None:
            self.model.undo(self._session)

    # -- export -----------------------------------------------------------------------------
    def export(self, path: str | Path) -> None:
        """Write the current entity list as CSV, or as JSON if ``path`` ends in ``.json``
        (headers and class names in the interface language; see ``entity_listing``)."""
        entities = self.entities()
        json_wanted = str(path).lower().endswith(".json")
        text = listing_json(entities) if json_wanted else listing_csv(entities)
        try:
            atomic_write_bytes(path, text.encode("utf-8"))
        except OSError as exc:
            raise ExportError(f"Cannot write {path}: {exc.strerror or exc}") from exc

    def export_interactively(self) -> None:
        """Ask where to save the entity list (File > Export Entities…)."""
        if self._session is None or not self.model.is_known(self._session):
            return
        csv_filter, json_filter = self.tr("CSV (*.csv)"), self.tr("JSON (*.json)")
        suggested = str(Path(self._session.path).with_suffix(".entities.csv"))
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export Entities"), suggested, f"{csv_filter};;{json_filter}"
        )
        if not path:
            return
        if chosen == json_filter and not path.lower().endswith(".json"):
            path = str(Path(path).with_suffix(".json"))
        try:
            self.export(path)
        except ExportError as exc:
            self.status.setText(str(exc))

    # -- the lists --------------------------------------------------------------------------
    def _fill_tree(self) -> None:
        """Rebuild the entries (the entities changed); keep the selection by key."""
        selected = self.selected_keys()
        session = self._session
        entities = self.entities()
        filtering = bool(self.filter_edit.text().strip())
        haystacks = self.model.haystacks(session) if session is not None and filtering else None
        self.tree.setUpdatesEnabled(False)  # one repaint for tens of thousands of rows
        self.entry_model.set_entities(entities, haystacks)
        self._apply_expansion()
        self._select_keys(selected)
        self.tree.setUpdatesEnabled(True)
        self._on_entry_selected()

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        text = self.filter_edit.text()
        if text.strip() and not self.entry_model.has_haystacks and self._session is not None:
            self.entry_model.set_haystacks(self.model.haystacks(self._session))
        self.proxy.set_filter_text(text)
        self._apply_expansion()

    def _apply_sort(self) -> None:
        self.proxy.set_sort(str(self.sort_box.currentData()))

    def _apply_expansion(self) -> None:
        """Open the groups the user left open; all of them while a filter is on."""
        filtering = bool(self.filter_edit.text().strip())
        self._expanding = True
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            gid = str(index.data(KEY_ROLE))
            self.tree.setExpanded(index, filtering or gid not in self._collapsed)
        self._expanding = False

    def _on_expansion(self, index: QModelIndex, expanded: bool) -> None:
        if self._expanding or index.parent().isValid() or self.filter_edit.text().strip():
            return  # only the user's own choice, without a filter, is remembered
        gid = str(index.data(KEY_ROLE))
        if expanded:
            self._collapsed.discard(gid)
        else:
            self._collapsed.add(gid)

    def entry_index(self, key: str) -> QModelIndex:
        """Where entry ``key`` is shown (invalid if it is not, e.g. filtered out)."""
        return self.proxy.mapFromSource(self.entry_model.index_of(key))

    def _select_keys(self, keys: list[str]) -> None:
        selection = QItemSelection()
        for key in keys:
            index = self.entry_index(key)
            if index.isValid():
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.tree.selectionModel().select(selection, flags | QItemSelectionModel.SelectionFlag.Rows)

    def select_entries(self, keys: list[str]) -> None:
        """Select the entries ``keys`` (those shown), the first one current."""
        self._select_keys(keys)
        first = self.entry_index(keys[0]) if keys else QModelIndex()
        if first.isValid():
            self.tree.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.tree.scrollTo(first)

    def selected_keys(self) -> list[str]:
        """Keys of the selected entries, the most mentioned first, then in display order."""
        rows = []
        for index in self.tree.selectionModel().selectedRows():
            entity = self.entry_model.entity_at(self.proxy.mapToSource(index))
            if entity is not None:
                place = (index.parent().row(), index.row())
                rows.append((-entity.count, place, entity.key))
        return [key for _count, _place, key in sorted(rows)]

    def _on_entry_selected(self) -> None:
        keys = self.selected_keys()
        enabled = {"rename": len(keys) == 1, "merge": len(keys) > 1, "relabel": len(keys) == 1}
        enabled["remove"] = bool(keys)
        session = self._session
        enabled["add"] = session is not None and self.model.is_known(session)
        enabled["recognise"] = enabled["add"]
        enabled["undo"] = session is not None and self.model.correction_count(session) > 0
        for name, on in enabled.items():
            self.correction_actions[name].setEnabled(on)
        entity = self.entry_model.entity(keys[0]) if len(keys) == 1 else None
        text = session.document.text if session is not None and entity is not None else ""
        self.mention_model.set_entity(text, entity)
        self._update_mention_actions()

    def _update_mention_actions(self) -> None:
        on = self._selected_mention() is not None
        self.correction_actions["split"].setEnabled(on)
        self.correction_actions["remove_mention"].setEnabled(on)

    def _on_entry_activated(self, index: QModelIndex) -> None:
        """Enter (or a double click) on an entry: select its first mention in the text."""
        entity = self.entry_model.entity_at(self.proxy.mapToSource(index))
        if entity is not None and entity.mentions and self._session is not None:
            first = entity.mentions[0]
            self._session.viewer.select_range(first.start, first.end)

    def _on_mention_clicked(self, index: QModelIndex) -> None:
        span = index.data(RANGE_ROLE)
        if span is not None and self._session is not None:
            self._session.viewer.select_range(int(span[0]), int(span[1]))

    def _selected_mention(self) -> Mention | None:
        index = self.mention_list.currentIndex()
        return self.mention_model.mention(index.row()) if index.isValid() else None

    # -- highlights -------------------------------------------------------------------------
    def highlighted_groups(self) -> set[str]:
        return {gid for gid, box in self.highlight_boxes.items() if box.isChecked()}

    def _on_highlight_toggled(self, _on: bool) -> None:
        self._update_highlights()
        self.save_state()

    def _update_highlights(self) -> None:
        session = self._session
        if session is None:
            return
        items, owners = highlight_items(self.entities(), self.highlighted_groups())

        def tooltip(i: int) -> str:
            entity = owners[i]
            return f"{entity.name} — {class_name(entity.label)}"

        session.viewer.set_highlights(LAYER, items, tooltip if items else None)

    # -- menus and dialogs (tests patch the _ask_* methods) ---------------------------------
    def _ask_text(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, default)
        return text if ok and text.strip() else None

    def _ask_label(self, title: str, current: str) -> str | None:
        """A class code chosen among the classes' names in the interface language."""
        choices = class_choices()
        codes = [code for _name, code in choices]
        index = codes.index(current) if current in codes else codes.index("PERSON")
        names = [name for name, _code in choices]
        name, ok = QInputDialog.getItem(self, title, self.tr("Class:"), names, index, False)
        return codes[names.index(name)] if ok and name in names else None

    def _ask_title(self, names: list[str], default: str) -> str | None:
        """The merged entry's title: one of ``names`` or the user's own (editable)."""
        title, ok = QInputDialog.getItem(
            self, self.tr("Merge Entries"), self.tr("Title of the merged entry:"),
            names, names.index(default), True,
        )  # fmt: skip
        return title.strip() if ok and title.strip() else None

    def _current_entity(self) -> Entity | None:
        keys = self.selected_keys()
        return self.entry_model.entity(keys[0]) if keys else None

    def _on_rename(self) -> None:
        entity = self._current_entity()
        if entity is not None:
            name = self._ask_text(self.tr("Rename Entity"), self.tr("Name:"), entity.name)
            if name:
                self.rename_entry(entity.key, name)

    def _on_merge(self) -> None:
        keys = self.selected_keys()
        merged = [e for e in map(self.entry_model.entity, keys) if e is not None]
        if len(merged) < 2:
            return
        names = list(dict.fromkeys(e.name for e in merged))
        title = self._ask_title(names, fullest_name(merged))
        if title is not None:
            self.merge_entries(keys[0], keys[1:], title)

    def _on_relabel(self) -> None:
        entity = self._current_entity()
        if entity is not None:
            label = self._ask_label(self.tr("Change Class"), entity.label)
            if label and label != entity.label:
                self.relabel_entry(entity.key, label)

    def _on_remove_entry(self) -> None:
        for key in self.selected_keys():
            self.remove_entry(key)

    def _on_split(self) -> None:
        mention = self._selected_mention()
        if mention is not None:
            self.split_mention(mention.start, mention.end)

    def _on_remove_mention(self) -> None:
        mention = self._selected_mention()
        if mention is not None:
            self.remove_mention(mention.start, mention.end)

    def _on_add_selection(self) -> None:
        if self._session is None or self._session.viewer.selected_range() is None:
            self.status.setText(self.tr("Select some text in the document first."))
            return
        label = self._ask_label(self.tr("Add as Entity"), "PERSON")
        if label:
            self.add_selection(label)

    def _on_tree_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for name in ("rename", "merge", "relabel", "remove", "add", "undo", "", "recognise"):
            if name:
                menu.addAction(self.correction_actions[name])
            else:
                menu.addSeparator()
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _on_mention_menu(self, pos: QPoint) -> None:
        if self._selected_mention() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.correction_actions["split"])
        menu.addAction(self.correction_actions["remove_mention"])
        menu.popup(self.mention_list.viewport().mapToGlobal(pos))

"""The entity panel: who and what the current document mentions, and the user's fixes.

Recognition runs in the background (through the window's TaskRunner) the first time a
document becomes current; its raw output is cached per session and the user's corrections
(:mod:`reader.core.ner.corrections`, kept in the store) are replayed over it. Entries are
grouped by class, each group can be highlighted in the text in its own colour, and
clicking a mention selects it in the viewer.
"""

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ExportError
from reader.core.fsutil import atomic_write_bytes
from reader.core.ner.entities import LABELS, Entity, Mention
from reader.core.store import Store
from reader.gui.models.entity_model import (
    GROUPS,
    SORT_FREQUENCY,
    SORT_NAME,
    Analyse,
    EntityModel,
    bulk_allocation,
    group_of,
    grouped,
    highlight_items,
    snippet,
)
from reader.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.gui.session import DocumentSession

log = logging.getLogger(__name__)

LAYER = "entities"
MAX_MENTIONS_LISTED = 2000
FILTER_DELAY_MS = 150
LEGEND_COLUMNS = 3
TOOLBAR_ACTIONS = ("rename", "merge", "relabel", "remove", "add", "undo")
KEY_ROLE = Qt.ItemDataRole.UserRole
RANGE_ROLE = Qt.ItemDataRole.UserRole + 1


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)


class EntityPanel(QWidget):
    """Entries of the current document by class, their mentions, highlights, corrections."""

    entities_ready = Signal(object)  # the DocumentSession whose entities (re)arrived

    def __init__(
        self,
        store: Store,
        tasks: TaskRunner,
        analyse: Analyse | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("EntityPanel")
        self.model = EntityModel(store, tasks, analyse, parent=self)
        self._session: DocumentSession | None = None
        self.dock: QDockWidget | None = None  # set by the composition (reader.gui.features)
        self.export_action = QAction(self.tr("Export &Entities…"), self)
        self.export_action.triggered.connect(self.export_interactively)
        self._build()
        self.model.ready.connect(self._on_ready)
        self.model.failed.connect(self._on_failed)
        self.model.cancelled.connect(self._on_cancelled)
        self.model.progress.connect(self._on_progress)
        self._show_state()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter entities"))
        self.filter_edit.setClearButtonEnabled(True)
        # Re-filtering tens of thousands of entries per keystroke would stutter: wait a beat.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._fill_tree)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("By frequency"), SORT_FREQUENCY)
        self.sort_box.addItem(self.tr("By name"), SORT_NAME)
        self.sort_box.currentIndexChanged.connect(lambda _i: self._fill_tree())
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.sort_box)
        layout.addWidget(self.status)
        layout.addLayout(busy)
        layout.addLayout(row)
        layout.addLayout(self._build_legend())
        layout.addWidget(self._build_buttons())
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._build_tree())
        split.addWidget(self._build_mentions())
        layout.addWidget(split, 1)

    def _build_legend(self) -> QGridLayout:
        """One checkbox per group: the legend of the colours and the highlight toggle.

        Three to a row, so the dock can stay narrow.
        """
        grid = QGridLayout()
        self.highlight_boxes: dict[str, QCheckBox] = {}
        for i, group in enumerate(GROUPS):
            box = QCheckBox(group.title)
            box.setIcon(_swatch(QColor(group.colour)))
            box.setToolTip(self.tr("Highlight %1 in the text").replace("%1", group.title))
            box.toggled.connect(lambda _on: self._update_highlights())
            self.highlight_boxes[group.id] = box
            grid.addWidget(box, i // LEGEND_COLUMNS, i % LEGEND_COLUMNS)
        return grid

    def _build_buttons(self) -> QToolBar:
        """The corrections; a toolbar folds what does not fit into its extension menu."""
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
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
            if name in TOOLBAR_ACTIONS:
                bar.addAction(action)
        tips = {
            "undo": self.tr("Undo the last correction"),
            "merge": self.tr("Merge the selected entries into the first"),
            "add": self.tr("Add the text selected in the document"),
            "recognise": self.tr("Run the recogniser again; your corrections are kept"),
        }
        for name, tip in tips.items():
            self.correction_actions[name].setToolTip(tip)
        rename = self.correction_actions["rename"]
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        rename.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(rename)  # F2 renames while the panel has the focus
        return bar

    def _build_tree(self) -> QTreeWidget:
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # F2 renames
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_menu)
        self.tree.itemSelectionChanged.connect(self._on_entry_selected)
        return self.tree

    def _build_mentions(self) -> QListWidget:
        self.mention_list = QListWidget()
        self.mention_list.setWordWrap(True)
        self.mention_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.mention_list.customContextMenuRequested.connect(self._on_mention_menu)
        self.mention_list.itemClicked.connect(self._on_mention_clicked)
        self.mention_list.itemActivated.connect(self._on_mention_clicked)
        return self.mention_list

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

    def merge_entries(self, keep: str, others: list[str]) -> None:
        for other in others:
            if other != keep:
                self.correct("merge", key=keep, other=other)

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
        """Write the current entity list as CSV, or as JSON if ``path`` ends in ``.json``."""
        from reader.core.ner.listing import to_csv, to_json

        entities = self.entities()
        if str(path).lower().endswith(".json"):
            text = json.dumps(to_json(entities), ensure_ascii=False, indent=2) + "\n"
        else:
            text = to_csv(entities)
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
        selected = set(self.selected_keys())
        reselect: list[QTreeWidgetItem] = []
        self.tree.blockSignals(True)
        self.tree.setUpdatesEnabled(False)  # one repaint for tens of thousands of rows
        self.tree.clear()
        sort = str(self.sort_box.currentData())
        needle = self.filter_edit.text()
        hay = self.model.haystacks(self._session) if needle and self._session else None
        with bulk_allocation():  # 20,000 rows: no GC passes meanwhile
            for group, members in grouped(self.entities(), needle, sort, hay):
                top = QTreeWidgetItem([f"{group.title} ({len(members)})"])
                top.setIcon(0, _swatch(QColor(group.colour)))
                top.setFlags(Qt.ItemFlag.ItemIsEnabled)
                top.setData(0, KEY_ROLE, group.id)
                self.tree.addTopLevelItem(top)
                children = []
                for entity in members:
                    item = QTreeWidgetItem([f"{entity.name} ({entity.count})"])
                    item.setData(0, KEY_ROLE, entity.key)
                    item.setToolTip(0, entity.label)
                    children.append(item)
                    if entity.key in selected:
                        reselect.append(item)
                top.addChildren(children)
                top.setExpanded(True)
        for item in reselect:
            item.setSelected(True)
        self.tree.setUpdatesEnabled(True)
        self.tree.blockSignals(False)
        self._on_entry_selected()

    def entry_items(self) -> dict[str, QTreeWidgetItem]:
        """Every entry row shown, by entity key."""
        out: dict[str, QTreeWidgetItem] = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount() if top is not None else 0):
                child = top.child(j) if top is not None else None
                if child is not None:
                    out[str(child.data(0, KEY_ROLE))] = child
        return out

    def selected_keys(self) -> list[str]:
        """Keys of the selected entries, the most mentioned first, then in display order."""
        counts = {e.key: e.count for e in self.entities()}
        rows = []
        for item in self.tree.selectedItems():
            parent = item.parent()
            key = str(item.data(0, KEY_ROLE))
            if parent is not None and key in counts:
                place = (self.tree.indexOfTopLevelItem(parent), parent.indexOfChild(item))
                rows.append((-counts[key], place, key))
        return [key for _count, _place, key in sorted(rows)]

    def _on_entry_selected(self) -> None:
        keys = self.selected_keys()
        self.mention_list.clear()
        enabled = {"rename": len(keys) == 1, "merge": len(keys) > 1, "relabel": len(keys) == 1}
        enabled["remove"] = bool(keys)
        session = self._session
        enabled["add"] = session is not None and self.model.is_known(session)
        enabled["recognise"] = enabled["add"]
        enabled["undo"] = session is not None and self.model.correction_count(session) > 0
        for name, on in enabled.items():
            self.correction_actions[name].setEnabled(on)
        if len(keys) != 1 or self._session is None:
            return
        entity = next(e for e in self.entities() if e.key == keys[0])
        text = self._session.document.text
        for mention in entity.mentions[:MAX_MENTIONS_LISTED]:
            before, exact, after = snippet(text, mention)
            item = QListWidgetItem(f"{before}[{exact}]{after}")
            item.setData(RANGE_ROLE, (mention.start, mention.end))
            item.setToolTip(self.tr("Offset %1").replace("%1", str(mention.start)))
            self.mention_list.addItem(item)
        if entity.count > MAX_MENTIONS_LISTED:
            more = entity.count - MAX_MENTIONS_LISTED
            rest = QListWidgetItem(self.tr("… and %1 more").replace("%1", str(more)))
            rest.setFlags(Qt.ItemFlag.NoItemFlags)
            self.mention_list.addItem(rest)

    def _on_mention_clicked(self, item: QListWidgetItem) -> None:
        span = item.data(RANGE_ROLE)
        if span is not None and self._session is not None:
            self._session.viewer.select_range(int(span[0]), int(span[1]))

    def _selected_mention(self) -> Mention | None:
        item = self.mention_list.currentItem()
        span = item.data(RANGE_ROLE) if item is not None else None
        if span is None or self._session is None:
            return None
        start, end = int(span[0]), int(span[1])
        return Mention(start, end, self._session.document.text[start:end])

    # -- highlights -------------------------------------------------------------------------
    def highlighted_groups(self) -> set[str]:
        return {gid for gid, box in self.highlight_boxes.items() if box.isChecked()}

    def _update_highlights(self) -> None:
        session = self._session
        if session is None:
            return
        items, owners = highlight_items(self.entities(), self.highlighted_groups())

        def tooltip(i: int) -> str:
            entity = owners[i]
            return f"{entity.name} — {group_of(entity.label).title} ({entity.label})"

        session.viewer.set_highlights(LAYER, items, tooltip if items else None)

    # -- menus and dialogs (tests patch the _ask_* methods) ---------------------------------
    def _ask_text(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, default)
        return text if ok and text.strip() else None

    def _ask_label(self, title: str, current: str) -> str | None:
        index = LABELS.index(current) if current in LABELS else LABELS.index("PERSON")
        label, ok = QInputDialog.getItem(self, title, self.tr("Class:"), list(LABELS), index, False)
        return label if ok else None

    def _current_entity(self) -> Entity | None:
        keys = self.selected_keys()
        return next((e for e in self.entities() if keys and e.key == keys[0]), None)

    def _on_rename(self) -> None:
        entity = self._current_entity()
        if entity is not None:
            name = self._ask_text(self.tr("Rename Entity"), self.tr("Name:"), entity.name)
            if name:
                self.rename_entry(entity.key, name)

    def _on_merge(self) -> None:
        keys = self.selected_keys()
        if len(keys) > 1:
            self.merge_entries(keys[0], keys[1:])

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

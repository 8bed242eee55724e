"""The entity panel's Qt models: groups → entries, the filter and sort on top, the mentions.

:class:`EntityTreeModel` is built once each time a document's entities change (recognised,
corrected); :class:`EntityFilterProxy` filters and sorts it in C++ (Qt's own matching of
a fixed string against a pre-folded role, Qt's own sort on an integer rank role), so a
filter keystroke or a new sort order touches no item and runs no Python per row.
:class:`MentionListModel` lists one entry's mentions, making each snippet only when a row
is shown.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPixmap, QStandardItem, QStandardItemModel

from reader.core.ner.entities import Entity, Mention
from reader.gui.models.entity_classes import class_name
from reader.gui.models.entity_model import (
    GROUPS,
    SORT_NAME,
    EntityGroup,
    bulk_allocation,
    group_of,
    search_text,
    snippet,
)

_USER = int(Qt.ItemDataRole.UserRole)  # plain ints: 60,000 setData calls per build
KEY_ROLE = _USER  # an entry's entity key; a group's id
HAY_ROLE = _USER + 1  # what the filter looks in, case-folded
NAME_RANK_ROLE = _USER + 2  # position in the by-name order
RANGE_ROLE = _USER + 3  # a mention's (start, end)
MAX_MENTIONS_LISTED = 2000
_Index = QModelIndex | QPersistentModelIndex


def swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)


class EntityTreeModel(QStandardItemModel):
    """One row per non-empty group, its entries below, the most mentioned first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entities: dict[str, Entity] = {}
        self._items: dict[str, QStandardItem] = {}
        self._groups: dict[str, EntityGroup] = {}
        self.has_haystacks = False

    def set_entities(
        self, entities: Sequence[Entity], haystacks: Mapping[str, str] | None = None
    ) -> None:
        """Replace every row (one model reset and one insertion).

        Without ``haystacks`` the filter role stays empty until :meth:`set_haystacks`:
        making them walks every mention (0.4 s for 300,000), which only a filter needs.
        """
        folded = {e.key: (e.name.casefold(), len(e.mentions)) for e in entities}
        by_freq = sorted(entities, key=lambda e: (-folded[e.key][1], folded[e.key][0], e.key))
        by_name = sorted(entities, key=lambda e: (folded[e.key][0], -folded[e.key][1], e.key))
        name_rank = {e.key: i for i, e in enumerate(by_name)}
        members: dict[str, list[Entity]] = {g.id: [] for g in GROUPS}
        for entity in by_freq:
            members[group_of(entity.label).id].append(entity)
        self.clear()
        self.has_haystacks = haystacks is not None
        self._entities = {e.key: e for e in entities}
        self._items = {}
        self._groups = {}
        tops = []
        with bulk_allocation():  # 20,000 rows: no GC passes meanwhile
            for order, group in enumerate(GROUPS):
                if not members[group.id]:
                    continue
                top = QStandardItem(swatch(QColor(group.colour)), group.title)
                top.setFlags(Qt.ItemFlag.ItemIsEnabled)
                top.setData(group.id, KEY_ROLE)
                top.setData(order, NAME_RANK_ROLE)  # groups keep their order in any sort
                rows = []
                for entity in members[group.id]:
                    key = entity.key
                    item = QStandardItem(f"{entity.name} ({len(entity.mentions)})")
                    item.setData(key, KEY_ROLE)
                    if haystacks is not None:
                        hay = haystacks.get(key)
                        item.setData(search_text(entity) if hay is None else hay, HAY_ROLE)
                    item.setData(name_rank[key], NAME_RANK_ROLE)
                    rows.append(item)
                    self._items[key] = item
                top.appendRows(rows)
                tops.append(top)
                self._groups[group.id] = group
        self.invisibleRootItem().appendRows(tops)

    def set_haystacks(self, haystacks: Mapping[str, str]) -> None:
        """Fill the filter role of every entry, for a filter about to be applied.

        Signals are held meanwhile: 20,000 ``dataChanged`` would each re-filter a row of
        the proxy, and the caller re-filters all of it next (the role is never shown).
        """
        blocked = self.blockSignals(True)
        try:
            for key, item in self._items.items():
                entity = self._entities[key]
                hay = haystacks.get(key)
                item.setData(search_text(entity) if hay is None else hay, HAY_ROLE)
        finally:
            self.blockSignals(blocked)
        self.has_haystacks = True

    def entity(self, key: str) -> Entity | None:
        return self._entities.get(key)

    def entity_at(self, index: _Index) -> Entity | None:
        """The entity of an entry row of this model (None for a group row)."""
        if not index.isValid() or not index.parent().isValid():
            return None
        return self._entities.get(str(index.data(KEY_ROLE)))

    def index_of(self, key: str) -> QModelIndex:
        item = self._items.get(key)
        return item.index() if item is not None else QModelIndex()

    def group(self, group_id: str) -> EntityGroup | None:
        return self._groups.get(group_id)


class EntityFilterProxy(QSortFilterProxyModel):
    """Entries whose name or a mention contains the filter text (ignoring case), sorted
    by frequency (the source's own order) or by name; a group shows while it has one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(HAY_ROLE)
        # The haystacks are case-folded already, and so is the needle: str.casefold's rules.
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        self.setSortRole(NAME_RANK_ROLE)

    def set_filter_text(self, text: str) -> None:
        self.setFilterFixedString(text.strip().casefold())
        self._titles_changed()

    def set_sort(self, sort: str) -> None:
        # Column -1 gives back the source's order: most mentioned first.
        self.sort(0 if sort == SORT_NAME else -1, Qt.SortOrder.AscendingOrder)

    def _titles_changed(self) -> None:
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        source = self.sourceModel()
        if not isinstance(source, EntityTreeModel):
            return super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and not index.parent().isValid():
            group = source.group(str(index.data(KEY_ROLE)))
            if group is not None:  # the count of the entries shown
                return f"{group.title} ({self.rowCount(index)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            entity = source.entity_at(self.mapToSource(index))
            if entity is not None:
                return class_name(entity.label)
        return super().data(index, role)


class MentionListModel(QAbstractListModel):
    """The mentions of one entry in the document's order, at most MAX_MENTIONS_LISTED
    and a last row saying how many more there are."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._mentions: tuple[Mention, ...] = ()
        self._more = 0
        self._snippets: dict[int, str] = {}

    def set_entity(self, text: str, entity: Entity | None) -> None:
        self.beginResetModel()
        self._text = text
        mentions = entity.mentions if entity is not None else ()
        self._mentions = mentions[:MAX_MENTIONS_LISTED]
        self._more = len(mentions) - len(self._mentions)
        self._snippets = {}
        self.endResetModel()

    def mention(self, row: int) -> Mention | None:
        return self._mentions[row] if 0 <= row < len(self._mentions) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._mentions) + (1 if self._more else 0)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if self.mention(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        mention = self.mention(row)
        if mention is None:
            if role == Qt.ItemDataRole.DisplayRole and row == len(self._mentions):
                more = QCoreApplication.translate("EntityPanel", "… and %1 more")
                return more.replace("%1", str(self._more))
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            shown = self._snippets.get(row)
            if shown is None:
                before, exact, after = snippet(self._text, mention)
                shown = self._snippets[row] = f"{before}[{exact}]{after}"
            return shown
        if role == Qt.ItemDataRole.ToolTipRole:
            offset = QCoreApplication.translate("EntityPanel", "Offset %1")
            return offset.replace("%1", str(mention.start))
        if role == RANGE_ROLE:
            return (mention.start, mention.end)
        return None

"""What the entity panel shows: classes grouped for people, their colours, sorting, snippets.

Kept apart from the widget so the rules (which class goes where, what a snippet looks like)
read in one place and the panel stays about wiring.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from reader.core.ner.entities import Entity, Mention


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """A section of the panel: a name, the KazNERD classes in it and its colour."""

    id: str
    labels: tuple[str, ...]  # empty: every class no other group takes
    colour: str  # Okabe-Ito, safe for the common kinds of colour blindness

    @property
    def title(self) -> str:
        return QCoreApplication.translate("EntityGroup", str(_TITLES[self.id]))

    def highlight(self) -> QColor:
        """The colour as a translucent background that keeps the text readable."""
        colour = QColor(self.colour)
        colour.setAlpha(HIGHLIGHT_ALPHA)
        return colour


HIGHLIGHT_ALPHA = 110
_TITLES = {
    "people": QT_TRANSLATE_NOOP("EntityGroup", "People"),
    "organisations": QT_TRANSLATE_NOOP("EntityGroup", "Organisations"),
    "places": QT_TRANSLATE_NOOP("EntityGroup", "Places"),
    "dates": QT_TRANSLATE_NOOP("EntityGroup", "Dates"),
    "others": QT_TRANSLATE_NOOP("EntityGroup", "Others"),
}
GROUPS: tuple[EntityGroup, ...] = (
    EntityGroup("people", ("PERSON",), "#E69F00"),  # orange
    EntityGroup("organisations", ("ORGANISATION",), "#56B4E9"),  # sky blue
    EntityGroup("places", ("GPE", "LOCATION"), "#009E73"),  # bluish green
    EntityGroup("dates", ("DATE", "TIME"), "#F0E442"),  # yellow
    EntityGroup("others", (), "#CC79A7"),  # reddish purple
)
_BY_LABEL = {label: g for g in GROUPS for label in g.labels}

SORT_FREQUENCY = "frequency"
SORT_NAME = "name"
SNIPPET_CONTEXT = 40  # characters either side of a mention
_SPACES = re.compile(r"\s+")


def group_of(label: str) -> EntityGroup:
    return _BY_LABEL.get(label, GROUPS[-1])


def grouped(
    entities: Iterable[Entity], filter_text: str = "", sort: str = SORT_FREQUENCY
) -> list[tuple[EntityGroup, list[Entity]]]:
    """Every group with its matching entries, sorted; groups without entries are left out.

    The filter matches any part of the name or of a mention, ignoring case.
    """
    needle = filter_text.strip().casefold()
    found: dict[str, list[Entity]] = {g.id: [] for g in GROUPS}
    for entity in entities:
        if needle and not _matches(entity, needle):
            continue
        found[group_of(entity.label).id].append(entity)
    if sort == SORT_NAME:
        key = lambda e: (e.name.casefold(), -e.count, e.key)  # noqa: E731
    else:
        key = lambda e: (-e.count, e.name.casefold(), e.key)  # noqa: E731
    return [(g, sorted(found[g.id], key=key)) for g in GROUPS if found[g.id]]


def _matches(entity: Entity, needle: str) -> bool:
    if needle in entity.name.casefold():
        return True
    return any(needle in m.text.casefold() for m in entity.mentions)


def snippet(text: str, mention: Mention, context: int = SNIPPET_CONTEXT) -> tuple[str, str, str]:
    """``(before, mention, after)`` within the mention's paragraph, cut at word boundaries.

    ``…`` marks where the paragraph goes on beyond the context shown.
    """
    para_lo = text.rfind("\n", 0, mention.start) + 1
    para_hi = text.find("\n", mention.end)
    para_hi = len(text) if para_hi < 0 else para_hi
    lo, hi = max(para_lo, mention.start - context), min(para_hi, mention.end + context)
    before, after = text[lo : mention.start], text[mention.end : hi]
    if lo > para_lo:
        cut = before.find(" ")
        before = "…" + (before[cut + 1 :] if cut >= 0 else before)
    if hi < para_hi:
        cut = after.rfind(" ")
        after = (after[:cut] if cut > 0 else after) + "…"
    return _one_line(before), _one_line(text[mention.start : mention.end]), _one_line(after)


def _one_line(s: str) -> str:
    return _SPACES.sub(" ", s)


def highlight_items(
    entities: Sequence[Entity], shown: set[str]
) -> tuple[list[tuple[int, int, QColor]], list[Entity]]:
    """Highlights of the mentions whose group id is in ``shown``, and the entity of each."""
    items: list[tuple[int, int, QColor]] = []
    owners: list[Entity] = []
    colours = {g.id: g.highlight() for g in GROUPS if g.id in shown}
    for entity in entities:
        colour = colours.get(group_of(entity.label).id)
        if colour is None:
            continue
        items.extend([(m.start, m.end, colour) for m in entity.mentions])
        owners.extend([entity] * len(entity.mentions))
    return items, owners

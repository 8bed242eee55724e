"""Grouped entities as the panel, the CLI and exports see them."""

from dataclasses import dataclass

#: KazNERD's 25 classes, the labels we use everywhere (CLI JSON, store, panel).
LABELS: tuple[str, ...] = (
    "ADAGE", "ART", "CARDINAL", "CONTACT", "DATE", "DISEASE", "EVENT", "FACILITY",
    "GPE", "LANGUAGE", "LAW", "LOCATION", "MISCELLANEOUS", "MONEY", "NON_HUMAN",
    "NORP", "ORDINAL", "ORGANISATION", "PERCENTAGE", "PERSON", "POSITION", "PRODUCT",
    "PROJECT", "QUANTITY", "TIME",
)  # fmt: skip


#: Classes that are amounts rather than names: useful, but listed apart from people,
#: organisations and places (the panel's collapsed group, left out of an export's index).
NUMBER_LABELS: frozenset[str] = frozenset(
    ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENTAGE", "MONEY")
)


def is_number_label(label: str) -> bool:
    """Whether ``label`` is a number class (CARDINAL, ORDINAL, QUANTITY, PERCENTAGE, MONEY)."""
    return label in NUMBER_LABELS


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """One occurrence ``text[start:end]`` of an entity in the document."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity: every inflected or shortened mention under one name.

    ``key`` is stable for the same document and recogniser output (label plus the
    normalised lemma of the fullest name); user corrections refer to entities by it.
    """

    key: str
    name: str  # the most complete nominative form, as shown in the panel
    label: str  # one of LABELS
    mentions: tuple[Mention, ...]
    #: every spelling of the full name met in the document, ``name`` first (Қасым-Жомарт
    #: Тоқаев, Касым-Жомарт Токаев: one person written in Kazakh and in Russian)
    spellings: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.mentions)

"""Grouped entities as the panel, the CLI and exports see them."""

from dataclasses import dataclass

from reader.core.errors import QT_TRANSLATE_NOOP

#: KazNERD's 25 classes, the labels we use everywhere (CLI JSON, store, panel).
LABELS: tuple[str, ...] = (
    "ADAGE", "ART", "CARDINAL", "CONTACT", "DATE", "DISEASE", "EVENT", "FACILITY",
    "GPE", "LANGUAGE", "LAW", "LOCATION", "MISCELLANEOUS", "MONEY", "NON_HUMAN",
    "NORP", "ORDINAL", "ORGANISATION", "PERCENTAGE", "PERSON", "POSITION", "PRODUCT",
    "PROJECT", "QUANTITY", "TIME",
)  # fmt: skip

#: Each class as people read it, in English: the interface translates these (context
#: "EntityClass"), and the index at the end of an exported copy uses them (the JSON keeps
#: the codes as ``label``).
CLASS_NAMES: dict[str, str] = {
    "ADAGE": QT_TRANSLATE_NOOP("EntityClass", "Saying"),
    "ART": QT_TRANSLATE_NOOP("EntityClass", "Work of art"),
    "CARDINAL": QT_TRANSLATE_NOOP("EntityClass", "Number"),
    "CONTACT": QT_TRANSLATE_NOOP("EntityClass", "Contact"),
    "DATE": QT_TRANSLATE_NOOP("EntityClass", "Date"),
    "DISEASE": QT_TRANSLATE_NOOP("EntityClass", "Disease"),
    "EVENT": QT_TRANSLATE_NOOP("EntityClass", "Event"),
    "FACILITY": QT_TRANSLATE_NOOP("EntityClass", "Building or facility"),
    "GPE": QT_TRANSLATE_NOOP("EntityClass", "Country or settlement"),
    "LANGUAGE": QT_TRANSLATE_NOOP("EntityClass", "Language"),
    "LAW": QT_TRANSLATE_NOOP("EntityClass", "Law"),
    "LOCATION": QT_TRANSLATE_NOOP("EntityClass", "Geographic place"),
    "MISCELLANEOUS": QT_TRANSLATE_NOOP("EntityClass", "Other name"),
    "MONEY": QT_TRANSLATE_NOOP("EntityClass", "Amount of money"),
    "NON_HUMAN": QT_TRANSLATE_NOOP("EntityClass", "Animal or other being"),
    "NORP": QT_TRANSLATE_NOOP("EntityClass", "Nationality or group"),
    "ORDINAL": QT_TRANSLATE_NOOP("EntityClass", "Ordinal number"),
    "ORGANISATION": QT_TRANSLATE_NOOP("EntityClass", "Organisation"),
    "PERCENTAGE": QT_TRANSLATE_NOOP("EntityClass", "Percentage"),
    "PERSON": QT_TRANSLATE_NOOP("EntityClass", "Person"),
    "POSITION": QT_TRANSLATE_NOOP("EntityClass", "Position or title"),
    "PRODUCT": QT_TRANSLATE_NOOP("EntityClass", "Product"),
    "PROJECT": QT_TRANSLATE_NOOP("EntityClass", "Project"),
    "QUANTITY": QT_TRANSLATE_NOOP("EntityClass", "Quantity"),
    "TIME": QT_TRANSLATE_NOOP("EntityClass", "Time"),
}


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

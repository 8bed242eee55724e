"""Grouped entities as the panel, the CLI and exports see them."""

from dataclasses import dataclass

#: KazNERD's 25 classes, the labels we use everywhere (CLI JSON, store, panel).
LABELS: tuple[str, ...] = (
    "ADAGE", "ART", "CARDINAL", "CONTACT", "DATE", "DISEASE", "EVENT", "FACILITY",
    "GPE", "LANGUAGE", "LAW", "LOCATION", "MISCELLANEOUS", "MONEY", "NON_HUMAN",
    "NORP", "ORDINAL", "ORGANISATION", "PERCENTAGE", "PERSON", "POSITION", "PRODUCT",
    "PROJECT", "QUANTITY", "TIME",
)  # fmt: skip


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

    @property
    def count(self) -> int:
        return len(self.mentions)

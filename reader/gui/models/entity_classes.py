"""KazNERD's class codes (``PERSON``, ``GPE``…) as people read them, in the interface language.

The codes stay what files and the store hold (the JSON export's ``label``); this is what the
panel, its class chooser and the export headers meant for people show instead.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.core.ner.entities import LABELS

CONTEXT = "EntityClass"

_NAMES: dict[str, str] = {
    "ADAGE": str(QT_TRANSLATE_NOOP("EntityClass", "Saying")),
    "ART": str(QT_TRANSLATE_NOOP("EntityClass", "Work of art")),
    "CARDINAL": str(QT_TRANSLATE_NOOP("EntityClass", "Number")),
    "CONTACT": str(QT_TRANSLATE_NOOP("EntityClass", "Contact")),
    "DATE": str(QT_TRANSLATE_NOOP("EntityClass", "Date")),
    "DISEASE": str(QT_TRANSLATE_NOOP("EntityClass", "Disease")),
    "EVENT": str(QT_TRANSLATE_NOOP("EntityClass", "Event")),
    "FACILITY": str(QT_TRANSLATE_NOOP("EntityClass", "Building or facility")),
    "GPE": str(QT_TRANSLATE_NOOP("EntityClass", "Country or settlement")),
    "LANGUAGE": str(QT_TRANSLATE_NOOP("EntityClass", "Language")),
    "LAW": str(QT_TRANSLATE_NOOP("EntityClass", "Law")),
    "LOCATION": str(QT_TRANSLATE_NOOP("EntityClass", "Geographic place")),
    "MISCELLANEOUS": str(QT_TRANSLATE_NOOP("EntityClass", "Other name")),
    "MONEY": str(QT_TRANSLATE_NOOP("EntityClass", "Amount of money")),
    "NON_HUMAN": str(QT_TRANSLATE_NOOP("EntityClass", "Animal or other being")),
    "NORP": str(QT_TRANSLATE_NOOP("EntityClass", "Nationality or group")),
    "ORDINAL": str(QT_TRANSLATE_NOOP("EntityClass", "Ordinal number")),
    "ORGANISATION": str(QT_TRANSLATE_NOOP("EntityClass", "Organisation")),
    "PERCENTAGE": str(QT_TRANSLATE_NOOP("EntityClass", "Percentage")),
    "PERSON": str(QT_TRANSLATE_NOOP("EntityClass", "Person")),
    "POSITION": str(QT_TRANSLATE_NOOP("EntityClass", "Position or title")),
    "PRODUCT": str(QT_TRANSLATE_NOOP("EntityClass", "Product")),
    "PROJECT": str(QT_TRANSLATE_NOOP("EntityClass", "Project")),
    "QUANTITY": str(QT_TRANSLATE_NOOP("EntityClass", "Quantity")),
    "TIME": str(QT_TRANSLATE_NOOP("EntityClass", "Time")),
}


def class_name(label: str) -> str:
    """The name of class ``label`` in the interface language (the code if it is unknown)."""
    source = _NAMES.get(label)
    return QCoreApplication.translate(CONTEXT, source) if source is not None else label


def class_choices() -> list[tuple[str, str]]:
    """``(name, code)`` of every class, sorted by name in the interface language."""
    return sorted(((class_name(code), code) for code in LABELS), key=lambda p: p[0].casefold())

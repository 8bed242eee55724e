"""KazNERD's class codes (``PERSON``, ``GPE``…) as people read them, in the interface language.

The codes stay what files and the store hold (the JSON export's ``label``); this is what the
panel, its class chooser and the export headers meant for people show instead.
"""

from PySide6.QtCore import QCoreApplication

from reader.core.ner.entities import CLASS_NAMES as _NAMES
from reader.core.ner.entities import LABELS

CONTEXT = "EntityClass"


def class_name(label: str) -> str:
    """The name of class ``label`` in the interface language (the code if it is unknown)."""
    source = _NAMES.get(label)
    return QCoreApplication.translate(CONTEXT, source) if source is not None else label


def class_choices() -> list[tuple[str, str]]:
    """``(name, code)`` of every class, sorted by name in the interface language."""
    return sorted(((class_name(code), code) for code in LABELS), key=lambda p: p[0].casefold())

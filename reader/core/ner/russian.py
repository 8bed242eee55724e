"""Russian entities from natasha's news NER model (slovnet + navec, shipped in the wheels).

Only slovnet and navec are imported: natasha's package imports pymorphy, which we do not
need. The model files are read from natasha's installed ``data`` folder; nothing is
downloaded.
"""

import importlib.util
import threading
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError
from reader.core.spans import EntitySpan

LABELS = {"PER": "PERSON", "ORG": "ORGANISATION", "LOC": "GPE"}

_lock = threading.Lock()
_ner: Any = None


class RussianModelMissingError(ReaderError):
    """natasha's model files are not installed."""


def _natasha_data() -> Path:
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise RussianModelMissingError("natasha is not installed; reinstall Oqyrman")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _load() -> Any:
    from navec import Navec
    from slovnet import NER

    data = _natasha_data()
    emb = data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar"
    model = data / "model" / "slovnet_ner_news_v1.tar"
    if not emb.is_file() or not model.is_file():
        raise RussianModelMissingError(f"natasha's model files are missing from {data}")
    return NER.load(str(model)).navec(Navec.load(str(emb)))


def russian_entities(text: str, start: int, end: int) -> list[EntitySpan]:
    """Entities in ``text[start:end]`` (a Russian paragraph), with offsets into ``text``."""
    global _ner
    with _lock:  # slovnet's model is not documented as thread-safe; calls are short
        if _ner is None:
            _ner = _load()
        markup = _ner(text[start:end])
    spans = []
    for s in markup.spans:
        stop = s.stop
        while stop > s.start and not text[start + stop - 1].isalnum():
            stop -= 1  # slovnet sometimes keeps a full stop: «Газпром.»
        if s.type in LABELS and stop > s.start:
            spans.append(EntitySpan(start + s.start, start + stop, LABELS[s.type]))
    return spans

"""The shipped CRF model: found in ``resources/models/``, loaded once, tagged per thread."""

import json
import threading
from pathlib import Path

import pycrfsuite

from reader.core.errors import ReaderError
from reader.core.ner.features import FeatureExtractor
from reader.core.paths import resources_dir

MODEL_PATH = resources_dir() / "models" / "kazakh_ner.crfsuite"
GAZETTEER_PATH = resources_dir() / "models" / "kazakh_ner_gazetteer.json"
EVAL_PATH = resources_dir() / "models" / "kazakh_ner_eval.json"


class ModelMissingError(ReaderError):
    """The named-entity model is not installed with the application."""


class CrfModel:
    """Tags sentences of words with KazNERD IOB2 tags; safe to share between threads.

    crfsuite taggers are not thread-safe, so each thread opens its own (cheap: the model
    file is memory-mapped); the feature cache is shared.
    """

    def __init__(
        self, model_path: Path = MODEL_PATH, gazetteer_path: Path = GAZETTEER_PATH
    ) -> None:
        if not model_path.is_file() or not gazetteer_path.is_file():
            raise ModelMissingError(
                f"the entity model is missing from {model_path.parent}; reinstall Oqyrman"
            )
        self._path = str(model_path)
        gazetteer = json.loads(gazetteer_path.read_text(encoding="utf-8"))
        self._features = FeatureExtractor(gazetteer)
        self._local = threading.local()

    def _tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            tagger.open(self._path)
            self._local.tagger = tagger
        return tagger

    def tag(self, words: list[str]) -> list[str]:
        if not words:
            return []
        items = pycrfsuite.ItemSequence(self._features.sentence(words))
        return list(self._tagger().tag(items))


_lock = threading.Lock()
_model: CrfModel | None = None


def shared_model() -> CrfModel:
    """The process-wide model, loaded on first use."""
    global _model
    with _lock:
        if _model is None:
            _model = CrfModel()
        return _model

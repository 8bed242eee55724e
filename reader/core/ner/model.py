"""The shipped CRF model: found in ``resources/models/``, loaded once, shared by threads.

Tagging does not go through crfsuite's tagger: turning some forty feature strings per
token into crfsuite items costs more than everything else together. The model is linear,
so its weights are read once into arrays, each distinct word's contribution (its own
features and what it adds to its neighbours' scores) is summed once and cached, and a
sentence is scored with a few array additions and decoded with Viterbi. The result is
the same as crfsuite's (tests/core/test_ner_model.py checks it).

The weights are shipped a second time as arrays (``kazakh_ner_weights.npz``, written by
the training script next to the model and keyed by the model's sha256): reading them out of
crfsuite with ``Tagger.info()`` is one C call of about 0.4 s that holds the interpreter
lock, which froze the window while a background thread loaded the model.

The desktop bundle ships the arrays without the crfsuite file (2.3 MB it would only hash)
and its two word lists gzipped (``packaging/build.sh``): ``read_weights`` takes arrays with
no model beside them as the model, and ``read_json`` reads ``name.json`` or ``name.json.gz``.
"""

import gzip
import hashlib
import json
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pycrfsuite

from reader.core.errors import ReaderError
from reader.core.ner.features import quoted, word_features
from reader.core.ner.rules import NUMBER_INSIDE, amount_stops
from reader.core.paths import resources_dir

MODEL_PATH = resources_dir() / "models" / "kazakh_ner.crfsuite"
GAZETTEER_PATH = resources_dir() / "models" / "kazakh_ner_gazetteer.json"
EVAL_PATH = resources_dir() / "models" / "kazakh_ner_eval.json"
WEIGHTS_PATH = resources_dir() / "models" / "kazakh_ner_weights.npz"
NAMES_PATH = resources_dir() / "models" / "apertium_kaz_words.json"
_BATCH = 32  # sentences decoded together
_CACHE_LIMIT = 100_000  # distinct words whose score vectors are kept (about 1 kB each)
_FORBIDDEN = -1e4  # a state score no path takes while another exists (finite: no NaN)

Vectors = npt.NDArray[np.float32]


class ModelMissingError(ReaderError):
    """The named-entity model is not installed with the application."""


Weights = tuple[list[str], dict[str, int], "npt.NDArray[np.float32]", "npt.NDArray[np.float32]"]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def weights_from_crfsuite(model_path: Path) -> Weights:
    """Labels, attribute rows, transitions (label x label) and state weights (attribute x
    label, plus a last row of zeros) read out of a crfsuite model."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    info = tagger.info()
    labels: list[str] = list(tagger.labels())
    index = {label: i for i, label in enumerate(labels)}
    size = len(labels)
    transitions = np.zeros((size, size), dtype=np.float32)
    for (a, b), weight in info.transitions.items():
        transitions[index[a], index[b]] = weight
    attributes: dict[str, int] = {}
    for attribute, _ in info.state_features:
        attributes.setdefault(attribute, len(attributes))
    weights = np.zeros((len(attributes) + 1, size), dtype=np.float32)  # last row: 0
    for (attribute, label), weight in info.state_features.items():
        weights[attributes[attribute], index[label]] = weight
    return labels, attributes, transitions, weights


def write_weights(model_path: Path, out_path: Path) -> None:
    """Save the model's weights as arrays for fast loading (the training script calls it)."""
    labels, attributes, transitions, weights = weights_from_crfsuite(model_path)
    if any("\0" in name for name in [*attributes, *labels]):
        raise ValueError("a feature or label contains NUL, the separator of the arrays")
    rows, cols = np.nonzero(weights)
    names = "\0".join(attributes).encode("utf-8")  # in row order (dicts keep insertion order)
    with open(out_path, "wb") as fh:
        np.savez_compressed(
            fh,
            model_sha256=np.frombuffer(_sha256(model_path).encode("ascii"), dtype=np.uint8),
            labels=np.frombuffer("\0".join(labels).encode("utf-8"), dtype=np.uint8),
            attributes=np.frombuffer(names, dtype=np.uint8),
            transitions=transitions,
            rows=rows.astype(np.int32),
            cols=cols.astype(np.int16),
            values=weights[rows, cols],
        )


def read_weights(model_path: Path, weights_path: Path) -> Weights | None:
    """The arrays of ``weights_path`` if they were made from this very model (or if there is
    no model file beside them, as in the bundle: then they are the model), else None."""
    if not weights_path.is_file():
        return None
    with np.load(weights_path, allow_pickle=False) as data:
        made_from = bytes(data["model_sha256"]).decode("ascii")
        if model_path.is_file() and made_from != _sha256(model_path):
            return None
        labels = bytes(data["labels"]).decode("utf-8").split("\0")
        names = bytes(data["attributes"]).decode("utf-8").split("\0")
        attributes = {name: i for i, name in enumerate(names)}
        weights = np.zeros((len(names) + 1, len(labels)), dtype=np.float32)
        weights[data["rows"], data["cols"]] = data["values"]
        return labels, attributes, data["transitions"].astype(np.float32), weights


def _gzipped(path: Path) -> Path:
    return path.with_name(path.name + ".gz")


def json_exists(path: Path) -> bool:
    """Whether ``read_json`` finds ``path`` (or its gzipped copy)."""
    return path.is_file() or _gzipped(path).is_file()


def read_json(path: Path) -> Any:
    """A shipped JSON file: ``path`` itself, or ``path.gz`` where only that is shipped."""
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    with gzip.open(_gzipped(path), "rt", encoding="utf-8") as fh:
        return json.load(fh)


def with_names(gazetteer: dict[str, str], names_path: Path = NAMES_PATH) -> dict[str, str]:
    """The gazetteer with Apertium's proper names added as ``@word`` -> kinds (``ant+cog``),
    the form the features read (see ``reader.core.ner.build_gazetteer``)."""
    if not json_exists(names_path):
        raise ModelMissingError(f"the name list {names_path.name} is missing; reinstall Oqyrman")
    names: dict[str, str] = read_json(names_path)["names"]
    merged = dict(gazetteer)
    merged.update(("@" + word, kinds) for word, kinds in names.items())
    return merged


class CrfModel:
    """Tags sentences of words with KazNERD IOB2 tags; safe to share between threads.

    Thread safety (the GUI recognises on a pool of two threads): no crfsuite ``Tagger`` is
    kept; one is opened only to read the weights, inside ``shared_model``'s lock. Tagging
    reads arrays that never change after loading; the one shared mutable thing, the cache
    of word vectors, is written under ``_lock`` (a read without it sees either no entry or
    a complete one: dict operations are atomic in CPython).
    """

    def __init__(
        self,
        model_path: Path = MODEL_PATH,
        gazetteer_path: Path = GAZETTEER_PATH,
        names_path: Path = NAMES_PATH,
    ) -> None:
        weights_path = model_path.with_name(WEIGHTS_PATH.name)
        if not (model_path.is_file() or weights_path.is_file()) or not json_exists(gazetteer_path):
            raise ModelMissingError(
                f"the entity model is missing from {model_path.parent}; reinstall Oqyrman"
            )
        self.gazetteer = with_names(read_json(gazetteer_path), names_path)
        weights = read_weights(model_path, weights_path)
        if weights is None:  # no arrays for this model (a fresh --dev model, say): slow path
            weights = weights_from_crfsuite(model_path)
        self.labels, attributes, self._transitions, self._weights = weights
        self._into = np.ascontiguousarray(self._transitions.T)
        self._attributes = attributes
        self._zero_row = len(attributes)
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()
        self._bos, self._eos, self._quoted = (self._vector([f]) for f in ("BOS", "EOS", "q"))
        self._number_inside = [i for i, label in enumerate(self.labels) if label in NUMBER_INSIDE]
        self._columns = {label: i for i, label in enumerate(self.labels)}

    def _vector(self, features: list[str]) -> Vectors:
        rows = [self._attributes[f] for f in features if f in self._attributes]
        result: Vectors = self._weights[rows].sum(axis=0)
        return result

    def _word(self, word: str) -> Vectors:
        """Rows: the word's own score, then its contribution at offsets -2, -1, +1, +2."""
        vectors = self._cache.get(word)
        if vectors is None:
            rows: list[int] = []
            starts: list[int] = []
            for part in word_features(word, self.gazetteer):
                starts.append(len(rows))
                rows.append(self._zero_row)  # keeps every segment non-empty for reduceat
                rows += [self._attributes[f] for f in part if f in self._attributes]
            vectors = np.add.reduceat(self._weights[rows], starts, axis=0)
            with self._lock:
                self._cache[word] = vectors
                if len(self._cache) > _CACHE_LIMIT:
                    self._cache.popitem(last=False)
        return vectors

    def scores(self, words: list[str], constrained: bool = True) -> Vectors:
        """State scores, one row per word, one column per label.

        ``constrained``: an amount cannot go on where ``rules.amount_stops`` says (the CRF
        alone lets one percentage swallow a list of them); without it the scores are
        crfsuite's own.
        """
        parts = np.stack([self._word(w) for w in words])
        s = parts[:, 0].copy()
        s[2:] += parts[:-2, 1]
        s[1:] += parts[:-1, 2]
        s[:-1] += parts[1:, 3]
        s[:-2] += parts[2:, 4]
        s[0] += self._bos
        s[-1] += self._eos
        inside = quoted(words)
        if any(inside):
            s[np.array(inside)] += self._quoted
        stops = amount_stops(words) if constrained else []
        if stops:
            s[np.ix_(stops, self._number_inside)] = _FORBIDDEN
        return s

    def tag(self, words: list[str]) -> list[str]:
        """The most likely IOB2 tags of a sentence."""
        return self.tag_many([words])[0]

    def tag_many(self, sentences: list[list[str]], *, constrained: bool = True) -> list[list[str]]:
        """Tags of many sentences, decoded together in batches of similar length."""
        result: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for b in range(0, len(order), _BATCH):
            batch = order[b : b + _BATCH]
            paths = self._viterbi([self.scores(sentences[i], constrained) for i in batch])
            for i, path in zip(batch, paths, strict=True):
                result[i] = [self.labels[k] for k in path]
        return result

    def lattice(self, words: list[str]) -> "Lattice":
        """Forward and backward sums over a sentence, for the probability of a reading."""
        return Lattice(self.scores(words), self._transitions, self._columns)

    def _viterbi(self, scores: list[Vectors]) -> list[list[int]]:
        """Best label paths of several sentences at once (padded to the longest)."""
        lengths = np.array([len(s) for s in scores])
        steps, size = int(lengths.max()), self._into.shape[0]
        padded = np.zeros((len(scores), steps, size), dtype=np.float32)
        for i, s in enumerate(scores):
            padded[i, : len(s)] = s
        back = np.zeros((len(scores), steps, size), dtype=np.intp)
        delta = padded[:, 0]
        flat = np.arange(len(scores) * size)
        for t in range(1, steps):
            # candidates[b, to, from]: rows are contiguous, so the reduction is fast
            candidates = self._into[None] + delta[:, None, :]
            pointers = candidates.argmax(axis=2)
            back[:, t] = pointers
            best = candidates.reshape(-1, size)[flat, pointers.ravel()].reshape(-1, size)
            running = (lengths > t)[:, None]
            delta = np.where(running, best + padded[:, t], delta)
        paths: list[list[int]] = []
        ends = delta.argmax(axis=1).tolist()
        for i, n in enumerate(lengths.tolist()):
            k = ends[i]
            path = [k]
            rows = back[i, :n].tolist()
            for t in range(n - 1, 0, -1):
                k = rows[t][k]
                path.append(k)
            paths.append(path[::-1])
        return paths


_lock = threading.Lock()
_model: CrfModel | None = None


def shared_model() -> CrfModel:
    """The process-wide model, loaded on first use."""
    global _model
    with _lock:
        if _model is None:
            _model = CrfModel()
        return _model


class Lattice:
    """The CRF's forward and backward sums over one sentence: the probability it gives to
    one reading of some of its words (``B-GPE`` ``I-GPE``), whatever the rest.

    Scaled forward-backward (each step's sums normalised, as in Rabiner's tutorial): a
    matrix product a step, with no logarithms. It costs a few times a Viterbi pass, so the
    recogniser builds one only for the sentences whose names the document-level step must
    weigh (``consistency``).
    """

    def __init__(self, scores: Vectors, transitions: Vectors, columns: dict[str, int]) -> None:
        s = scores.astype(np.float64)
        step = np.exp(transitions.astype(np.float64))  # [from, to]
        n, size = s.shape
        emit = np.exp(s - s.max(axis=1, keepdims=True))  # each row scaled to a max of 1
        alpha = np.empty((n, size))
        beta = np.empty((n, size))
        scale = np.empty(n)
        a = emit[0]
        for i in range(n):
            if i:
                a = (alpha[i - 1] @ step) * emit[i]
            scale[i] = a.sum()
            alpha[i] = a / scale[i]
        beta[-1] = 1.0
        for i in range(n - 2, -1, -1):
            beta[i] = (step @ (emit[i + 1] * beta[i + 1])) / scale[i + 1]
        self._step, self._emit, self._scale = step, emit, scale
        self._alpha, self._beta = alpha, beta
        self._columns = columns

    def probability(self, first: int, labels: list[str]) -> float:
        """Probability that words ``first``, ``first + 1``... carry the tags ``labels``
        (0 for a tag the model does not know)."""
        columns = [self._columns.get(label, -1) for label in labels]
        if not columns or min(columns) < 0:
            return 0.0
        p = float(self._alpha[first, columns[0]])
        for k in range(1, len(columns)):
            t = first + k
            p *= self._step[columns[k - 1], columns[k]] * self._emit[t, columns[k]] / self._scale[t]
        p *= float(self._beta[first + len(columns) - 1, columns[-1]])
        return min(max(p, 0.0), 1.0)

    def reading(self, first: int, stop: int, label: str) -> float:
        """Probability that words ``first:stop`` are one ``label`` entity (``PERSON``)."""
        return self.probability(first, [f"B-{label}"] + [f"I-{label}"] * (stop - first - 1))

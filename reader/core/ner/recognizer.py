"""``extract`` and ``analyse``: recognise entities paragraph by paragraph.

Kazakh paragraphs go through the tokenizer, the shipped CRF and the rules, then the whole
document's Kazakh names are made consistent (``consistency``: one name, one class); Russian
paragraphs go through natasha; English ones are left without entities (issue 4).
"""

import itertools
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterator

from reader.core.errors import CancelledError
from reader.core.kazakh.lookalike import clean_text
from reader.core.ner.consistency import Found, Loose, found_names, harmonise, loose_words
from reader.core.ner.entities import Entity
from reader.core.ner.grouping import group
from reader.core.ner.language import Language, detect
from reader.core.ner.model import CrfModel, Lattice, shared_model
from reader.core.ner.rules import apply_rules
from reader.core.ner.scoring import chunks
from reader.core.ner.tokens import sentence_bounds, token_spans
from reader.core.spans import EntitySpan, non_overlapping

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_MAX_CHUNK = 20_000  # a paragraph longer than this is cut at a sentence end
_BATCH_CHARS = 50_000  # Kazakh paragraphs tagged together (progress and cancel between)


def chunk_ranges(text: str) -> Iterator[tuple[int, int]]:
    """Non-empty paragraphs of ``text`` as ``(start, end)``, long ones cut after a full stop."""
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        end = n if end < 0 else end
        if end - start > _MAX_CHUNK:
            limit = start + _MAX_CHUNK
            cut = text.rfind(". ", start, limit)
            if cut <= start:
                cut = text.rfind(" ", start, limit)
            end = cut + 1 if cut > start else limit
        if text[start:end].strip():
            yield start, end
        start = end + 1 if end < n and text[end] == "\n" else end


class _KazakhNames:
    """A document's Kazakh names and the capitalised words the CRF left out, kept as the
    batches are tagged so that :func:`settle` can make them consistent over the whole
    document (see ``consistency``). A sentence is kept as its range of the text only, and
    its words are found again when the CRF's probabilities for it are needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[tuple[int, int]] = []
        self.found: list[Found] = []
        self.spans: list[EntitySpan] = []  # the span of each found name
        self.loose: list[Loose] = []
        self.loose_spans: list[tuple[int, int]] = []

    def add(self, offsets: list[tuple[int, int]], words: list[str], tags: list[str]) -> None:
        sentence = len(self.sentences)
        self.sentences.append((offsets[0][0], offsets[-1][1]))
        for f in found_names(sentence, words, tags):
            self.found.append(f)
            self.spans.append(EntitySpan(offsets[f.first][0], offsets[f.stop - 1][1], f.label))
        for word in loose_words(sentence, words, tags):
            self.loose.append(word)
            self.loose_spans.append(offsets[word.position])

    def words(self, sentence: int) -> list[str]:
        """The words of a sentence, exactly as they were tagged."""
        start, end = self.sentences[sentence]
        clean = clean_text(self.text[start:end])
        return [clean[a - start : b - start] for a, b in token_spans(self.text, start, end)]

    def settle(self, spans: list[EntitySpan], model: CrfModel) -> list[EntitySpan]:
        """``spans`` with the changes that make the document's names consistent."""
        if not self.found:
            return spans
        readings = _Readings(self, model)
        changes = harmonise(self.found, self.loose, readings, model.gazetteer)
        if not changes.relabelled and not changes.added:
            return spans
        new = {
            self.spans[i]: EntitySpan(self.spans[i].start, self.spans[i].end, label)
            for i, label in changes.relabelled.items()
        }
        where = {id(w): s for w, s in zip(self.loose, self.loose_spans, strict=True)}
        added = [EntitySpan(*where[id(w)], label) for w, label in changes.added]
        log.debug("consistency: %d relabelled, %d added", len(new), len(added))
        return sorted([new.get(s, s) for s in spans] + added, key=lambda s: (s.start, s.end))


class _Readings:
    """The CRF's probabilities for the sentences of a :class:`_KazakhNames` (see
    ``consistency.Readings``), each sentence's lattice computed once, when first asked."""

    def __init__(self, names: _KazakhNames, model: CrfModel) -> None:
        self._names = names
        self._model = model
        self._lattices: dict[int, Lattice] = {}

    def probability(self, sentence: int, first: int, stop: int, label: str) -> float:
        lattice = self._lattices.get(sentence)
        if lattice is None:
            words = self._names.words(sentence)
            lattice = self._lattices[sentence] = self._model.lattice(words)
        return lattice.reading(first, stop, label)


def _kazakh(text: str, ranges: list[tuple[int, int]], names: _KazakhNames) -> list[EntitySpan]:
    """Entity spans in Kazakh paragraphs, their sentences tagged in one batch."""
    found: list[tuple[list[tuple[int, int]], list[str]]] = []
    for start, end in ranges:
        offsets = token_spans(text, start, end)
        # Look-alike letters (Latin ə for ә, Latin a/e/o inside Cyrillic words) read as the
        # letters they stand for; the cleaned paragraph has the same length, so the spans
        # stay offsets into the original text.
        clean = clean_text(text[start:end])
        words = [clean[a - start : b - start] for a, b in offsets]
        for first, stop in sentence_bounds(words):
            found.append((offsets[first:stop], words[first:stop]))
    model = shared_model()
    tagged = model.tag_many([words for _, words in found])
    spans: list[EntitySpan] = []
    for (offsets, words), tags in zip(found, tagged, strict=True):
        final = apply_rules(words, tags, model.gazetteer, reader=True)
        names.add(offsets, words, final)
        for a, b, label in chunks(final):
            spans.append(EntitySpan(offsets[a][0], offsets[b - 1][1], label))
    return spans


def _batches(text: str) -> Iterator[tuple[Language, list[tuple[int, int]]]]:
    """Paragraphs with their language; consecutive Kazakh ones together, up to a size."""
    kazakh: list[tuple[int, int]] = []
    size = 0
    for start, end in chunk_ranges(text):
        language = detect(text[start:end])
        if language == "kk":
            kazakh.append((start, end))
            size += end - start
            if size < _BATCH_CHARS:
                continue
        if kazakh:
            yield "kk", kazakh
            kazakh, size = [], 0
        if language != "kk":
            yield language, [(start, end)]
    if kazakh:
        yield "kk", kazakh


def _recognise(
    language: Language,
    ranges: list[tuple[int, int]],
    nominatives: dict[EntitySpan, str],
    names: _KazakhNames,
) -> list[EntitySpan]:
    """Spans of the paragraphs; a Russian mention's nominative goes into ``nominatives``,
    Kazakh names into ``names``."""
    text = names.text
    if language == "kk":
        return _kazakh(text, ranges, names)
    if language == "ru":
        from reader.core.ner.russian import russian_mentions

        found = [m for start, end in ranges for m in russian_mentions(text, start, end)]
        nominatives.update((m.span, m.nominative) for m in found if m.nominative)
        return [m.span for m in found]
    return []  # English: no entities yet (issue 4 leaves it out)


def _sorted_disjoint(spans: list[EntitySpan]) -> list[EntitySpan]:
    """The spans as non_overlapping() would give them; a cheap check first (they usually are)."""
    if all(a.end <= b.start for a, b in itertools.pairwise(spans)):
        return spans
    return non_overlapping(spans)


def extract(text: str) -> list[EntitySpan]:
    """Entity spans of ``text``: sorted, non-overlapping, Python str offsets."""
    spans: list[EntitySpan] = []
    names = _KazakhNames(text)
    for language, ranges in _batches(text):
        spans += _recognise(language, ranges, {}, names)
    return _sorted_disjoint(_consistent(spans, names))


def _consistent(spans: list[EntitySpan], names: _KazakhNames) -> list[EntitySpan]:
    """The document's spans, its Kazakh names made consistent (``consistency``)."""
    return names.settle(spans, shared_model()) if names.found else spans


def analyse(
    text: str,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Entity]:
    """Entities of ``text`` (extract, then group); raises CancelledError when ``cancel`` is set."""
    total = len(text)
    spans: list[EntitySpan] = []
    nominatives: dict[EntitySpan, str] = {}
    size: Counter[str] = Counter()  # characters per language: the document's main one
    names = _KazakhNames(text)
    for language, ranges in _batches(text):
        if cancel is not None and cancel.is_set():
            raise CancelledError("entity recognition was cancelled")
        spans += _recognise(language, ranges, nominatives, names)
        size[language] += sum(end - start for start, end in ranges)
        if progress is not None:
            progress(ranges[-1][1], total)
    if cancel is not None and cancel.is_set():
        raise CancelledError("entity recognition was cancelled")
    main = "ru" if size["ru"] > size["kk"] else "kk"
    entities = group(text, _sorted_disjoint(_consistent(spans, names)), nominatives, main)
    if progress is not None:
        progress(total, total)
    return entities

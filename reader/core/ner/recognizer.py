"""``extract`` and ``analyse``: recognise entities paragraph by paragraph.

Kazakh paragraphs go through the tokenizer, the shipped CRF and the rules; Russian ones
through natasha; English ones are left without entities (issue 4).
"""

import itertools
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterator

from reader.core.errors import CancelledError
from reader.core.kazakh.lookalike import clean_text
from reader.core.ner.entities import Entity
from reader.core.ner.grouping import group
from reader.core.ner.language import Language, detect
from reader.core.ner.model import shared_model
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


def _kazakh(text: str, ranges: list[tuple[int, int]]) -> list[EntitySpan]:
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
        for a, b, label in chunks(apply_rules(words, tags, model.gazetteer, reader=True)):
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
    text: str, language: Language, ranges: list[tuple[int, int]], nominatives: dict[EntitySpan, str]
) -> list[EntitySpan]:
    """Spans of the paragraphs; a Russian mention's nominative goes into ``nominatives``."""
    if language == "kk":
        return _kazakh(text, ranges)
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
    for language, ranges in _batches(text):
        spans += _recognise(text, language, ranges, {})
    return _sorted_disjoint(spans)


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
    for language, ranges in _batches(text):
        if cancel is not None and cancel.is_set():
            raise CancelledError("entity recognition was cancelled")
        spans += _recognise(text, language, ranges, nominatives)
        size[language] += sum(end - start for start, end in ranges)
        if progress is not None:
            progress(ranges[-1][1], total)
    if cancel is not None and cancel.is_set():
        raise CancelledError("entity recognition was cancelled")
    main = "ru" if size["ru"] > size["kk"] else "kk"
    entities = group(text, _sorted_disjoint(spans), nominatives, main)
    if progress is not None:
        progress(total, total)
    return entities

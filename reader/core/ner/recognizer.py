"""``extract`` and ``analyse``: recognise entities paragraph by paragraph.

Kazakh paragraphs go through the tokenizer, the shipped CRF and the rules; Russian ones
through natasha; English ones are left without entities (issue 4).
"""

import logging
import threading
from collections.abc import Callable, Iterator

from reader.core.errors import CancelledError
from reader.core.ner.entities import Entity
from reader.core.ner.grouping import group
from reader.core.ner.language import detect
from reader.core.ner.model import shared_model
from reader.core.ner.rules import apply_rules
from reader.core.ner.scoring import chunks
from reader.core.ner.tokens import sentences, tokenize
from reader.core.spans import EntitySpan, non_overlapping

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_MAX_CHUNK = 20_000  # a paragraph longer than this is cut at a sentence end
_PROGRESS_STEPS = 200  # progress reports per document, at most


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


def _kazakh(text: str, start: int, end: int) -> list[EntitySpan]:
    model = shared_model()
    spans: list[EntitySpan] = []
    for sentence in sentences(tokenize(text, start, end)):
        words = [t.text for t in sentence]
        tags = apply_rules(words, model.tag(words))
        for first, stop, label in chunks(tags):
            spans.append(EntitySpan(sentence[first].start, sentence[stop - 1].end, label))
    return spans


def chunk_entities(text: str, start: int, end: int) -> list[EntitySpan]:
    """Entity spans in one paragraph ``text[start:end]``."""
    language = detect(text[start:end])
    if language == "kk":
        return _kazakh(text, start, end)
    if language == "ru":
        from reader.core.ner.russian import russian_entities

        return russian_entities(text, start, end)
    return []


def extract(text: str) -> list[EntitySpan]:
    """Entity spans of ``text``: sorted, non-overlapping, Python str offsets."""
    spans: list[EntitySpan] = []
    for start, end in chunk_ranges(text):
        spans += chunk_entities(text, start, end)
    return non_overlapping(spans)


def analyse(
    text: str,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Entity]:
    """Entities of ``text`` (extract, then group); raises CancelledError when ``cancel`` is set."""
    total = len(text)
    spans: list[EntitySpan] = []
    reported = 0
    step = max(1, total // _PROGRESS_STEPS)
    for start, end in chunk_ranges(text):
        if cancel is not None and cancel.is_set():
            raise CancelledError("entity recognition was cancelled")
        spans += chunk_entities(text, start, end)
        if progress is not None and end - reported >= step:
            progress(end, total)
            reported = end
    if cancel is not None and cancel.is_set():
        raise CancelledError("entity recognition was cancelled")
    entities = group(text, non_overlapping(spans))
    if progress is not None:
        progress(total, total)
    return entities

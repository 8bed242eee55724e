"""Russian entities from natasha's news NER model, with each mention's nominative.

The models (navec embeddings, slovnet NER and morphology) and the pymorphy2 dictionary ship
in natasha's and pymorphy2's wheels; nothing is downloaded. The nominative comes from
natasha's own morphology: its morphological tagger gives each word of the sentence its part
of speech and case, and its ``MorphVocab`` (pymorphy2) inflects the word into the
nominative (Сергеем Лавровым -> Сергей Лавров, Республики Казахстан -> Республика Казахстан).
Only sentences that hold an entity are tagged for morphology.
"""

import importlib.util
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError
from reader.core.spans import EntitySpan

LABELS = {"PER": "PERSON", "ORG": "ORGANISATION", "LOC": "GPE"}
_HEAD = frozenset(("NOUN", "PROPN"))

# One lock for all of natasha: slovnet's models and pymorphy2's caches are not documented
# as thread-safe and the GUI recognises on two pool threads; each call is short (one
# paragraph), so serialising them costs little.
_lock = threading.Lock()
_natasha: "_Natasha | None" = None


class RussianModelMissingError(ReaderError):
    """natasha's model files are not installed."""


@dataclass(frozen=True, slots=True)
class RussianMention:
    """A recognised span and its nominative form (``''`` when natasha gives none)."""

    span: EntitySpan
    nominative: str


@dataclass(frozen=True, slots=True)
class _Natasha:
    segmenter: Any
    ner: Any
    morph: Any
    vocab: Any


def _natasha_data() -> Path:
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise RussianModelMissingError("natasha is not installed; reinstall Oqyrman")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _load() -> _Natasha:
    data = _natasha_data()
    files = (
        data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar",
        data / "model" / "slovnet_ner_news_v1.tar",
        data / "model" / "slovnet_morph_news_v1.tar",
    )
    if not all(f.is_file() for f in files):
        raise RussianModelMissingError(f"natasha's model files are missing from {data}")
    import pymorphy2_dicts_ru
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
    from natasha.morph.vocab import MorphForm, PymorphyAnalyzer

    class Vocab(MorphVocab):  # type: ignore[misc]
        """natasha's vocabulary with pymorphy2's dictionary named directly (pymorphy2 finds
        it through pkg_resources' entry points otherwise, which the bundle leaves out), and
        without pymorphy2's estimates of P(tag | word): they only reorder a word's readings,
        and natasha picks the reading that agrees with its tagger's part of speech and case,
        so the nominatives are the same (all 6,832 entities of 500 Lenta.ru news texts) and
        the bundle leaves out their 2.9 MB table."""

        def __init__(self) -> None:
            PymorphyAnalyzer.__init__(
                self,
                path=str(pymorphy2_dicts_ru.get_path()),
                result_type=MorphForm,
                probability_estimator_cls=None,
            )

    embedding = NewsEmbedding()
    return _Natasha(Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), Vocab())


def _nominative(vocab: Any, tokens: Sequence[Any], label: str) -> str:
    """natasha's normalisation of a span's tagged tokens.

    A person's name is inflected word by word (natasha's ``normalize``). An organisation or
    place is inflected up to its head, the first noun, with the adjectives before it: what
    follows the head is its complement and keeps its case (Министерства иностранных дел ->
    Министерство иностранных дел). natasha would use its syntax model for that; the first
    noun is the head in all but rare names and costs no parse.
    """
    from natasha.norm import inflect_word, recover_shapes, recover_spaces

    if label == "PERSON":
        words = [inflect_word(vocab, t) for t in tokens]
    else:
        head = next((i for i, t in enumerate(tokens) if t.pos in _HEAD), len(tokens) - 1)
        words = [
            inflect_word(vocab, t) if i <= head else t.text.lower() for i, t in enumerate(tokens)
        ]
    return str(recover_spaces(list(recover_shapes(words, tokens)), tokens))


def _mentions(tools: _Natasha, paragraph: str) -> list[tuple[int, int, str, str]]:
    """(start, stop, label, nominative) of each entity in ``paragraph``."""
    from natasha import Doc

    doc = Doc(paragraph)
    doc.segment(tools.segmenter)
    doc.tag_ner(tools.ner)
    wanted = [s for s in doc.sents if s.spans]
    if wanted:  # morphology only where it is needed: it costs as much as the NER
        markups = tools.morph.map([[t.text for t in s.tokens] for s in wanted])
        for sent, markup in zip(wanted, markups, strict=True):
            for token, tagged in zip(sent.tokens, markup.tokens, strict=True):
                token.pos, token.feats = tagged.pos, tagged.feats
    out = []
    for s in doc.spans:
        if s.type not in LABELS:
            continue
        label = LABELS[s.type]
        tagged = all(getattr(t, "pos", None) for t in s.tokens)
        normal = _nominative(tools.vocab, s.tokens, label) if tagged and s.tokens else ""
        out.append((s.start, s.stop, label, normal))
    return out


def russian_mentions(text: str, start: int, end: int) -> list[RussianMention]:
    """Entities in ``text[start:end]`` (a Russian paragraph), offsets into ``text``."""
    global _natasha
    with _lock:
        if _natasha is None:
            _natasha = _load()
        found = _mentions(_natasha, text[start:end])
    result = []
    for first, stop, label, normal in found:
        while stop > first and not text[start + stop - 1].isalnum():
            stop -= 1  # slovnet sometimes keeps a full stop: «Газпром.»
        if stop > first:
            span = EntitySpan(start + first, start + stop, label)
            result.append(RussianMention(span, normal.rstrip(".").strip()))
    return result


def russian_entities(text: str, start: int, end: int) -> list[EntitySpan]:
    """The spans of :func:`russian_mentions`."""
    return [m.span for m in russian_mentions(text, start, end)]

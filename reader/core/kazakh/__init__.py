"""Kazakh language core (no Qt): folding, the 2021 Latin script, noun lemmas, word-form search.

``from reader.core.kazakh import fold, to_latin, to_cyrillic, lemma`` (each name loads its
module on first use); all are pure and thread-safe. Also ``to_latin_mapped(text) -> (latin,
sources)`` and ``fold_mapped`` (offset maps back to the original), ``is_latin(query)``;
``is_known_stem(stem)`` and ``stem_forms(stem)`` say how well the lemmatiser's lexicon knows a
stem (evidence for trusting a lemma). Word-form search lives in
``reader.core.kazakh.wordsearch`` (``find_words``, and ``build_index(text, progress, cancel)``
to index a document in the background); ``reader.core.search.find(mode="words")`` calls it.
Look-alike letters from other alphabets (Latin ə for ә, Latin i for і, ӛ for ө...):
``clean_word(token)`` and ``clean_text(text)`` give the word a reader meant, always of the same
length (offsets stay valid); ``count_mixed_words(text)`` counts the words that mix scripts.
Modules: ``script`` (folding, Latin), ``lookalike`` (look-alike letters), ``grammar`` (noun
endings), ``lemmatizer`` (ranking by the lexicon, combined with Apertium's readings),
``apertium`` and ``hfstol`` (the shipped Apertium analyser and its reader), ``build_lexicon``
(makes ``data/lexicon.tsv.gz`` from ../shared/data).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.kazakh.lemmatizer import is_known_stem, lemma, stem_forms
    from reader.core.kazakh.lookalike import clean_text, clean_word, count_mixed_words
    from reader.core.kazakh.script import (
        fold,
        fold_mapped,
        is_latin,
        to_cyrillic,
        to_latin,
        to_latin_mapped,
    )

# Each name loads its module when first asked for (PEP 562): the look-alike folding that
# every search needs must not load the lemmatiser's lexicon and Apertium's transducer, nor
# the window's start-up the search at all.
_HOMES = {
    "is_known_stem": "lemmatizer",
    "lemma": "lemmatizer",
    "stem_forms": "lemmatizer",
    "clean_text": "lookalike",
    "clean_word": "lookalike",
    "count_mixed_words": "lookalike",
    "fold": "script",
    "fold_mapped": "script",
    "is_latin": "script",
    "to_cyrillic": "script",
    "to_latin": "script",
    "to_latin_mapped": "script",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:  # a submodule (``from reader.core.kazakh import apertium``) or nothing
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "clean_text",
    "clean_word",
    "count_mixed_words",
    "fold",
    "fold_mapped",
    "is_known_stem",
    "is_latin",
    "lemma",
    "stem_forms",
    "to_cyrillic",
    "to_latin",
    "to_latin_mapped",
]

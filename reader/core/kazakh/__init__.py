"""Kazakh language core (no Qt): folding, the 2021 Latin script, noun lemmas, word-form search.

``from reader.core.kazakh import fold, to_latin, to_cyrillic, lemma``; all are pure and
thread-safe.
"""

from reader.core.kazakh.lemmatizer import lemma
from reader.core.kazakh.script import (
    fold,
    fold_mapped,
    is_latin,
    to_cyrillic,
    to_latin,
    to_latin_mapped,
)

__all__ = ["fold", "fold_mapped", "is_latin", "lemma", "to_cyrillic", "to_latin", "to_latin_mapped"]

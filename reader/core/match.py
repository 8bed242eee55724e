"""A search match: a character range of a document's text (str indices, end-exclusive).

Its own module so that the search facade (``reader.core.search``) and the word-form search
(``reader.core.kazakh.wordsearch``) can both use it without importing each other.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Match:
    start: int
    end: int

"""A tokenizer for Kazakh, Russian and English news text that keeps str offsets.

Tokens follow KazNERD's conventions so that the CRF sees what it was trained on:
punctuation is split off (``«``, ``»``, ``,``, ``.``, also inside numbers: ``1,5`` is
``1 , 5``), hyphenated words and numbers with a hyphenated ending stay whole
(``Нұр-Сұлтан``, ``1997-нші``, ``%-ке``), web addresses are split at their dots
(``Zakon . kz``), and an initial is split from the surname that follows it
(``М.Қасымбеков`` -> ``М.`` ``Қасымбеков``).
"""

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<initial>[^\W\d_]\.(?=\s?[^\W\d_]{2}))   # М.Қасымбеков, А. Бисембаев
    | \d+(?:-[^\W\d_]+)?                         # 2021, 1997-нші (1,5 is 1 , 5 as in KazNERD)
    | %(?:-[^\W\d_]+)?                            # %, %-ке
    | [^\W\d_][^\W_]*(?:['’][^\W\d_]+)?(?:-[^\W_]+)*  # words, Нұр-Сұлтан, COVID-19
    | \S                                          # any other character on its own
    """,
    re.VERBOSE,
)

_SENTENCE_END = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class Token:
    """``text[start:end]`` of the tokenized string."""

    start: int
    end: int
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``; spaces are never tokens."""
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, stop)]


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token, as :func:`tokenize` finds them, without Token objects."""
    stop = len(text) if end is None else end
    return [m.span() for m in _TOKEN.finditer(text, start, stop)]


_STARTS_SENTENCE = '«"–—-'


def sentence_bounds(words: list[str]) -> list[tuple[int, int]]:
    """``(first, end)`` word indices of each sentence.

    A sentence ends at ``. ! ? …`` followed by a capital, a dash or a quote; an initial
    (``М.``) is one token, so it never ends one.
    """
    bounds: list[tuple[int, int]] = []
    first = 0
    n = len(words)
    for i in range(n - 1):
        if words[i] in _SENTENCE_END:
            nxt = words[i + 1][0]
            if nxt.isupper() or nxt in _STARTS_SENTENCE:
                bounds.append((first, i + 1))
                first = i + 1
    if first < n:
        bounds.append((first, n))
    return bounds


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """Split tokens into sentences (see :func:`sentence_bounds`)."""
    return [tokens[a:b] for a, b in sentence_bounds([t.text for t in tokens])]

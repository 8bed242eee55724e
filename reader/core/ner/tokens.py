"""A tokenizer for Kazakh, Russian and English news text that keeps str offsets.

Tokens follow KazNERD's conventions so that the CRF sees what it was trained on:
punctuation is split off (``«``, ``»``, ``,``, ``.``), hyphenated words and numbers with
a hyphenated ending stay whole (``Нұр-Сұлтан``, ``1997-нші``, ``%-ке``), web addresses
are split at their dots (``Zakon . kz``), and an initial is split from the surname that
follows it (``М.Қасымбеков`` -> ``М.`` ``Қасымбеков``).
"""

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<initial>[^\W\d_]\.(?=\s?[^\W\d_]{2}))   # М.Қасымбеков, А. Бисембаев
    | \d+(?:[.,:]\d+)*(?:-[^\W\d_]+)?            # 2021, 1,5, 12:30, 1997-нші
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


def _is_initial(token: Token) -> bool:
    return len(token.text) == 2 and token.text[1] == "." and token.text[0].isupper()


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """Split tokens into sentences at ``. ! ? …`` followed by a capital, a dash or a quote."""
    result: list[list[Token]] = []
    current: list[Token] = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        current.append(token)
        if token.text in _SENTENCE_END and i + 1 < n:
            nxt = tokens[i + 1].text[0]
            if nxt.isupper() or nxt in '«"–—-':
                result.append(current)
                current = []
    if current:
        result.append(current)
    return result

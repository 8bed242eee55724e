"""A crude, deterministic Kazakh stemmer used for CRF features.

The CRF's features must not change under a trained model, so the recogniser keeps its
own stemmer instead of following the (evolving) lemmatiser in ``reader.core.kazakh``.
It strips at most one case, one possessive and one plural ending (in that order from the
end of the word), longest first, and never leaves fewer than three letters.
"""

from functools import lru_cache


def _longest_first(words: str) -> tuple[str, ...]:
    return tuple(sorted(words.split(), key=len, reverse=True))


# Kazakh endings come in slots after the stem: plural, possessive, case (read backwards).
_SLOTS: tuple[tuple[str, ...], ...] = (
    _longest_first(
        "ның нің дың дің тың тің ға ге қа ке на не ны ні ды ді ты ті нда нде да де та те "
        "дан ден тан тен нан нен мен бен пен ндағы ндегі дағы дегі тағы тегі ғы гі қы кі"
    ),
    _longest_first("ымыз іміз мыз міз ыңыз іңіз ңыз ңіз ың ің сы сі ы і"),
    _longest_first("лар лер дар дер тар тер"),
)


def _by_length(slot: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths = sorted({len(x) for x in slot}, reverse=True)
    return tuple((n, frozenset(x for x in slot if len(x) == n)) for n in lengths)


_SLOTS_BY_LENGTH = tuple(_by_length(slot) for slot in _SLOTS)


@lru_cache(maxsize=200_000)
def stem(word: str) -> tuple[str, str]:
    """``(stem, stripped_endings)`` of a lowercased word, e.g. назарбаевқа -> (назарбаев, қа)."""
    base = word
    for slot in _SLOTS_BY_LENGTH:
        for n, endings in slot:  # longest ending first
            if len(base) - n >= 3 and base[-n:] in endings:
                base = base[:-n]
                break
    return base, word[len(base) :]

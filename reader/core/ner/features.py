"""CRF features for an agglutinative language, computed once per distinct word form.

A token's own features (word, prefixes and suffixes, stem and stripped endings, shape,
case, digits, a gazetteer hit) depend on the word alone and are cached; only sentence
position and being inside «quotes» depend on the context. Neighbours within two tokens
contribute a few of their features under an offset prefix (``-1:st=...``).
"""

from collections.abc import Mapping, Sequence

from reader.core.ner.stem import stem

_QUOTES_OPEN = frozenset("«“„")
_QUOTES_CLOSE = frozenset("»”")
_CONTEXT = ((-2, ("w", "st", "sh")), (-1, ("w", "st", "sx", "sh", "t", "g", "lc", "a")))
_CONTEXT_AFTER = ((1, ("w", "st", "sx", "sh", "t", "g", "lc", "a")), (2, ("w", "st", "sh")))
_CACHE_LIMIT = 500_000

WordFeatures = tuple[list[str], list[str], list[str], list[str], list[str]]


def shape(word: str) -> str:
    """Short shape: runs of upper, lower, digit and other characters, e.g. Нұр-Сұлтан -> Xx-Xx."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _own(word: str, gazetteer: Mapping[str, str]) -> dict[str, str]:
    """The word's context-free features as name -> value."""
    low = word.lower()
    base, endings = stem(low)
    feats = {"w": low, "st": base, "sx": endings, "sh": shape(word)}
    for k in range(1, 6):
        if len(low) >= k:
            feats[f"p{k}"] = low[:k]
            feats[f"s{k}"] = low[-k:]
    feats["t"] = "1" if word[:1].isupper() else "0"
    if word.isupper() and len(word) > 1:
        feats["u"] = "1"
    if any(ch.isdigit() for ch in word):
        feats["d"] = "1"
    if word[:1].isupper() and "^" + low in gazetteer:
        feats["lc"] = "1"  # usually written in lowercase: a capitalised common word
    hit = gazetteer.get(low) or gazetteer.get("~" + base)
    if hit:
        feats["g"] = hit
    kinds = gazetteer.get("@" + low) or gazetteer.get("@" + base)
    if kinds and word[:1].isupper():
        feats["a"] = kinds  # Apertium's lexicon files it as a first name, surname, place...
    return feats


def word_features(word: str, gazetteer: Mapping[str, str]) -> WordFeatures:
    """The word's own features and what it tells its neighbours at -2, -1, +1, +2."""
    feats = _own(word, gazetteer)
    own = ["bias", *(f"{k}={v}" for k, v in feats.items())]
    ctx = [
        [f"{off}:{k}={feats[k]}" for k in keys if k in feats]
        for off, keys in (*_CONTEXT, *_CONTEXT_AFTER)
    ]
    return (own, ctx[0], ctx[1], ctx[2], ctx[3])


def quoted(words: Sequence[str]) -> list[bool]:
    """Whether each word stands inside «quotes» (the quote marks themselves do not)."""
    flags: list[bool] = []
    inside = False
    for word in words:
        if word in _QUOTES_CLOSE:
            inside = False
        flags.append(inside)
        if word in _QUOTES_OPEN:
            inside = True
    return flags


class FeatureExtractor:
    """Turns sentences into crfsuite feature lists; cheap after a word's first sight."""

    def __init__(self, gazetteer: Mapping[str, str]) -> None:
        self._gazetteer = gazetteer
        self._cache: dict[str, WordFeatures] = {}

    def _word(self, word: str) -> WordFeatures:
        cached = self._cache.get(word)
        if cached is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            cached = self._cache[word] = word_features(word, self._gazetteer)
        return cached

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per word of a sentence."""
        per_word = [self._word(w) for w in words]
        n = len(words)
        items: list[list[str]] = []
        for i, inside in enumerate(quoted(words)):
            item = list(per_word[i][0])
            if i >= 2:
                item += per_word[i - 2][1]
            if i >= 1:
                item += per_word[i - 1][2]
            else:
                item.append("BOS")
            if i + 1 < n:
                item += per_word[i + 1][3]
            else:
                item.append("EOS")
            if i + 2 < n:
                item += per_word[i + 2][4]
            if inside:
                item.append("q")
            items.append(item)
        return items

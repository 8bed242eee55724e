"""Dictionary forms of Russian words, from pymorphy2's OpenCorpora dictionary (via natasha).

natasha brings pymorphy2 and its Russian dictionary (``pymorphy2-dicts-ru``, MIT). Its
``MorphAnalyzer`` no longer starts on Python 3.11 (it calls ``inspect.getargspec``), so the
dictionary is read here directly with pymorphy2's own ``Dictionary`` reader: a word the
dictionary holds gets the normal forms of all its readings (стали: стать, сталь); an unknown
word (Токаева, a Kazakh surname in Russian) is read by analogy with the dictionary words that
end like it, as pymorphy2's suffix predictor does (Токаева is declined like Назарбаева).
Nothing is downloaded; the dictionary is read once, on first use.
"""

import functools
import logging
import threading
from typing import Any

from reader.core.errors import ReaderError

log = logging.getLogger(__name__)
_lock = threading.Lock()
_dictionary: Any = None
_missing = False  # said once: Russian words then find only themselves
_YO: Any = None  # е may stand for ё (ждет: ждёт), compiled for the dictionary's DAWG
MIN_PREDICTED_SHARE = 0.3  # a predicted reading this share of the best one's count is kept
MAX_PREDICTED = 3
MIN_PREDICTED_LENGTH = 4


class RussianDictionaryMissingError(ReaderError):
    """pymorphy2's Russian dictionary is not installed."""


def _load() -> Any:
    global _dictionary, _YO
    with _lock:
        if _dictionary is None:
            try:
                import pymorphy2_dicts_ru
                from pymorphy2.opencorpora_dict.wrapper import Dictionary
            except ImportError as exc:
                raise RussianDictionaryMissingError(
                    "pymorphy2's Russian dictionary is not installed; reinstall Oqyrman"
                ) from exc
            d = Dictionary(pymorphy2_dicts_ru.get_path())
            _YO = d.words.compile_replaces({"е": "ё"})
            _dictionary = d
        return _dictionary


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


def _known(d: Any, low: str) -> list[str]:
    out: list[str] = []
    for fixed, parses in d.words.similar_items(low, _YO):
        for para_id, idx in parses:
            out.append(d.build_normal_form(para_id, idx, fixed))
    return out


def _predicted(d: Any, low: str) -> list[str]:
    """Normal forms by analogy: the longest ending shared with dictionary words decides."""
    max_len = d.meta.get("prediction_options", d.meta.get("compile_options", {}))
    max_len = int(max_len.get("max_suffix_length", 5))
    scored: dict[str, int] = {}
    for prefix_id, prefix in enumerate(d.paradigm_prefixes):
        if not low.startswith(prefix):
            continue
        suffixes = d.prediction_suffixes_dawgs[prefix_id]
        for size in range(min(max_len, len(low) - 1), 0, -1):
            start, end = low[:-size], low[-size:]
            found = False
            for fixed, parses in suffixes.similar_items(end, _YO):
                for count, para_id, idx in parses:
                    if not d.build_tag_info(para_id, idx).is_productive():
                        continue
                    found = True
                    form = d.build_normal_form(para_id, idx, start + fixed)
                    scored[form] = scored.get(form, 0) + count
            if found:
                break
    if not scored:
        return []
    best = max(scored.values())
    ranked = sorted(scored, key=lambda f: -scored[f])
    return [f for f in ranked if scored[f] >= best * MIN_PREDICTED_SHARE][:MAX_PREDICTED]


def _available() -> Any:
    """The dictionary, or None (logged once) when it is not installed (a bundle built
    without pymorphy2): word-form search then treats Russian words as written."""
    global _missing
    try:
        return _load()
    except RussianDictionaryMissingError as exc:
        if not _missing:
            _missing = True
            log.warning("%s", exc)
        return None


def in_dictionary(word: str) -> bool:
    """Whether the Russian dictionary holds ``word`` (as a form of some word)."""
    low = _plain(word)
    d = _available() if low else None
    return d is not None and bool(_known(d, low))


@functools.lru_cache(maxsize=100_000)
def russian_lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms ``word`` may stand for, lowercase with ё written е, most likely
    first; empty for a word that is not Russian-looking (no Cyrillic, or too short to guess).

    >>> russian_lemmas("посланием"), russian_lemmas("Токаеву")[0]
    (('послание',), 'токаев')
    """
    low = _plain(word)
    if not low or not all("а" <= ch <= "я" or ch == "-" for ch in low):
        return ()
    d = _available()
    if d is None:
        return ()
    forms = _known(d, low)
    if not forms and len(low) >= MIN_PREDICTED_LENGTH:
        forms = _predicted(d, low)
    return tuple(dict.fromkeys(_plain(f) for f in forms))

"""Readings of a Kazakh word from Apertium's analyser (shipped in ``resources/morphology``).

The analyser knows verbs, adjectives, pronouns and the rest, and gives every reading of a
word (шешілді: шеш<v><tv><pass><ifi>..., шешіл<v><iv><ifi>...). It is read once, on first
use, by :mod:`reader.core.kazakh.hfstol`; each word form's readings are kept in a bounded
cache keyed by the form (thread-safe: the transducer is never written after loading).
"""

import functools
import gzip
import logging
import threading
from dataclasses import dataclass

from reader.core.errors import ReaderError
from reader.core.kazakh.hfstol import Transducer
from reader.core.kazakh.hfstol import load as load_transducer
from reader.core.paths import resources_dir

log = logging.getLogger(__name__)
ANALYSER_PATH = resources_dir() / "morphology" / "kaz.automorf.hfstol.gz"
_lock = threading.Lock()
_fst: Transducer | None = None
_missing = False  # said once: words then get our noun lemmas only


class AnalyserMissingError(ReaderError):
    """The shipped Kazakh analyser is missing or damaged."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One analysis: the lemma and its tags (``("v", "tv", "ifi", "p3", "sg")``)."""

    lemma: str
    tags: tuple[str, ...]

    @property
    def pos(self) -> str:
        return self.tags[0] if self.tags else ""


def _transducer() -> Transducer:
    global _fst
    with _lock:
        if _fst is None:
            try:
                data = gzip.decompress(ANALYSER_PATH.read_bytes())
                _fst = load_transducer(data)
            except (OSError, EOFError, ValueError) as exc:
                raise AnalyserMissingError(
                    f"the Kazakh analyser {ANALYSER_PATH} cannot be read ({exc}); "
                    "reinstall Oqyrman or run packaging/build_apertium.sh"
                ) from exc
        return _fst


def _parse(output: str) -> Reading:
    """``шеш<v><tv><ifi><p3><sg>`` (and ``жаңа<adj>+е<cop>...``: its first word)."""
    head = output.split("+", 1)[0] if "<" in output.split("+", 1)[0] else output
    cut = head.find("<")
    if cut < 0:
        return Reading(head, ())
    return Reading(head[:cut], tuple(head[cut + 1 : -1].split("><")))


@functools.lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    """Apertium's readings of ``word``, in its order; a capitalised or all-capital word is
    looked up as written, then lowercased (ҚАЗАҚСТАН, a sentence's first word).

    None (logged once) when the shipped analyser cannot be read: search and the lemmatiser
    then work as before it, on nouns, rather than fail.
    """
    global _missing
    try:
        fst = _transducer()
    except AnalyserMissingError as exc:
        if not _missing:
            _missing = True
            log.warning("%s", exc)
        return ()
    found = fst.lookup(word)
    if not found and word != word.lower():
        low = word.lower()
        found = fst.lookup(low) or fst.lookup(low[:1].upper() + low[1:])
    out = dict.fromkeys(_parse(o) for o in found)
    return tuple(r for r in out if r.lemma and "unk" not in r.tags)

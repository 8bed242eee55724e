"""Build the proper-name gazetteer from Apertium's Kazakh lexicon source.

``python -m reader.core.ner.build_gazetteer [LEXC] [--out FILE]`` reads
``apertium-kaz.kaz.lexc`` (GPL-3.0, the Apertium project) as text and writes every proper
noun filed under a name continuation class, lowercased, with its kinds:

====== =================================== ============================
kind   continuation classes                 example
====== =================================== ============================
ant    NP-ANT-M, NP-ANT-F (first names)     Нұрсұлтан, Айгүл
cog    NP-COG-* (surnames; -ов/-ев/-ин      Назарбаев, Назарбаева
       ones also in the feminine -а)
pat    NP-PAT-VICH (patronyms, -вич/-вна)   Сергеевич, Сергеевна
top    NP-TOP* (places)                     Астана, Бурабай
org    NP-ORG* (organisations)              Газпром
al     NP-AL* (other names: brands, bands)  Yahoo
n      N1, N5, N1-NAT (common nouns)        кеңсе, басшы
adj    A1 .. A4 (adjectives)                жаңа
adv    ADV* (adverbs)                       бүгінде, қазір
v      V-* (verbs)                          бол
====== =================================== ============================

The CRF gets a word's kinds (of the word, or of its crude stem) as a feature when the word
is capitalised; it learns itself how far to trust them. Knowing a word as a common noun is
what tells a capitalised common word at the start of a title (Кеңсесінің) from a name.
Multi-word entries are left out: the feature is per word.
"""

import argparse
import json
import logging
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.core.paths import project_root, resources_dir

log = logging.getLogger(__name__)

NAMES_PATH = resources_dir() / "models" / "apertium_kaz_words.json"
DEFAULT_LEXC = project_root().parent / "shared/vendor/apertium-kaz/apertium-kaz.kaz.lexc"
_KINDS = (
    ("NP-ANT-", "ant"),
    ("NP-COG-", "cog"),
    ("NP-PAT-", "pat"),
    ("NP-TOP", "top"),
    ("NP-ORG", "org"),
    ("NP-AL", "al"),
    ("N1", "n"),
    ("N5", "n"),
    ("A1", "adj"),
    ("A2", "adj"),
    ("A3", "adj"),
    ("A4", "adj"),
    ("ADV", "adv"),
    ("V-", "v"),
)
NAME_KINDS = frozenset(("ant", "cog", "pat", "top", "org", "al"))
_FEMININE = frozenset(("NP-COG-OB", "NP-COG-IN"))  # Назарбаев -> Назарбаева too
# upper:lower CONTINUATION ;  (the upper side is the lemma; % escapes the next character)
_ENTRY = re.compile(r"^\s*((?:%.|[^\s:!;%])+)(?::(?:%.|[^\s!;%])*)?\s+([A-Z][A-Z0-9-]*)\s*;")
_ESCAPE = re.compile(r"%(.)")


def _kind(continuation: str) -> str | None:
    for prefix, kind in _KINDS:
        if continuation.startswith(prefix):
            return kind
    return None


def parse_lexc(lines: Iterable[str]) -> dict[str, set[str]]:
    """Lowercased single words of the lexc text -> their kinds (names, and common words)."""
    names: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        match = _ENTRY.match(line)
        if match is None:
            continue
        lemma = _ESCAPE.sub(r"\1", match.group(1))
        continuation = match.group(2)
        kind = _kind(continuation)
        if kind is None or " " in lemma or "<" in lemma or "%" in lemma or len(lemma) < 2:
            continue
        low = lemma.lower()
        names[low].add(kind)
        if continuation in _FEMININE and low.endswith(("ов", "ев", "ёв", "ин", "ын")):
            names[low + "а"].add(kind)
    return names


def write_names(names: dict[str, set[str]], out: Path, source: str) -> None:
    """The gazetteer as JSON: word -> kinds joined with ``+`` (sorted), with its licence."""
    data = {
        "source": source,
        "licence": (
            "GPL-3.0 (derived from Apertium's apertium-kaz; see apertium_kaz_words.NOTICE.md)"
        ),
        "names": {w: "+".join(sorted(k)) for w, k in sorted(names.items())},
    }
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    tmp.replace(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.core.ner.build_gazetteer", description=__doc__
    )
    parser.add_argument("lexc", type=Path, nargs="?", default=DEFAULT_LEXC)
    parser.add_argument("--out", type=Path, default=NAMES_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.lexc.is_file():
        parser.error(f"{args.lexc} not found (give the path of apertium-kaz.kaz.lexc)")
    with args.lexc.open(encoding="utf-8") as fh:
        names = parse_lexc(fh)
    write_names(names, args.out, f"apertium-kaz/{args.lexc.name}")
    counts: dict[str, int] = defaultdict(int)
    for kinds in names.values():
        for kind in kinds:
            counts[kind] += 1
    log.info("%d names written to %s: %s", len(names), args.out, dict(sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

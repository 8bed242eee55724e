"""Lemmatiser quality and speed: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_lemma.py [-v]

Accuracy is exact match (case-insensitive, as UD lowercases common-noun lemmas) on (1) the
hand-checked nouns and proper nouns of tests/data/kazakh_dev/lemmas.tsv (KazNERD
IOB2_test_first8000 sentences), (2) the hand-checked verbs, auxiliaries and adjectives of
tests/data/kazakh_dev/lemmas_verbs_adjectives.tsv (other sentences of that file), (3) every word
of the 31 UD Kazakh-KTB training sentences, and all three together, with the nouns and
proper nouns of all three apart. Three lemmatisers: "ours" (the noun grammar ranked by the
lexicon, what `oqyrman lemma` was before Apertium), "apertium" (its first reading, ours where
it knows nothing), and "combined" (``lemma()``: both, see lemmatizer.combine). Each with the
shipped lexicon, and with one built only from KazNERD IOB2_valid.txt, which holds none of the
development sentences (a held-out figure). Targets (issue 13): all parts of speech 0.90,
nouns and proper nouns 0.96. Never measured on a treebank test file.
"""

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from test_kazakh_devset import DEV_OTHER, DevRow, dev_rows, ud_rows  # noqa: E402

from reader.core.kazakh import build_lexicon, to_cyrillic, to_latin  # noqa: E402
from reader.core.kazakh.apertium import readings  # noqa: E402
from reader.core.kazakh.lemmatizer import (  # noqa: E402
    Lexicon,
    best_lemma,
    lemma,
    lemma_with,
    load_lexicon,
)

DATA = ROOT.parent / "shared" / "data"
Lemmatiser = Callable[[str, Lexicon], str]


def ours(word: str, lex: Lexicon) -> str:
    return best_lemma(word, lex) if len(word) >= 3 else word


def apertium_first(word: str, lex: Lexicon) -> str:
    found = readings(word)
    return found[0].lemma if found else ours(word, lex)


def accuracy(rows: list[DevRow], fn: Lemmatiser, lex: Lexicon) -> tuple[float, list[str]]:
    wrong = [
        f"{r.form} -> {fn(r.form, lex)} (gold {r.lemma}, {r.upos})"
        for r in rows
        if fn(r.form, lex).lower() != r.lemma.lower()
    ]
    return 1 - len(wrong) / len(rows), wrong


def main() -> None:
    verbose = "-v" in sys.argv
    shipped = load_lexicon()
    held_out = build_lexicon.build(
        build_lexicon.kaznerd_tokens(DATA / build_lexicon.KAZNERD_FILES[0])
    )
    nouns, other, ud = dev_rows(), dev_rows(DEV_OTHER), ud_rows()
    everything = nouns + other + ud
    sets = {
        "dev nouns/proper nouns": nouns,
        "dev verbs/aux/adjectives": other,
        "UD train, all POS": ud,
        "all three, all POS": everything,
        "all three, NOUN+PROPN": [r for r in everything if r.upos in ("NOUN", "PROPN")],
    }
    lemmatisers = {"ours": ours, "apertium": apertium_first, "combined": lemma_with}
    for lex_name, lex in (("shipped lexicon", shipped), ("held-out lexicon", held_out)):
        print(f"-- {lex_name}")
        for name, rows in sets.items():
            line = f"{name:26} {len(rows):4} words:"
            notes: list[str] = []
            for fn_name, fn in lemmatisers.items():
                acc, wrong = accuracy(rows, fn, lex)
                line += f" {fn_name} {acc:.3f}"
                if fn_name == "combined":
                    notes = wrong
            print(line)
            if verbose and lex is shipped:
                for note in notes:
                    print("    ", note)
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    seed_words = [w for w in seed.split() if any(ch.isalpha() for ch in w)]
    same = sum(to_cyrillic(to_latin(w)) == w for w in seed_words)
    print(
        f"Cyrillic->Latin->Cyrillic round trip: {same / len(seed_words):.3f} of "
        f"{len(seed_words)} seed-document words come back unchanged"
    )
    words = [r.form for r in everything] * 50
    readings("және")  # the analyser is read once per process
    lemma.cache_clear()
    readings.cache_clear()
    t0 = time.perf_counter()
    for w in set(words):
        lemma(w)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for w in words:
        lemma(w)
    warm = time.perf_counter() - t0
    print(
        f"speed: {cold / len(set(words)) * 1e6:.0f} µs per new word form, "
        f"{warm / len(words) * 1e6:.2f} µs per cached lookup"
    )


if __name__ == "__main__":
    main()

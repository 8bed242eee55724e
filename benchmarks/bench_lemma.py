"""Lemmatiser quality and speed: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_lemma.py

Accuracy is exact match (case-insensitive, as UD lowercases common-noun lemmas) over the noun
and proper-noun tokens of (1) our hand-checked development set tests/data/kazakh_dev/lemmas.tsv
(sentences of KazNERD IOB2_test_first8000) and (2) the UD Kazakh-KTB training sentences. Both
are measured with the shipped lexicon, and again with a lexicon built only from KazNERD
IOB2_valid.txt, which holds none of the development sentences (a held-out figure).
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.kazakh import build_lexicon, to_cyrillic, to_latin  # noqa: E402
from reader.core.kazakh.lemmatizer import Lexicon, best_lemma, lemma, load_lexicon  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
DEV = ROOT / "tests" / "data" / "kazakh_dev" / "lemmas.tsv"


def dev_pairs() -> list[tuple[str, str]]:
    """(form, gold lemma) of every row of the development set."""
    rows = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _sent, form, gold, _upos = line.split("\t")
            rows.append((form, gold))
    return rows


def ud_pairs() -> list[tuple[str, str]]:
    """(form, gold lemma) of NOUN/PROPN words of the UD file that are whole surface tokens."""
    rows = []
    skip_until = 0
    for line in (DATA / build_lexicon.UD_FILE).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) != 10:
            continue
        if "-" in cols[0]:
            skip_until = int(cols[0].split("-")[1])
            continue
        if "." in cols[0] or int(cols[0]) <= skip_until:
            continue
        if cols[3] in ("NOUN", "PROPN"):
            rows.append((cols[1], cols[2]))
    return rows


def accuracy(pairs: list[tuple[str, str]], lex: Lexicon) -> tuple[float, list[str]]:
    wrong = [
        f"{form} -> {best_lemma(form, lex)} (gold {gold})"
        for form, gold in pairs
        if best_lemma(form, lex).lower() != gold.lower()
    ]
    return 1 - len(wrong) / len(pairs), wrong


def main() -> None:
    verbose = "-v" in sys.argv
    shipped = load_lexicon()
    held_out = build_lexicon.build(
        build_lexicon.kaznerd_tokens(DATA / build_lexicon.KAZNERD_FILES[0])
    )
    for name, pairs in (
        ("dev set (KazNERD, hand-checked)", dev_pairs()),
        ("UD KTB train", ud_pairs()),
    ):
        for lex_name, lex in (("shipped lexicon", shipped), ("held-out lexicon", held_out)):
            acc, wrong = accuracy(pairs, lex)
            print(f"{name:32} {lex_name:17} accuracy {acc:.3f} on {len(pairs)} tokens")
            if verbose:
                for w in wrong:
                    print("    ", w)
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    seed_words = [w for w in seed.split() if any(ch.isalpha() for ch in w)]
    same = sum(to_cyrillic(to_latin(w)) == w for w in seed_words)
    print(
        f"Cyrillic->Latin->Cyrillic round trip: {same / len(seed_words):.3f} of "
        f"{len(seed_words)} seed-document words come back unchanged"
    )
    words = [form for form, _ in dev_pairs() + ud_pairs()] * 50
    lemma.cache_clear()
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

"""Search speed (exact and words modes against Python ``re``) and words-mode quality.

    .venv/bin/python benchmarks/bench_search.py [--mb 20]

The text is the KazNERD sentences (valid + test) repeated to the size asked for. Baseline:
``re`` finding one word case-insensitively, timed side by side on the same text. Words mode
is timed twice: building the per-text index (done once per document, in the background when
it opens; the lemmatiser's per-form cache is cleared first, so every form is analysed) and
answering a query once the index exists. Targets: index build under 5 s, a words-mode query
at most 4x re. Quality: precision and recall of
words-mode search on the hand-checked development set, for Cyrillic, Russian-layout and Latin
queries (see tests/core/test_kazakh_devset.py).
"""

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from test_kazakh_devset import SCRIPTS, kaznerd_sentences, search_scores  # noqa: E402

from reader.core.kazakh import wordsearch  # noqa: E402
from reader.core.kazakh.apertium import readings  # noqa: E402
from reader.core.kazakh.lemmatizer import lemma, load_lexicon  # noqa: E402
from reader.core.search import find  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "kaznerd"
QUERIES = ["Қазақстан", "Елбасы", "мемлекет"]


def corpus(megabytes: float) -> str:
    lines = [
        " ".join(s)
        for name in ("IOB2_valid.txt", "IOB2_test_first8000.txt")
        for s in kaznerd_sentences(DATA / name)
    ]
    block = "\n".join(lines) + "\n"
    copies = max(1, int(megabytes * 1e6 // len(block.encode("utf-8"))) + 1)
    return block * copies


def best_of(fn: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20.0)
    args = parser.parse_args()
    text = corpus(args.mb)
    size = len(text.encode("utf-8")) / 1e6
    print(f"text: {size:.1f} MB UTF-8, {len(text):,} characters")
    base0 = best_of(lambda: list(re.finditer(re.escape(QUERIES[0]), text, re.IGNORECASE)))
    load_lexicon()  # read once per process, not per document
    readings("және")  # the analyser too
    lemma.cache_clear()
    readings.cache_clear()
    t0, c0 = time.perf_counter(), time.process_time()
    index = wordsearch.build_index(text)
    build, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"words index build: {build:.2f} s wall, {cpu:.2f} s CPU (the wall figure is the CPU one "
        f"when the machine is not shared) ({build / base0:.1f}x one re search) for "
        f"{len(index):,} words, {len(index.forms):,} distinct forms "
        "(once per document, in the background)"
    )
    # The GUI's document session keeps the index and passes it to every search, as here;
    # "exact, no index" is a search before the index exists (it cleans the text itself).
    for q in QUERIES:
        pattern = re.compile(re.escape(q), re.IGNORECASE)
        base = best_of(lambda p=pattern: [m.span() for m in p.finditer(text)])
        exact = best_of(lambda q=q: find(text, q, mode="exact", index=index))
        bare = best_of(lambda q=q: find(text, q, mode="exact"), runs=1)
        words = best_of(lambda q=q: find(text, q, mode="words", index=index))
        n_words = len(find(text, q, mode="words", index=index))
        print(
            f"{q:12} re {base * 1e3:6.1f} ms"
            f" | exact {exact * 1e3:6.1f} ms ({exact / base:4.2f}x re;"
            f" no index {bare / base:4.2f}x)"
            f" | words {words * 1e3:6.1f} ms ({words / base:4.2f}x re, {n_words} matches)"
        )
    for script in SCRIPTS:
        precision, recall = search_scores(script)
        print(
            f"words mode on the dev set, {script:15} queries: "
            f"precision {precision:.3f} recall {recall:.3f}"
        )


if __name__ == "__main__":
    main()

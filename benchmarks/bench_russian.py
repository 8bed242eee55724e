"""Russian word-form search quality: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_russian.py [-v]

Precision and recall (micro-averaged) of words-mode search on the hand-made Russian
development set tests/data/russian_dev (42 sentences, 213 nouns, proper nouns, adjectives and
verbs with their dictionary forms): every dictionary form of the set is searched for as it is
typed, and must find exactly the words annotated with it (an unannotated word spelled as the
query counts as right). Target (issue 13): at least 0.95 both. -v lists misses and wrong finds.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from test_russian_morph import russian_scores  # noqa: E402


def main() -> None:
    t0 = time.perf_counter()
    precision, recall, notes = russian_scores()
    took = time.perf_counter() - t0
    print(
        f"Russian dev set, words mode: precision {precision:.3f} recall {recall:.3f} "
        f"({took:.1f} s, dictionaries loaded)"
    )
    if "-v" in sys.argv:
        for note in notes:
            print("    ", note)


if __name__ == "__main__":
    main()

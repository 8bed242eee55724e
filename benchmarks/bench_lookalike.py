"""Look-alike letters: search recall on the real-pattern fixture, and cleaning speed.

    .venv/bin/python benchmarks/bench_lookalike.py

Recall: of the words that look-alike letters spoil in tests/data/lookalike/real_patterns.tsv
(the KazNERD sentences that really mix scripts, and real sentences typed with each pattern
issue 13 reports), the share of occurrences that a search for the word as meant finds at its
place: plain ``re`` (the search before), exact mode and word-form mode. Speed: cleaning 20 MB
of KazNERD text (one scan where nothing needs cleaning), and a text typed with Latin ə for
every ә, against one ``re`` search.
"""

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_search import corpus  # noqa: E402
from test_kazakh_lookalike import fixture_recall, fixture_rows  # noqa: E402

from reader.core.kazakh.lookalike import clean_text, count_mixed_words  # noqa: E402


def main() -> None:
    for pattern in (None, *sorted({kind.split()[0] for _, _, kind in fixture_rows()})):
        figures = [fixture_recall(search, pattern) for search in ("re", "ours", "words")]
        print(
            f"{pattern or 'all patterns':12} {figures[0][1]:4} words: recall re {figures[0][0]:.3f}"
            f" | exact {figures[1][0]:.3f} | words {figures[2][0]:.3f}"
        )
    schwa = "\n".join(t for t, _, kind in fixture_rows() if kind == "schwa")
    meant = "\n".join(m for _, m, kind in fixture_rows() if kind == "schwa")
    from reader.core.search import find

    print(
        f"'және' in the schwa rows: {len(re.findall('және', meant))} occurrences, plain re finds "
        f"{len(re.findall('және', schwa))}, exact search finds {len(find(schwa, 'және'))}"
    )
    text = corpus(20)
    for name, sample in (("KazNERD 20 MB", text), ("same, ә typed ə", text.replace("ә", "ə"))):
        base = min(_time(lambda s=sample: re.findall("мемлекет", s, re.IGNORECASE)) for _ in "ab")
        took = min(_time(lambda s=sample: clean_text(s)) for _ in "ab")
        print(
            f"clean_text on {name}: {took * 1e3:.0f} ms ({took / base:.1f}x one re search), "
            f"{count_mixed_words(sample):,} words mix scripts"
        )


def _time(fn: object) -> float:
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()

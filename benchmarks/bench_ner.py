"""Named-entity recognition speed and quality: ``python benchmarks/bench_ner.py [--eval] [--mb N]``.

Prints tokens per second end to end (extract + grouping, one thread, cold caches) on
KazNERD's sentences made into paragraphs; the time to analyse a document of N MB (20 by
default); beside them a baseline measured side by side (the tokenizer alone, the floor any
recogniser pays); and the two development figures with per-class F1 from the saved
evaluation report (``--eval`` retrains and rescores instead: a quarter of an hour):

(a) pooled: both KazNERD files, a tenth of the sentence identifiers held out (every
    typographic form of a sentence on one side);
(b) cross-file: trained on IOB2_valid.txt only, scored on IOB2_test_first8000.txt, the
    harder figure and the one that predicts held-out news best.

Each figure is given for the sentences alone and in pseudo-documents of 30 consecutive
sentence numbers, with the recogniser's document-level step (``ner.consistency``).

Times are CPU seconds of this process (one core), with wall time beside them: on a shared
machine wall time also counts waiting for the processor.
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.ner import analyse  # noqa: E402
from reader.core.ner.model import EVAL_PATH, shared_model  # noqa: E402
from reader.core.ner.tokens import tokenize  # noqa: E402


def _sample() -> str:
    """News text with a realistic vocabulary: KazNERD's sentences, eight to a paragraph
    (the seed document when the data set is not there)."""
    from reader.core.ner.devsplit import default_data_dir

    data = default_data_dir() / "IOB2_valid.txt"
    if not data.is_file():
        return next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    from reader.core.ner.train import read_iob2

    sentences = [" ".join(words) for words, _ in read_iob2(data)]
    return "\n".join(" ".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8))


def _document(size_bytes: int, sample: str) -> str:
    """``sample`` repeated to about ``size_bytes`` of UTF-8."""
    copies = max(1, -(-size_bytes // len(sample.encode("utf-8"))))
    text = "\n".join([sample] * copies)
    return text[: len(text) * size_bytes // len(text.encode("utf-8"))]


def _timed(text: str) -> tuple[float, float, float, int]:
    """CPU seconds of analyse(), CPU seconds of the tokenizer, wall seconds of analyse(), tokens."""
    started = time.process_time()
    tokens = len(tokenize(text))
    baseline = time.process_time() - started
    wall, started = time.perf_counter(), time.process_time()
    analyse(text)
    return time.process_time() - started, baseline, time.perf_counter() - wall, tokens


def _report(path: Path) -> None:
    from reader.core.ner.devsplit import report_lines

    reports = json.loads(path.read_text(encoding="utf-8"))
    for name in ("pooled", "cross_file"):
        if name in reports:
            print("\n".join(report_lines(name, reports[name])))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", action="store_true", help="retrain and rescore both figures")
    parser.add_argument("--mb", type=float, default=20.0, help="size of the large document")
    args = parser.parse_args()
    shared_model()
    sample = _sample()
    seconds, baseline, wall, tokens = _timed(_document(2_000_000, sample))
    print(
        f"end to end (extract + grouping, one thread): {tokens / seconds:,.0f} tokens/s "
        f"({tokens:,} tokens in {seconds:.2f} s CPU, {wall:.2f} s wall); tokenizer alone "
        f"{tokens / baseline:,.0f} tokens/s, recognition costs {seconds / baseline:.0f}x it"
    )
    big = _document(int(args.mb * 1_000_000), sample)
    seconds, baseline, wall, tokens = _timed(big)
    print(
        f"{args.mb:g} MB document ({len(big):,} chars, {tokens:,} tokens): analysed in "
        f"{seconds:.1f} s CPU, {wall:.1f} s wall (tokenizer alone {baseline:.1f} s)"
    )
    if args.eval:
        import tempfile

        from reader.core.ner.train import main as train

        with tempfile.TemporaryDirectory() as out:
            train(["--dev", "--out", out])
            _report(Path(out) / EVAL_PATH.name)
    else:
        _report(EVAL_PATH)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Named-entity recognition speed and quality: ``python benchmarks/bench_ner.py [--eval] [--mb N]``.

Prints tokens per second end to end (extract + grouping, one thread) on the seed document
repeated, the time to analyse a document of N MB (20 by default), beside a baseline
measured side by side (the tokenizer alone: the floor any recogniser pays), and the dev
F1 and per-class F1 from the saved evaluation report (``--eval`` retrains on 90% and
rescores, about 4 minutes).
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


def _document(size_bytes: int) -> str:
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    copies = max(1, size_bytes // len(seed.encode("utf-8")))
    return "\n".join([seed] * copies)


def _timed(text: str) -> tuple[float, float, int]:
    started = time.perf_counter()
    tokens = len(tokenize(text))
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    analyse(text)
    return time.perf_counter() - started, baseline, tokens


def _report(path: Path) -> None:
    report = json.loads(path.read_text(encoding="utf-8"))
    micro = report["micro"]
    print(
        f"dev split ({report['sentences']} sentences): micro P {micro['precision']:.4f} "
        f"R {micro['recall']:.4f} F1 {micro['f1']:.4f} "
        f"(CRF alone {report['crf_only_micro_f1']:.4f})"
    )
    for label, s in sorted(report["per_class"].items(), key=lambda kv: -kv[1]["support"]):
        print(
            f"  {label:<14} F1 {s['f1']:.3f}  P {s['precision']:.3f}  "
            f"R {s['recall']:.3f}  n={s['support']}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--eval", action="store_true", help="retrain on 90%% and rescore the dev split"
    )
    parser.add_argument("--mb", type=float, default=20.0, help="size of the large document")
    args = parser.parse_args()
    shared_model()
    analyse(_document(50_000))  # warm the feature cache as a long session would
    seconds, baseline, tokens = _timed(_document(2_000_000))
    print(
        f"end to end: {tokens / seconds:,.0f} tokens/s ({tokens:,} tokens in {seconds:.2f} s); "
        f"tokenizer alone {tokens / baseline:,.0f} tokens/s, ratio {seconds / baseline:.1f}x"
    )
    big = _document(int(args.mb * 1_000_000))
    seconds, baseline, tokens = _timed(big)
    print(
        f"{args.mb:g} MB document ({len(big):,} chars, {tokens:,} tokens): analysed in "
        f"{seconds:.1f} s (tokenizer alone {baseline:.1f} s)"
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

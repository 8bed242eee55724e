"""Loading a 20 MB Kazakh text file: ``reader.core.loaders.load`` against a bare decode.

Generates the file in a temp folder (the seed document repeated with variation), then times,
side by side and best of several runs, ``load(path)`` and ``open(path, encoding=...).read()``
for UTF-8 and for KZ-1048 (where the loader must also detect the code page).
Prints the figures and the ratio; run with ``python benchmarks/bench_load.py``.
"""

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.document import Document  # noqa: E402
from reader.core.loaders import LoadContext, load  # noqa: E402
from reader.core.loaders.text import decode  # noqa: E402

SEED = next((ROOT / "seeds").glob("*.txt"))


def kazakh_text(size: int) -> str:
    """About ``size`` bytes of UTF-8 Kazakh: seed sentences shuffled, numbered, CRLF mixed in."""
    sentences = [s.strip() for s in SEED.read_text(encoding="utf-8").split(".") if s.strip()]
    rng = random.Random(2024)
    parts: list[str] = []
    total = 0
    n = 0
    while total < size:
        n += 1
        line = f"{n}. " + ". ".join(rng.sample(sentences, k=min(3, len(sentences)))) + "."
        line += "\r\n" if n % 7 == 0 else "\n"
        parts.append(line)
        total += len(line.encode("utf-8"))
    return "".join(parts)


def side_by_side(runs: int, *jobs: Callable[[], object]) -> list[float]:
    """Best time of each job, the jobs alternating run by run so machine load hits both alike."""
    best = [float("inf")] * len(jobs)
    for _ in range(runs):
        for i, job in enumerate(jobs):
            start = time.perf_counter()
            job()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=20, help="file size in MB (default 20)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = kazakh_text(args.mb * 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        for encoding in ("utf-8", "kz1048"):
            path = Path(folder) / f"big-{encoding}.txt"
            path.write_bytes(text.encode(encoding))

            def bare(path: Path = path, encoding: str = encoding) -> str:
                with open(path, encoding=encoding, newline=None) as fh:
                    return fh.read()

            doc = load(path)
            assert doc.text == bare(), "loader and bare decode disagree"
            assert doc.encoding == encoding, doc.encoding
            data = path.read_bytes()
            t_bare, t_load, t_decode, t_create = side_by_side(
                args.runs,
                bare,
                lambda path=path: load(path),
                lambda data=data, path=path: decode(data, path, LoadContext()),
                lambda text=doc.text: Document.create(text, title="t", format="text"),
            )
            size = path.stat().st_size / 1e6
            print(
                f"{encoding:7} {size:6.1f} MB  bare decode {t_bare * 1000:7.1f} ms  "
                f"load() {t_load * 1000:7.1f} ms  ratio {t_load / t_bare:5.2f}x  "
                f"(of which detect+decode {t_decode * 1000:.1f} ms, "
                f"Document.create {t_create * 1000:.1f} ms)"
            )


if __name__ == "__main__":
    main()

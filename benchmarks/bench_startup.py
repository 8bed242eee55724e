"""Start-up to the seed document painted: Oqyrman vs a bare PySide6 window (target <= 1.5x).

Usage: .venv/bin/python benchmarks/bench_startup.py [--runs N]
Both start as new processes and quit after the first paint of the same text; medians of N
alternating runs are compared, with a third side: the same kinds of Qt widgets as Oqyrman's
window without its code (how much of the difference is Qt's). Uses the offscreen platform
unless a display is set.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gui_timing import ROOT, compare, report

TARGET = 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    print(f"document: {seed.name} ({seed.stat().st_size} bytes), {args.runs} runs each")
    report("start-up to the seed document painted", compare(seed, args.runs, widgets=True), TARGET)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The PyInstaller bundle: its size, and its start-up against the development install.

Usage: .venv/bin/python benchmarks/bench_bundle.py [--bundle dist/oqyrman] [--runs N]
Build the bundle first (bash packaging/build.sh). Prints the folder's size with its largest
parts, then the median wall time of N alternating runs of each side on the seed document:
the GUI to the first paint (--quit-after-load) and the `entities` command. Offscreen unless
a display is set; the development side gets cached byte code, like an installed copy.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files if not p.is_symlink()) / 1e6


def print_sizes(bundle: Path) -> None:
    print(f"bundle {bundle}: {size_mb(bundle):.1f} MB (target <= 175 MB)")
    internal = bundle / "_internal"
    parts = sorted(((size_mb(p), p.name) for p in internal.iterdir()), reverse=True)
    for mb, name in parts[:8]:
        print(f"  {mb:6.1f} MB  {name}")
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    if qt_lib.is_dir():
        icu = sum(size_mb(p) for p in qt_lib.glob("libicu*"))
        print(f"  (of PySide6: Qt libraries {size_mb(qt_lib):.1f} MB, ICU {icu:.1f} MB)")
    # numpy's OpenBLAS and its Fortran runtime, the largest part numpy brings
    blas = sorted((internal / "numpy.libs").glob("*"))
    if blas:
        listed = ", ".join(f"{p.name} {size_mb(p):.1f} MB" for p in blas)
        print(f"  (numpy's BLAS and its libraries: {listed})")


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{cmd} failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    return elapsed


def compare(bundle: Path, seed: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="oqyrman-bench-") as tmp:
        env = dict(os.environ)
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        sides = {
            "bundle": [str(bundle / "oqyrman"), "--data-dir", str(Path(tmp) / "b")],
            "development": [sys.executable, "-m", "reader", "--data-dir", str(Path(tmp) / "d")],
        }
        tasks = {
            "GUI to first paint": ["--quit-after-load", str(seed)],
            "entities command": ["entities", str(seed)],
        }
        for task, args in tasks.items():
            times: dict[str, list[float]] = {side: [] for side in sides}
            for cmd in sides.values():  # warm the disk cache, byte code and data folder
                timed([*cmd, *args], env)
            for _ in range(runs):
                for side, cmd in sides.items():
                    times[side].append(timed([*cmd, *args], env))
            medians = {side: statistics.median(t) for side, t in times.items()}
            print(f"{task}:")
            for side, t in times.items():
                each = ", ".join(f"{x * 1000:.0f}" for x in t)
                print(f"  {side:12} median {medians[side] * 1000:5.0f} ms  ({each})")
            ratio = medians["bundle"] / medians["development"]
            print(f"  bundle / development: {ratio:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "oqyrman")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (args.bundle / "oqyrman").is_file():
        raise SystemExit(f"no bundle in {args.bundle}: run bash packaging/build.sh first")
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    print_sizes(args.bundle)
    print(f"document: {seed.name} ({seed.stat().st_size} bytes), {args.runs} runs each")
    compare(args.bundle, seed, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

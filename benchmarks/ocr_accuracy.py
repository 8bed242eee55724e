"""Word accuracy of the OCR of a scanned Kazakh page (the seed printed, scanned, noised).

Prints, for the committed fixture (150 dpi, noise; tests/data/pdf/scan-kk.pdf) and for the
same page scanned at 300 dpi with the same noise (made here with make_scan.py, which needs
Debian's /usr/bin/python3 with PIL and img2pdf), the share of the printed words that
came back, in order. Run: ``.venv/bin/python benchmarks/ocr_accuracy.py``
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.loaders import load  # noqa: E402
from reader.core.pdf_ocr import recognise  # noqa: E402
from tests.core.test_pdf_ocr import word_accuracy, words  # noqa: E402

DATA = ROOT / "tests" / "data" / "pdf"


def measure(path: Path, label: str) -> None:
    truth = (DATA / "scan-kk.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as cache:
        t = time.perf_counter()
        doc = recognise(load(path), cache_dir=Path(cache))
        took = time.perf_counter() - t
    print(
        f"{label}: word accuracy {word_accuracy(truth, doc.text):.1%} of "
        f"{len(words(truth))} words ({took:.1f} s)"
    )


def main() -> None:
    measure(DATA / "scan-kk.pdf", "150 dpi, noise (committed fixture)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scan300.pdf"
        layout = "import tests.data.pdf.make_scan as m; m.layout()"
        subprocess.run([sys.executable, "-c", layout], cwd=ROOT, check=True)
        subprocess.run(
            ["/usr/bin/python3", str(DATA / "make_scan.py"), "300", str(out)], check=True
        )
        measure(out, "300 dpi, same noise")


if __name__ == "__main__":
    main()

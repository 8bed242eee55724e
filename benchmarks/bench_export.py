"""Export speed: the seed and a ~300-page document to PDF and DOCX, with annotations.

Targets (issue 5): the seed in under 0.5 s to each format, a 300-page document in under
10 s. Figures are printed, never asserted. The baseline, measured side by side, is the
bare library doing the least it can (Qt printing the same text with no highlights;
python-docx writing the same paragraphs with no runs split, colours or comments), so the
ratio says what our annotation work costs on this machine.

The annotated copy of a PDF (issue 10) is timed on the long document's typeset PDF: the
original plus an incremental update, its size overhead, beside typesetting the same text
anew (what a PDF export did before) and a plain file copy.

Run: .venv/bin/python benchmarks/bench_export.py [--copies N] [--highlights N]
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.core.annotations import COLORS, Annotation  # noqa: E402
from reader.core.document import Document  # noqa: E402
from reader.export import ExportRequest  # noqa: E402
from reader.export.docx import export_docx  # noqa: E402
from reader.export.pdf import export_pdf  # noqa: E402

SEED = next((ROOT / "seeds").glob("*.txt"))


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` runs after one warm-up."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def annotations(doc: Document, count: int, seed: int = 1) -> list[Annotation]:
    rng = random.Random(seed)
    colors = list(COLORS)
    out = []
    for i in range(count):
        start = rng.randrange(max(len(doc.text) - 200, 1))
        end = min(start + rng.randrange(5, 160), len(doc.text))
        exact = doc.text[start:end]
        out.append(Annotation(f"b{i}", start, end, exact, color=colors[i % 5], note=f"ескерту {i}"))
    return out


def baseline_pdf(doc: Document, out: Path) -> None:
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    qdoc = QTextDocument()
    qdoc.setPlainText(doc.text)
    qdoc.print_(writer)


def baseline_docx(doc: Document, out: Path) -> None:
    import docx

    word = docx.Document()
    for b in doc.blocks:
        word.add_paragraph(doc.text[b.start : b.end])
    word.save(str(out))


def pdf_pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


def compare(label: str, doc: Document, anns: list[Annotation], tmp: Path, repeat: int) -> None:
    pdf, docx_ = tmp / f"{label}.pdf", tmp / f"{label}.docx"
    ours_pdf = timed(lambda: export_pdf(ExportRequest(doc, anns, pdf)), repeat)
    base_pdf = timed(lambda: baseline_pdf(doc, tmp / "base.pdf"), repeat)
    ours_docx = timed(lambda: export_docx(ExportRequest(doc, anns, docx_)), repeat)
    base_docx = timed(lambda: baseline_docx(doc, tmp / "base.docx"), repeat)
    print(f"{label}: {len(doc.text):,} chars, {pdf_pages(pdf)} PDF pages, {len(anns)} annotations")
    print(
        f"  PDF   {ours_pdf:6.3f} s   (bare Qt print {base_pdf:6.3f} s, x{ours_pdf / base_pdf:.1f})"
    )
    print(
        f"  DOCX  {ours_docx:6.3f} s   (bare python-docx {base_docx:6.3f} s, "
        f"x{ours_docx / base_docx:.1f})"
    )


def word_annotations(doc: Document, count: int, seed: int = 2) -> list[Annotation]:
    """``count`` highlights of one to twelve whole words, spread over the text."""
    import re

    words = [m.span() for m in re.finditer(r"\w+", doc.text)]
    rng = random.Random(seed)
    out = []
    for i in range(count):
        first = rng.randrange(len(words) - 12)
        start, end = words[first][0], words[first + rng.randrange(12)][1]
        out.append(Annotation(f"w{i}", start, end, doc.text[start:end], note=f"ескерту {i}"))
    return out


def pdf_copy(text: Document, tmp: Path, count: int) -> None:
    """A long PDF exported as PDF: the original plus an incremental update, beside the
    typeset path it replaces for PDFs and a plain file copy (the floor)."""
    import pypdf

    from reader.core.loaders import load
    from reader.export import export_copy

    source = export_pdf(ExportRequest(text, [], tmp / "source.pdf"))  # no highlights yet
    doc = load(source)
    anns = word_annotations(doc, count)
    out = tmp / "copy.pdf"
    ours = timed(lambda: export_copy(ExportRequest(doc, anns, out)), 1)
    typeset = timed(lambda: export_pdf(ExportRequest(doc, anns, tmp / "typeset.pdf")), 1)
    floor = timed(lambda: shutil.copyfile(source, tmp / "plain.pdf"), 3)
    size, grown = source.stat().st_size, out.stat().st_size - source.stat().st_size
    placed = sum(
        1
        for page in pypdf.PdfReader(out).pages
        for a in page.get("/Annots") or []
        if a.get_object()["/Subtype"] == "/Highlight"
    )
    pages = len(doc.page_starts)
    print(f"PDF copy of a {pages}-page PDF ({size / 1e6:.1f} MB), {len(anns)} highlights:")
    print(f"  incremental copy  {ours:6.3f} s   ({placed} /Highlight objects written)")
    print(f"  size overhead     +{grown / 1e3:.1f} kB (+{100 * grown / size:.2f} % of the file)")
    print(f"  typeset anew      {typeset:6.3f} s   (x{typeset / ours:.1f} the copy's time)")
    print(f"  file copy         {floor:6.3f} s   (the floor)")


def cold(tmp: Path, anns_json: Path | None) -> None:
    """Whole ``oqyrman export`` runs, start-up included (a fresh interpreter each time)."""
    for suffix in ("pdf", "docx"):
        cmd = [sys.executable, "-m", "reader", "--data-dir", str(tmp / "data"), "export"]
        cmd += [str(SEED), "-o", str(tmp / f"cold.{suffix}")]
        if anns_json is not None:
            cmd += ["--annotations", str(anns_json)]
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            runs.append(time.perf_counter() - t)
        state = "ok" if done.returncode == 0 else f"FAILED: {done.stderr.strip()[:120]}"
        print(f"  oqyrman export seed -> .{suffix}: {statistics.median(runs):.3f} s ({state})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=250, help="seed copies in the long document")
    parser.add_argument("--highlights", type=int, default=300, help="highlights in the PDF copy")
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8").rstrip("\n")
    seed = Document.create(text, title="seed", format="text")
    long = Document.create("\n".join([text] * args.copies), title="long", format="text")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        print("in-process, after warm-up (median):")
        compare("seed", seed, annotations(seed, 20), tmp, repeat=5)
        compare("long", long, annotations(long, 300), tmp, repeat=1)
        pdf_copy(long, tmp, args.highlights)
        print("start-up included:")
        cold(tmp, None)


if __name__ == "__main__":
    main()

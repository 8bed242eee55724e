"""Opening a 300-page DOCX in the rich view, against python-docx's own parse of the file.

The file is made with python-docx: 300 pages of Kazakh paragraphs (about 3,300 of them,
one bold and one italic run each), a heading every ten paragraphs, bulleted and numbered
lists, and a 4 x 5 table every page. Timed, best of three:

- ``python-docx``: ``docx.Document(path)`` plus reading every paragraph's and cell's text
  (the baseline: what a DOCX reader built on python-docx does before it shows anything);
  the parse alone (``docx.Document(path)``) is printed too, a stricter baseline;
- ``load``: our loader (``reader.core.loaders.load``: text, blocks, spans, tables, notes);
- ``build``: ``build_rich_document`` (the QTextDocument; in the app this runs in a worker,
  so the GUI is not blocked);
- ``show``: handing the built document to a ``RichDocumentView`` and its first paint, on
  the GUI thread (all the GUI thread waits for).

Target (issue 11): load + build + show <= 2 x python-docx. Run:
``QT_QPA_PLATFORM=offscreen python benchmarks/bench_rich.py [--pages N]``.

``--coverage [--before DIR]`` prints instead, for each file of ``tests/data/rich``, the
share of the words an independent reader finds that our loader has (a multiset of
letter-only words, case-folded): pandoc's plain text, and for DOCX headers and footers
python-docx's reading of them (pandoc leaves those out). With ``--before DIR`` (a checkout
of an older ``main``) the same figure for that checkout's loaders, side by side.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCE = "Жиын қорытындысы бойынша Елбасы бірқатар нақты тапсырма берді"


def make_docx(path: Path, pages: int) -> None:
    import docx

    document = docx.Document()
    for page in range(pages):
        document.add_heading(f"{page + 1}-бөлім", 1 + page % 3)
        for k in range(25):
            p = document.add_paragraph(f"{SENTENCE} {page}.{k}. ")
            p.add_run("Қалың сөз ").bold = True
            p.add_run("көлбеу сөз.").italic = True
        for k in range(2):
            document.add_paragraph(f"тізім {k}", style="List Bullet")
            document.add_paragraph(f"нөмір {k}", style="List Number")
        table = document.add_table(rows=4, cols=5)
        for r in range(4):
            for c in range(5):
                table.cell(r, c).text = f"ұя {r}{c}"
    document.save(str(path))


def best(work: Callable[[], object], runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def python_docx(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    n = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            n += sum(len(c.text) for c in row.cells)
    return n


_WORD = re.compile(r"[^\W\d_]+")
DATA = ROOT / "tests" / "data" / "rich"


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def covered(reference: Counter[str], ours: Counter[str]) -> float:
    total = sum(reference.values())
    if not total:
        return 1.0
    return sum(min(n, ours[w]) for w, n in reference.items()) / total


def reference_text(path: Path) -> str:
    """pandoc's plain text of ``path`` (+ python-docx's headers and footers for DOCX)."""
    out = subprocess.run(
        ["pandoc", "--wrap=none", "-t", "plain", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    ).stdout  # fmt: skip
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        seen: set[str] = set()
        for section in document.sections:
            for part in (section.header, section.footer, section.first_page_header,
                         section.first_page_footer, section.even_page_header,
                         section.even_page_footer):  # fmt: skip
                if part.is_linked_to_previous:
                    continue
                name = str(part.part.partname)
                if name not in seen:
                    seen.add(name)
                    out += "\n" + "\n".join(p.text for p in part.paragraphs)
    return out


def loaded_text(path: Path, root: Path) -> str | None:
    """The text ``root``'s loaders give for ``path`` (in a subprocess), None if refused."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from reader.core.loaders import load; "
        "sys.stdout.write(load(sys.argv[2]).text)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(root), str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return done.stdout if done.returncode == 0 else None


def coverage(before: Path | None) -> None:
    rows: dict[str, list[tuple[float, float | None]]] = {}
    print(f"{'file':48} {'words':>6} {'after':>6} {'before':>6}")
    for path in sorted(DATA.iterdir()):
        if path.suffix not in (".docx", ".odt", ".rtf", ".epub", ".fb2", ".html"):
            continue
        reference = words(reference_text(path))
        ours = loaded_text(path, ROOT)
        after = covered(reference, words(ours)) if ours is not None else 0.0
        old = None
        if before is not None:
            text = loaded_text(path, before)
            old = covered(reference, words(text)) if text is not None else 0.0
        rows.setdefault(path.suffix, []).append((after, old))
        shown = f"{old:6.0%}" if old is not None else "     -"
        print(f"{path.name:48} {sum(reference.values()):6} {after:6.0%} {shown}")
    print()
    print(
        f"{'format':8} {'files':>5} {'mean after':>11} {'mean before':>12} "
        f"{'>=90% after':>12} {'before':>7}"
    )
    for suffix, values in sorted(rows.items()):
        after_m = statistics.mean(a for a, _ in values)
        good = sum(a >= 0.9 for a, _ in values)
        olds = [o for _, o in values if o is not None]
        old_m = f"{statistics.mean(olds):12.0%}" if olds else "           -"
        old_good = f"{sum(o >= 0.9 for o in olds):7}" if olds else "      -"
        print(f"{suffix:8} {len(values):5} {after_m:11.0%} {old_m} {good:12} {old_good}")


def parse_only(path: Path) -> object:
    import docx

    return docx.Document(str(path))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--coverage", action="store_true")
    parser.add_argument("--before", type=Path, default=None)
    args = parser.parse_args()
    if args.coverage:
        coverage(args.before)
        return
    from PySide6.QtWidgets import QApplication

    from reader.core.loaders import load
    from reader.core.loaders.images import read_image
    from reader.export.rich_build import build_rich_document
    from reader.gui.rich_view import RichDocumentView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.docx"
        make_docx(path, args.pages)
        size = path.stat().st_size
        t_docx, _ = best(lambda: python_docx(path))
        t_parse, _ = best(lambda: parse_only(path))
        t_load, document = best(lambda: load(path))
        t_build, build = best(lambda: build_rich_document(document, load_image=read_image))  # type: ignore[arg-type]

        def show() -> None:
            fresh = build_rich_document(document, load_image=read_image)  # type: ignore[arg-type]
            view = RichDocumentView()
            view.resize(900, 700)
            start = time.perf_counter()
            view.show_build(fresh)
            view.show()
            while not view.has_painted:
                app.processEvents()
            show.elapsed = time.perf_counter() - start  # type: ignore[attr-defined]
            view.close()
            view.deleteLater()

        shows = []
        for _ in range(3):
            show()
            shows.append(show.elapsed)  # type: ignore[attr-defined]
        t_show = min(shows)
    doc = document  # type: ignore[assignment]
    print(f"file: {args.pages} pages, {size / 1e6:.1f} MB, {len(doc.text):,} chars, "  # type: ignore[attr-defined]
          f"{len(doc.blocks):,} blocks, {len(doc.spans):,} spans, {len(doc.tables)} tables")  # type: ignore[attr-defined]  # fmt: skip
    print(f"python-docx parse + text: {t_docx * 1000:8.0f} ms  (baseline)")
    print(f"load (ours):              {t_load * 1000:8.0f} ms  {t_load / t_docx:.2f}x")
    print(f"build QTextDocument:      {t_build * 1000:8.0f} ms  {t_build / t_docx:.2f}x (worker)")
    print(f"show + first paint (GUI): {t_show * 1000:8.0f} ms  {t_show / t_docx:.2f}x")
    total = t_load + t_build + t_show
    print(
        f"open in the rich view:    {total * 1000:8.0f} ms  {total / t_docx:.2f}x  (target <= 2x)"
    )
    print(f"python-docx parse alone:  {t_parse * 1000:8.0f} ms  (docx.Document(path) only)")
    print(f"open / parse alone:       {total / t_parse:8.2f}x")
    del build


if __name__ == "__main__":
    main()

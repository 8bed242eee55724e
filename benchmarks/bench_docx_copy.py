"""Annotated copy of the original DOCX: a ~300-page Word file with 200 annotations.

The source is written with python-docx (paragraphs of mixed bold/italic runs, a table
every few pages, a header). Printed: the time to write the annotated original
(``export_docx_original``: read and align the package, split runs, add comments, copy the
zip), its stages, and side by side the typeset copy of the same text (``export_docx`` on
the same document as plain text) and the bare python-docx parse of the file as
baselines. Figures are printed, never asserted.

Run: .venv/bin/python benchmarks/bench_docx_copy.py [--pages N] [--annotations N]
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.annotations import COLORS, Annotation, new_annotation  # noqa: E402
from reader.core.document import Document  # noqa: E402
from reader.core.loaders import load  # noqa: E402
from reader.export.docx import export_docx  # noqa: E402
from reader.export.docx_align import PackageText, align  # noqa: E402
from reader.export.docx_original import _Package, export_docx_original  # noqa: E402

WORDS = [
    "Қазақстан", "Республикасы", "Үкіметі", "жиында", "жаңа", "бағдарлама", "бекітті", "және",
    "облыс", "әкімдері", "тапсырма", "алды", "Астана", "Алматы", "Шымкент", "қалаларында",
    "жұмыс", "жалғасады",
]  # fmt: skip


def write_source(path: Path, pages: int, rng: random.Random) -> None:
    import docx

    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "Есеп — Жоғарғы колонтитул"
    for page in range(pages):
        word.add_heading(f"{page + 1}-бөлім", 2)
        for _ in range(9):  # ~ 450 words a page
            para = word.add_paragraph()
            for k in range(5):
                run = para.add_run(" ".join(rng.choice(WORDS) for _ in range(10)) + " ")
                run.bold, run.italic = k == 1, k == 3
        if page % 5 == 0:
            table = word.add_table(rows=3, cols=3)
            for r in range(3):
                for c in range(3):
                    table.cell(r, c).text = f"{rng.choice(WORDS)} {r}{c}"
    word.save(str(path))


def annotations(text: str, count: int, rng: random.Random) -> list[Annotation]:
    out = []
    for n in range(count):
        start = rng.randrange(0, len(text) - 200)
        while not text[start].isalpha():
            start += 1
        end = start + rng.randrange(5, 120)
        note = f"ескертпе {n}" if n % 2 == 0 else ""
        out.append(new_annotation(text, start, end, color=rng.choice(list(COLORS)), note=note))
    return out


def timed(fn: Callable[[], object], repeat: int) -> float:
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--annotations", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "source.docx"
        write_source(src, args.pages, rng)
        document = load(src)
        anns = annotations(document.text, args.annotations, rng)
        plain = Document.create(document.text, title="t", format="text")
        import docx

        t_parse = timed(lambda: docx.Document(str(src)), args.repeat)
        t_read = timed(lambda: _Package(src), args.repeat)
        package = _Package(src)
        ptext = PackageText.of(package.stories)
        t_align = timed(lambda: align(document.text, ptext.text), args.repeat)
        out = Path(tmp) / "copy.docx"
        t_copy = timed(lambda: export_docx_original(document, anns, src, out), args.repeat)
        t_typeset = timed(lambda: export_docx(plain, anns, Path(tmp) / "t.docx"), args.repeat)
        mib = src.stat().st_size / 2**20
        print(f"source: {args.pages} pages, {len(document.text):,} chars, {mib:.1f} MiB; "
              f"{len(anns)} annotations ({sum(1 for a in anns if a.note)} with notes)")  # fmt: skip
        print(f"annotated original (export_docx_original): {t_copy:6.2f} s")
        print(f"  read + parse the package's XML:          {t_read:6.2f} s")
        print(f"  align Document.text with the package:    {t_align:6.2f} s")
        print(f"baseline python-docx parse of the file:    {t_parse:6.2f} s  "
              f"(copy {t_copy / t_parse:.1f}x)")  # fmt: skip
        print(f"baseline typeset copy (export_docx):       {t_typeset:6.2f} s  "
              f"(copy {t_copy / t_typeset:.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()

"""An annotated DOCX copy as LibreOffice lays it out: converted to PDF (comments exported
as PDF notes), the page rendered by poppler, and the highlight colours and note icons
looked for where the annotated words are printed."""

import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import docx
import numpy as np
import pypdf
import pytest

from reader.core.annotations import Annotation, new_annotation
from reader.core.loaders import load
from reader.export.docx_original import export_docx_original

sys.path.insert(0, str(Path(__file__).parent.parent / "core"))
from test_export_docx_original import SOURCES, _formatted_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
YELLOW = (255, 255, 0)
CYAN = (0, 255, 255)


def _to_pdf(docx_path: Path, tmp_path: Path) -> Path:
    options = '{"ExportNotes":{"type":"boolean","value":"true"}}'
    subprocess.run(
        [
            str(SOFFICE), "--headless", "--norestore",
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--convert-to", f"pdf:writer_pdf_Export:{options}",
            "--outdir", str(tmp_path), str(docx_path),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return tmp_path / (docx_path.stem + ".pdf")


def _words(pdf: Path) -> list[tuple[str, tuple[float, float, float, float]]]:
    html = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return [
        (unescape(m[4]), (float(m[0]), float(m[1]), float(m[2]), float(m[3])))
        for m in _WORD.findall(html)
    ]


def _page_pixels(pdf: Path, tmp_path: Path) -> np.ndarray:
    """Page 1 at 72 dpi (one pixel per point), as an RGB array, from poppler's PPM."""
    subprocess.run(
        ["pdftoppm", "-r", "72", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    data = next(tmp_path.glob("page*.ppm")).read_bytes()
    fields = data.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    return np.frombuffer(fields[4][-width * height * 3 :], np.uint8).reshape(height, width, 3)


def _share_of(
    pixels: np.ndarray, box: tuple[float, float, float, float], rgb: tuple[int, int, int]
) -> float:
    x0, y0, x1, y1 = (round(v) for v in box)
    area = pixels[y0:y1, x0:x1].astype(int)
    close = (np.abs(area - np.array(rgb)).max(axis=2) < 60).sum()
    return float(close) / max(1, area.shape[0] * area.shape[1])


def _notes(pdf: Path) -> dict[str, list[float]]:
    """Note text -> its icon's rectangle (PDF points, origin bottom left)."""
    page = pypdf.PdfReader(str(pdf)).pages[0]
    out = {}
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        if annot.get("/Subtype") == "/Text":
            out[str(annot.get("/Contents"))] = [float(v) for v in annot["/Rect"]]
    return out


def _ann(text: str, quote: str, note: str, color: str) -> Annotation:
    start = text.index(quote)
    return new_annotation(text, start, start + len(quote), note=note, color=color)


def _box(
    words: list[tuple[str, tuple[float, float, float, float]]], word: str
) -> tuple[float, float, float, float]:
    return next(box for w, box in words if w == word)


def _same_line(
    rect: list[float], box: tuple[float, float, float, float], page_height: float
) -> bool:
    """The note icon (bottom-left origin) sits on the printed line of ``box`` (top-left)."""
    top, bottom = page_height - rect[3], page_height - rect[1]
    return top < box[3] + 4 and bottom > box[1] - 4


def test_highlights_and_comments_where_the_words_are(tmp_path: Path) -> None:
    source = _formatted_docx(tmp_path / "src.docx")
    document = load(source)
    anns = [
        _ann(document.text, "жазылған сөздер ортасы көлбеу", "қалың мен көлбеу", "yellow"),
        _ann(document.text, "Қарағанды", "кестеде", "blue"),
    ]
    out = export_docx_original(document, anns, source, tmp_path / "copy.docx")
    pdf = _to_pdf(out, tmp_path)
    words, pixels = _words(pdf), _page_pixels(pdf, tmp_path)
    height = pixels.shape[0]
    assert _share_of(pixels, _box(words, "ортасы"), YELLOW) > 0.3
    assert _share_of(pixels, _box(words, "Қарағанды"), CYAN) > 0.3
    for plain in ("Кіріспе:", "соңы.", "облысы", "Нұрлан"):
        box = _box(words, plain)
        assert _share_of(pixels, box, YELLOW) < 0.02 and _share_of(pixels, box, CYAN) < 0.02, plain
    notes = _notes(pdf)
    assert set(notes) == {"қалың мен көлбеу", "кестеде"}
    assert _same_line(notes["қалың мен көлбеу"], _box(words, "ортасы"), height)
    assert _same_line(notes["кестеде"], _box(words, "Қарағанды"), height)
    assert [p.text for p in docx.Document(str(out)).paragraphs] == [
        p.text for p in docx.Document(str(source)).paragraphs
    ]


def test_a_real_table_file_highlighted_in_its_cells(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-tables.docx"
    document = load(source)
    anns = [_ann(document.text, "Basketball", "спорт түрі", "yellow")]
    out = export_docx_original(document, anns, source, tmp_path / "tables.docx")
    pdf = _to_pdf(out, tmp_path)
    words, pixels = _words(pdf), _page_pixels(pdf, tmp_path)
    assert _share_of(pixels, _box(words, "Basketball"), YELLOW) > 0.3
    assert _share_of(pixels, _box(words, "Baseball"), YELLOW) < 0.02
    rect = _notes(pdf)["спорт түрі"]
    assert _same_line(rect, _box(words, "Basketball"), pixels.shape[0])


def test_odt_copy_highlight_and_note_in_libreoffice(tmp_path: Path) -> None:
    from reader.export.odt_original import export_odt_original

    source = SOURCES.parent / "odt_sources" / "pandoc-textMixedStyles.odt"
    document = load(source)
    anns = [_ann(document.text, "simple", "қарапайым", "orange")]
    out = export_odt_original(document, anns, source, tmp_path / "mixed.odt")
    pdf = _to_pdf(out, tmp_path)
    words, pixels = _words(pdf), _page_pixels(pdf, tmp_path)
    assert _share_of(pixels, _box(words, "simple"), (255, 179, 92)) > 0.3
    assert _share_of(pixels, _box(words, "italic"), (255, 179, 92)) < 0.02
    assert _same_line(_notes(pdf)["қарапайым"], _box(words, "simple"), pixels.shape[0])

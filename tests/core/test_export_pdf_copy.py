"""A PDF exported as PDF is the original file plus an incremental update with the highlights.

Read back with independent tools: pypdf (objects), poppler (pdftotext in the quads' boxes,
pdfinfo, pdftoppm renders). Sources are real PDFs made by others (tests/data/pdf_sources,
see its README) and a Kazakh PDF Qt writes (in a child process: core tests run without Qt;
the entity index, typeset with Qt, is tested in tests/gui/test_export_pdf.py).
"""

import functools
import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from fixtures_docs import KAZAKH, write_pdf

from reader.core import pdfium
from reader.core.annotations import Annotation, new_annotation
from reader.core.document import Document, TextBuilder
from reader.core.errors import ExportError
from reader.core.loaders import load
from reader.export import ExportRequest, export_copy

SOURCES = Path(__file__).resolve().parents[1] / "data" / "pdf_sources"
CRAZY = SOURCES / "crazyones.pdf"
LATEX = SOURCES / "pdflatex-outline.pdf"
RC4 = SOURCES / "r3-user-password.pdf"
AES = SOURCES / "r4-aes-user-password.pdf"
PASSWORD = "asdfzxcv"  # the user password of both (pypdf's test suite)


def _ann(doc: Document, first: str, last: str | None = None, note: str = "") -> Annotation:
    """A highlight from the word ``first`` to the end of ``last`` (same word by default)."""
    start = doc.text.index(first)
    end = doc.text.index(last or first, start) + len(last or first)
    return new_annotation(doc.text, start, end, note=note, doc_sha256=doc.sha256, color="yellow")


def _export(doc: Document, anns: list[Annotation], out: Path, **kw: object) -> Path:
    return export_copy(ExportRequest(doc, anns, out, author="Айгерім", **kw))  # type: ignore[arg-type]


def _highlights(path: Path, page: int = 0, password: str | None = None) -> list[dict]:  # type: ignore[type-arg]
    reader = pypdf.PdfReader(path)
    if password:
        reader.decrypt(password)
    annots = reader.pages[page].get("/Annots") or []
    return [a.get_object() for a in annots if a.get_object()["/Subtype"] == "/Highlight"]


def _quads(annot: dict) -> list[tuple[float, float, float, float]]:  # type: ignore[type-arg]
    points = [float(v) for v in annot["/QuadPoints"]]
    out = []
    for i in range(0, len(points), 8):
        xs, ys = points[i : i + 8 : 2], points[i + 1 : i + 8 : 2]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def _text_in(path: Path, page: int, quad: tuple[float, float, float, float], pw: str = "") -> str:
    """poppler's text inside the middle band of ``quad`` (PDF points, origin bottom left)."""
    height = float(pypdf.PdfReader(path, password=pw or None).pages[page].mediabox.top)
    left, bottom, right, top = (v * 10 for v in quad)  # at 720 dpi: pixels are 0.1 pt
    args = ["pdftotext", "-r", "720", "-f", str(page + 1), "-l", str(page + 1)]
    args += ["-x", str(round(left)), "-y", str(round(height * 10 - top))]
    args += ["-W", str(round(right - left)), "-H", str(round(top - bottom))]
    args += [*(["-upw", pw] if pw else []), str(path), "-"]
    return " ".join(subprocess.run(args, capture_output=True, text=True, check=True).stdout.split())


def test_the_copy_is_the_original_plus_a_highlight_over_the_words(tmp_path: Path) -> None:
    doc = load(CRAZY)
    ann = _ann(doc, "The rebels.", "troublemakers.", note="Бүлікшілер туралы")
    out = _export(doc, [ann], tmp_path / "copy.pdf")
    original, copy = CRAZY.read_bytes(), out.read_bytes()
    assert copy.startswith(original) and len(copy) > len(original)
    before, after = pypdf.PdfReader(CRAZY), pypdf.PdfReader(out)
    assert len(after.pages) == len(before.pages)
    assert after.pages[0].get_contents().get_data() == before.pages[0].get_contents().get_data()
    ids = [[ref.idnum for ref in p.raw_get("/Contents")] for p in (before.pages[0], after.pages[0])]
    assert ids[0] == ids[1]  # the same content stream objects, not rewritten
    [high] = _highlights(out)
    [quad] = _quads(high)
    assert _text_in(out, 0, quad) == "The rebels. The troublemakers."
    assert high["/Contents"] == "Бүлікшілер туралы" and high["/T"] == "Айгерім"
    assert high["/M"].startswith("D:") and high["/CreationDate"].startswith("D:")
    assert high["/Popup"].get_object()["/Parent"].get_object() == high
    assert [round(float(c), 2) for c in high["/C"]] == [1.0, 0.88, 0.3]
    assert "/N" in high["/AP"]  # drawn by viewers that do not make their own appearance


def test_a_highlight_over_two_lines_has_one_quad_per_line(tmp_path: Path) -> None:
    doc = load(CRAZY)
    ann = _ann(doc, "troublemakers.", "square holes.")
    [high] = _highlights(_export(doc, [ann], tmp_path / "copy.pdf"))
    quads = _quads(high)
    assert len(quads) == 2 and quads[0][1] > quads[1][3] - 1  # the first line above
    assert _text_in(tmp_path / "copy.pdf", 0, quads[0]) == "troublemakers."
    assert _text_in(tmp_path / "copy.pdf", 0, quads[1]) == "The round pegs in the square holes."


def _yellow_pixels(path: Path, box: tuple[float, float, float, float], pw: str = "") -> int:
    """Yellow pixels poppler paints inside ``box`` (points) when it renders page 1 at 72 dpi."""
    extra = ["-upw", pw] if pw else []
    ppm = subprocess.run(
        ["pdftoppm", "-r", "72", "-f", "1", "-l", "1", *extra, str(path)],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    parts = ppm.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4]
    left, bottom, right, top = (int(v) for v in box)
    count = 0
    for y in range(height - top, height - bottom):
        for x in range(left, right):
            r, g, b = pixels[3 * (y * width + x) : 3 * (y * width + x) + 3]
            count += r > 200 and g > 170 and b < 140
    return count


def test_poppler_renders_the_highlight_where_the_words_are(tmp_path: Path) -> None:
    doc = load(CRAZY)
    out = _export(doc, [_ann(doc, "misfits.")], tmp_path / "copy.pdf")
    [quad] = _quads(_highlights(out)[0])
    area = (quad[2] - quad[0]) * (quad[3] - quad[1])
    assert _yellow_pixels(CRAZY, quad) == 0
    assert _yellow_pixels(out, quad) > 0.3 * area
    elsewhere = (quad[0], quad[1] - 60, quad[2], quad[3] - 60)  # lines below: untouched
    assert _yellow_pixels(out, elsewhere) == 0


def test_qt_kazakh_pdf_keeps_title_for_poppler_and_each_page_gets_its_highlight(
    tmp_path: Path,
) -> None:
    source = write_pdf(tmp_path / "kk.pdf", [KAZAKH, "Екінші бет: Астана қаласы."], title="Жиын")
    doc = load(source)
    anns = [_ann(doc, "Елбасы", note="ескерту"), _ann(doc, "Астана")]
    out = _export(doc, anns, tmp_path / "copy.pdf")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Жиын" in info  # the update's trailer names /Info again
    assert _text_in(out, 0, _quads(_highlights(out, 0)[0])[0]) == "Елбасы"
    assert _text_in(out, 1, _quads(_highlights(out, 1)[0])[0]) == "Астана"


def test_a_highlight_on_a_later_page_of_a_latex_pdf(tmp_path: Path) -> None:
    doc = load(LATEX)
    page = 3
    at = doc.text.index("selected font", doc.page_starts[page])
    ann = new_annotation(doc.text, at, at + len("selected font"), doc_sha256=doc.sha256)
    out = _export(doc, [ann], tmp_path / "copy.pdf")
    [high] = _highlights(out, page)
    assert _text_in(out, page, _quads(high)[0]) == "selected font"
    assert all(not _highlights(out, p) for p in range(4) if p != page)


def _pdfium_document(path: Path, password: str) -> Document:
    """What a loader that takes the password would make (the text of each page)."""

    def text_of(pdf: object, index: int) -> str:
        textpage = pdf[index].get_textpage()  # type: ignore[index]
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()

    builder = TextBuilder()
    with pdfium.service().open(path, password=password) as handle:
        for i in range(handle.page_count):
            builder.new_page()
            for line in handle.run(functools.partial(text_of, index=i)).splitlines():
                builder.add(line.rstrip())
    return Document.create(
        builder.text(), title="t", format="pdf", blocks=builder.blocks,
        page_starts=builder.page_starts, path=str(path),
    )  # fmt: skip


def test_an_encrypted_pdf_with_its_password(tmp_path: Path) -> None:
    doc = _pdfium_document(RC4, PASSWORD)
    ann = _ann(doc, "encryption", note="құпия")
    with pytest.raises(ExportError, match="password"):
        _export(doc, [ann], tmp_path / "nopw.pdf")
    with pytest.raises(ExportError, match="password does not open"):
        _export(doc, [ann], tmp_path / "bad.pdf", password="wrong")
    assert not list(tmp_path.iterdir())
    out = _export(doc, [ann], tmp_path / "copy.pdf", password=PASSWORD)
    assert out.read_bytes().startswith(RC4.read_bytes())
    [high] = _highlights(out, password=PASSWORD)
    assert high["/Contents"] == "құпия"  # decrypted by pypdf: it was encrypted with the key
    assert _text_in(out, 0, _quads(high)[0], PASSWORD) == "encryption"
    assert _yellow_pixels(out, _quads(high)[0], PASSWORD) > 0


def test_an_aes_encrypted_pdf_is_written_or_refused_with_the_reason(tmp_path: Path) -> None:
    doc = _pdfium_document(AES, PASSWORD)
    ann = _ann(doc, "encryption")
    try:
        import cryptography  # noqa: F401
    except ImportError:
        with pytest.raises(ExportError, match=r"AES.*cryptography"):
            _export(doc, [ann], tmp_path / "copy.pdf", password=PASSWORD)
        assert not list(tmp_path.iterdir())
        return
    out = _export(doc, [ann], tmp_path / "copy.pdf", password=PASSWORD)  # pragma: no cover
    assert _highlights(out, password=PASSWORD)  # pragma: no cover


def test_a_source_that_changed_since_it_was_opened_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "crazy.pdf"
    source.write_bytes(CRAZY.read_bytes())
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    doc = load(source)
    source.write_bytes(LATEX.read_bytes())  # another file under the same name
    with pytest.raises(ExportError, match="changed since it was opened"):
        _export(doc, [_ann(doc, "misfits.")], tmp_path / "copy.pdf", source_sha256=digest)
    with pytest.raises(ExportError, match="4 pages, but 1"):  # without the digest: pages
        _export(doc, [_ann(doc, "misfits.")], tmp_path / "copy.pdf")
    assert not (tmp_path / "copy.pdf").exists()


def test_a_word_hyphenated_at_a_line_end_and_joined_in_the_text(tmp_path: Path) -> None:
    """The text a loader gives joins the hyphenated word; the page still shows two pieces."""
    source = write_pdf(tmp_path / "hy.pdf", ["Біздің Қазақ-<br>стан Республикасы"], title="t")
    text = "Біздің Қазақстан Республикасы"
    doc = Document.create(text, title="t", format="pdf", page_starts=(0,), path=str(source))
    out = _export(doc, [_ann(doc, "Қазақстан")], tmp_path / "copy.pdf")
    quads = _quads(_highlights(out)[0])
    assert len(quads) == 2
    assert _text_in(out, 0, quads[0]).startswith("Қазақ") and _text_in(out, 0, quads[1]) == "стан"


@dataclass(frozen=True, slots=True)
class _BoxedDocument(Document):
    """A document whose loader kept the character boxes (a later loader may)."""

    char_boxes: object = None


class _Boxes:
    def boxes(self, start: int, end: int) -> list[tuple[int, tuple[float, ...]]]:
        return [(0, (100.0 + 5 * i, 700.0, 105.0 + 5 * i, 710.0)) for i in range(end - start)]


def test_a_documents_own_character_boxes_are_preferred(tmp_path: Path) -> None:
    text = load(CRAZY).text
    doc = _BoxedDocument(
        text=text, title="t", format="pdf", page_starts=(0,), path=str(CRAZY),
        char_boxes=_Boxes(),
    )  # fmt: skip
    out = _export(doc, [_ann(doc, "misfits")], tmp_path / "copy.pdf")
    assert _quads(_highlights(out)[0]) == [(100.0, 700.0, 135.0, 710.0)]  # 7 letters


def _pdfium_text_in(path: Path, page: int, quad: tuple[float, float, float, float]) -> str:
    """pdfium's text inside ``quad`` (page space, whatever the page's rotation)."""

    def text(pdf: object) -> str:
        textpage = pdf[page].get_textpage()  # type: ignore[index]
        try:
            left, bottom, right, top = quad
            return str(textpage.get_text_bounded(left, bottom, right, top))
        finally:
            textpage.close()

    with pdfium.service().open(path) as handle:
        return " ".join(handle.run(text).split())


def test_a_highlight_on_a_rotated_page(tmp_path: Path) -> None:
    source = SOURCES / "hello_world_rotated.pdf"  # five pages, each /Rotate 90
    doc = load(source)
    at = doc.text.index("world", doc.page_starts[1])
    ann = new_annotation(doc.text, at, at + 5, doc_sha256=doc.sha256)
    out = _export(doc, [ann], tmp_path / "copy.pdf")
    assert out.read_bytes().startswith(source.read_bytes())
    [quad] = _quads(_highlights(out, 1)[0])
    assert _pdfium_text_in(out, 1, quad) == "world"
    assert pypdf.PdfReader(out).pages[1]["/Rotate"] == 90


def test_a_copy_of_a_copy_keeps_the_highlights_already_there(tmp_path: Path) -> None:
    first = _export(load(CRAZY), [_ann(load(CRAZY), "misfits.")], tmp_path / "first.pdf")
    doc = load(first)
    second = _export(doc, [_ann(doc, "rebels.")], tmp_path / "second.pdf")
    assert second.read_bytes().startswith(first.read_bytes())
    words = [_text_in(second, 0, _quads(h)[0]) for h in _highlights(second)]
    assert words == ["misfits.", "rebels."]


def test_progress_reaches_its_total_and_cancel_writes_nothing(tmp_path: Path) -> None:
    import threading

    from reader.core.errors import CancelledError

    doc = load(LATEX)
    anns = [_ann(doc, "Hello"), _ann(doc, "selected font")]
    seen: list[tuple[int, int]] = []
    _export(doc, anns, tmp_path / "copy.pdf", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    cancel = threading.Event()

    def stop_after_first(done: int, total: int) -> None:
        if done:
            cancel.set()

    with pytest.raises(CancelledError):
        _export(doc, anns, tmp_path / "never.pdf", progress=stop_after_first, cancel=cancel)
    assert not (tmp_path / "never.pdf").exists()

"""PDF text as a reader needs it: paragraphs whole, headers out, every char on its box."""

import functools
import itertools
from array import array
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import pdfium
from reader.core.document import Document
from reader.core.loaders import load
from reader.core.pdf_text import RawPage, assemble, join, split
from reader.core.search import find
from tests.core.pdf_make import write_book

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))
PARAGRAPHS = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "book.pdf"
    return write_book(
        path,
        PARAGRAPHS * 2,
        header="Қазақстан Республикасының Заңы",
        footer="Бет #",
        hyphenate=True,
    )


def pdfium_chars(path: Path, page: int) -> str:
    def text(pdf: object, index: int) -> str:
        p = pdf[index]  # type: ignore[index]
        tp = p.get_textpage()
        try:
            c = pdfium.raw()
            return "".join(chr(c.FPDFText_GetUnicode(tp.raw, k)) for k in range(tp.count_chars()))
        finally:
            tp.close()
            p.close()

    with pdfium.service().open(path) as pdf:
        return pdf.run(functools.partial(text, index=page))


def test_paragraphs_come_back_whole_without_headers_footers_or_hyphens(book: Path) -> None:
    doc = load(book)
    assert doc.page_map is not None and len(doc.page_map) > 3
    assert doc.text == "\n".join(PARAGRAPHS * 2)
    assert "Бет" not in doc.text and "Заңы" not in doc.text
    assert doc.page_starts == tuple(p.start for p in doc.page_map.pages)


def test_exact_search_finds_a_name_split_across_lines(book: Path) -> None:
    doc = load(book)
    name = "Тұңғыш Президенті – Елбасы Кеңсесінің"
    hits = find(doc.text, name, mode="exact")
    assert len(hits) == doc.text.count(name) > 2
    pm = doc.page_map
    assert pm is not None
    rows = {round(r[1]) for h in hits for _, r in pm.line_rects(h.start, h.end)}
    assert len(rows) > len(hits)  # some of them do run over two lines on the page


def test_every_char_sits_on_its_pdfium_char(book: Path) -> None:
    doc = load(book)
    pm = doc.page_map
    assert pm is not None
    for index, page in enumerate(pm.pages):
        chars = pdfium_chars(book, index)
        for k in range(page.end - page.start):
            ch, i = doc.text[page.start + k], page.chars[k]
            if i < 0:
                assert ch in " \n"
            else:
                assert chars[i] == ch
                box = page.char_box(page.start + k)
                assert ch.isspace() or (box[0] < box[2] and box[1] < box[3])


# -- the joining rules, on made-up pages (fast, so hypothesis can try many) ---------------
WORDS = st.sampled_from(
    ["Қазақстан", "Елбасы", "кеңес", "өтті", "Астана", "және", "ұйымдастырушылық", "мен", "бір"]
)


def fake_page(lines: list[str], top: float = 700.0, width: float = 300.0) -> RawPage:
    """Lines as pdfium gives them: chars 6 pt wide, 14 pt apart, ``\\r\\n`` between."""
    text, boxes = [], array("f")
    for n, line in enumerate(lines):
        y = top - 14 * n
        if n:
            for _ in "\r\n":
                boxes.extend((0, 0, 0, 0))
            text.append("\r\n")
        for k, _ch in enumerate(line):
            boxes.extend((50 + 6 * k, y, 56 + 6 * k, y + 10))
        text.append(line)
    return RawPage((0, 0, 50 + width + 50, 800), 0, "".join(text), boxes)


def wrap(words: list[str], width: int, hyphen_at: int | None) -> list[str]:
    lines, line = [], ""
    for n, word in enumerate(words):
        if n == hyphen_at and line and len(word) > 4 and len(line) + 5 <= width:
            lines.append(line + " " + word[:3] + "-")
            line = word[3:]
            continue
        trial = f"{line} {word}" if line else word
        if len(trial) > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    return lines


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    paras=st.lists(st.lists(WORDS, min_size=1, max_size=40), min_size=1, max_size=4),
    width=st.integers(20, 50),
    hyphen=st.integers(1, 30),
)
def test_joining_gives_the_words_and_keeps_offsets_exact(
    paras: list[list[str]], width: int, hyphen: int
) -> None:
    lines: list[str] = []
    for words in paras:
        para = wrap(words, width, hyphen)
        lines += para
        lines.append("")  # a blank line: the wider gap between paragraphs
    raw = fake_page(lines, width=6 * width)
    text, pages = assemble([raw])
    assert text == "\n".join(" ".join(words) for words in paras)
    page = pages[0]
    for k, i in enumerate(page.chars):
        if i >= 0:
            assert raw.text[i] == text[k]
        else:
            assert text[k] in " \n"


@given(parts=st.lists(st.lists(WORDS, min_size=1, max_size=12), min_size=1, max_size=6))
def test_pages_tile_the_text_and_split_join_round_trips(parts: list[list[str]]) -> None:
    raws: list[RawPage | None] = [fake_page([" ".join(w)]) for w in parts]
    text, pages = assemble(raws)
    assert pages[0].start == 0 and pages[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(pages))
    again, pages2 = join(split(text, pages))
    assert again == text and [p.start for p in pages2] == [p.start for p in pages]


# -- bad and unusual files ----------------------------------------------------------------
def test_junk_before_the_header_and_after_the_end_marker(tmp_path: Path, book: Path) -> None:
    data = book.read_bytes()
    odd = tmp_path / "odd.pdf"
    odd.write_bytes(b"From a mail archive\r\n" * 20 + data + b"\0" * 5000)
    assert load(odd).text == load(book).text


def test_a_broken_page_leaves_the_others_readable(tmp_path: Path, book: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, NumberObject

    writer = PdfWriter(clone_from=PdfReader(book))
    writer.pages[1][NameObject("/Resources")] = NumberObject(7)
    writer.pages[1][NameObject("/Contents")] = NumberObject(7)
    path = tmp_path / "broken.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    doc = load(path)
    assert doc.page_map is not None and len(doc.page_map) == len(load(book).page_map or ())
    assert PARAGRAPHS[0] in doc.text
    page = doc.page_map.pages[1]
    assert page.start == page.end  # no text, but still a page of its own


def test_freetext_annotation_text_is_part_of_the_page(tmp_path: Path, book: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import FreeText

    writer = PdfWriter(clone_from=PdfReader(book))
    writer.add_annotation(0, FreeText(text="Ескерту: Абай", rect=(50, 50, 250, 80)))
    path = tmp_path / "note.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    doc = load(path)
    assert doc.page_map is not None
    at = doc.text.index("Ескерту: Абай")
    assert doc.page_map.page_of(at) == 0


def document_pages(doc: Document) -> int:
    return len(doc.page_map) if doc.page_map is not None else 0


def test_pages_that_say_the_same_thing_keep_it() -> None:
    """Furniture is a repeated line beside the text, not the text of identical pages."""
    text, _pages = assemble([fake_page(["Абай Құнанбайұлы."]) for _ in range(5)])
    assert text.count("Абай Құнанбайұлы.") == 5


def test_worker_processes_read_the_same_text_as_the_pdfium_thread(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import pdf_workers

    monkeypatch.setattr(pdf_workers, "MIN_PAGES", 2)
    monkeypatch.setattr(pdf_workers, "CHUNK", 2)
    monkeypatch.setenv("OQYRMAN_PDF_WORKERS", "2")
    assert pdf_workers.worker_count(10) == 2
    seen: list[tuple[int, int]] = []
    parallel = load(book, progress=lambda a, b: seen.append((a, b)))
    monkeypatch.setenv("OQYRMAN_PDF_WORKERS", "0")
    assert pdf_workers.worker_count(10) == 0
    serial = load(book)
    assert parallel.text == serial.text and parallel.page_starts == serial.page_starts
    assert seen and seen[-1][0] == seen[-1][1] == len(serial.page_map or ())


def test_a_compound_split_at_its_own_hyphen_keeps_it() -> None:
    """ "сондай-ақ" broken after its hyphen stays "сондай-ақ" when the text writes it whole
    elsewhere; a word the typesetter split ("ұйымдас-" + "тырушылық") is joined."""
    lines = ["Жиын өтті, сондай-ақ кеңес болды және сондай-", "ақ ұйымдас-", "тырушылық жұмыс."]
    raw = fake_page(lines)
    text, pages = assemble([raw])
    assert text == "Жиын өтті, сондай-ақ кеңес болды және сондай-ақ ұйымдастырушылық жұмыс."
    page = pages[0]
    assert all(raw.text[i] == text[k] for k, i in enumerate(page.chars) if i >= 0)

"""PDF export read back with independent tools: poppler's pdftotext/pdffonts and pypdf.

These live under tests/gui because the exporter needs a QGuiApplication (pytest-qt's
``qapp`` provides it; the exporter alone would make an offscreen one).
"""

import html
import os
import re
import subprocess
import threading
import unicodedata
from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.annotations import Annotation
from reader.core.document import Block, Document
from reader.core.errors import CancelledError, ExportError
from reader.core.loaders import load
from reader.core.ner.entities import Entity, Mention
from reader.export import ExportRequest, export_copy
from reader.export.common import color_rgb
from reader.export.pdf import export_pdf

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))

pytestmark = pytest.mark.usefixtures("qapp")


def _seed() -> Document:
    text = SEED.read_text(encoding="utf-8")
    return Document.create(text.rstrip("\n"), title="Елбасы кеңесі", format="text")


def _long(paragraphs: int = 120) -> Document:
    """Many numbered paragraphs (several pages); each marker "N-абзац" is unique."""
    body = "Қазақстан Республикасының Тұңғыш Президенті кеңес өткізіп, тапсырмалар берді. "
    text = "\n".join(f"{i}-абзац. {body * 3}".strip() for i in range(1, paragraphs + 1))
    return Document.create(text, title="Ұзын мәтін", format="text")


def _ann(
    doc: Document, quote: str, color: str = "yellow", note: str = "", nth: int = 0
) -> Annotation:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(quote, start + 1)
    return Annotation(f"a{start}", start, start + len(quote), quote, color=color, note=note)


def _pdftotext(pdf: Path, page: int | None = None, crop: Any = None) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        cmd += ["-f", str(page), "-l", str(page)]
    if crop is not None:
        left, bottom, right, top, height = crop
        cmd += ["-x", str(int(left + 1)), "-y", str(int(height - top + 1))]
        cmd += ["-W", str(int(right - left - 2)), "-H", str(int(top - bottom - 2))]
    return subprocess.run([*cmd, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _words(text: str) -> list[str]:
    return text.split()


def _highlights(pdf: Path) -> list[tuple[int, Any]]:
    out = []
    for number, page in enumerate(pypdf.PdfReader(pdf).pages, 1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot["/Subtype"] == "/Highlight":
                out.append((number, annot))
    return out


def _text_under(pdf: Path, page: int, annot: Any) -> str:
    """What pdftotext finds inside the highlight's quads, line by line."""
    height = float(pypdf.PdfReader(pdf).pages[page - 1].mediabox.height)
    q = [float(v) for v in annot["/QuadPoints"]]
    parts = []
    for i in range(0, len(q), 8):
        left, top, right, bottom = q[i], q[i + 1], q[i + 2], q[i + 5]
        parts.append(_pdftotext(pdf, page, (left, bottom, right, top, height)))
    return " ".join(" ".join(parts).split())


def test_text_is_searchable_in_reading_order_with_page_numbers(tmp_path: Path) -> None:
    doc = _long(60)
    out = export_pdf(ExportRequest(doc, [], tmp_path / "out.pdf"))
    pages = len(pypdf.PdfReader(out).pages)
    assert pages >= 2
    words: list[str] = []
    for page in range(1, pages + 1):
        lines = [ln for ln in _pdftotext(out, page).splitlines() if ln.strip()]
        assert lines[-1].strip() == str(page)  # the page number in the bottom margin
        words += _words("\n".join(lines[:-1]))
    assert words == _words(doc.text)


def test_seed_kazakh_words_come_out_in_order(tmp_path: Path) -> None:
    doc = _seed()
    out = export_pdf(ExportRequest(doc, [], tmp_path / "seed.pdf"))
    text = _pdftotext(out)
    assert "Қазақстан Республикасының Тұңғыш Президенті" in " ".join(text.split())
    got = [w for w in _words(text) if not w.isdigit()]
    assert got == [w for w in _words(doc.text) if not w.isdigit()]


def test_highlights_are_real_annotations_over_their_quotes(tmp_path: Path) -> None:
    doc = _seed()
    anns = [
        _ann(doc, "Елбасы бірқатар нақты тапсырма", "yellow", "Негізгі ой"),
        _ann(
            doc,
            "Басшысы М.Қасымбеков, Қазақстан Республикасының Тұңғыш Президенті – Елбасының "
            "Көмекшісі",
            "green",
            "екі жолға созылады",
        ),
        _ann(doc, "Нұрсұлтан Назарбаевқа", "pink", ""),
        _ann(doc, "Назарбаевқа Қазақстан", "blue", "overlaps the pink one"),
    ]
    out = export_pdf(ExportRequest(doc, anns, tmp_path / "out.pdf", author="Айгерім"))
    found = _highlights(out)
    assert len(found) == len(anns)
    for ann, (page, annot) in zip(anns, found, strict=True):
        assert annot["/Contents"] == ann.note
        assert annot["/T"] == "Айгерім"
        assert tuple(round(float(c), 3) for c in annot["/C"]) == pytest.approx(
            color_rgb(ann.color), abs=1e-3
        )
        assert _text_under(out, page, annot) == " ".join(ann.exact.split())
        popup = annot["/Popup"].get_object()
        assert popup["/Subtype"] == "/Popup" and popup["/Parent"].get_object() == annot
        box = pypdf.PdfReader(out).pages[page - 1].mediabox
        q = [float(v) for v in annot["/QuadPoints"]]
        assert len(q) % 8 == 0 and len(q) >= 8
        assert all(0 <= x <= float(box.width) for x in q[0::2])
        assert all(0 <= y <= float(box.height) for y in q[1::2])
    assert len(found[1][1]["/QuadPoints"]) >= 16  # one quad per printed line


def test_repeated_quote_is_highlighted_where_it_was_made(tmp_path: Path) -> None:
    doc = _long(8)
    ann = _ann(doc, "Тұңғыш Президенті", "orange", "the 5th one", nth=4)  # in "2-абзац"
    out = export_pdf(ExportRequest(doc, [ann], tmp_path / "out.pdf"))
    [(page, annot)] = _highlights(out)
    height = float(pypdf.PdfReader(out).pages[0].mediabox.height)
    q = [float(v) for v in annot["/QuadPoints"]]
    # the highlighted line and the one above it (a line is about 15 pt high)
    lines = _pdftotext(out, page, (0, q[5], 595, q[1] + 18, height))
    assert "2-абзац" in lines and "1-абзац" not in lines and "3-абзац" not in lines


def test_highlight_across_a_page_break_covers_both_pages(tmp_path: Path) -> None:
    doc = _long()
    plain = export_pdf(ExportRequest(doc, [], tmp_path / "plain.pdf"))
    on_first = len(_pdftotext(plain, 1).split()) - 1  # words on page 1, less its number
    words = list(re.finditer(r"\S+", doc.text))
    start, end = words[on_first - 3].start(), words[on_first + 2].end()
    quote = doc.text[start:end]
    out = export_pdf(
        ExportRequest(
            doc, [Annotation("x", start, end, quote, note="бет ауысады")], tmp_path / "o.pdf"
        )
    )
    found = _highlights(out)
    assert [page for page, _ in found] == [1, 2]
    under = " ".join(_text_under(out, page, annot) for page, annot in found)
    assert under == " ".join(quote.split())


def test_metadata_and_embedded_unicode_font(tmp_path: Path) -> None:
    out = export_pdf(ExportRequest(_seed(), [], tmp_path / "out.pdf", author="Айгерім"))
    meta = pypdf.PdfReader(out).metadata
    assert meta is not None and (meta.title, meta.author) == ("Елбасы кеңесі", "Айгерім")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = [ln.split() for ln in fonts.splitlines()[2:]]
    assert rows and all("NotoSans" in r[0] for r in rows)
    assert all(r[-5] == "yes" for r in rows)  # the "emb" column: embedded


def test_headings_are_bigger_and_bold(tmp_path: Path) -> None:
    text = "Негізгі тақырып\nҚарапайым абзац мәтіні."
    doc = Document.create(
        text, title="t", format="text", blocks=[Block(0, 15, "heading", 1), Block(16, len(text))]
    )
    out = export_pdf(ExportRequest(doc, [], tmp_path / "out.pdf"))
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True
    ).stdout
    heights = {
        m.group(3): float(m.group(2)) - float(m.group(1))
        for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', bbox)
    }
    assert heights["Негізгі"] > 1.5 * heights["Қарапайым"]
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "NotoSans-Bold" in fonts


def test_entity_index_lists_the_pages_of_mentions(tmp_path: Path) -> None:
    doc = _long()
    plain = export_pdf(ExportRequest(doc, [], tmp_path / "plain.pdf"))
    on_page3 = next(w for w in _pdftotext(plain, 3).split() if re.fullmatch(r"\d+-абзац\.", w))
    mentions = (
        Mention(0, 7, doc.text[0:7]),
        Mention(doc.text.index(on_page3), doc.text.index(on_page3) + 7, "x"),
    )
    ent = Entity("PERSON:x", "Әлихан Бөкейхан", "PERSON", mentions)
    out = export_pdf(ExportRequest(doc, [], tmp_path / "out.pdf", entities=[ent]))
    last = len(pypdf.PdfReader(out).pages)
    index_page = " ".join(_pdftotext(out, last).split())
    assert index_page.startswith("Index of entities")  # on a page of its own
    assert "Әлихан Бөкейхан (Person) — 2 mentions, pages 1, 3" in index_page


def test_failed_write_keeps_the_good_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"%PDF the good copy")
    real = Path.write_bytes

    def half_then_fail(self: Path, data: bytes) -> int:
        real(self, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half_then_fail)
    doc = _seed()
    with pytest.raises(ExportError) as err:
        export_pdf(ExportRequest(doc, [_ann(doc, "Елбасы", note="x")], target))
    monkeypatch.undo()
    assert "No space left on device" in str(err.value) and "\n" not in str(err.value)
    assert target.read_bytes() == b"%PDF the good copy"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_cancel_midway_writes_nothing(tmp_path: Path) -> None:
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        cancel.set()  # the user presses Cancel after the first page

    with pytest.raises(CancelledError):
        export_pdf(
            ExportRequest(_long(), [], tmp_path / "out.pdf", progress=progress, cancel=cancel)
        )
    assert seen[0][0] == 1 and seen[0][1] > 1
    assert list(tmp_path.iterdir()) == []


def test_quotes_the_pdf_spells_differently_are_still_highlighted(tmp_path: Path) -> None:
    lines = [
        "Office affluent flight fiord in ligatures.",
        "A soft\u00adhyphen word and an emoji 😀 in the middle.",
        "https://example.kz/" + "ұзынжолсегменті" * 12 + " аяғы",
    ]
    text = "\n".join(lines)
    doc = Document.create(text, title="t", format="text")
    quotes = ["affluent flight fiord", "soft\u00adhyphen", "emoji 😀 in", "сегментіұзынжол"]
    anns = []
    for q in quotes:
        start = text.rindex(q)  # the wrapped URL: the last occurrence, on its second line
        anns.append(Annotation(q, start, start + len(q), q, note=q))
    out = export_pdf(ExportRequest(doc, anns, tmp_path / "out.pdf"))
    found = {annot["/Contents"]: (page, annot) for page, annot in _highlights(out)}
    assert sorted(found) == sorted(quotes)
    page, annot = found["affluent flight fiord"]
    under = unicodedata.normalize("NFKC", _text_under(out, page, annot))  # ﬄ -> ffl
    assert under == "affluent flight fiord"
    page, annot = found["сегментіұзынжол"]
    assert _text_under(out, page, annot).replace(" ", "") == "сегментіұзынжол"


def test_export_runs_in_a_worker_thread_as_the_gui_will_call_it(tmp_path: Path) -> None:
    doc = _seed()
    ann = _ann(doc, "Нұрсұлтан Назарбаевқа", "pink", "from a worker")
    errors: list[BaseException] = []

    def work() -> None:
        try:
            export_pdf(ExportRequest(doc, [ann], tmp_path / "out.pdf"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert not errors
    assert [a["/Contents"] for _, a in _highlights(tmp_path / "out.pdf")] == ["from a worker"]


def test_cancel_while_placing_highlights_writes_nothing(tmp_path: Path) -> None:
    doc = _long(30)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == total - 1:  # every page is painted; the highlights come next
            cancel.set()

    ann = _ann(doc, "Тұңғыш Президенті", note="x")
    with pytest.raises(CancelledError):
        export_pdf(
            ExportRequest(doc, [ann], tmp_path / "out.pdf", progress=progress, cancel=cancel)
        )
    assert list(tmp_path.iterdir()) == []


def test_control_characters_keep_positions_and_highlights(tmp_path: Path) -> None:
    text = "Бірінші\x0cбет\x1b белгі\r қайта\u2029абзац\x00 нөл соңы\nКелесі абзац"
    doc = Document.create(text, title="t", format="text")
    anns = [_ann(doc, "соңы", note="соңы"), _ann(doc, "Келесі", note="келесі")]
    out = export_pdf(ExportRequest(doc, anns, tmp_path / "out.pdf"))
    assert _pdftotext(out).split()[:3] == ["Бірінші", "бет", "белгі"]
    assert [(p, a["/Contents"]) for p, a in _highlights(out)] == [(1, "соңы"), (1, "келесі")]
    assert [_text_under(out, p, a) for p, a in _highlights(out)] == ["соңы", "Келесі"]


WORDS = [
    "Қазақстан",
    "Елбасы",
    "кеңес",
    "өткізді",
    "Астана",
    "жаңалық",
    "Үкімет",
    "ұлттық",
    "әдебиет",
    "Өскемен",
    "Іле",
]


@st.composite
def _annotated_documents(draw: st.DrawFn) -> tuple[Document, list[Annotation]]:
    paragraphs = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60),
                               min_size=1, max_size=25))  # fmt: skip
    text = "\n".join(" ".join(p) for p in paragraphs)
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    anns = []
    for i in range(draw(st.integers(1, 6))):
        a = draw(st.integers(0, len(spans) - 1))
        b = draw(st.integers(a, min(a + 40, len(spans) - 1)))
        start, end = spans[a][0], spans[b][1]
        anns.append(Annotation(f"h{i}", start, end, text[start:end], note=f"n{i}"))
    return Document.create(text, title="t", format="text"), anns


def _word_boxes(bbox_html: str) -> list[tuple[int, int, float, float]]:
    """(ordinal, page, centre x, centre y) of every word pdftotext -bbox reports, in order,
    without the page numbers (our test words have no digits)."""
    out = []
    pattern = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<'
    for page, chunk in enumerate(bbox_html.split("<page ")[1:], 1):
        for m in re.finditer(pattern, chunk):
            if html.unescape(m.group(5)).isdigit():
                continue
            left, top, right, bottom = (float(v) for v in m.groups()[:4])
            out.append((len(out), page, (left + right) / 2, (top + bottom) / 2))
    return out


def _ordinals_in_quads(
    words: list[tuple[int, int, float, float]], page: int, annot: Any, height: float
) -> list[int]:
    """Ordinals of the words whose centre lies inside one of the highlight's quads."""
    q = [float(v) for v in annot["/QuadPoints"]]
    boxes = [(q[i], height - q[i + 1], q[i + 2], height - q[i + 5]) for i in range(0, len(q), 8)]
    return [
        k
        for k, p, cx, cy in words
        if p == page and any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in boxes)
    ]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_annotated_documents())
def test_every_highlight_covers_exactly_its_words(
    tmp_path: Path, case: tuple[Document, list[Annotation]]
) -> None:
    doc, anns = case
    out = export_pdf(ExportRequest(doc, anns, tmp_path / "prop.pdf"))
    bbox = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True)
    words = _word_boxes(bbox.stdout)
    assert len(words) == len(doc.text.split())
    height = float(pypdf.PdfReader(out).pages[0].mediabox.height)
    covered: dict[str, list[int]] = {a.note: [] for a in anns}
    for page, annot in _highlights(out):
        covered[annot["/Contents"]] += _ordinals_in_quads(words, page, annot, height)
    expected = {}
    for a in anns:
        first = len(doc.text[: a.start].split())  # the quote starts on a word boundary
        expected[a.note] = list(range(first, first + len(a.exact.split())))
    assert covered == expected


LATEX = Path(__file__).resolve().parents[1] / "data" / "pdf_sources" / "pdflatex-outline.pdf"


def test_a_pdf_copy_gets_the_entity_index_after_its_original_pages(tmp_path: Path) -> None:
    doc = load(LATEX)
    at = doc.text.index("Bar")
    entity = Entity("ORG:bar", "Bar", "ORG", (Mention(at, at + 3, "Bar"),))
    out = export_copy(ExportRequest(doc, [], tmp_path / "copy.pdf", entities=[entity]))
    assert out.read_bytes().startswith(LATEX.read_bytes())
    before, after = pypdf.PdfReader(LATEX), pypdf.PdfReader(out)
    assert len(after.pages) == len(before.pages) + 1
    for old, new in zip(before.pages, after.pages, strict=False):
        assert new.get_contents().get_data() == old.get_contents().get_data()
    last = subprocess.run(
        ["pdftotext", "-f", "5", "-l", "5", str(out), "-"], capture_output=True, text=True
    ).stdout
    page = doc.page_starts.index(max(s for s in doc.page_starts if s <= at)) + 1
    assert "Index of entities" in last and f"Bar (ORG) — 1 mention, page {page}" in last
    assert last.split()[-1] == "5"  # numbered after the original's four pages

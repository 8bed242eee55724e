"""DOCX, ODT, RTF, EPUB and PDF: text, order, headings, titles and pages as a reader sees them."""

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures_docs import (
    KAZAKH,
    KAZAKH_LETTERS,
    RUSSIAN,
    rtf_cp1251,
    rtf_unicode,
    write_docx,
    write_epub,
    write_odt,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.document import Document
from reader.core.errors import CorruptDocumentError
from reader.core.loaders import load

Write = Callable[[str, bytes | str], Path]


def blocks(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    doc = load(write_docx(tmp_path / "report.docx"))
    assert doc.text.split("\n") == [
        "Басты тақырып",
        KAZAKH,
        "ұя 00",
        "ұя 01",
        "ұя 10",
        "ұя 11",
        "Екінші бөлім",
        KAZAKH_LETTERS,
    ]
    assert [(b.kind, b.level) for b in doc.blocks if b.kind == "heading"] == [
        ("heading", 1),
        ("heading", 2),
    ]
    assert blocks(doc, "table_cell") == ["ұя 00", "ұя 01", "ұя 10", "ұя 11"]
    assert doc.title == "Құжат" and doc.format == "docx"


def test_docx_without_a_title_is_named_after_the_file(tmp_path: Path) -> None:
    doc = load(write_docx(tmp_path / "Есеп 2024.docx", title=""))
    assert doc.title == "Есеп 2024"


def test_docx_title_style_is_a_top_heading(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Кітап атауы", style="Title")
    document.add_paragraph("мәтін")
    path = tmp_path / "t.docx"
    document.save(str(path))
    doc = load(path)
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1


def test_odt_headings_lists_tables_and_title(tmp_path: Path) -> None:
    doc = load(write_odt(tmp_path / "note.odt"))
    assert doc.title == "Ашық құжат"
    headings = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [("Басты тақырып", 1), ("Үшінші деңгей", 3)]
    assert f"{KAZAKH}  соңы\tтаб" in blocks(doc, "paragraph")  # text:s c=2, text:tab
    assert blocks(doc, "list_item") == ["бірінші", "екінші"]
    assert blocks(doc, "table_cell") == ["ұя", KAZAKH_LETTERS]


def test_rtf_code_pages_unicode_escapes_and_skipped_groups(write_file: Write) -> None:
    rtf = (
        r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fcharset204 Times;}}"
        r"{\colortbl;\red0\green0\blue0;}{\*\generator Word;}"
        r"{\info{\title " + rtf_cp1251("Заголовок") + r"}{\author Someone}}"
        r"{\stylesheet{\s1 heading 1;}}"
        r"\pard\outlinelevel0 " + rtf_unicode("Басты тақырып") + r"\par"
        r"\pard " + rtf_cp1251(RUSSIAN) + r"\par "
        + rtf_unicode(KAZAKH) + r" {\b bold}\line next\par"
        r"{\pict\pngblip 89504e470d0a}\uc2\u1179\'3f\'3f!\par"
        r"{\field{\*\fldinst HYPERLINK x}{\fldrslt link}}\par}"
    )  # fmt: skip
    doc = load(write_file("doc.rtf", rtf.encode("latin-1")))
    assert doc.text.split("\n") == [
        "Басты тақырып",
        RUSSIAN,
        KAZAKH + " bold",
        "next",
        "қ!",
        "link",
    ]
    assert doc.blocks[0].kind == "heading"
    assert doc.title == "Заголовок" and doc.encoding == "cp1251"
    for hidden in ("Times", "Word", "Someone", "89504e", "HYPERLINK", "heading 1"):
        assert hidden not in doc.text


def test_rtf_font_charset_selects_the_code_page(write_file: Write) -> None:
    rtf = (
        r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}{\f1\fcharset204 Arial Cyr;}}"
        r"\f1 " + rtf_cp1251("Привет") + r"\f0  caf\'e9\par}"
    )
    assert load(write_file("f.rtf", rtf)).text == "Привет café"


def test_rtf_that_is_not_rtf_is_refused(write_file: Write) -> None:
    with pytest.raises(CorruptDocumentError, match=r"plain\.rtf: is not an RTF file"):
        load(write_file("plain.rtf", "just text"))


def test_epub_follows_the_spine_not_the_manifest(tmp_path: Path) -> None:
    doc = load(write_epub(tmp_path / "book.epub"))
    assert doc.title == "Абай жолы"
    assert blocks(doc, "heading") == ["Бірінші тарау", "Екінші тарау"]
    assert blocks(doc, "paragraph") == [KAZAKH_LETTERS + "\u00a0!", KAZAKH]
    assert "color" not in doc.text


def test_epub_without_container_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "no.epub"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip")
    with pytest.raises(CorruptDocumentError, match="not an EPUB"):
        load(path)


def test_pdf_pages_and_title(pdf_three_pages: Path) -> None:
    doc = load(pdf_three_pages)
    assert doc.title == "Қазақ PDF"
    assert len(doc.page_starts) == 3
    pages = [
        doc.text[start:end].strip()
        for start, end in zip(doc.page_starts, [*doc.page_starts[1:], len(doc.text)], strict=True)
    ]
    assert pages == ["Бірінші бет. " + KAZAKH, "Екінші бет. " + KAZAKH_LETTERS, "Соңғы"]


def test_pdf_progress_counts_pages(pdf_three_pages: Path) -> None:
    seen: list[tuple[int, int]] = []
    load(pdf_three_pages, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


@settings(max_examples=150, deadline=None, database=None)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"),
        max_size=60,
    )
)
def test_rtf_unicode_escapes_round_trip(text: str) -> None:
    """Any text written as \\uN escapes (astral characters as surrogate pairs) reads back."""
    import tempfile

    rtf = r"{\rtf1\ansi\ansicpg1251 " + rtf_unicode(text) + "}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "u.rtf"
        path.write_text(rtf, encoding="ascii")
        doc = load(path)
    assert doc.text == (text if text.strip() else "")


def test_rtf_unicode_with_wider_fallback_and_byte_fallback(write_file: Write) -> None:
    rtf = r"{\rtf1\ansi{\uc2\u1179\'3f\'3f\u1241??}\u1187\'3f\u1171?\par}"
    assert load(write_file("uc.rtf", rtf)).text == "қәңғ"


def test_odt_footnotes_and_comments_do_not_break_into_the_sentence(tmp_path: Path) -> None:
    content = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:text>
<text:p>Қазақ<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>
<text:note-body><text:p>ескерту</text:p></text:note-body></text:note> тілі<office:annotation>
<dc:creator>A</dc:creator><text:p>пікір</text:p></office:annotation> <text:span>бай</text:span>
</text:p></office:text></office:body></office:document-content>"""
    doc = load(write_odt(tmp_path / "notes.odt", content=content))
    # XML line breaks are white space, as ODF says; the note's text comes at the end
    assert doc.text == "Қазақ тілі бай\nескерту"
    (note,) = doc.notes
    assert doc.text[note.start : note.end] == "ескерту" and note.label == "1"
    assert doc.text[: note.ref] == "Қазақ"  # its reference follows the word it is about


def test_rtf_style_sheet_headings_lists_and_unicode_title(write_file: Write) -> None:
    """What Word and LibreOffice write: heading styles defined in the style sheet, list
    numbers in \\listtext, the title twice in \\upr (ANSI, then Unicode in \\ud)."""
    rtf = (
        r"{\rtf1\ansi\ansicpg1252{\stylesheet{\ql Normal;}{\s1\outlinelevel0 Heading 1;}"
        r"{\s2\sbasedon1 heading 2;}{\*\cs10 Heading 1 Char;}}"
        r"{\info{\upr{\title ?????}{\*\ud{\title " + rtf_unicode("Қазақ") + r"}}}}"
        r"\pard\plain\s1 " + rtf_unicode("Басы") + r"\par"
        r"\pard\plain\s2 " + rtf_unicode("Бөлім") + r"\par"
        r"\pard\plain " + rtf_unicode("Мәтін") + r"\par"
        r"\pard\plain\ls1{\listtext\pard\plain \u61623\'3f\tab}" + rtf_unicode("тізім") + r"\par}"
    )  # fmt: skip
    doc = load(write_file("styled.rtf", rtf))
    assert doc.text == "Басы\nБөлім\nМәтін\nтізім"
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1),
        ("heading", 2),
        ("paragraph", 0),
        ("list_item", 1),  # a top-level list item
    ]
    assert doc.blocks[3].label == "•"  # the Symbol-font bullet of its \listtext
    assert doc.title == "Қазақ"

"""Loaders give each format's form beside its text: notes, tables with merged cells, list
labels, spans, images; and what Word shows (text boxes, insertions, headers) is text.

Files are made here, or are real files from pandoc's and python-docx's test suites
(tests/data/rich/README.md names them and their licences)."""

import itertools
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.document import Document
from reader.core.loaders import load
from reader.core.loaders.images import read_image
from reader.core.loaders.rich import RichBuilder
from reader.core.structure import Span, Table, TableCell, check_structure

DATA = Path(__file__).parent.parent / "data" / "rich"
W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _notes(doc: Document) -> dict[str, str]:
    return {n.label: doc.text[n.start : n.end] for n in doc.notes}


def _write_docx(path: Path, body: str, **parts: str) -> Path:
    """A DOCX written part by part, so that every feature is exactly what the test says."""
    rels = [
        f'<Relationship Id="rHdr" Type="{RELS}/header" Target="header1.xml"/>',
        f'<Relationship Id="rFtr" Type="{RELS}/footer" Target="footer1.xml"/>',
        f'<Relationship Id="rFn" Type="{RELS}/footnotes" Target="footnotes.xml"/>',
        f'<Relationship Id="rEn" Type="{RELS}/endnotes" Target="endnotes.xml"/>',
        f'<Relationship Id="rLink" Type="{RELS}/hyperlink" Target="https://example.kz/"'
        ' TargetMode="External"/>',
    ]
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="r1" Type="{RELS}/officeDocument"'
            ' Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{"".join(rels)}</Relationships>',
        )
        sect = (
            '<w:sectPr><w:headerReference r:id="rHdr"/><w:footerReference r:id="rFtr"/></w:sectPr>'
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {W_NS}><w:body>{body}{sect}</w:body></w:document>',
        )
        for name, xml in parts.items():
            root = {"header1": "hdr", "footer1": "ftr", "footnotes": "footnotes",
                    "endnotes": "endnotes", "numbering": "numbering"}[name]  # fmt: skip
            z.writestr(
                f"word/{name}.xml", f'<?xml version="1.0"?><w:{root} {W_NS}>{xml}</w:{root}>'
            )
    return path


def _p(text: str, extra: str = "") -> str:
    return f"<w:p>{extra}<w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def test_docx_shows_what_word_shows(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>Жиын</w:t></w:r><w:ins><w:r><w:t xml:space='preserve'> қосылған</w:t>"
        "</w:r></w:ins><w:del><w:r><w:delText> өшірілген</w:delText></w:r></w:del>"
        "<w:r><w:footnoteReference w:id='2'/></w:r><w:r><w:t xml:space='preserve'> сөз</w:t>"
        "</w:r><w:r><w:endnoteReference w:id='5'/></w:r></w:p>"
        "<w:sdt><w:sdtContent>" + _p("бақылаудағы мәтін") + "</w:sdtContent></w:sdt>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor>"
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" + _p("мәтін терезесі")
        + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" + _p("мәтін терезесі")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>Зәкір</w:t></w:r></w:p>"
        "<w:p><m:oMath><m:r><m:t>x=2</m:t></m:r></m:oMath></w:p>"
        "<w:p><w:hyperlink r:id='rLink'><w:r><w:rPr><w:b/></w:rPr><w:t>сілтеме</w:t></w:r>"
        "</w:hyperlink><w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>"
        " PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r>"
        "<w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
    )  # fmt: skip
    path = _write_docx(
        tmp_path / "word.docx",
        body,
        header1=_p("Бас жазу"),
        footer1=_p("Төменгі жазу"),
        footnotes="<w:footnote w:type='separator' w:id='0'><w:p/></w:footnote>"
        "<w:footnote w:id='2'>" + _p("Сілтеме мәтіні") + "</w:footnote>",
        endnotes="<w:endnote w:id='5'>" + _p("Соңғы ескерту") + "</w:endnote>",
    )
    doc = load(path)
    lines = doc.text.split("\n")
    assert lines[0] == "Бас жазу"  # the header, before the body
    assert lines[1] == "Жиын қосылған сөз"  # insertion accepted, deletion dropped
    assert "өшірілген" not in doc.text and "PAGE" not in doc.text
    assert lines[2] == "бақылаудағы мәтін"  # content control
    assert lines[3] == "Зәкір" and lines[4] == "мәтін терезесі"  # the box, once, after
    assert lines[5] == "x=2" and lines[6] == "сілтеме7"
    assert "Төменгі жазу" in lines  # the footer
    assert _notes(doc) == {"1": "Сілтеме мәтіні", "i": "Соңғы ескерту"}
    footnote = doc.notes[0]
    assert doc.text[: footnote.ref].endswith("Жиын қосылған")  # referred to where it stood
    link = next(s for s in doc.spans if s.kind == "link")
    assert doc.text[link.start : link.end] == "сілтеме" and link.href == "https://example.kz/"
    assert any(s.kind == "bold" and doc.text[s.start : s.end] == "сілтеме" for s in doc.spans)


def test_docx_numbering_gives_the_labels_word_shows(tmp_path: Path) -> None:
    numbering = (
        "<w:abstractNum w:abstractNumId='0'><w:lvl w:ilvl='0'><w:start w:val='3'/>"
        "<w:numFmt w:val='decimal'/><w:lvlText w:val='%1.'/></w:lvl><w:lvl w:ilvl='1'>"
        "<w:start w:val='1'/><w:numFmt w:val='lowerLetter'/><w:lvlText w:val='%1.%2)'/>"
        "</w:lvl></w:abstractNum><w:abstractNum w:abstractNumId='1'><w:lvl w:ilvl='0'>"
        "<w:numFmt w:val='bullet'/><w:lvlText w:val='\uf0b7'/></w:lvl></w:abstractNum>"
        "<w:num w:numId='1'><w:abstractNumId w:val='0'/></w:num>"
        "<w:num w:numId='2'><w:abstractNumId w:val='1'/></w:num>"
    )

    def item(text: str, num: int, level: int) -> str:
        return _p(
            text,
            f"<w:pPr><w:numPr><w:ilvl w:val='{level}'/><w:numId w:val='{num}'/></w:numPr></w:pPr>",
        )

    body = item("бір", 1, 0) + item("ішкі", 1, 1) + item("ішкі екі", 1, 1) + item("екі", 1, 0)
    body += item("нүкте", 2, 0)
    doc = load(_write_docx(tmp_path / "list.docx", body, numbering=numbering))
    labels = [(doc.text[b.start : b.end], b.label, b.level) for b in doc.blocks]
    assert labels == [
        ("бір", "3.", 1), ("ішкі", "3.a)", 2), ("ішкі екі", "3.b)", 2), ("екі", "4.", 1),
        ("нүкте", "•", 1),
    ]  # fmt: skip


def test_docx_merged_cells_are_spans_of_one_cell(tmp_path: Path) -> None:
    def tc(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text) if text else '<w:p/>'}</w:tc>"

    body = (
        "<w:tbl><w:tr>" + tc("кең", "<w:gridSpan w:val='2'/>")
        + tc("биік", "<w:vMerge w:val='restart'/>")
        + "</w:tr><w:tr>" + tc("а") + tc("б") + tc("", "<w:vMerge/>") + "</w:tr></w:tbl>"
    )  # fmt: skip
    doc = load(_write_docx(tmp_path / "t.docx", body))
    (table,) = doc.tables
    cells = {
        (c.row, c.col): (doc.text[c.start : c.end], c.row_span, c.col_span) for c in table.cells
    }
    assert (table.rows, table.cols) == (2, 3)
    assert cells == {
        (0, 0): ("кең", 1, 2),
        (0, 2): ("биік", 2, 1),
        (1, 0): ("а", 1, 1),
        (1, 1): ("б", 1, 1),
    }


def test_real_docx_files_keep_their_notes_tables_and_headers() -> None:
    notes = load(DATA / "pandoc_docx_notes.docx")
    assert len(notes.notes) == 2 and all(n.end > n.start for n in notes.notes)
    in_note = load(DATA / "pandoc_docx_sdt_in_footnote.docx")
    assert len(in_note.notes) == 1 and in_note.text[in_note.notes[0].start :].strip()
    rowspan = load(DATA / "pandoc_docx_table_header_rowspan.docx")
    assert any(c.row_span > 1 for c in rowspan.tables[0].cells)
    assert any(c.col_span > 1 for c in rowspan.tables[0].cells)
    headers = load(DATA / "pythondocx_doc-odd-even-hdrs.docx")
    assert "Even page header" in headers.text and "Odd page header" in headers.text
    inserted = load(DATA / "pandoc_docx_track_changes_insertion.docx")
    assert "inserted" in inserted.text.lower() or len(inserted.text.split()) >= 8


def test_docx_picture_is_an_image_read_when_shown() -> None:
    doc = load(DATA / "pandoc_docx_image.docx")
    (image,) = doc.images
    assert image.source.startswith("word/media/") and image.width > 0
    data = read_image(doc, image)
    assert data is not None and data[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1")


def test_odt_notes_spans_lists_and_table_spans() -> None:
    footnote = load(DATA / "pandoc_odt_footnote.odt")
    (note,) = footnote.notes
    assert footnote.text[note.start : note.end].strip() and note.kind == "footnote"
    endnote = load(DATA / "pandoc_odt_endnote.odt")
    assert endnote.notes[0].kind == "endnote"
    bold = load(DATA / "pandoc_odt_bold.odt")
    assert any(s.kind == "bold" for s in bold.spans)
    ordered = load(DATA / "pandoc_odt_orderedListSimple.odt")
    assert [b.label for b in ordered.blocks if b.label][:3] == ["1.", "2.", "3."]
    spans = load(DATA / "pandoc_odt_tableWithSpans.odt")
    assert any(c.row_span > 1 or c.col_span > 1 for c in spans.tables[0].cells)


def test_rtf_footnote_is_a_note_at_the_end() -> None:
    doc = load(DATA / "pandoc_rtf_footnote.rtf")
    assert len(doc.notes) == 2 and all(doc.text[n.start : n.end].strip() for n in doc.notes)
    assert doc.notes[0].ref < doc.notes[0].start  # the note's text is gathered after


def test_rtf_made_footnote_and_bold(tmp_path: Path) -> None:
    path = tmp_path / "n.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi Head{\super\chftn}{\footnote\pard {\super\chftn} Note text.} tail.\par"
        rb"{\b Bold} word\par}"
    )
    doc = load(path)
    assert doc.text == "Head tail.\nBold word\nNote text."
    assert _notes(doc) == {"1": "Note text."} and doc.notes[0].ref == 4
    assert [(s.kind, doc.text[s.start : s.end]) for s in doc.spans] == [("bold", "Bold")]


def test_html_structure(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<p>Мәтін<a href='#fn1' role='doc-noteref'><sup>1</sup></a> <b>қалың</b></p>"
        "<ol start='4'><li>төрт</li><li>бес</li></ol><blockquote><p>дәйексөз</p></blockquote>"
        "<table><tr><td colspan='2'>кең</td></tr><tr><td>а</td><td>б</td></tr></table>"
        "<section role='doc-endnotes'><ol><li id='fn1'><p>Ескерту."
        "<a href='#r' role='doc-backlink'>↩</a></p></li></ol></section>",
        encoding="utf-8",
    )
    doc = load(page)
    assert doc.text.split("\n") == [
        "Мәтін қалың",
        "төрт",
        "бес",
        "дәйексөз",
        "кең",
        "а",
        "б",
        "Ескерту.",
    ]
    assert _notes(doc) == {"1": "Ескерту."}
    assert [b.label for b in doc.blocks if b.label] == ["4.", "5."]
    assert [b.quote for b in doc.blocks if doc.text[b.start : b.end] == "дәйексөз"] == [1]
    assert doc.tables[0].cells[0].col_span == 2


def test_fb2_notes_body_gives_notes() -> None:
    doc = load(DATA / "pandoc_fb2_notes.fb2")
    assert len(doc.notes) == 2
    for note in doc.notes:
        assert note.ref < note.start and doc.text[note.start : note.end].strip()
    images = load(DATA / "pandoc_fb2_images-embedded.fb2")
    assert images.images and images.images[0].data


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if p.suffix != ".md"))
def test_every_collected_file_opens_with_a_consistent_structure(name: str) -> None:
    doc = load(DATA / name)
    check_structure(len(doc.text), doc.spans, doc.tables, doc.notes, doc.images)
    for block in doc.blocks:
        assert block.end <= len(doc.text)


_OPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("run"),
            st.text(max_size=6),
            st.sets(st.sampled_from(["bold", "italic", "link"])),
        ),
        st.tuples(st.just("end"), st.sampled_from(["paragraph", "heading", "list_item"])),
        st.tuples(st.just("table"), st.integers(0, 3), st.integers(1, 3)),
        st.tuples(st.just("ref"), st.integers(0, 3)),
        st.tuples(
            st.just("image"),
        ),
    ),
    max_size=25,
)


@given(ops=_OPS, notes=st.lists(st.text(max_size=5), max_size=4))
def test_whatever_a_loader_feeds_the_builder_the_structure_holds(
    ops: list[tuple[object, ...]], notes: list[str]
) -> None:
    b = RichBuilder()
    for op in ops:
        if op[0] == "run":
            b.run(str(op[1]), op[2], "https://x" if "link" in op[2] else "")  # type: ignore[arg-type]
        elif op[0] == "end":
            b.end(op[1], 1)  # type: ignore[arg-type]
        elif op[0] == "table":
            b.begin_table()
            for k in range(int(op[1])):  # type: ignore[call-overload]
                b.begin_cell(k // int(op[2]), k % int(op[2]))  # type: ignore[call-overload]
                b.run("ұя")
                b.end_cell()
            b.end_table()
        elif op[0] == "ref":
            b.note_ref(f"n{op[1]}")
        else:
            b.image("x.png")
    for k, text in enumerate(notes):
        b.begin_note(f"n{k}")
        b.paragraph(text)
        b.end_note()
    doc = b.document(title="t", format="docx")  # Document checks every range itself
    by_kind: dict[str, list[Span]] = {}
    for span in doc.spans:
        by_kind.setdefault(span.kind, []).append(span)
    for spans in by_kind.values():
        assert all(a.end <= z.start for a, z in itertools.pairwise(spans))
    for note in doc.notes:
        assert 0 <= note.start <= note.end <= len(doc.text)


def test_structure_checks_refuse_what_no_document_can_be() -> None:
    with pytest.raises(ValueError):
        Table(0, 5, 1, 1, (TableCell(0, 0, 0, 2), TableCell(0, 0, 3, 5)))  # one place twice
    with pytest.raises(ValueError):
        Document.create("abc", title="t", format="x", spans=[Span(1, 9, "bold")])
    with pytest.raises(ValueError):
        check_structure(9, [Span(0, 4, "bold"), Span(2, 6, "bold")], [], [], [])


def test_markdown_keeps_its_marks_and_styles_what_they_hold(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text(
        "Бұл **қалың**, *көлбеу*, `код` және [сілтеме](https://example.kz).\n"
        "- бір\n  - ішкі\n> дәйексөз\n```\n*код ішінде*\n```\n",
        encoding="utf-8",
    )
    doc = load(path)
    assert doc.text.startswith("Бұл **қалың**")  # the source as written
    styled = {(s.kind, doc.text[s.start : s.end], s.href) for s in doc.spans}
    assert styled == {
        ("bold", "қалың", ""), ("italic", "көлбеу", ""), ("code", "код", ""),
        ("link", "сілтеме", "https://example.kz"),
    }  # fmt: skip
    kinds = [(doc.text[b.start : b.end], b.kind, b.level, b.quote) for b in doc.blocks][1:4]
    assert kinds == [
        ("- бір", "list_item", 1, 0), ("  - ішкі", "list_item", 2, 0),
        ("> дәйексөз", "paragraph", 0, 1),
    ]  # fmt: skip


def test_epub_note_in_another_page_of_the_book(tmp_path: Path) -> None:
    xhtml = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><body>{}</body></html>'
    )
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><manifest>'
        '<item id="a" href="text/a.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="n" href="notes.xhtml" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="a"/><itemref idref="n"/></spine></package>'
    )
    container = (
        '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:'
        'container"><rootfiles><rootfile full-path="OEBPS/book.opf"/></rootfiles></container>'
    )
    path = tmp_path / "book.epub"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", container)
        z.writestr("OEBPS/book.opf", opf)
        z.writestr(
            "OEBPS/text/a.xhtml",
            xhtml.format('<p>Абай<a epub:type="noteref" href="../notes.xhtml#n1">1</a> ақын.</p>'),
        )
        z.writestr(
            "OEBPS/notes.xhtml",
            xhtml.format('<aside epub:type="footnote" id="n1"><p>Ұлы ақын.</p></aside>'),
        )
    doc = load(path)
    assert doc.text == "Абай ақын.\nҰлы ақын."  # the reference's number is not text
    (note,) = doc.notes
    assert note.label == "1" and note.ref == len("Абай")
    assert doc.text[note.start : note.end] == "Ұлы ақын."


def test_rtf_table_is_a_table(tmp_path: Path) -> None:
    path = tmp_path / "t.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi Before\par\trowd\cellx1000\cellx2000\pard\intbl A1\cell"
        rb"\pard\intbl\cell\row\trowd\cellx1000\cellx2000\pard\intbl B1\par more\cell"
        rb"\pard\intbl B2\cell\row\pard After\par}"
    )
    doc = load(path)
    assert doc.text == "Before\nA1\n\nB1\nmore\nB2\nAfter"
    (table,) = doc.tables
    cells = [(c.row, c.col, doc.text[c.start : c.end]) for c in table.cells]
    assert cells == [(0, 0, "A1"), (0, 1, ""), (1, 0, "B1\nmore"), (1, 1, "B2")]
    assert (table.rows, table.cols) == (2, 2)


def test_docx_footnotes_close_their_section_endnotes_the_document(tmp_path: Path) -> None:
    def ref(text: str, tag: str, note: int) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r><w:r><w:{tag} w:id='{note}'/></w:r></w:p>"

    body = (
        ref("Бірінші", "footnoteReference", 2) + "<w:p><w:pPr><w:sectPr/></w:pPr></w:p>"
        + ref("Екінші", "footnoteReference", 3) + ref("Үшінші", "endnoteReference", 4)
    )  # fmt: skip
    notes = "".join(f"<w:footnote w:id='{n}'>{_p(f'ескерту {n}')}</w:footnote>" for n in (2, 3))
    path = _write_docx(
        tmp_path / "s.docx",
        body,
        footnotes=notes,
        endnotes="<w:endnote w:id='4'>" + _p("соңғы") + "</w:endnote>",
    )
    lines = [line for line in load(path).text.split("\n") if line]
    assert lines == ["Бірінші", "ескерту 2", "Екінші", "Үшінші", "ескерту 3", "соңғы"]

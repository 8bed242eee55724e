"""The annotated copy of a DOCX is the original package plus highlights and Word comments.

Sources are real files from other projects' test suites (tests/data/docx_sources/README.md)
and documents written here with python-docx; results are read back with zipfile, lxml and
python-docx, never with the code under test.
"""

import threading
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from reader.core.annotations import Annotation, new_annotation
from reader.core.document import Document
from reader.core.errors import CancelledError, ExportError
from reader.core.loaders import load
from reader.export import ExportRequest
from reader.export.docx import export_docx
from reader.export.docx_original import OriginalUnavailableError, export_docx_original

SOURCES = Path(__file__).parent.parent / "data" / "docx_sources"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
#: Parts an annotated copy may rewrite; every other entry must keep its stored bytes.
EDITABLE = {"word/document.xml", "word/comments.xml", "[Content_Types].xml"}
EDITABLE |= {"word/_rels/document.xml.rels"}


def _ann(
    text: str, quote: str, *, note: str = "", color: str = "yellow", nth: int = 0
) -> Annotation:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return new_annotation(text, start, start + len(quote), note=note, color=color)


def _raw_entries(path: Path) -> list[tuple[str, int, int, bytes]]:
    """(name, compression, CRC, stored bytes) of every entry, in archive order."""
    out = []
    with zipfile.ZipFile(path) as z, path.open("rb") as fh:
        for info in z.infolist():
            fh.seek(info.header_offset + 26)
            n, m = int.from_bytes(fh.read(2), "little"), int.from_bytes(fh.read(2), "little")
            fh.seek(info.header_offset + 30 + n + m)
            out.append((info.filename, info.compress_type, info.CRC, fh.read(info.compress_size)))
    return out


def _assert_package_kept(source: Path, copy: Path, editable: set[str]) -> None:
    before, after = _raw_entries(source), _raw_entries(copy)
    names = [e[0] for e in before]
    assert [e[0] for e in after][: len(names)] == names  # same order, additions at the end
    assert {e[0] for e in after} - set(names) <= {"word/comments.xml"}
    for old, new in zip(before, after, strict=False):
        if old[0] not in editable:
            assert new == old, f"{old[0]} changed"


def _all_paragraph_texts(path: Path) -> list[str]:
    """Every paragraph's text as python-docx reads it: body, tables, headers, footers."""
    word = docx.Document(str(path))
    texts = [p.text for p in word.paragraphs]
    for table in word.tables:
        texts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for section in word.sections:
        for part in (section.header, section.footer):
            texts += [p.text for p in part.paragraphs]
    return texts


def _xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _commented(root: etree._Element, comment_id: str) -> list[etree._Element]:
    """The w:t elements between a comment's range start and end, in document order."""
    inside, found = False, []
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == comment_id:
            inside = True
        elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == comment_id:
            return found
        elif inside and el.tag == f"{W}t":
            found.append(el)
    raise AssertionError(f"comment {comment_id} has no range")


def _comment_ids(path: Path) -> dict[str, str]:
    """Comment text -> id, read back with python-docx."""
    return {c.text: str(c.comment_id) for c in docx.Document(str(path)).comments}


def _highlighted_text(root: etree._Element) -> str:
    parts = []
    for run in root.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        if rpr is not None and (
            rpr.find(f"{W}highlight") is not None or rpr.find(f"{W}shd") is not None
        ):
            parts.append("".join(t.text or "" for t in run.iter(f"{W}t")))
    return "|".join(parts)


# -- every source from other projects --------------------------------------------------
#: Labels of comments for words Word keeps no comment ranges in, and the parts holding them.
_ELSEWHERE = {
    "Header": "word/header",
    "Footer": "word/footer",
    "Footnote": "word/footnotes",
    "Endnote": "word/endnotes",
    "Text box": "word/document",
}


def _story_parts(path: Path, prefix: str) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith(prefix) and n.endswith(".xml")]


@pytest.mark.parametrize("name", sorted(p.name for p in SOURCES.glob("*.docx")))
def test_real_files_keep_every_other_part_and_all_text(name: str, tmp_path: Path) -> None:
    source = SOURCES / name
    document = load(source)
    words = document.text.split()
    anns = []
    for k, word in enumerate(words[1::5][:8]):
        if len(word) > 2:
            anns.append(_ann(document.text, word, note=f"заметка {k}", nth=0))
    out = export_docx(
        ExportRequest(document, anns, tmp_path / "copy.docx", author="Айгүл Серікқызы")
    )
    notes = {c.text: c for c in docx.Document(str(out)).comments}
    stories = set()  # headers, footers, notes holding annotated words: rewritten too
    for ann in anns:
        labelled = [
            (label, c)
            for text, c in notes.items()
            for label in _ELSEWHERE
            if text == f"{label}: “{ann.exact}”\n{ann.note}"
        ]
        comment = notes[ann.note] if ann.note in notes else labelled[0][1]
        assert (comment.author, comment.initials) == ("Айгүл Серікқызы", "АС")
        # the range is in the body (raises if not); a mark or section start holds no text
        texts = _commented(_xml(out, "word/document.xml"), str(comment.comment_id))
        if ann.note in notes:  # main story: the comment is on exactly the words
            assert "".join(t.text or "" for t in texts) == ann.exact
            continue
        # elsewhere: highlighted in place, the comment on the mark, box or section start
        parts = [
            part
            for part in _story_parts(out, _ELSEWHERE[labelled[0][0]])
            if ann.exact in _highlighted_text(_xml(out, part)).split("|")
        ]
        assert parts, f"“{ann.exact}” not highlighted in its {labelled[0][0].lower()}"
        stories.update(parts)
    _assert_package_kept(source, out, EDITABLE | stories)
    assert _all_paragraph_texts(out) == _all_paragraph_texts(source)
    for part in stories:
        assert _story_texts(out, part) == _story_texts(source, part)


def test_existing_comments_kept_and_new_ids_unique(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-comments.docx"
    before = [(c.comment_id, c.text) for c in docx.Document(str(source)).comments]
    document = load(source)
    ann = _ann(document.text, "comment", note="менің ескертпем")
    out = export_docx_original(document, [ann], source, tmp_path / "c.docx", author="A B")
    after = [(c.comment_id, c.text) for c in docx.Document(str(out)).comments]
    assert after[: len(before)] == before
    assert len({i for i, _ in after}) == len(after) == len(before) + 1
    _assert_package_kept(source, out, EDITABLE)


# -- formatting, tables ----------------------------------------------------------------
def _formatted_docx(path: Path) -> Path:
    word = docx.Document()
    word.add_heading("Есеп", 1)
    para = word.add_paragraph("Кіріспе: ")
    para.add_run("қалың жазылған сөздер").bold = True
    para.add_run(" ортасы ")
    para.add_run("көлбеу жазылған сөздер").italic = True
    para.add_run(" соңы.")
    table = word.add_table(rows=2, cols=2)
    for r, row in enumerate([["Аты", "Қала"], ["Нұрлан", "Қарағанды облысы"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    word.sections[0].header.paragraphs[0].text = "Жоғарғы колонтитул мәтіні"
    word.add_paragraph("Соңғы абзац.")
    word.save(str(path))
    return path


def test_highlight_across_bold_and_italic_runs(tmp_path: Path) -> None:
    source = _formatted_docx(tmp_path / "src.docx")
    document = load(source)
    ann = _ann(document.text, "жазылған сөздер ортасы көлбеу", note="осы жер")
    out = export_docx_original(document, [ann], source, tmp_path / "out.docx")
    body = _xml(out, "word/document.xml")
    texts = _commented(body, _comment_ids(out)["осы жер"])
    assert "".join(t.text or "" for t in texts) == "жазылған сөздер ортасы көлбеу"
    runs = [t.getparent() for t in texts]
    assert runs[0].find(f"{W}rPr/{W}b") is not None and runs[0].find(f"{W}rPr/{W}i") is None
    assert runs[-1].find(f"{W}rPr/{W}i") is not None and runs[-1].find(f"{W}rPr/{W}b") is None
    for run in runs:
        assert run.find(f"{W}rPr/{W}highlight").get(f"{W}val") == "yellow"
    # the words outside keep their formatting and get no highlight
    assert _highlighted_text(body) == "жазылған сөздер| ортасы |көлбеу"
    paragraph = runs[0].getparent()
    bold = [r for r in paragraph.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None]
    assert ["".join(t.text for t in r.iter(f"{W}t")) for r in bold] == ["қалың ", "жазылған сөздер"]
    assert _all_paragraph_texts(out) == _all_paragraph_texts(source)


def test_comment_inside_a_table_cell(tmp_path: Path) -> None:
    source = _formatted_docx(tmp_path / "src.docx")
    document = load(source)
    ann = _ann(document.text, "Қарағанды", note="облыс орталығы", color="blue")
    out = export_docx_original(document, [ann], source, tmp_path / "out.docx")
    body = _xml(out, "word/document.xml")
    (text,) = _commented(body, _comment_ids(out)["облыс орталығы"])
    assert text.text == "Қарағанды"
    assert any(a.tag == f"{W}tc" for a in text.iterancestors())
    assert text.getparent().find(f"{W}rPr/{W}highlight").get(f"{W}val") == "cyan"
    assert docx.Document(str(out)).tables[0].cell(1, 1).text == "Қарағанды облысы"


def test_orange_is_shading_with_its_own_colour(tmp_path: Path) -> None:
    source = _formatted_docx(tmp_path / "src.docx")
    document = load(source)
    ann = _ann(document.text, "Соңғы", color="orange")
    out = export_docx_original(document, [ann], source, tmp_path / "out.docx")
    run = next(
        t.getparent() for t in _xml(out, "word/document.xml").iter(f"{W}t") if t.text == "Соңғы"
    )
    assert run.find(f"{W}rPr/{W}shd").get(f"{W}fill") == "FFB35C"
    assert run.find(f"{W}rPr/{W}highlight") is None
    assert "word/comments.xml" not in zipfile.ZipFile(out).namelist()  # no note, no comment


def test_overlapping_annotations_each_get_their_words(tmp_path: Path) -> None:
    source = _formatted_docx(tmp_path / "src.docx")
    document = load(source)
    outer = _ann(document.text, "ортасы көлбеу жазылған", note="сыртқы")
    inner = _ann(document.text, "көлбеу", note="ішкі", color="green")
    out = export_docx_original(document, [outer, inner], source, tmp_path / "out.docx")
    body, ids = _xml(out, "word/document.xml"), _comment_ids(out)
    assert "".join(t.text for t in _commented(body, ids["сыртқы"])) == "ортасы көлбеу жазылған"
    (inner_text,) = _commented(body, ids["ішкі"])
    assert inner_text.text == "көлбеу"  # the innermost colour is shown where they overlap
    assert inner_text.getparent().find(f"{W}rPr/{W}highlight").get(f"{W}val") == "green"


# -- stories Word keeps no comments in --------------------------------------------------
def _story_texts(path: Path, part: str) -> list[str]:
    root = _xml(path, part)
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def test_footnote_highlighted_in_place_and_commented_at_its_mark(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-notes.docx"
    document = load(source)
    # the loader gathers the footnote after the body of its section, not at its mark
    (note,) = [n for n in document.notes if n.kind == "footnote"]
    assert "My note" in document.text[note.start : note.end]
    ann = _ann(document.text, "My note", note="түсініктеме")
    assert note.start <= ann.start < note.end and ann.start > note.ref
    out = export_docx_original(document, [ann], source, tmp_path / "out.docx")
    _assert_package_kept(source, out, EDITABLE | {"word/footnotes.xml"})
    assert _highlighted_text(_xml(out, "word/footnotes.xml")) == "My note"
    assert _story_texts(out, "word/footnotes.xml") == _story_texts(source, "word/footnotes.xml")
    comment = docx.Document(str(out)).comments.get(
        int(_comment_ids(out)["Footnote: “My note”\nтүсініктеме"])
    )
    assert comment is not None
    body = _xml(out, "word/document.xml")
    start = next(e for e in body.iter(f"{W}commentRangeStart"))
    anchored = start.getnext()
    assert anchored.find(f"{W}footnoteReference") is not None  # the footnote's mark


def test_header_text_found_when_the_loader_puts_headers_first(tmp_path: Path) -> None:
    source = _formatted_docx(tmp_path / "src.docx")
    document = load(source)
    text = document.text
    header = "Жоғарғы колонтитул мәтіні"
    assert text.startswith(header + "\n")  # another order than the package's (body first)
    body_ann = _ann(text, "ортасы", note="денеде")
    head_ann = _ann(text, "колонтитул", note="басында")
    out = export_docx_original(document, [head_ann, body_ann], source, tmp_path / "out.docx")
    header_part = "word/header1.xml"
    _assert_package_kept(source, out, EDITABLE | {header_part})
    assert _highlighted_text(_xml(out, header_part)) == "колонтитул"
    assert _highlighted_text(_xml(out, "word/document.xml")) == "ортасы"
    ids = _comment_ids(out)
    body = _xml(out, "word/document.xml")
    assert "".join(t.text for t in _commented(body, ids["денеде"])) == "ортасы"
    assert ids["Header: “колонтитул”\nбасында"]  # anchored at the section's first paragraph
    first_para = next(body.iter(f"{W}p"))
    assert first_para.find(f"{W}commentRangeStart") is not None


# -- when the original cannot be used ---------------------------------------------------
@pytest.mark.log_warnings_expected  # "typeset anew, not the original DOCX"
def test_changed_file_is_refused_and_export_docx_typesets_instead(tmp_path: Path) -> None:
    source = _formatted_docx(tmp_path / "src.docx")
    document = load(source)
    ann = _ann(document.text, "Соңғы", note="n")
    word = docx.Document()
    word.add_paragraph("Мүлде басқа мәтін, бұрынғы құжат емес.")
    word.save(str(source))
    with pytest.raises(OriginalUnavailableError, match="changed"):
        export_docx_original(document, [ann], source, tmp_path / "o.docx")
    assert not (tmp_path / "o.docx").exists()
    out = export_docx(ExportRequest(document, [ann], tmp_path / "typeset.docx"))
    assert "Соңғы абзац." in [p.text for p in docx.Document(str(out)).paragraphs]


def test_cancel_and_missing_folder_leave_no_file(tmp_path: Path) -> None:
    source = _formatted_docx(tmp_path / "src.docx")
    document = load(source)
    ann = _ann(document.text, "Соңғы", note="n")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        export_docx_original(document, [ann], source, tmp_path / "o.docx", cancel=cancel)
    with pytest.raises(ExportError, match="does not exist"):
        export_docx_original(document, [ann], source, tmp_path / "nope" / "o.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src.docx"]


def test_export_docx_uses_the_original_when_loaded_from_docx(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-tables.docx"
    document = load(source)
    ann = _ann(document.text, "Lebron James", note="баскетболшы")
    out = export_docx(ExportRequest(document, [ann], tmp_path / "copy.docx", author="X"))
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert b.read("word/styles.xml") == a.read("word/styles.xml")
        assert b.read("docProps/thumbnail.jpeg") == a.read("docProps/thumbnail.jpeg")
    assert [c.text for c in docx.Document(str(out)).comments] == ["баскетболшы"]


def test_text_box_highlighted_in_place_and_commented_on_its_anchor(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-image_with_textbox_caption.docx"
    body = _xml(source, "word/document.xml")
    box = next(
        p for p in body.iter(f"{W}p") if any(a.tag == f"{W}txbxContent" for a in p.iterancestors())
    )
    caption = "".join(t.text or "" for t in box.iter(f"{W}t"))
    # what a loader that reads text boxes gives (today's gives nothing)
    document = Document.create(caption, title="box", format="docx", path=str(source))
    ann = _ann(caption, "Diagonalverfahren", note="Кантор")
    out = export_docx_original(document, [ann], source, tmp_path / "out.docx")
    root = _xml(out, "word/document.xml")
    assert "Diagonalverfahren" in _highlighted_text(root).split("|")
    start = next(root.iter(f"{W}commentRangeStart"))
    assert not any(a.tag == f"{W}txbxContent" for a in start.iterancestors())
    holder = start.getnext()  # the body run that holds the drawing with the text box
    assert holder.tag == f"{W}r" and any(e.tag == f"{W}txbxContent" for e in holder.iter())
    assert _comment_ids(out)["Text box: “Diagonalverfahren”\nКантор"]


def test_loader_marks_inside_a_paragraph_do_not_move_the_highlight(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-notes.docx"
    loaded = load(source)
    assert "Test footnote." in loaded.text
    text = loaded.text.replace("Test footnote.", "Test footnote.[1]")  # a loader's note mark
    document = Document.create(text, title="n", format="docx", path=str(source))
    ann = _ann(text, "footnote.[1] Test", note="белгіден өтеді")
    out = export_docx_original(document, [ann], source, tmp_path / "out.docx")
    texts = _commented(_xml(out, "word/document.xml"), _comment_ids(out)["белгіден өтеді"])
    assert "".join(t.text or "" for t in texts) == "footnote. Test"


_RUN_TEXT = st.text(alphabet="абвӘғқңөұүһі xyz\t", min_size=1, max_size=12)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    runs=st.lists(st.tuples(_RUN_TEXT, st.booleans(), st.booleans()), min_size=1, max_size=6),
    picks=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=3),
)
def test_any_runs_and_ranges_keep_text_and_comment_exact_words(
    tmp_path: Path, runs: list[tuple[str, bool, bool]], picks: list[tuple[float, float]]
) -> None:
    word = docx.Document()
    para = word.add_paragraph("Басы ")
    for text, bold, italic in runs:
        run = para.add_run(text)
        run.bold, run.italic = bold, italic
    word.add_paragraph("Соңы")
    source = tmp_path / f"fuzz{len(list(tmp_path.iterdir()))}.docx"
    word.save(str(source))
    document = load(source)
    n = len(document.text)
    anns = []
    for k, (a, b) in enumerate(picks):
        start, end = sorted((int(a * (n - 1)), int(b * (n - 1))))
        if end > start and document.text[start:end].strip():
            anns.append(new_annotation(document.text, start, end, note=f"n{k}"))
    out = export_docx_original(document, anns, source, source.with_suffix(".out.docx"))
    assert _all_paragraph_texts(out) == _all_paragraph_texts(source)
    ids, root = _comment_ids(out), _xml(out, "word/document.xml")
    for ann in anns:
        commented = _commented(root, ids[ann.note])
        # tabs are w:tab elements, not w:t text: compare what w:t holds
        assert "".join(t.text or "" for t in commented) == ann.exact.replace("\t", "").replace(
            "\n", ""
        )
    assert _char_formatting(out) == _char_formatting(source)  # every character keeps its runs'


def _char_formatting(path: Path) -> list[tuple[str, bool | None, bool | None]]:
    para = docx.Document(str(path)).paragraphs[0]
    return [(ch, r.bold, r.italic) for r in para.runs for ch in r.text]

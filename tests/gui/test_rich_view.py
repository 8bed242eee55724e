"""The rich view: tables as tables, notes searchable and shown, offsets exact both ways."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCursor
from pytestqt.qtbot import QtBot

from reader.core.document import Document
from reader.core.loaders import load
from reader.core.loaders.rich import RichBuilder
from reader.export.rich_build import build_rich_document
from reader.gui.rich_view import RichDocumentView
from reader.gui.view import DocumentView

DATA = Path(__file__).parent.parent / "data" / "rich"


def _view(qtbot: QtBot, document: Document) -> RichDocumentView:
    view = RichDocumentView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show_document(document)
    view.show()
    qtbot.waitExposed(view)
    return view


def _merged_docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Кесте алдында")
    table = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"ұя{r}{c}"
    top = table.cell(0, 0).merge(table.cell(0, 1))  # one cell across two columns
    top.text = "біріккен"
    side = table.cell(1, 2).merge(table.cell(2, 2))  # one cell down two rows
    side.text = "тік"
    document.add_paragraph("Кестеден кейін")
    path = tmp_path / "merged.docx"
    document.save(str(path))
    return path


def _tables(view: RichDocumentView) -> list[object]:
    frames = view.document().rootFrame().childFrames()
    from PySide6.QtGui import QTextTable

    return [f for f in frames if isinstance(f, QTextTable)]


def test_the_view_keeps_the_contract(qtbot: QtBot) -> None:
    assert isinstance(RichDocumentView(), DocumentView)


def test_a_docx_table_is_a_qt_table_with_its_merged_cells(qtbot: QtBot, tmp_path: Path) -> None:
    document = load(_merged_docx(tmp_path))
    view = _view(qtbot, document)
    (table,) = _tables(view)
    assert (table.rows(), table.columns()) == (3, 3)  # type: ignore[attr-defined]

    def cell_text(r: int, c: int) -> str:
        cell = table.cellAt(r, c)  # type: ignore[attr-defined]
        cursor = QTextCursor(view.document())
        cursor.setPosition(cell.firstPosition())
        cursor.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        return str(cursor.selectedText())

    top = table.cellAt(0, 0)  # type: ignore[attr-defined]
    assert top.columnSpan() == 2 and cell_text(0, 0).startswith("біріккен")
    assert table.cellAt(1, 2).rowSpan() == 2 and cell_text(1, 2) == "тік"  # type: ignore[attr-defined]
    assert cell_text(2, 1) == "ұя21"
    # the text around the table is outside it, in order
    plain = view.document().toPlainText()
    assert plain.index("Кесте алдында") < plain.index("ұя21") < plain.index("Кестеден кейін")


def test_a_footnote_is_searchable_shown_and_its_reference_shows_it(qtbot: QtBot) -> None:
    document = load(DATA / "pandoc_docx_notes.docx")
    assert document.notes
    note = document.notes[0]
    words = document.text[note.start : note.end]
    assert words.strip() and document.text.find(words) == note.start  # search finds it
    view = _view(qtbot, document)
    assert words.split()[0] in view.document().toPlainText()  # and it is shown
    qt = view.rich_map.to_qt(note.ref)  # the reference label sits just before this
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt)
    tip = cursor.charFormat().toolTip()
    assert words.split()[0] in tip and tip.startswith(note.label)


def test_selection_maps_back_exactly_after_emoji_and_labels(qtbot: QtBot) -> None:
    b = RichBuilder()
    b.run("Басы 😀 ")
    b.run("қалың", ("bold",))
    b.end("heading", 1)
    for word in ("бір 🇰🇿", "екі"):
        b.run(word)
        b.end("list_item", 1, "•")
    b.begin_table()
    b.begin_cell(0, 0)
    b.paragraph("ұя 😀")
    b.end_cell()
    b.begin_cell(0, 1)
    b.paragraph("соңы")
    b.end_cell()
    b.end_table()
    document = b.document(title="t", format="docx")
    view = _view(qtbot, document)
    for word in ("қалың", "екі", "ұя 😀", "соңы"):
        start = document.text.index(word)
        view.select_range(start, start + len(word))
        assert view.selected_range() == (start, start + len(word))
        assert view.selected_text() == word
        assert view.textCursor().selectedText() == word


def test_highlights_cover_the_words_they_name(qtbot: QtBot) -> None:
    document = load(DATA / "pandoc_docx_tables.docx")
    view = _view(qtbot, document)
    word = "Basketball"
    start = document.text.index(word)
    view.set_highlights("search", [(start, start + len(word), QColor("yellow"))])
    qtbot.waitUntil(lambda: bool(view.extraSelections()))
    (sel,) = view.extraSelections()
    assert sel.cursor.selectedText() == word
    assert view.highlight_count("search") == 1
    view.clear_highlights("search")
    assert view.highlight_count("search") == 0


def test_offset_at_points_into_the_text(qtbot: QtBot) -> None:
    document = load(DATA / "pandoc_docx_lists.docx")
    view = _view(qtbot, document)
    rect = view.cursorRect(QTextCursor(view.document().findBlockByNumber(0)))
    offset = view.offset_at(QPoint(rect.left() + 2, rect.center().y()))
    assert offset is not None and 0 <= offset < len(document.text)


def test_zoom_changes_the_font_and_says_so(qtbot: QtBot) -> None:
    view = _view(qtbot, load(DATA / "pandoc_docx_lists.docx"))
    size = view.document().defaultFont().pointSizeF()
    with qtbot.waitSignal(view.zoom_changed):
        view.set_zoom(3)
    assert view.document().defaultFont().pointSizeF() == pytest.approx(size + 3)


_WORDS = st.text(alphabet=st.sampled_from(list("абвқәңө xyz😀🇰🇿𝔸\t")), min_size=0, max_size=12)
_PARAGRAPH = st.tuples(
    _WORDS, st.sampled_from(["paragraph", "heading", "list_item"]), st.booleans()
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.lists(_PARAGRAPH, max_size=4),
    cells=st.lists(_WORDS, min_size=0, max_size=4),
    after=st.lists(_PARAGRAPH, max_size=3),
    note=_WORDS,
)
def test_every_shown_character_maps_both_ways(
    qapp: object, before: list[tuple[str, str, bool]], cells: list[str],
    after: list[tuple[str, str, bool]], note: str,
) -> None:  # fmt: skip
    b = RichBuilder()
    for text, kind, ref in before:
        b.run(text, ("italic",) if ref else ())
        if ref:
            b.note_ref("n")
        b.end(kind, 1, "1." if kind == "list_item" else "")  # type: ignore[arg-type]
    if cells:
        b.begin_table()
        for k, text in enumerate(cells):
            b.begin_cell(k // 2, k % 2)
            b.paragraph(text)
            b.end_cell()
        b.end_table()
    for text, kind, _ref in after:
        b.paragraph(text, kind, 1)  # type: ignore[arg-type]
    b.begin_note("n")
    b.paragraph(note)
    b.end_note()
    document = b.document(title="t", format="docx")
    build = build_rich_document(document)
    rmap, qdoc = build.map, build.qdoc
    shown = {i for a, z in zip(rmap.doc_starts, rmap.doc_ends, strict=True) for i in range(a, z)}
    for i, ch in enumerate(document.text):
        if ch != "\n":
            assert i in shown  # only separators a table takes the place of are not shown
        if i in shown:
            assert rmap.from_qt(rmap.to_qt(i)) == i
            if ch != "\n" and ord(ch) <= 0xFFFF:
                assert qdoc.characterAt(rmap.to_qt(i)) == ch
            elif ord(ch) > 0xFFFF:
                pair = qdoc.characterAt(rmap.to_qt(i)) + qdoc.characterAt(rmap.to_qt(i) + 1)
                assert pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le") == ch
    assert rmap.from_qt(rmap.to_qt(len(document.text))) == len(document.text)


def test_pdf_export_typesets_tables_and_list_labels(qapp: object, tmp_path: Path) -> None:
    import pypdf

    from reader.export import ExportRequest
    from reader.export.pdf import export_pdf

    document = load(_merged_docx(tmp_path))
    out = export_pdf(ExportRequest(document, [], tmp_path / "out.pdf"))
    text = " ".join("".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).split())
    for word in ("Кесте алдында", "біріккен", "тік", "ұя21", "Кестеден кейін"):
        assert text.count(word) == 1  # every cell once, none lost or painted twice
    lists = load(DATA / "pandoc_docx_lists.docx")
    out = export_pdf(ExportRequest(lists, [], tmp_path / "lists.pdf"))
    text = " ".join("".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).split())
    assert "1. one" in text and "• three" in text  # the labels Word shows


def test_built_in_a_worker_thread_and_handed_over(qtbot: QtBot) -> None:
    import threading

    from reader.core.loaders.images import read_image

    document = load(DATA / "pandoc_docx_tables.docx")
    view = RichDocumentView()
    qtbot.addWidget(view)
    target = view.thread()
    built: list[object] = []
    worker = threading.Thread(
        target=lambda: built.append(
            build_rich_document(document, load_image=read_image, thread=target)
        )
    )
    worker.start()
    worker.join(30)
    (build,) = built
    assert build.qdoc.thread() is target  # type: ignore[attr-defined]
    view.show_build(build)  # type: ignore[arg-type]
    view.show()
    qtbot.waitUntil(lambda: view.has_painted)
    assert len(_tables(view)) == len(document.tables) == 3
    start = document.text.index("Basketball")
    view.select_range(start, start + 10)
    assert view.selected_text() == "Basketball"

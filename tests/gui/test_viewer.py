"""DocumentViewer: selection and highlights in str offsets, whatever Qt counts; headings."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFont
from pytestqt.qtbot import QtBot

from reader.core.document import Block, Document
from reader.gui.textmap import TextMap
from reader.gui.viewer import DocumentViewer

TEXT = "Басы 😀😀 Елбасы сөйледі.\nҚазақстан 🇰🇿 халқы\n"


def _viewer(qtbot: QtBot, text: str = TEXT, blocks: tuple[Block, ...] = ()) -> DocumentViewer:
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    viewer.resize(600, 300)
    viewer.show_text(text, TextMap.identity(text), blocks)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer


def test_select_range_selects_the_word_after_emoji(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot)
    start = TEXT.index("Қазақстан")
    viewer.select_range(start, start + len("Қазақстан"))
    assert viewer.textCursor().selectedText() == "Қазақстан"
    assert viewer.selected_range() == (start, start + len("Қазақстан"))


def test_nothing_selected_is_none(qtbot: QtBot) -> None:
    assert _viewer(qtbot).selected_range() is None


def test_layers_are_replaced_independently(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot)
    yellow, green = QColor("yellow"), QColor("green")
    viewer.set_highlights("search", [(0, 4, yellow), (10, 16, yellow)])
    viewer.set_highlights("entities", [(10, 16, green)])
    qtbot.waitUntil(lambda: len(viewer.extraSelections()) == 3)
    viewer.set_highlights("search", [])
    qtbot.waitUntil(lambda: len(viewer.extraSelections()) == 1)
    selections = viewer.extraSelections()
    only = selections[0]
    assert only.format.background().color() == green
    cursor = only.cursor
    assert cursor.selectedText() == TEXT[10:16]


def test_thousands_of_highlights_only_the_visible_ones_go_to_qt(qtbot: QtBot) -> None:
    text = "Елбасы сөйледі.\n" * 20000
    viewer = _viewer(qtbot, text)
    items = [(i * 16, i * 16 + 6, QColor("yellow")) for i in range(20000)]
    viewer.set_highlights("search", items)
    qtbot.waitUntil(lambda: len(viewer.extraSelections()) > 0)
    assert viewer.highlight_count("search") == 20000
    assert len(viewer.extraSelections()) < 2000
    viewer.select_range(19999 * 16, 19999 * 16 + 6)  # scrolls to the end
    qtbot.waitUntil(lambda: _last_highlight_end(viewer) > 300000)


def _last_highlight_end(viewer: DocumentViewer) -> int:
    selections = viewer.extraSelections()  # keep the list alive while reading its cursors
    cursor = selections[-1].cursor
    return cursor.selectionEnd()


def test_offset_at_points_at_the_character_under_the_mouse(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot)
    start = TEXT.index("Елбасы")
    cursor = viewer.textCursor()
    cursor.setPosition(viewer.text_map.to_qt(start) + 2)
    rect = viewer.cursorRect(cursor)
    assert viewer.offset_at(QPoint(rect.left() + 2, rect.center().y())) == start + 2
    below_text = QPoint(5, viewer.viewport().height() - 5)
    assert viewer.offset_at(below_text) is None


def test_headings_are_bold_and_larger(qtbot: QtBot) -> None:
    doc = Document.create(
        "Кіріспе\nМәтін",
        title="t",
        format="markdown",
        blocks=[Block(0, 7, "heading", 1), Block(8, 13)],
    )
    viewer = _viewer(qtbot, doc.text, doc.blocks)
    heading = viewer.document().findBlockByNumber(0)
    body = viewer.document().findBlockByNumber(1)
    fmt = heading.begin().fragment().charFormat()
    assert fmt.fontWeight() == QFont.Weight.Bold
    assert fmt.fontPointSize() > viewer.font().pointSizeF()
    assert body.begin().fragment().charFormat().fontWeight() != QFont.Weight.Bold


def test_zoom_changes_the_font_size(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot)
    before = viewer.font().pointSizeF()
    viewer.set_zoom(3)
    assert viewer.font().pointSizeF() == before + 3
    viewer.set_zoom(0)
    assert viewer.font().pointSizeF() == before


def test_headings_grow_with_zoom_and_follow_the_preferred_font(qtbot: QtBot) -> None:
    doc = Document.create(
        "Кіріспе\nМәтін",
        title="t",
        format="markdown",
        blocks=[Block(0, 7, "heading", 2), Block(8, 13)],
    )
    viewer = _viewer(qtbot, doc.text, doc.blocks)
    preferred = QFont("DejaVu Serif")
    preferred.setPointSize(14)
    viewer.set_base_font(preferred)
    assert viewer.font().pointSizeF() == 14
    assert viewer.font().family() == preferred.family()

    def heading_size() -> float:
        return viewer.document().firstBlock().begin().fragment().charFormat().fontPointSize()

    before = heading_size()
    viewer.set_zoom(4)
    assert viewer.font().pointSizeF() == 18
    assert heading_size() > before


def test_range_highlights_prepared_off_thread_survive_a_map_change(qtbot: QtBot) -> None:
    from reader.gui.textmap import to_qt_ranges

    viewer = _viewer(qtbot)
    start = TEXT.index("Қазақстан")
    prepared = to_qt_ranges(viewer.text_map, [(start, start + 9)])
    viewer.set_range_highlights("search", prepared, QColor("yellow"))
    qtbot.waitUntil(lambda: _highlight_texts(viewer) == ["Қазақстан"])
    stale = to_qt_ranges(TextMap.identity(""), [(start, start + 9)])  # made for another map
    viewer.set_range_highlights("search", stale, QColor("yellow"))
    qtbot.waitUntil(lambda: _highlight_texts(viewer) == ["Қазақстан"])
    viewer.set_range_highlights("search", [], QColor("yellow"))
    assert viewer.highlight_count("search") == 0


def _highlight_texts(viewer: DocumentViewer) -> list[str]:
    selections = viewer.extraSelections()
    texts = []
    for sel in selections:
        cursor = sel.cursor
        texts.append(cursor.selectedText())
    return texts


def _select_with_mouse(viewer: DocumentViewer, start: int, end: int, alt: bool = False) -> None:
    """A selection from ``start`` to ``end`` ended by releasing the left mouse button."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    cursor = QTextCursor(viewer.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    viewer.setTextCursor(cursor)
    mods = Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier
    at = QPointF(viewer.cursorRect(cursor).center())
    release = QMouseEvent(
        QMouseEvent.Type.MouseButtonRelease, at, at, Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton, mods,
    )  # fmt: skip
    QApplication.sendEvent(viewer.viewport(), release)


def test_a_mouse_selection_takes_whole_words_unless_alt_is_held(qtbot: QtBot) -> None:
    text = "Қазақстан Республикасы Орталық Азияда."
    viewer = _viewer(qtbot, text)
    _select_with_mouse(viewer, 3, 14)  # from inside "Қазақстан" to inside "Республикасы"
    start, end = viewer.selected_range() or (0, 0)
    assert text[start:end] == "Қазақстан Республикасы"
    _select_with_mouse(viewer, 3, 14, alt=True)
    start, end = viewer.selected_range() or (0, 0)
    assert start == 3 and end < 22  # free: the words stay cut where the mouse was
    _select_with_mouse(viewer, 10, 22)  # whole words already: left as they are
    start, end = viewer.selected_range() or (0, 0)
    assert text[start:end] == "Республикасы"


def test_lines_keep_a_comfortable_length_centred_in_a_wide_window(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, "сөз " * 400)
    viewer.resize(1600, 600)
    viewer.set_line_length(80)
    margin = viewer.viewportMargins().left()
    column = viewer.viewport().width()
    assert margin > 100 and viewer.viewportMargins().right() == margin
    assert 60 * viewer.fontMetrics().averageCharWidth() < column
    assert column < 100 * viewer.fontMetrics().averageCharWidth()
    viewer.set_line_length(0)  # as wide as the window
    assert viewer.viewportMargins().left() == 0

"""The page view alone: pages drawn, selection to offsets, scrolling to offsets, highlights."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reader.core.document import Document
from reader.core.loaders import load
from reader.gui.page_cache import render_key
from reader.gui.pdf_view import PdfPageView
from reader.gui.pdf_view_parts import (
    PdfOutlinePanel,
    PdfThumbnailPanel,
    PdfToolbarWidget,
    sidebar_for,
)
from reader.gui.view import DocumentView
from tests.core.pdf_make import write_book

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))
PARAGRAPHS = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdfview") / "book.pdf"
    return write_book(path, PARAGRAPHS * 2, header="Заң", footer="Бет #")


@pytest.fixture
def shown(qtbot: QtBot, book: Path) -> Iterator[tuple[PdfPageView, Document]]:
    doc = load(book)
    view = PdfPageView(str(book), document=doc)
    host = QWidget()
    QVBoxLayout(host).addWidget(view)
    qtbot.addWidget(host)
    host.resize(600, 800)
    with qtbot.waitSignal(view.first_painted, timeout=10000):
        host.show()
    yield view, doc  # the host stays alive (it owns the view) until the test ends
    view.close_document()


def grab(view: PdfPageView) -> QImage:
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def mouse(view: PdfPageView, kind: QEvent.Type, at: QPointF) -> None:
    buttons = (
        Qt.MouseButton.NoButton
        if kind == QEvent.Type.MouseButtonRelease
        else (Qt.MouseButton.LeftButton)
    )
    event = QMouseEvent(
        kind,
        at,
        view.viewport().mapToGlobal(at),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_the_view_keeps_the_contract_and_draws_the_first_page(
    shown: tuple[PdfPageView, Document],
) -> None:
    view, _doc = shown
    assert isinstance(view, DocumentView)
    image = grab(view)
    rect = view._page_rect(0).toRect().intersected(image.rect())
    dark = sum(
        1
        for y in range(rect.top(), rect.bottom(), 3)
        for x in range(rect.left(), rect.right(), 3)
        if QColor(image.pixel(x, y)).lightness() < 100
    )
    assert dark > 200  # the page's text is on screen, not a blank page


def test_dragging_over_a_word_selects_it(shown: tuple[PdfPageView, Document]) -> None:
    view, doc = shown
    word = "Елбасының"
    start = doc.text.index(word)
    first, last = view.char_rect(start), view.char_rect(start + len(word) - 1)
    assert first is not None and last is not None
    mouse(view, QEvent.Type.MouseButtonPress, first.center())
    mouse(view, QEvent.Type.MouseMove, last.center())
    mouse(view, QEvent.Type.MouseButtonRelease, last.center())
    assert view.selected_range() == (start, start + len(word))
    assert view.selected_text() == word
    assert view.offset_at(first.center().toPoint()) == start


def test_scroll_to_offset_goes_to_its_page(shown: tuple[PdfPageView, Document]) -> None:
    view, doc = shown
    assert doc.page_map is not None and len(doc.page_map) > 3
    target = doc.page_map.pages[3].start + 20
    view.scroll_to_offset(target)
    assert view.current_page == 3
    rect = view.char_rect(target)
    assert rect is not None and 0 <= rect.top() < view.viewport().height()


def test_a_highlight_is_drawn_over_its_word(
    qtbot: QtBot, shown: tuple[PdfPageView, Document]
) -> None:
    view, doc = shown
    word = "қорытындысы"
    start = doc.text.index(word)
    view.set_highlights("annotations", [(start, start + len(word), QColor(255, 230, 0))])
    assert view.highlight_count("annotations") == 1
    first, last = view.char_rect(start), view.char_rect(start + len(word) - 1)
    assert first is not None and last is not None
    qtbot.wait(50)
    image = grab(view)

    def yellow(x: float, y: float) -> bool:
        c = QColor(image.pixel(QPoint(round(x), round(y))))
        return c.red() > 200 and c.green() > 180 and c.blue() < 90

    y = first.top() + 1.5
    inside = [yellow(x, y) for x in range(round(first.left()) + 1, round(last.right()) - 1)]
    assert sum(inside) > 0.8 * len(inside)
    before = view.char_rect(start - 2)
    assert before is not None and not yellow(before.center().x(), before.top() + 1.5)


def test_toolbar_and_thumbnails_follow_the_view(
    qtbot: QtBot, shown: tuple[PdfPageView, Document]
) -> None:
    view, _doc = shown
    toolbar, panel = PdfToolbarWidget(view), sidebar_for(view)
    assert isinstance(panel, PdfThumbnailPanel)  # the book has no bookmarks
    qtbot.addWidget(toolbar)
    qtbot.addWidget(panel)
    panel.resize(160, 400)
    panel.show()
    toolbar.page_box.setValue(3)
    assert view.current_page == 2 and panel.currentRow() == 2
    panel.itemClicked.emit(panel.item(1))
    assert view.current_page == 1 and toolbar.page_box.value() == 2
    qtbot.waitUntil(lambda: not panel.item(0).icon().isNull(), timeout=5000)
    before = view.renderer  # zooming keeps the view, re-renders at the new scale
    view.set_zoom(3)
    assert view.zoom == 3 and view.renderer is before
    toolbar.fit_page.click()
    assert view.fit == "page" and view.zoom == 0


def test_bookmarks_make_the_sidebar(qtbot: QtBot) -> None:
    path = ROOT / "tests" / "data" / "pdf" / "pypdf-outline-without-title.pdf"
    view = PdfPageView(str(path), document=load(path))
    qtbot.addWidget(view)
    panel = sidebar_for(view)
    qtbot.addWidget(panel)
    assert isinstance(panel, PdfOutlinePanel)
    titles = [panel.topLevelItem(k).text(0) for k in range(panel.topLevelItemCount())]
    assert titles[1:4] == ["Bar", "Baz", "Foo"] and titles[0] == "(untitled)"
    view.close_document()


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_highlight_stays_on_its_word_when_the_page_turns(
    qtbot: QtBot, shown: tuple[PdfPageView, Document], turn: int
) -> None:
    view, doc = shown
    word = "қорытындысы"
    start = doc.text.index(word)
    view.set_highlights("annotations", [(start, start + len(word), QColor(255, 230, 0))])
    view.rotate(turn)
    w, h = view._shown_size(0)
    assert (w > h) == (turn != 180)  # A5 upright is taller than wide
    view.go_to_page(0)
    rect = view.char_rect(start + len(word) // 2)
    assert rect is not None
    key = render_key(0, view._scale * view.devicePixelRatioF(), view.rotation)
    view.viewport().update()
    qtbot.waitUntil(lambda: view.renderer.image(key) is not None, timeout=5000)
    image = grab(view)
    box = rect.toRect().intersected(image.rect())
    pixels = [
        QColor(image.pixel(x, y))
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
    ]
    yellow = [c for c in pixels if c.red() > 200 and c.green() > 180 and c.blue() < 90]
    dark = [c for c in pixels if c.lightness() < 110]
    assert len(yellow) > 0.3 * len(pixels) and dark  # yellow behind the letter, ink on it

"""Each document is shown in its form: PDF pages, a rich view for structured documents,
the plain viewer for text; an encrypted PDF asks for its password; scans are recognised."""

import shutil
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from tests.core.fixtures_docs import write_docx, write_pdf

ROOT = Path(__file__).resolve().parents[2]


def test_a_pdf_opens_as_pages_with_its_tools(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path
) -> None:
    from reader.gui.pdf_view import PdfPageView

    pdf = write_pdf(tmp_path / "a.pdf", ["Бірінші бет Қазақстан", "Екінші бет Астана"])
    session = open_doc(pdf)
    assert isinstance(session.viewer, PdfPageView) and not session.plain
    tools = window.features.page_tools
    assert tools.toolbar.isVisibleTo(window)
    start = session.document.text.index("Астана")
    session.viewer.select_range(start, start + 6)
    assert session.viewer.selected_text() == "Астана"
    window.features.search_bar.activate()
    window.features.search_bar.query_edit.setText("Астана")
    window.features.search_bar.run_search()
    qtbot.waitUntil(lambda: session.viewer.highlight_count("search") == 1, timeout=10000)


def test_a_word_document_opens_in_the_rich_view(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path
) -> None:
    from reader.gui.rich_view import RichDocumentView

    session = open_doc(write_docx(tmp_path / "a.docx"))
    assert isinstance(session.viewer, RichDocumentView)
    assert not window.features.page_tools.toolbar.isVisibleTo(window)


def test_plain_text_keeps_the_plain_viewer(
    window: MainWindow, open_doc: Any, kazakh_file: Path
) -> None:
    assert open_doc(kazakh_file).plain


def test_an_encrypted_pdf_asks_for_its_password(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdf

    plain = write_pdf(tmp_path / "plain.pdf", ["Құпия мәтін"])
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    writer.encrypt("kilt", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    asked: list[str] = []
    answers = iter(["wrong", "kilt"])

    def ask(path: str, reason: str) -> str:
        asked.append(reason)
        return next(answers)

    monkeypatch.setattr(window, "ask_password", ask)
    with qtbot.waitSignal(window.session_list.session_opened, timeout=20000) as blocker:
        window.open_files([str(locked)])
    assert len(asked) == 2 and "not right" in asked[1]
    assert "Құпия" in blocker.args[0].document.text


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract-ocr")
def test_a_scanned_pdf_gets_its_text_recognised(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path
) -> None:
    scan = tmp_path / "scan.pdf"
    shutil.copy(ROOT / "tests" / "data" / "pdf" / "scan-kk.pdf", scan)
    open_doc(scan)
    qtbot.waitUntil(
        lambda: bool(window.sessions()) and "Елбасы" in window.sessions()[0].document.text,
        timeout=120000,
    )

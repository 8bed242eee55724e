"""File > Export Annotated Copy: the current document with its highlights, notes and entity
index, written in the background; cancel and failure leave nothing behind."""

import subprocess
import threading
from pathlib import Path
from typing import Any

import pypdf
import pytest
from docx import Document as WordDocument
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

import reader.export
from reader.export.common import check_cancel
from reader.gui.annotate import AnnotationController
from reader.gui.main_window import MainWindow
from reader.gui.session import DocumentSession

NOTE = "Астана туралы ескерту"


def _annotate(qtbot: QtBot, window: MainWindow, session: DocumentSession, mp: Any) -> None:
    """Highlight Астанада with a note, as the user would (select, N, type the note)."""
    controller = window.features.annotations
    qtbot.waitUntil(lambda: controller.is_loaded(session))
    start = session.document.text.index("Астанада")
    session.viewer.select_range(start, start + len("Астанада"))
    mp.setattr(AnnotationController, "ask_note", lambda *a, **k: NOTE)
    controller.edit_note()
    assert [a.note for a in controller.annotations(session).attached] == [NOTE]


def _wait_entities(qtbot: QtBot, window: MainWindow, session: DocumentSession) -> None:
    qtbot.waitUntil(lambda: window.features.entity_panel.model.is_known(session), timeout=20000)


def _export(qtbot: QtBot, window: MainWindow, mp: Any, out: Path) -> str:
    mp.setattr(window.features.exporter, "ask_path", lambda session: str(out))
    with qtbot.waitSignal(window.features.exporter.exported, timeout=20000) as done:
        window.features.exporter.action.trigger()
    return str(done.args[0])


def test_pdf_copy_has_the_highlight_note_and_entity_index(
    language: Any, qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    language("en")
    session = open_doc(kazakh_file)
    _annotate(qtbot, window, session, monkeypatch)
    _wait_entities(qtbot, window, session)
    out = tmp_path / "copy.pdf"
    assert _export(qtbot, window, monkeypatch, out) == str(out)
    reader = pypdf.PdfReader(out)
    annots = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    highlights = [a for a in annots if a["/Subtype"] == "/Highlight"]
    assert [h["/Contents"] for h in highlights] == [NOTE]
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Index of entities" in text
    assert "Қазақстан Республикасы (Country or settlement) — 3 mentions, page 1" in text
    assert "Exported to" in window.statusBar().currentMessage()
    assert window.features.exporter.action.isEnabled()


def test_docx_copy_without_index_when_the_user_turns_it_off(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    session = open_doc(kazakh_file)
    _annotate(qtbot, window, session, monkeypatch)
    _wait_entities(qtbot, window, session)
    window.features.exporter.index_action.setChecked(False)
    out = tmp_path / "copy.docx"
    _export(qtbot, window, monkeypatch, out)
    word = WordDocument(str(out))
    assert [c.text for c in word.comments] == [NOTE]
    texts = [p.text for p in word.paragraphs]
    assert any("Астанада" in t for t in texts)
    assert not any("Index of entities" in t for t in texts)


def test_index_speaks_the_interface_language(
    language: Any, qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    language("kk")
    session = open_doc(kazakh_file)
    _wait_entities(qtbot, window, session)
    out = tmp_path / "көшірме.docx"
    _export(qtbot, window, monkeypatch, out)
    texts = [p.text for p in WordDocument(str(out)).paragraphs]
    assert "Атаулар көрсеткіші" in texts
    assert "Қазақстан Республикасы (Ел не елді мекен) — 3 рет аталған" in texts
    language("ru")
    assert window.features.exporter.wording([]).mentions(5) == "5 упоминаний"
    assert window.features.exporter.wording([]).pages((1, 4)) == "с. 1, 4"


def test_cancel_writes_nothing_and_says_so(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    open_doc(kazakh_file)
    started = threading.Event()

    def slow_export(request: reader.export.ExportRequest) -> Path:
        assert request.cancel is not None
        started.set()
        request.cancel.wait(10)
        check_cancel(request.cancel)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(reader.export, "export_copy", slow_export)
    out = tmp_path / "never.pdf"
    monkeypatch.setattr(window.features.exporter, "ask_path", lambda session: str(out))
    window.features.exporter.action.trigger()
    assert window.features.exporter.is_busy() and not window.features.exporter.action.isEnabled()
    assert started.wait(5)
    progress = window.features.exporter._progress
    assert progress is not None
    progress.findChild(QPushButton).click()  # the progress dialog's Cancel button
    qtbot.waitUntil(lambda: not window.features.exporter.is_busy(), timeout=5000)
    assert not out.exists()
    assert "was not written" in window.statusBar().currentMessage()
    assert not window.features.exporter.is_busy() and window.features.exporter.action.isEnabled()


def test_export_onto_the_document_itself_is_refused(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    original = tmp_path / "report.docx"
    word = WordDocument()
    word.add_paragraph("Қазақстан Республикасы")
    word.save(str(original))
    before = original.read_bytes()
    open_doc(original)
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    monkeypatch.setattr(window.features.exporter, "ask_path", lambda session: str(original))
    window.features.exporter.action.trigger()
    assert errors and "replace the document itself" in errors[0]
    assert original.read_bytes() == before


def test_unwritable_folder_is_one_line_error(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    open_doc(kazakh_file)
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    monkeypatch.setattr(
        window.features.exporter, "ask_path", lambda s: str(tmp_path / "no" / "x.pdf")
    )
    with qtbot.waitSignal(window.features.exporter.export_failed, timeout=10000):
        window.features.exporter.action.trigger()
    assert len(errors) == 1 and "does not exist" in errors[0] and "\n" not in errors[0]
    assert not (tmp_path / "no").exists()


def test_save_dialog_adds_the_suffix_of_the_chosen_format(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    session = open_doc(kazakh_file)
    seen: list[str] = []

    def fake_dialog(
        _parent: Any, _title: str, suggested: str, filters: str, _chosen: str = ""
    ) -> tuple[str, str]:
        seen.append(suggested)
        return str(tmp_path / "bez-kengeitu"), filters.split(";;")[1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    assert window.features.exporter.ask_path(session) == str(tmp_path / "bez-kengeitu.docx")
    assert seen == [str(kazakh_file.with_name("qazaq-annotated.pdf"))]


def test_export_dialog_remembers_the_last_folder_and_format(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path, tmp_path: Path
) -> None:
    session = open_doc(kazakh_file)
    exporter = window.features.exporter
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    with qtbot.waitSignal(exporter.exported, timeout=20000):
        exporter.export(session, str(elsewhere / "copy.docx"))
    assert exporter.suggested_path(session) == (str(elsewhere / "qazaq-annotated.docx"), ".docx")
    # kept across runs: a new window on the same data folder starts there too
    from reader.gui.features import build_window

    second = build_window(window.ctx)
    qtbot.addWidget(second)
    assert second.features.exporter.suggested_path(session)[0].startswith(str(elsewhere))


def test_export_action_needs_a_document(window: MainWindow) -> None:
    assert not window.features.exporter.action.isEnabled()
    assert window.features.exporter.action in window.menus["file"].actions()


def test_orphaned_annotations_left_out_of_the_copy_are_counted(
    language: Any, qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from reader.core.annotations import AnnotationRepository, new_annotation

    language("en")
    path = tmp_path / "doc.txt"
    old = "Бірінші жол өзгермейді.\nЕкінші жол жойылады мүлдем.\n"
    repo = AnnotationRepository(window.ctx.store)
    for needle in ("өзгермейді", "Екінші жол жойылады"):
        s = old.index(needle)
        repo.save(new_annotation(old, s, s + len(needle), note="ескерту"), str(path))
    path.write_text("Жаңа бас.\nБірінші жол өзгермейді.\n", encoding="utf-8")
    session = open_doc(path)
    qtbot.waitUntil(lambda: window.features.annotations.is_loaded(session))
    _export(qtbot, window, monkeypatch, tmp_path / "copy.docx")
    assert [c.text for c in WordDocument(str(tmp_path / "copy.docx")).comments] == ["ескерту"]
    assert "(1 orphaned annotation left out: it no longer" in window.statusBar().currentMessage()


def test_a_pdf_exported_to_word_says_the_layout_is_not_kept(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path
) -> None:
    from tests.core.fixtures_docs import write_pdf

    session = open_doc(write_pdf(tmp_path / "src.pdf", ["Қазақстан туралы мәтін"]))
    exporter = window.features.exporter
    assert "not kept" in exporter.layout_note(session, str(tmp_path / "copy.docx"))
    assert exporter.layout_note(session, str(tmp_path / "copy.pdf")) == ""  # the original


def test_dates_join_the_index_when_the_user_asks_and_the_choice_is_kept(
    language: Any, qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    language("en")
    source = tmp_path / "visit.txt"
    source.write_text(
        "Қасым-Жомарт Тоқаев 2021 жылғы 5 қаңтарда Астанада кеңес өткізді.\n", encoding="utf-8"
    )
    session = open_doc(source)
    _wait_entities(qtbot, window, session)
    exporter = window.features.exporter
    assert exporter.index_action.isChecked() and not exporter.index_dates_action.isChecked()

    def index(out: Path) -> list[str]:
        _export(qtbot, window, monkeypatch, out)
        texts = [p.text for p in WordDocument(str(out)).paragraphs]
        return texts[texts.index("Index of entities") + 1 :]

    assert not any("(Date)" in t for t in index(tmp_path / "names.docx"))
    exporter.index_dates_action.setChecked(True)
    assert "2021 жылғы 5 қаңтарда (Date) — 1 mention" in index(tmp_path / "dates.docx")
    exporter.index_action.setChecked(False)
    assert not exporter.index_dates_action.isEnabled()  # no index, so no dates in it
    # The next start remembers both choices (export.json beside the last folder).
    from reader.gui.export_controller import ExportController

    again = ExportController(
        window.ctx.tasks, window.session_list, window, parent=window,
        annotations_of=window.features.annotations.annotations,
        entities_of=window.features.entity_panel.known_entities,
        memory=window.ctx.paths.config / "export.json",
    )  # fmt: skip
    assert not again.index_action.isChecked() and again.index_dates_action.isChecked()

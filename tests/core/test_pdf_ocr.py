"""Scanned pages become text (Tesseract), cached; encrypted PDFs open with their password."""

import difflib
import re
import shutil
from pathlib import Path

import pytest

from reader.core import pdf_ocr
from reader.core.errors import CancelledError, PasswordRequiredError
from reader.core.loaders import load
from reader.core.loaders.pdf import failed_pages_message
from reader.core.pdf_map import PageMap
from tests.core.fixtures_docs import write_pdf

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf"
SCAN = DATA / "scan-kk.pdf"
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="no tesseract")


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def word_accuracy(truth: str, got: str) -> float:
    """Share of the printed words that came back, in order (difflib's alignment)."""
    a, b = words(truth), words(got)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def test_a_scan_is_listed_as_scanned_and_has_no_text_yet() -> None:
    doc = load(SCAN)
    assert doc.page_map is not None and doc.page_map.scanned == (0,)
    assert doc.text == ""


@needs_tesseract
def test_scanned_page_is_recognised_with_boxes_and_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = load(SCAN)
    seen: list[tuple[int, int]] = []
    done = pdf_ocr.recognise(doc, cache_dir=tmp_path, progress=lambda a, b: seen.append((a, b)))
    truth = (DATA / "scan-kk.txt").read_text(encoding="utf-8")
    assert word_accuracy(truth, done.text) > 0.7
    assert seen == [(1, 1)]
    pm = done.page_map
    assert isinstance(pm, PageMap) and pm.scanned == () and pm.pages[0].source == "ocr"
    at = done.text.index("Республикасының")
    (page, rect), *_ = pm.line_rects(at, at + len("Республикасының"))
    width, height = pm.pages[0].size()
    assert page == 0 and 0 < rect[0] < rect[2] < width and 0 < rect[1] < rect[3] < height

    def no_tesseract(*_a: object, **_k: object) -> str:
        raise AssertionError("the second open must come from the cache")

    monkeypatch.setattr(pdf_ocr, "run_tesseract", no_tesseract)
    again = pdf_ocr.recognise(load(SCAN), cache_dir=tmp_path)
    assert again.text == done.text


@needs_tesseract
def test_cancelled_recognition_raises_and_leaves_no_cache(tmp_path: Path) -> None:
    import threading

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        pdf_ocr.recognise(load(SCAN), cache_dir=tmp_path, cancel=cancel)
    assert not list(tmp_path.rglob("*.json"))


def test_without_tesseract_the_reason_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_ocr.shutil, "which", lambda _name: None)
    with pytest.raises(pdf_ocr.OcrUnavailableError, match="tesseract-ocr-kaz"):
        pdf_ocr.recognise(load(SCAN), cache_dir=tmp_path)


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pypdf import PdfReader, PdfWriter

    folder = tmp_path_factory.mktemp("locked")
    plain = write_pdf(folder / "plain.pdf", ["Абай Құнанбайұлы ақын.", "Екінші бет."])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="qupiya-42", owner_password="owner", algorithm="RC4-128")
    path = folder / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def test_encrypted_pdf_asks_for_its_password(locked: Path) -> None:
    with pytest.raises(PasswordRequiredError, match="protected by a password"):
        load(locked)
    with pytest.raises(PasswordRequiredError, match="not right"):
        load(locked, password="wrong")
    doc = load(locked, password="qupiya-42")
    assert "Абай Құнанбайұлы ақын." in doc.text and doc.page_map is not None
    assert len(doc.page_map) == 2


def test_cli_text_takes_the_password(locked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    assert main(["text", str(locked)]) == 1
    assert "password" in capsys.readouterr().err
    assert main(["text", str(locked), "--password", "qupiya-42", "--no-ocr"]) == 0
    assert "Абай" in capsys.readouterr().out


def test_failed_pages_are_said_in_words() -> None:
    from reader.core.pdf_map import empty_page

    pages = tuple(empty_page(0, (0, 0, 10, 10), 0, "failed") for _ in range(9))
    assert failed_pages_message(PageMap(pages, failed=(2, 6, 7, 8))) == (
        "Pages 3, 7-9 could not be read and are shown blank"
    )

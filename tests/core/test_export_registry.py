"""The registry of copy writers: which writer a document and a target suffix get."""

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.annotations import Annotation
from reader.core.document import Document
from reader.core.errors import ExportError
from reader.export import (
    ExportRequest,
    check_suffix,
    export_copy,
    keeps_layout,
    preload,
    writer_for,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["copy.xlsx", "copy", "copy.pdf.txt"])
def test_unknown_output_suffix_names_the_formats(name: str) -> None:
    with pytest.raises(ExportError, match=r"\.pdf or \.docx"):
        check_suffix(name)
    assert check_suffix("Copy.PDF") == "PDF" and check_suffix("c.docx") == "DOCX"


def test_export_copy_picks_the_writer_from_the_suffix(tmp_path: Path) -> None:
    import docx

    doc = Document.create("Қазақ тілі", title="t", format="text")
    request = ExportRequest(doc, [Annotation("a", 0, 5, "Қазақ", note="тіл")], tmp_path / "c.DOCX")
    out = export_copy(request)
    assert [c.text for c in docx.Document(str(out)).comments] == ["тіл"]
    with pytest.raises(ExportError):
        export_copy(ExportRequest(doc, [], tmp_path / "c.html"))
    assert [p.name for p in tmp_path.iterdir()] == ["c.DOCX"]


def test_a_pdf_to_pdf_keeps_its_pages_and_every_other_copy_is_typeset() -> None:
    assert writer_for("pdf", "a.pdf").module == "reader.export.pdf_copy"
    assert keeps_layout("pdf", "a.PDF")
    assert not keeps_layout("pdf", "a.docx")  # the dialog says the layout is not kept
    assert not keeps_layout("docx", "a.pdf") and not keeps_layout("text", "a.pdf")
    assert writer_for("text", "a.pdf").module == "reader.export.pdf"


def test_importing_the_registry_loads_no_writer_and_no_qt() -> None:
    code = (
        "import sys; import reader.export, reader.export.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'docx', 'pypdf'))"
        " or m in ('reader.export.pdf', 'reader.export.docx', 'reader.export.pdf_copy')]\n"
        "print(bad)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"


def test_preload_of_a_writer_without_qt_does_not_load_qt() -> None:
    code = "import sys; from reader.export import preload; preload('text', 'a.docx')\n"
    code += "print('PySide6' in sys.modules, 'reader.export.docx' in sys.modules)\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split() == ["False", "True"]


def test_preload_refuses_a_suffix_we_do_not_write() -> None:
    with pytest.raises(ExportError):
        preload("pdf", "a.odt")

"""The compiled catalogues translate the core's error details through Qt, as the GUI does."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QTranslator
from reader.core.errors import CONTEXT, ReaderError, describe
from reader.core.loaders import load
from reader.core.paths import resources_dir

app = QCoreApplication([])
translator = QTranslator()
assert translator.load(str(resources_dir() / "i18n" / f"oqyrman_{sys.argv[1]}.qm"))
app.installTranslator(translator)
try:
    load(sys.argv[2])
except ReaderError as exc:
    sys.stdout.buffer.write(str(exc).encode() + b"\\n")
    translated = describe(exc, lambda s: QCoreApplication.translate(CONTEXT, s))
    sys.stdout.buffer.write(translated.encode() + b"\\n")
"""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", "cut.pdf: соңы қиылған PDF (файл соңының белгісі жоқ)"),
        ("ru", "cut.pdf: обрезанный PDF (нет метки конца файла)"),
    ],
)
def test_truncated_pdf_message_in_the_interface_language(
    tmp_path: Path, lang: str, expected: str
) -> None:
    pdf = tmp_path / "cut.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, lang, str(pdf)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr.decode()
    english, translated = out.stdout.decode("utf-8").splitlines()
    assert english == "cut.pdf: is a truncated PDF (its end-of-file marker is missing)"
    assert translated == expected

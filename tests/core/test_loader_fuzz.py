"""Fuzz every loader with random and mutated bytes: a Document or a ReaderError, nothing else.

Seeds are valid files of each format; mutations flip, insert, delete and truncate bytes. For
zip formats a member is also mutated and re-zipped, so the XML inside gets fuzzed too.
"""

import codecs
import io
import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from fixtures_docs import FB2_SAMPLE, write_docx, write_epub, write_odt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.loaders import load

SETTINGS = settings(
    max_examples=int(os.environ.get("OQYRMAN_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

TEXT_SEEDS = {
    ".txt": "Жиын қорытындысы бойынша Елбасы.\r\nҮкімет.".encode("kz1048"),
    ".md": "# Тақырып\n\nМәтін *мұнда*.\n\nЕкінші\n---\n```\nкод\n```\n".encode(),
    ".html": "<html><head><title>Т</title></head><body><h1>Ә</h1><p>a<br>б</p>"
    "<table><tr><td>ұ</td></tr></table><pre> x</pre></body></html>".encode(),
    ".xhtml": '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
    "<p>қ</p></body></html>".encode(),
    ".xml": '<?xml version="1.0" encoding="utf-8"?><r><t>ә <b>б</b> в</t><x/></r>'.encode(),
    ".fb2": FB2_SAMPLE.encode(),
    ".rtf": (
        rb"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0\fcharset204 T;}}{\info{\title \'cf}}"
        rb"\pard\outlinelevel0 \u1179?\'cf\par\uc2\u1241\'3f\'3f{\*\x y}\line\cell\row\bin3 abc}"
    ),
}


# Text in the encodings detection must tell apart (issue 11), and markup that only a
# recovering parse reads: mutations of these walk the new code paths.
_TURKISH = "Türkiye'nin başkenti Ankara'dır; öğrenciler okula gidiyor.\n"
_RUSSIAN = "Правительство рассмотрело вопросы развития регионов.\n"
ENCODING_SEEDS = {
    "utf-16-le": (_RUSSIAN * 4).encode("utf-16-le"),
    "utf-32-be": (_RUSSIAN * 4).encode("utf-32-be"),
    "cp1254": (_TURKISH * 4).encode("cp1254"),
    "gb18030": "北京是中华人民共和国的首都。\n".encode("gb18030") * 4,
    "iso2022_jp": "日本語のテキストです。\n".encode("iso2022_jp") * 4,
    "mac_cyrillic": (_RUSSIAN * 4).encode("mac_cyrillic"),
    "cp855": (_RUSSIAN * 4).encode("cp855"),
}
RECOVER_SEEDS = {
    ".xml": b'<?xml version="1.0" encoding="IBM855"?><r><a>'
    + _RUSSIAN.encode("cp855")
    + b"</b> &x; <c>z</r>",
    ".fb2": FB2_SAMPLE.encode()[: len(FB2_SAMPLE.encode()) * 2 // 3],
    ".xhtml": b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>a &nbsp; <b>',
    ".html": b"<!DOCTYPE html><!-- only a comment --><!-- and another",
}
CHOSEN = ["cp1251", "kz1048", "utf-16", "utf-8", "shift_jis", "ascii"]


def _zip_seeds() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        return {
            ".docx": write_docx(base / "s.docx").read_bytes(),
            ".odt": write_odt(base / "s.odt").read_bytes(),
            ".epub": write_epub(base / "s.epub").read_bytes(),
        }


ZIP_SEEDS = _zip_seeds()
INNER = {".docx": "word/document.xml", ".odt": "content.xml", ".epub": "OEBPS/text/ch1.xhtml"}


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 32))]
        else:
            del data[at:]
    return bytes(data)


def rezipped(seed: bytes, member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = content if info.filename == member else src.read(info)
            dst.writestr(info, data)
    return out.getvalue()


def load_bytes(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            doc = load(path)
        except ReaderError as exc:
            assert str(exc) and "\n" not in str(exc)
        else:
            assert isinstance(doc, Document)
            assert all(str(w) and "\n" not in str(w) for w in doc.warnings)


@pytest.mark.parametrize("suffix", sorted(TEXT_SEEDS))
def test_text_formats_survive_fuzzing(suffix: str) -> None:
    seed = TEXT_SEEDS[suffix]

    @SETTINGS
    @given(st.one_of(st.binary(max_size=512), mutated(seed)))
    def run(data: bytes) -> None:
        load_bytes(suffix, data)

    run()


@pytest.mark.parametrize("name", sorted(ENCODING_SEEDS))
def test_encoding_detection_survives_fuzzing(name: str) -> None:
    """Detected or chosen, any encoding gives a Document or a ReaderError."""

    @SETTINGS
    @given(mutated(ENCODING_SEEDS[name]), st.one_of(st.none(), st.sampled_from(CHOSEN)))
    def run(data: bytes, chosen: str | None) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fuzz.txt"
            path.write_bytes(data)
            try:
                doc = load(path, encoding=chosen)
            except ReaderError as exc:
                assert str(exc) and "\n" not in str(exc)
            else:
                assert chosen is None or str(doc.encoding).startswith(codecs.lookup(chosen).name)

    run()


@pytest.mark.parametrize("suffix", sorted(RECOVER_SEEDS))
def test_recovering_parse_survives_fuzzing(suffix: str) -> None:
    @SETTINGS
    @given(mutated(RECOVER_SEEDS[suffix]))
    def run(data: bytes) -> None:
        load_bytes(suffix, data)

    run()


@pytest.mark.parametrize("suffix", sorted(ZIP_SEEDS))
def test_zip_formats_survive_fuzzing(suffix: str) -> None:
    seed = ZIP_SEEDS[suffix]
    with zipfile.ZipFile(io.BytesIO(seed)) as zf:
        inner = zf.read(INNER[suffix])

    @SETTINGS
    @given(
        st.one_of(
            mutated(seed),
            mutated(inner).map(lambda content: rezipped(seed, INNER[suffix], content)),
        )
    )
    def run(data: bytes) -> None:
        load_bytes(suffix, data)

    run()


@pytest.mark.log_warnings_expected  # a mutated page is reported as unreadable, as it should
def test_pdf_survives_fuzzing(pdf_three_pages: Path) -> None:
    seed = pdf_three_pages.read_bytes()

    @SETTINGS
    @given(st.one_of(mutated(seed), st.binary(max_size=256).map(lambda b: b"%PDF-1.4\n" + b)))
    def run(data: bytes) -> None:
        load_bytes(".pdf", data)

    run()


def test_a_nul_byte_in_rtf_is_dropped_not_taken_for_a_note_mark(tmp_path: Path) -> None:
    """The RTF loader marks footnote references with NUL internally; a NUL in the file
    itself crashed it (found by the fuzzer above)."""
    from reader.core.loaders import load

    path = tmp_path / "nul.rtf"
    path.write_bytes(b"{\\rtf1 Hello\x00 world}")
    assert load(path).text == "Hello world"

"""Bad input: each case fails with a one-line ReaderError naming the file, quickly, in bounded
memory, and hostile markup never leaks a local file or expands an entity bomb."""

import json
import random
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures_docs import KAZAKH, lie_about_sizes, write_docx, write_epub, write_odt, zip_bomb

from reader.core.errors import (
    CancelledError,
    CorruptDocumentError,
    DocumentTooLargeError,
    FileAccessError,
    PasswordRequiredError,
    ReaderError,
    UnsupportedFormatError,
)
from reader.core.loaders import load

Write = Callable[[str, bytes | str], Path]
ROOT = Path(__file__).resolve().parents[2]


def refused(path: Path, error: type[ReaderError] = ReaderError) -> str:
    """Load ``path`` expecting ``error``; return its message after checking it is one line."""
    with pytest.raises(error) as info:
        load(path)
    message = str(info.value)
    assert message and "\n" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "нет.txt", FileAccessError)


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "book.docx"
    folder.mkdir()
    assert "is a folder" in refused(folder, FileAccessError)


def test_unknown_format(write_file: Write) -> None:
    assert "cannot open" in refused(write_file("x.xyz", "hello"), UnsupportedFormatError)


@pytest.mark.parametrize(
    "suffix", [".txt", ".md", ".html", ".xml", ".fb2", ".docx", ".odt", ".rtf", ".epub", ".pdf"]
)
def test_random_bytes_in_every_format(write_file: Write, suffix: str) -> None:
    data = random.Random(suffix).randbytes(20_000)
    assert f"noise{suffix}" in refused(write_file(f"noise{suffix}", data))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".xhtml", ".xml", ".fb2", ".rtf"])
def test_empty_text_formats_are_empty_documents(write_file: Write, suffix: str) -> None:
    doc = load(write_file(f"empty{suffix}", b""))
    assert doc.text == "" and doc.blocks == ()


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".epub", ".pdf"])
def test_empty_container_formats_are_corrupt(write_file: Write, suffix: str) -> None:
    assert "is empty" in refused(write_file(f"empty{suffix}", b""), CorruptDocumentError)


def test_docx_that_is_really_a_pdf(write_file: Write, pdf_three_pages: Path) -> None:
    fake = write_file("letter.docx", pdf_three_pages.read_bytes())
    message = refused(fake, CorruptDocumentError)
    assert message == "letter.docx: is not a DOCX file (it looks like a PDF document)"


def test_docx_that_is_some_other_zip(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "not word")
    assert "not a Word document" in refused(path, CorruptDocumentError)


def test_pdf_that_is_really_a_docx(tmp_path: Path) -> None:
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(write_docx(tmp_path / "real.docx").read_bytes())
    message = refused(fake, CorruptDocumentError)
    assert message == "scan.pdf: is not a PDF file (it looks like a zip archive)"


def test_old_word_file_renamed_to_docx_says_so(write_file: Write) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    message = refused(write_file("old.docx", ole), CorruptDocumentError)
    assert "old Word" in message


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_docx(tmp_path: Path, keep: float) -> None:
    data = write_docx(tmp_path / "whole.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: int(len(data) * keep)])
    assert "cut.docx" in refused(cut, CorruptDocumentError)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf(tmp_path: Path, pdf_three_pages: Path, keep: float) -> None:
    data = pdf_three_pages.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * keep)])
    assert "cut.pdf" in refused(cut, CorruptDocumentError)


def test_encrypted_pdf(tmp_path: Path, pdf_three_pages: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(pdf_three_pages))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    assert "password" in refused(path, PasswordRequiredError)


def test_zip_bomb_with_honest_headers_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.docx", size=64 << 20)  # 64 MB of zeros, ~1000:1
    assert "zip bomb" in refused(bomb, DocumentTooLargeError)


def test_declared_size_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "huge.docx")
    lie_about_sizes(path, "word/document.xml", 0xFFFF_FFF0)  # claims 4 GB
    assert "zip bomb" in refused(path, DocumentTooLargeError)


def test_lying_small_header_cannot_inflate_past_its_claim(tmp_path: Path) -> None:
    """The member says 2 KB, really inflates to 64 MB: stopped at the claim, not read on."""
    bomb = zip_bomb(tmp_path / "liar.docx", size=64 << 20)
    lie_about_sizes(bomb, "word/document.xml", 2048)
    assert "liar.docx" in refused(bomb, CorruptDocumentError)


SECRET = "TOP-SECRET-7d1f"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def xxe(secret: Path, root: str = "r", body: str = "&xxe;") -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        f"<{root}>{body}</{root}>"
    )


@pytest.mark.parametrize("suffix", [".xml", ".xhtml", ".html", ".fb2"])
def test_external_entity_is_never_resolved(
    write_file: Write, secret_file: Path, suffix: str
) -> None:
    path = write_file(f"evil{suffix}", xxe(secret_file, "html" if "htm" in suffix else "r"))
    try:
        doc = load(path)
    except CorruptDocumentError as exc:
        assert SECRET not in str(exc) and "entities" in str(exc)
    else:
        assert SECRET not in doc.text and SECRET not in doc.title


def test_external_entity_in_docx_is_never_resolved(tmp_path: Path, secret_file: Path) -> None:
    path = write_docx(tmp_path / "evil.docx")
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "' + secret_file.as_uri().encode()
        + b'">]>', 1
    ).replace("Басты тақырып".encode(), b"&xxe;")  # fmt: skip
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    message = refused(path, CorruptDocumentError)
    assert SECRET not in message and "entities" in message


def test_external_entity_in_odt_and_epub(tmp_path: Path, secret_file: Path) -> None:
    odt = write_odt(tmp_path / "evil.odt", content=xxe(secret_file, "office:document-content"))
    assert SECRET not in refused(odt, CorruptDocumentError)
    epub = write_epub(tmp_path / "evil.epub", chapter=xxe(secret_file, "html"))
    assert SECRET not in refused(epub, CorruptDocumentError)


def billion_laughs(levels: int = 10) -> str:
    lines = ['<!ENTITY lol0 "lol">']
    lines += [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]  # 10**9 "lol"s at level 9
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(lines)}]>\n<lolz>&lol{levels - 1};</lolz>'
    )


@pytest.mark.parametrize("suffix", [".xml", ".html", ".xhtml", ".fb2"])
def test_billion_laughs_does_not_expand(write_file: Write, suffix: str) -> None:
    path = write_file(f"lol{suffix}", billion_laughs())
    try:
        doc = load(path)
    except CorruptDocumentError as exc:
        assert "entities" in str(exc)
    else:
        assert "lollol" not in doc.text and len(doc.text) < 10_000


_CHILD = """
import json, sys, time
from reader.core.loaders import load
from reader.core.errors import CorruptDocumentError, ReaderError
results = {}
for name in sys.argv[1:]:
    start = time.monotonic()
    try:
        load(name)
        outcome = "loaded"
    except ReaderError as exc:
        outcome = "refused" if isinstance(exc, CorruptDocumentError) else type(exc).__name__
    results[name] = [outcome, time.monotonic() - start]
# VmHWM is this process's own peak: ru_maxrss would carry the parent's peak over the exec.
with open("/proc/self/status") as fh:
    peak_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
print(json.dumps({"results": results, "peak_mb": peak_kb / 1024}))
"""


def test_hostile_files_fail_fast_in_bounded_memory(tmp_path: Path) -> None:
    """All the bombs in one child process: refused, within seconds, peak RSS well under 1 GB."""
    bomb = zip_bomb(tmp_path / "bomb.docx", size=200 << 20)
    liar = zip_bomb(tmp_path / "liar.docx", size=200 << 20)
    lie_about_sizes(liar, "word/document.xml", 4096)
    laughs = tmp_path / "lol.xml"
    laughs.write_text(billion_laughs(), encoding="utf-8")
    noise = tmp_path / "noise.txt"
    noise.write_bytes(random.Random(1).randbytes(5 << 20))
    files = [str(p) for p in (bomb, liar, laughs, noise)]
    for suffix in (".txt", ".md", ".html", ".xml", ".fb2", ".rtf", ".pdf", ".docx"):
        huge = tmp_path / f"zeros{suffix}"  # 400 MB of NULs (sparse): refused from the head
        with open(huge, "wb") as fh:
            fh.truncate(400 << 20)
        files.append(str(huge))
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    report = json.loads(out.stdout)
    print(report)  # shown with -s: the figures for the record
    for name in files:
        outcome, seconds = report["results"][name]
        assert outcome == "refused", name
        assert seconds < 10, name
    assert report["peak_mb"] < 1024
    assert report["peak_mb"] < 200  # either bomb, once inflated, would alone need 200 MB


def test_one_line_messages_name_the_file(write_file: Write) -> None:
    path = write_file("Кітап.docx", KAZAKH)
    assert refused(path, CorruptDocumentError).startswith("Кітап.docx: ")


def test_entity_bomb_inside_a_docx_is_refused_without_expansion(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "lol.docx")
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    bomb = billion_laughs().encode()
    members["word/document.xml"] = bomb
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    assert "entities" in refused(path, CorruptDocumentError)


def test_cancelling_stops_pdf_and_epub_loading(tmp_path: Path, pdf_three_pages: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    for path in (pdf_three_pages, write_epub(tmp_path / "b.epub"), write_docx(tmp_path / "d.docx")):
        with pytest.raises(CancelledError):
            load(path, cancel=cancel)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("deep.xml", "<a>" * 50_000 + "x" + "</a>" * 50_000),
        ("deep.html", "<div>" * 50_000 + "x" + "</div>" * 50_000),
        (
            "deep.fb2",
            "<FictionBook>" + "<section>" * 50_000 + "</section>" * 50_000 + "</FictionBook>",
        ),
        ("deep.rtf", r"{\rtf1 " + "{" * 100_000 + "x" + "}" * 100_000 + "}"),
    ],
)
def test_absurdly_deep_nesting_is_handled(write_file: Write, name: str, data: str) -> None:
    """Either shown or refused in one line; never a RecursionError or a hang."""
    try:
        doc = load(write_file(name, data))
    except CorruptDocumentError as exc:
        assert "\n" not in str(exc) and name in str(exc)
    else:
        assert len(doc.text) <= 1


def test_zip_directory_listing_too_many_files_is_refused(tmp_path: Path) -> None:
    """Millions of tiny members would cost gigabytes to list: refused from the directory size."""
    path = write_docx(tmp_path / "many.docx")
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8 : end + 12] = (60_000).to_bytes(2, "little") * 2  # entries here and in total
    path.write_bytes(bytes(data))
    assert "60000 files" in refused(path, DocumentTooLargeError)


@pytest.mark.parametrize("suffix", [".xml", ".html", ".fb2"])
def test_markup_too_big_to_parse_safely_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"big{suffix}"
    with open(path, "wb") as fh:
        fh.write(b"<r>" + b" " * 10_000)
        fh.truncate(60 << 20)  # sparse: no disk, no time
    assert "up to 48 MB" in refused(path, DocumentTooLargeError)


def fake_encrypted_ooxml(path: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE (CFB) container whose
    directory names an EncryptedPackage stream (the rest is noise here)."""
    sector = bytearray(512)
    sector[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    directory = bytearray(512)
    for i, name in enumerate(("Root Entry", "EncryptionInfo", "EncryptedPackage")):
        directory[i * 128 : i * 128 + 2 * len(name)] = name.encode("utf-16-le")
    path.write_bytes(bytes(sector) + bytes(directory) + random.Random(1).randbytes(4096))
    return path


def test_password_protected_docx_is_said_to_be_encrypted(tmp_path: Path) -> None:
    message = refused(fake_encrypted_ooxml(tmp_path / "secret.docx"), CorruptDocumentError)
    assert "secret.docx" in message and "password-protected" in message
    assert "old Word" not in message


def test_password_protected_odt_is_said_to_be_encrypted(tmp_path: Path) -> None:
    path = write_odt(tmp_path / "secret.odt")
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
        "</manifest:file-entry></manifest:manifest>"
    )
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("META-INF/manifest.xml", manifest)
    message = refused(path, CorruptDocumentError)
    assert "password-protected (encrypted) ODT" in message and "well-formed" not in message


def test_strict_open_xml_docx_is_named(tmp_path: Path) -> None:
    path = tmp_path / "strict.docx"
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" '
        'Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", "<w:document/>")
    assert "Strict Open XML" in refused(path, UnsupportedFormatError)


@pytest.mark.parametrize(("suffix", "expected"), [(".odt", "an ODT"), (".epub", "an EPUB")])
def test_messages_use_the_right_article(write_file: Write, suffix: str, expected: str) -> None:
    message = refused(write_file(f"x{suffix}", b"plain words, not a zip"), CorruptDocumentError)
    assert f"is not {expected} file" in message


def test_xml_in_an_encoding_libxml2_lacks_is_decoded(write_file: Write) -> None:
    text = "Правительство рассмотрело вопросы."
    data = b'<?xml version="1.0" encoding="IBM855"?>\n<r><p>' + text.encode("cp855") + b"</p></r>"
    doc = load(write_file("ru.xml", data))
    assert doc.text == text and doc.warnings == ()


@pytest.mark.parametrize("suffix", [".xml", ".fb2"])
def test_malformed_xml_is_repaired_but_never_reads_external_files(
    write_file: Write, secret_file: Path, suffix: str
) -> None:
    root = "FictionBook" if suffix == ".fb2" else "r"
    body = "<body><section><p>Бірінші &xxe; <p>екінші</section>" if suffix == ".fb2" else ""
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} SYSTEM "{secret_file.as_uri()}">\n'
        f"<{root}>{body}<t>Үшінші &xxe; <b>төртінші</t>"  # unclosed <b> and <root>
    )
    doc = load(write_file(f"broken{suffix}", data))
    assert SECRET not in doc.text and "төртінші" in doc.text
    assert len(doc.warnings) == 1 and "repaired" in str(doc.warnings[0])


def test_malformed_xml_that_declares_entities_is_still_refused(
    write_file: Write, secret_file: Path
) -> None:
    path = write_file("evil.xml", xxe(secret_file).replace("</r>", ""))  # also unclosed
    message = refused(path, CorruptDocumentError)
    assert "entities" in message and SECRET not in message

"""Real files from other projects' test suites (tests/data/realworld, with their licences in
its README): each opens with the words its true encoding gives, or is refused with a message
that says what it is (encrypted, Strict Open XML), and repairs are announced."""

import re
from collections import Counter
from pathlib import Path

import pytest

from reader.core.errors import CorruptDocumentError, UnsupportedFormatError
from reader.core.loaders import load
from reader.core.loaders.text import normalise_newlines

DATA = Path(__file__).resolve().parents[1] / "data" / "realworld"
MANIFEST = [
    line.split("\t")
    for line in (DATA / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
]
TEXT = {row[0]: row[1] for row in MANIFEST if row[0].startswith("text/")}
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W_]+")


def coverage(ours: str, reference: str) -> float:
    ref = Counter(_WORD.findall(reference.casefold()))
    mine = Counter(_WORD.findall(ours.casefold()))
    return sum(min(n, mine[w]) for w, n in ref.items()) / sum(ref.values())


def test_every_committed_file_is_listed_with_its_licence() -> None:
    listed = {row[0] for row in MANIFEST}
    on_disk = {
        str(p.relative_to(DATA))
        for p in DATA.rglob("*")
        if p.is_file() and p.name not in ("README.md", "MANIFEST.tsv", ".gitattributes")
    }
    assert listed == on_disk
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for row in MANIFEST:
        assert row[5] and row[2] in readme and f"`{row[0]}`" in readme


@pytest.mark.parametrize("name", sorted(TEXT))
def test_text_reads_as_its_true_encoding(name: str) -> None:
    """≥ 98% of the words its real encoding gives; never Cyrillic mojibake unannounced."""
    path = DATA / name
    truth = normalise_newlines(path.read_bytes().decode(TEXT[name]))
    doc = load(path)
    assert coverage(doc.text, truth) >= 0.98, (doc.encoding, doc.text[:80])
    if not CYRILLIC.search(truth):
        assert not CYRILLIC.search(doc.text) or doc.warnings


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("text/ru-ibm855.txt", "cp855"),
        ("text/ru-mac-cyrillic.txt", "mac-cyrillic"),
        ("text/ru-koi8-r.txt", "koi8-r"),
        ("text/ru-windows-1251.txt", "cp1251"),
        ("text/ja-utf-16le-nobom.txt", "utf-16-le"),
        ("text/utf-32le-nobom.txt", "utf-32-le"),
    ],
)
def test_cyrillic_and_unicode_files_are_named_exactly_and_silently(
    name: str, encoding: str
) -> None:
    doc = load(DATA / name)
    assert doc.text == normalise_newlines((DATA / name).read_bytes().decode(encoding))
    assert doc.encoding is not None and doc.encoding.replace("_", "-") == encoding
    assert doc.warnings == ()


@pytest.mark.parametrize(
    "name", ["text/tr-iso-8859-9.txt", "text/el-windows-1253.txt", "text/zh-gb18030.txt"]
)
def test_a_non_cyrillic_guess_is_announced(name: str) -> None:
    doc = load(DATA / name)
    assert doc.warnings and "reopen it with another encoding" in str(doc.warnings[0])
    assert str(doc.encoding) in str(doc.warnings[0])


@pytest.mark.parametrize(
    "name",
    ["xml/unclosed-element.xml", "xml/attr-redefined.xml", "xml/extra-content.xml"],
)
def test_malformed_xml_opens_repaired_and_says_so(name: str) -> None:
    doc = load(DATA / name)
    assert len(doc.warnings) == 1
    assert "not well-formed XML" in str(doc.warnings[0]) and "repaired" in str(doc.warnings[0])


@pytest.mark.parametrize("name", ["html/only-comments.html", "html/comment-and-doctype.html"])
def test_html_holding_only_comments_opens_empty(name: str) -> None:
    doc = load(DATA / name)
    assert doc.text.strip() == "" and doc.format == "html"


def test_fictionbook_cut_short_opens_with_its_first_part(tmp_path: Path) -> None:
    whole = (DATA / "fb2" / "basic.fb2").read_bytes()
    complete = load(DATA / "fb2" / "basic.fb2")
    assert complete.warnings == () and complete.text
    cut = tmp_path / "cut.fb2"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    doc = load(cut)
    assert doc.warnings and "repaired" in str(doc.warnings[0])
    first_words = _WORD.findall(complete.text)[:10]
    assert first_words and all(word in doc.text for word in first_words)


@pytest.mark.parametrize("name", ["docx/encrypted.docx", "odt/encrypted.odt"])
def test_encrypted_office_files_are_said_to_be_encrypted(name: str) -> None:
    with pytest.raises(CorruptDocumentError) as info:
        load(DATA / name)
    message = str(info.value)
    assert "password-protected" in message
    assert "old Word" not in message and "well-formed" not in message


def test_strict_open_xml_is_named_as_such() -> None:
    with pytest.raises(UnsupportedFormatError, match="Strict Open XML"):
        load(DATA / "docx" / "strict-ooxml.docx")


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("no-body.html", "<!DOCTYPE html><title>Т</title><h1>Тақырып</h1><p>Мәтін бар"),
        ("bare.html", "<!DOCTYPE html><meta charset=utf-8><title>Т</title>Тақырып. Мәтін бар"),
        (
            "head-only.xhtml",
            '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
            "<title>Т</title><meta name='a' content='b'/><h1>Тақырып</h1><p>Мәтін бар</p>"
            "</head></html>",
        ),
        (
            "xml-head-only.html",
            "<?xml version='1.0'?><html><head><title>Т</title><p>Тақырып</p>Мәтін бар"
            "</head></html>",
        ),
    ],
)
def test_html5_page_without_body_shows_its_text(tmp_path: Path, name: str, page: str) -> None:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    doc = load(path)
    assert "Тақырып" in doc.text and "Мәтін бар" in doc.text and doc.title == "Т"

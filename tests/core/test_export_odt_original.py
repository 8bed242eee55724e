"""The annotated copy of an ODT is the original package with highlights and comments in
content.xml; read back with zipfile and lxml (and the ODT loader for the text)."""

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reader.core.annotations import Annotation, new_annotation
from reader.core.loaders import load
from reader.export.docx_original import OriginalUnavailableError
from reader.export.odt_original import export_odt_original

SOURCES = Path(__file__).parent.parent / "data" / "odt_sources"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"


def _ann(text: str, quote: str, note: str = "", color: str = "yellow") -> Annotation:
    start = text.index(quote)
    return new_annotation(text, start, start + len(quote), note=note, color=color)


def _content(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("content.xml"))


def _backgrounds(root: etree._Element) -> dict[str, str]:
    return {
        s.get(f"{STYLE}name"): s.find(f"{STYLE}text-properties").get(f"{FO}background-color")
        for s in root.iter(f"{STYLE}style")
        if s.find(f"{STYLE}text-properties") is not None
        and s.find(f"{STYLE}text-properties").get(f"{FO}background-color")
    }


def _commented_text(root: etree._Element, name: str) -> str:
    """Text between office:annotation and office:annotation-end named ``name``."""
    parts, inside = [], False
    for el in root.iter():
        if el.tag == f"{OFFICE}annotation" and el.get(f"{OFFICE}name") == name:
            inside = True
            if el.tail:
                parts.append(el.tail)
            continue
        if el.tag == f"{OFFICE}annotation-end" and el.get(f"{OFFICE}name") == name:
            return "".join(parts)
        if inside and el.tag == f"{TEXT}span":
            parts.append(el.text or "")
            if el.tail:
                parts.append(el.tail)
    raise AssertionError(f"no range named {name}")


@pytest.mark.parametrize("name", sorted(p.name for p in SOURCES.glob("*.odt")))
def test_only_content_changes_and_mimetype_stays_first_and_stored(
    name: str, tmp_path: Path
) -> None:
    source = SOURCES / name
    document = load(source)
    word = max(document.text.split(), key=len)
    out = export_odt_original(
        document, [_ann(document.text, word, "ескерту")], source, tmp_path / name
    )
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert [i.filename for i in b.infolist()] == [i.filename for i in a.infolist()]
        first = b.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert b.read("mimetype") == a.read("mimetype")
        for info in a.infolist():
            if info.filename != "content.xml":
                assert b.read(info.filename) == a.read(info.filename), info.filename
    assert load(out).text == document.text  # the comment is not part of the text


def test_highlight_and_comment_on_the_words(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-textMixedStyles.odt"
    document = load(source)
    ann = _ann(document.text, "simple text", "қарапайым", color="orange")
    out = export_odt_original(document, [ann], source, tmp_path / "o.odt", author="Әлия Б")
    root = _content(out)
    (note,) = root.iter(f"{OFFICE}annotation")
    assert note.find(f"{DC}creator").text == "Әлия Б"
    assert [p.text for p in note.iter(f"{TEXT}p")] == ["қарапайым"]
    assert _commented_text(root, note.get(f"{OFFICE}name")) == "simple text"
    colours = _backgrounds(root)
    spans = [s for s in root.iter(f"{TEXT}span") if s.get(f"{TEXT}style-name") in colours]
    assert "".join(s.text for s in spans) == "simple text"
    assert {colours[s.get(f"{TEXT}style-name")] for s in spans} == {"#ffb35c"}


def test_word_in_a_table_cell(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-table.odt"
    document = load(source)
    ann = _ann(document.text, "More", "кестеде")
    out = export_odt_original(document, [ann], source, tmp_path / "t.odt")
    root = _content(out)
    (note,) = root.iter(f"{OFFICE}annotation")
    assert _commented_text(root, note.get(f"{OFFICE}name")) == "More"
    cell = next(note.iterancestors("{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table-cell"))
    assert "".join(cell.itertext()).endswith("More content")


def test_text_not_in_the_file_is_refused_without_output(tmp_path: Path) -> None:
    source = SOURCES / "pandoc-table.odt"
    document = load(source)
    other = document.__class__.create(
        "Бұл файлда жоқ мүлде басқа мәтін", title="x", format="odt", path=str(source)
    )
    with pytest.raises(OriginalUnavailableError):
        export_odt_original(other, [_ann(other.text, "басқа")], source, tmp_path / "x.odt")
    assert not (tmp_path / "x.odt").exists()

"""HTML, XHTML, generic XML and FictionBook: visible text with its block structure."""

from collections.abc import Callable
from pathlib import Path

from fixtures_docs import FB2_SAMPLE, KAZAKH, KAZAKH_LETTERS

from reader.core.loaders import load

Write = Callable[[str, bytes | str], Path]

HTML = f"""<!DOCTYPE html><html><head><title>Қазақ тілі</title>
<style>p {{ color: red }}</style><script>document.write("ЖАСЫРЫН")</script></head>
<body><h1>Басты   тақырып</h1><p>{KAZAKH} <b>қалың</b>,<br>жаңа жол.</p>
<ul><li>бір</li><li>екі</li></ul><table><tr><td>А1</td><td>Б1</td></tr></table>
<pre>  код
   сақталады</pre><h3>{KAZAKH_LETTERS}</h3><noscript>ЖАСЫРЫН</noscript></body></html>"""


def texts(doc: object, kind: str) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if b.kind == kind]  # type: ignore[attr-defined]


def test_html_keeps_blocks_and_drops_script_style_head(write_file: Write) -> None:
    doc = load(write_file("page.html", HTML))
    assert "ЖАСЫРЫН" not in doc.text and "color" not in doc.text
    assert doc.title == "Қазақ тілі"
    assert texts(doc, "heading") == ["Басты тақырып", KAZAKH_LETTERS]
    assert [b.level for b in doc.blocks if b.kind == "heading"] == [1, 3]
    assert f"{KAZAKH} қалың,\nжаңа жол." in texts(doc, "paragraph")
    assert texts(doc, "list_item") == ["бір", "екі"]
    assert texts(doc, "table_cell") == ["А1", "Б1"]
    assert texts(doc, "preformatted") == ["  код\n   сақталады"]


def test_html_in_windows_1251_with_meta_charset(write_file: Write) -> None:
    page = '<html><head><meta charset="windows-1251"><title>Тест</title></head>'
    page += "<body><p>Привет, мир</p></body></html>"
    doc = load(write_file("ru.htm", page.encode("cp1251")))
    assert doc.text == "Привет, мир" and doc.title == "Тест" and doc.encoding == "cp1251"


def test_html_without_title_uses_first_h1(write_file: Write) -> None:
    doc = load(write_file("t.html", "<body><p>a</p><h1>Тақырып</h1></body>"))
    assert doc.title == "Тақырып"


def test_xhtml_is_parsed_as_xml_with_namespaces(write_file: Write) -> None:
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>X</title></head><body><h2>Тарау</h2><p>{KAZAKH}</p></body></html>"
    )
    doc = load(write_file("page.xhtml", page))
    assert doc.text == f"Тарау\n{KAZAKH}"
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 2


def test_empty_html_is_an_empty_document(write_file: Write) -> None:
    assert load(write_file("e.html", b"")).text == ""


def test_generic_xml_gives_one_paragraph_per_text_element(write_file: Write) -> None:
    xml = (
        '<?xml version="1.0" encoding="windows-1251"?>\n<root><title>Тест</title>'
        "<item>бір <b>екі</b> үш</item><group><x>one</x><x>two</x></group></root>"
    )
    doc = load(write_file("data.xml", xml.replace("ү", "у").encode("cp1251")))
    assert doc.text == "Тест\nбір екі уш\none\ntwo"
    assert doc.encoding == "cp1251"
    assert doc.title == "Тест"


def test_fb2_sections_become_nested_headings(write_file: Write) -> None:
    doc = load(write_file("book.fb2", FB2_SAMPLE))
    assert doc.title == "Абай жолы"
    headings = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [("Абай жолы", 1), ("Бірінші бөлім", 1), ("Ішкі", 2)]
    assert texts(doc, "paragraph") == [KAZAKH, KAZAKH_LETTERS, "Өлең жолы"]
    assert "AAAA" not in doc.text


def test_fb2_in_windows_1251(write_file: Write) -> None:
    book = FB2_SAMPLE.replace("utf-8", "windows-1251").replace(KAZAKH_LETTERS, "Россия")
    book = book.replace(KAZAKH, "Москва")
    book = book.replace("Абай жолы", "Книга").replace("Бірінші", "Первая").replace("бөлім", "часть")
    book = book.replace("Ішкі", "Внутри").replace("Өлең жолы", "Стих")
    doc = load(write_file("ru.fb2", book.encode("cp1251")))
    assert doc.title == "Книга" and "Москва" in doc.text and doc.encoding == "cp1251"


def test_entity_declaration_as_escaped_or_commented_text_is_fine(write_file: Write) -> None:
    """Only a DOCTYPE can declare entities; a page that talks about them is just a page."""
    page = (
        "<html><body><!-- <!ENTITY x 'y'> --><p>&lt;!ENTITY x SYSTEM&gt; мысалы</p></body></html>"
    )
    assert load(write_file("xml-tutorial.html", page)).text == "<!ENTITY x SYSTEM> мысалы"
    xml = '<?xml version="1.0"?><doc><!-- <!ENTITY a "b"> --><p>мәтін</p></doc>'
    assert load(write_file("note.xml", xml)).text == "мәтін"

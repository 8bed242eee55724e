"""The Document model: offsets, blocks, identity."""

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.document import Block, Document, TextBuilder, count_words, paragraph_blocks


def test_sha256_is_of_the_utf8_text_and_cannot_be_forged() -> None:
    doc = Document.create("Қазақстан", title="t", format="text")
    assert doc.sha256 == hashlib.sha256("Қазақстан".encode()).hexdigest()
    with pytest.raises(ValueError):
        Document(text="a", title="t", format="text", sha256="0" * 64)


def test_document_is_frozen() -> None:
    doc = Document.create("a", title="t", format="text")
    with pytest.raises(AttributeError):
        doc.text = "b"  # type: ignore[misc]


def test_blocks_must_lie_inside_the_text() -> None:
    with pytest.raises(ValueError):
        Document.create("abc", title="t", format="text", blocks=[Block(0, 4)])
    with pytest.raises(ValueError):
        Block(0, 1, "heading", 0)


def test_default_blocks_are_non_empty_lines() -> None:
    text = "Бірінші жол\n\nЕкінші жол\n"
    blocks = paragraph_blocks(text)
    assert [text[b.start : b.end] for b in blocks] == ["Бірінші жол", "Екінші жол"]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("аб \t\n\r\x0b\x1c\u2028\u00a0\u3000😀"), max_size=40))
def test_default_blocks_are_exactly_the_lines_that_are_not_blank(text: str) -> None:
    """Every line between \n's that has more than whitespace, whole, in order."""
    expected, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            expected.append((start, start + len(line)))
        start += len(line) + 1
    assert [(b.start, b.end) for b in paragraph_blocks(text)] == expected


def test_text_builder_records_headings_and_pages() -> None:
    tb = TextBuilder()
    tb.add("Тақырып", "heading", 1)
    tb.add("Мәтін")
    tb.new_page()
    tb.add("Екінші бет")
    text = tb.text()
    assert text == "Тақырып\nМәтін\nЕкінші бет"
    assert tb.blocks[0] == Block(0, 7, "heading", 1)
    assert text[tb.page_starts[0] :].startswith("Екінші бет")


def test_word_count_and_line_numbers() -> None:
    doc = Document.create("Елбасы сөз сөйледі.\nМен, сен — біз 2021", title="t", format="text")
    assert doc.word_count == 7
    assert doc.line_of(0) == 1
    assert doc.line_of(doc.text.index("Мен")) == 2
    with pytest.raises(ValueError):
        doc.line_of(len(doc.text) + 1)


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n\r")), max_size=8))
def test_builder_blocks_quote_their_paragraphs(paragraphs: list[str]) -> None:
    tb = TextBuilder()
    for p in paragraphs:
        tb.add(p)
    text = tb.text()
    assert text == "\n".join(paragraphs)
    assert [text[b.start : b.end] for b in tb.blocks] == [p for p in paragraphs if p.strip()]
    assert count_words(text) >= 0


def test_plain_text_blocks_are_the_lines_made_when_first_asked_for() -> None:
    text = "Бірінші жол\n  \nЕкінші жол\n"
    doc = Document.create(text, title="t", format="text")
    assert doc.blocks._blocks is None  # type: ignore[attr-defined]  # not made at load time
    assert doc.headings == ()  # and the viewer's question does not make them
    assert doc.blocks._blocks is None  # type: ignore[attr-defined]
    assert list(doc.blocks) == paragraph_blocks(text)
    assert doc.blocks == tuple(paragraph_blocks(text)) and len(doc.blocks) == 2
    assert doc.blocks[1] == Block(15, 25) and doc.blocks[-1:] == [Block(15, 25)]
    same = Document.create(text, title="t", format="text")
    assert same == doc and hash(same) == hash(doc)


def test_headings_of_a_structured_document() -> None:
    tb = TextBuilder()
    tb.add("Тақырып", "heading", 1)
    tb.add("Мәтін")
    doc = Document.create(tb.text(), title="t", format="docx", blocks=tb.blocks)
    assert doc.headings == (Block(0, 7, "heading", 1),)

"""Tab titles: the document's own name, and two alike told apart."""

from reader.core.document import Block, Document
from reader.core.titles import MAX_TITLE, display_title, tell_apart

SEED_START = "Жиын қорытындысы бойынша Елбасы бірқатар нақты тапсырма берді.\nЕлбасының ..."


def test_a_text_is_called_by_its_headline_not_its_file_name() -> None:
    doc = Document.create(SEED_START, title="000_df59e22b846d8d1a", format="text")
    title = display_title(doc, "/seeds/000_df59e22b846d8d1a.txt")
    assert title.startswith("Жиын қорытындысы бойынша Елбасы") and len(title) <= MAX_TITLE


def test_metadata_title_then_first_heading_then_file_name() -> None:
    text = "Кіріспе\nМәтін: мұнда бірінші абзац, ол ұзын және тоқтаусыз жалғасады,"
    heading = Block(0, 7, "heading", 1)
    with_meta = Document.create(text, title="Заң жобасы", format="docx", blocks=[heading])
    assert display_title(with_meta, "/a/law.docx") == "Заң жобасы"
    named_by_file = Document.create(text, title="law", format="docx", blocks=[heading])
    assert display_title(named_by_file, "/a/law.docx") == "Кіріспе"
    no_headline = Document.create("Мынадай тізім:\n1. бір", title="list", format="text")
    assert display_title(no_headline, "/a/list.txt") == "list"


def test_tabs_with_the_same_title_are_told_apart() -> None:
    by_format = tell_apart([("Есеп", "/a/esep.pdf", "pdf"), ("Есеп", "/a/esep.docx", "docx")])
    assert by_format == ["Есеп — PDF", "Есеп — DOCX"]
    by_folder = tell_apart([("Есеп", "/2023/e.pdf", "pdf"), ("Есеп", "/2024/e.pdf", "pdf")])
    assert by_folder == ["Есеп — 2023", "Есеп — 2024"]
    assert tell_apart([("Бір", "/a", "text"), ("Екі", "/b", "text")]) == ["Бір", "Екі"]

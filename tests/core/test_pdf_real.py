"""PDFs other people made (pypdf's test files, tests/data/pdf/README.md)."""

from pathlib import Path

import pytest

from reader.core.errors import PasswordRequiredError
from reader.core.loaders import load

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf"


def test_a_text_pdf_reads_in_order_with_a_box_for_every_letter() -> None:
    doc = load(DATA / "pypdf-commented.pdf")
    assert doc.text.startswith("The Crazy Ones\nOctober 14, 1998\nHeres to the crazy ones.")
    pm = doc.page_map
    assert pm is not None
    page = pm.pages[0]
    letters = [k for k in range(page.start, page.end) if doc.text[k].isalpha()]
    assert all(page.char_box(k)[2] > page.char_box(k)[0] for k in letters)


def test_a_filled_form_field_value_is_text() -> None:
    doc = load(DATA / "pypdf-form_evince.pdf")
    assert "bar" in doc.text.split("\n")  # the value typed into field "foo"


def test_bookmarks_become_the_outline_and_headings_stay_apart() -> None:
    doc = load(DATA / "pypdf-outline-without-title.pdf")
    assert doc.page_map is not None
    titles = [title for _, title, _ in doc.page_map.outline]
    assert titles[:4] == ["", "Bar", "Baz", "Foo"] and len(titles) == 9
    assert "\n1 Foo\nHello, here is some text" in doc.text  # a contents line, then a heading


def test_a_qpdf_encrypted_file_opens_with_its_password() -> None:
    path = DATA / "pypdf-r4-user-password.pdf"
    with pytest.raises(PasswordRequiredError):
        load(path)
    assert load(path, password="asdfzxcv").text.strip()

"""Error messages: English for the command line, translatable templates for the GUI."""

import ast
import pickle
import string
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader.core.errors import (
    CONTEXT,
    CorruptDocumentError,
    FileAccessError,
    Message,
    ReaderError,
    describe,
)
from reader.core.loaders import load

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def catalogue(lang: str, name: str = CONTEXT) -> dict[str, str]:
    """One context of a .ts file (ReaderError's by default): English template ->
    translation."""
    root = ElementTree.parse(I18N / f"oqyrman_{lang}.ts").getroot()
    for context in root.iter("context"):
        if context.findtext("name") == name:
            return {
                m.findtext("source") or "": m.findtext("translation") or ""
                for m in context.iter("message")
            }
    return {}


def translator(lang: str) -> Callable[[str], str]:
    """Like QCoreApplication.translate: the translation, or the source if there is none."""
    table = catalogue(lang)
    return lambda template: table.get(template) or template


def _truncated_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n")  # no %%EOF: cut off
    return path


def test_english_text_is_unchanged_for_the_command_line(tmp_path: Path) -> None:
    with pytest.raises(CorruptDocumentError) as caught:
        load(_truncated_pdf(tmp_path))
    assert str(caught.value) == (
        "report.pdf: is a truncated PDF (its end-of-file marker is missing)"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", "report.pdf: соңы қиылған PDF (файл соңының белгісі жоқ)"),
        ("ru", "report.pdf: обрезанный PDF (нет метки конца файла)"),
    ],
)
def test_details_are_in_the_interface_language(tmp_path: Path, lang: str, expected: str) -> None:
    with pytest.raises(CorruptDocumentError) as caught:
        load(_truncated_pdf(tmp_path))
    assert describe(caught.value, translator(lang)) == expected


def test_nested_details_and_fields_are_translated_each(tmp_path: Path) -> None:
    fake = tmp_path / "photo.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(CorruptDocumentError) as caught:
        load(fake)
    assert str(caught.value) == "photo.pdf: is not a PDF file (it looks like a PNG image)"
    assert describe(caught.value, translator("kk")) == (
        "photo.pdf: PDF файлы емес (PNG суретіне ұқсайды)"
    )


def test_file_names_with_braces_are_data_not_fields(tmp_path: Path) -> None:
    missing = tmp_path / "{file} {0}.txt"
    with pytest.raises(FileAccessError) as caught:
        load(missing)
    assert str(caught.value) == f"{missing}: no such file"
    assert describe(caught.value, translator("ru")) == f"{missing}: нет такого файла"


def test_a_translation_that_breaks_a_field_falls_back_to_english() -> None:
    error = FileAccessError("{file}: no such file", file="a.txt")
    assert describe(error, lambda template: "{fiel}: жоқ") == "a.txt: no such file"


def test_plain_messages_still_work_and_are_shown_as_given() -> None:
    error = ReaderError("Cannot export to {odd}; choose a .pdf or .docx file")
    assert str(error) == "Cannot export to {odd}; choose a .pdf or .docx file"
    assert describe(error, lambda template: template) == str(error)


def test_errors_keep_their_template_across_processes() -> None:
    error = FileAccessError("{file}: no such file", file="a.txt")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is FileAccessError and str(copy) == "a.txt: no such file"
    assert copy.message == error.message
    with pytest.raises(ValueError):
        ReaderError(Message.of("{x}", x=1), x=2)


def _marked_templates() -> set[tuple[str, str]]:
    """Every QT_TRANSLATE_NOOP(context, "...") string literal in reader/core, with its
    context (ReaderError for messages, EntityClass for the class names)."""
    found = set()
    for path in (ROOT / "reader" / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2
                and isinstance(node.args[1], ast.Constant)
            ):
                context = node.args[0].value if isinstance(node.args[0], ast.Constant) else ""
                found.add((context, node.args[1].value))
    return found


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_core_message_is_in_the_catalogue_and_keeps_its_fields(lang: str) -> None:
    templates = _marked_templates()
    assert len(templates) > 40 and {c for c, _ in templates} == {CONTEXT, "EntityClass"}
    tables = {c: catalogue(lang, c) for c, _ in templates}
    missing = {(c, t) for c, t in templates if not tables[c].get(t)}
    assert not missing, "run packaging/update_translations.sh and translate the new messages"
    for context, template in templates:
        translated = tables[context][template]
        assert set(_field_names(template)) == set(_field_names(translated)), (
            template,
            translated,
        )


def _field_names(template: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(template) if name]
    except ValueError:  # " (it does not start with {\\rtf)": no fields, shown as it is
        return []

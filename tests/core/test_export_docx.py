"""DOCX export read back with python-docx and the raw WordprocessingML."""

import threading
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from reader.core.annotations import COLORS, Annotation
from reader.core.document import Block, Document
from reader.core.errors import CancelledError, ExportError
from reader.core.ner.entities import Entity, Mention
from reader.export import ExportRequest
from reader.export import docx as docx_export
from reader.export.docx import export_docx, word_highlight

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

HEADING = "Қазақстан жаңалықтары"
PARA1 = "Елбасы Нұрсұлтан Назарбаев Астанада кеңес өткізді."
PARA2 = "Жиынға Қасымбеков қатысты.\nЕкінші жол."
TEXT = f"{HEADING}\n{PARA1}\n\n{PARA2}"


def _doc() -> Document:
    p1 = len(HEADING) + 1
    p2 = p1 + len(PARA1) + 2
    blocks = [
        Block(0, len(HEADING), "heading", 1),
        Block(p1, p1 + len(PARA1)),
        Block(p2, len(TEXT)),
    ]
    return Document.create(TEXT, title="Жаңалықтар", format="text", blocks=blocks)


def _ann(quote: str, color: str = "yellow", note: str = "", ident: str = "") -> Annotation:
    start = TEXT.index(quote)
    return Annotation(
        id=ident or quote, start=start, end=start + len(quote), exact=quote, color=color, note=note
    )


def _xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _commented_text(body: etree._Element, comment_id: str) -> str:
    """The text between a comment's range start and end, in document order."""
    inside, parts = False, []
    for el in body.iter():
        if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == comment_id:
            inside = True
        elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == comment_id:
            return "".join(parts)
        elif inside and el.tag == f"{W}t":
            parts.append(el.text or "")
        elif inside and el.tag in (f"{W}br", f"{W}p") and parts:
            parts.append("\n")
    raise AssertionError(f"comment {comment_id} has no range end")


def test_headings_and_paragraphs_are_kept(tmp_path: Path) -> None:
    out = export_docx(ExportRequest(_doc(), [], tmp_path / "out.docx"))
    paras = [p for p in docx.Document(str(out)).paragraphs]
    assert [(p.style.name, p.text) for p in paras] == [
        ("Heading 1", HEADING),
        ("Normal", PARA1),
        ("Normal", PARA2),  # the line break inside the paragraph survives as a break
    ]


def test_notes_are_word_comments_anchored_to_their_quote(tmp_path: Path) -> None:
    anns = [
        _ann("Нұрсұлтан Назарбаев", "pink", "Тұлға: Елбасы"),
        _ann("Астанада", "green", ""),  # a highlight without a note gets no comment
        _ann("Қасымбеков қатысты.\nЕкінші", "blue", "across a line break"),
    ]
    out = export_docx(ExportRequest(_doc(), anns, tmp_path / "out.docx", author="Айгерім Сәрсен"))
    comments = list(docx.Document(str(out)).comments)
    assert [c.text for c in comments] == ["Тұлға: Елбасы", "across a line break"]
    assert {c.author for c in comments} == {"Айгерім Сәрсен"}
    assert comments[0].initials == "АС"
    body = _xml(out, "word/document.xml")
    assert _commented_text(body, str(comments[0].comment_id)) == "Нұрсұлтан Назарбаев"
    assert _commented_text(body, str(comments[1].comment_id)) == "Қасымбеков қатысты.\nЕкінші"


def test_comment_may_span_paragraphs(tmp_path: Path) -> None:
    start = TEXT.index("өткізді")
    end = TEXT.index("Жиынға") + len("Жиынға")
    ann = Annotation("x", start, end, TEXT[start:end], color="orange", note="екі абзац")
    out = export_docx(ExportRequest(_doc(), [ann], tmp_path / "out.docx"))
    comment = next(iter(docx.Document(str(out)).comments))
    assert _commented_text(_xml(out, "word/document.xml"), str(comment.comment_id)) == (
        "өткізді.\nЖиынға"
    )


def test_overlapping_highlights_split_runs_and_inner_colour_wins(tmp_path: Path) -> None:
    outer = _ann("Нұрсұлтан Назарбаев Астанада", "yellow", "outer", "outer")
    inner = _ann("Назарбаев", "pink", "inner", "inner")
    out = export_docx(ExportRequest(_doc(), [outer, inner], tmp_path / "out.docx"))
    runs = docx.Document(str(out)).paragraphs[1].runs
    shown = [(r.text, r.font.highlight_color) for r in runs if r.text]
    assert shown == [
        ("Елбасы ", None),
        ("Нұрсұлтан ", word_highlight("yellow")),
        ("Назарбаев", word_highlight("pink")),
        (" Астанада", word_highlight("yellow")),
        (" кеңес өткізді.", None),
    ]
    body = _xml(out, "word/document.xml")
    comments = {c.text: str(c.comment_id) for c in docx.Document(str(out)).comments}
    assert _commented_text(body, comments["outer"]) == "Нұрсұлтан Назарбаев Астанада"
    assert _commented_text(body, comments["inner"]) == "Назарбаев"


def test_each_app_colour_has_its_own_word_highlight() -> None:
    from docx.enum.text import WD_COLOR_INDEX

    mapped = {name: word_highlight(name) for name in COLORS}
    assert len(set(mapped.values())) == len(COLORS)
    assert mapped["yellow"] == WD_COLOR_INDEX.YELLOW
    assert mapped["green"] == WD_COLOR_INDEX.BRIGHT_GREEN
    assert WD_COLOR_INDEX.BLUE not in mapped.values()  # dark blue would hide black text


def test_kazakh_text_uses_a_font_with_kazakh_letters_in_every_slot(tmp_path: Path) -> None:
    out = export_docx(ExportRequest(_doc(), [], tmp_path / "out.docx"))
    styles = _xml(out, "word/styles.xml")
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert default is not None
    heading = styles.find(f"{W}style[@{W}styleId='Heading1']/{W}rPr/{W}rFonts")
    assert heading is not None
    for rfonts in (default, heading):
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert rfonts.get(f"{W}{slot}") == docx_export.FONT
        assert rfonts.get(f"{W}asciiTheme") is None  # a theme font would override ours


def test_metadata_names_title_and_author(tmp_path: Path) -> None:
    out = export_docx(ExportRequest(_doc(), [], tmp_path / "out.docx", author="Айгерім"))
    props = docx.Document(str(out)).core_properties
    assert (props.title, props.author) == ("Жаңалықтар", "Айгерім")


def test_entity_index_at_the_end(tmp_path: Path) -> None:
    start = TEXT.index("Нұрсұлтан Назарбаев")
    ent = Entity(
        "PERSON:назарбаев",
        "Нұрсұлтан Назарбаев",
        "PERSON",
        (Mention(start, start + 19, "Нұрсұлтан Назарбаев"),),
    )
    gpe = Entity("GPE:астана", "Астана", "GPE", (Mention(0, 1, "А"), Mention(2, 3, "А")))
    out = export_docx(ExportRequest(_doc(), [], tmp_path / "out.docx", entities=[ent, gpe]))
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    at = texts.index("Index of entities")
    assert texts[at + 1 :] == [
        "Астана (Country or settlement) — 2 mentions",
        "Нұрсұлтан Назарбаев (Person) — 1 mention",
    ]


def test_entity_index_lists_dates_only_when_asked_and_never_numbers(tmp_path: Path) -> None:
    ents = [
        Entity("PERSON:абай", "Абай", "PERSON", (Mention(0, 1, "А"),)),
        Entity("DATE:2021 жыл", "2021 жыл", "DATE", (Mention(2, 3, "А"),)),
        Entity("CARDINAL:екі", "екі", "CARDINAL", (Mention(4, 5, "А"),)),
    ]

    def index(dates: bool = False) -> list[str]:
        request = ExportRequest(_doc(), [], tmp_path / "o.docx", entities=ents, index_dates=dates)
        out = export_docx(request)
        texts = [p.text for p in docx.Document(str(out)).paragraphs]
        return texts[texts.index("Index of entities") + 1 :]

    assert index() == ["Абай (Person) — 1 mention"]
    assert index(dates=True) == ["2021 жыл (Date) — 1 mention", "Абай (Person) — 1 mention"]


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"the good copy")

    def broken_save(self: object, path: str) -> None:
        Path(path).write_bytes(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(ExportError) as err:
        export_docx(ExportRequest(_doc(), [_ann("Астанада", note="x")], target))
    assert "No space left on device" in str(err.value) and "\n" not in str(err.value)
    assert target.read_bytes() == b"the good copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_cancel_writes_nothing(tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        export_docx(ExportRequest(_doc(), [], tmp_path / "out.docx", cancel=cancel))
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_end(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_docx(
        ExportRequest(_doc(), [], tmp_path / "out.docx", progress=lambda d, t: seen.append((d, t)))
    )
    assert seen[-1] == (3, 3)


def test_missing_folder_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        export_docx(ExportRequest(_doc(), [], tmp_path / "nowhere" / "out.docx"))
    assert "does not exist" in str(err.value) and "\n" not in str(err.value)


def test_comment_carries_the_time_the_note_was_written(tmp_path: Path) -> None:
    import dataclasses
    from datetime import UTC, datetime

    when = datetime(2024, 3, 22, 9, 30, tzinfo=UTC)
    ann = dataclasses.replace(
        _ann("Астанада", note="Наурыз"), created=when.timestamp(), modified=when.timestamp()
    )
    out = export_docx(ExportRequest(_doc(), [ann], tmp_path / "out.docx"))
    [comment] = docx.Document(str(out)).comments
    assert comment.timestamp is not None
    assert comment.timestamp.replace(tzinfo=UTC) == when


def test_control_characters_from_odd_files_do_not_break_the_export(tmp_path: Path) -> None:
    text = "Бірінші\x0cбет\x1b белгі\x00 нөл\tтаб соңы"
    doc = Document.create(text, title="t", format="text")
    start = text.index("соңы")
    ann = Annotation("a", start, start + 4, "соңы", note="соңы")
    out = export_docx(ExportRequest(doc, [ann], tmp_path / "out.docx"))
    [para] = docx.Document(str(out)).paragraphs
    assert para.text == "Бірінші\nбет  белгі  нөл\tтаб соңы"  # form feed -> line break
    assert [c.text for c in docx.Document(str(out)).comments] == ["соңы"]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 40)), min_size=1, max_size=6)
)
def test_random_overlapping_notes_each_anchor_their_own_text(
    tmp_path: Path, ranges: list[tuple[int, int]]
) -> None:
    anns = []
    for i, (start, length) in enumerate(ranges):
        end = min(start + length, len(TEXT))
        if not TEXT[start:end].strip():
            continue
        anns.append(Annotation(f"r{i}", start, end, TEXT[start:end], note=f"n{i}"))
    out = export_docx(ExportRequest(_doc(), anns, tmp_path / "prop.docx"))
    body = _xml(out, "word/document.xml")
    comments = {c.text: str(c.comment_id) for c in docx.Document(str(out)).comments}
    for ann in anns:
        # the comment covers the quote's text inside paragraphs, one break between them
        parts = [TEXT[max(ann.start, b.start) : min(ann.end, b.end)] for b in _doc().blocks]
        expected = "\n".join(p for p in parts if p)
        assert _commented_text(body, comments[ann.note]) == expected

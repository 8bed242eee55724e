"""W3C Web Annotation JSON: what we write is the model, what we read back is what we wrote."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotations import COLORS, new_annotation
from reader.core.document import Document
from reader.core.errors import AnnotationFormatError
from reader.export import webanno

TEXT = "Абай Құнанбаев — қазақ ақыны.\nОл Шыңғыстауда туған.\nСемейде музейі бар."
DOC = Document.create(TEXT, title="Абай", format="text", path="/docs/abai.txt")


def _ann(needle: str, **kw: str):  # type: ignore[no-untyped-def]
    start = TEXT.index(needle)
    return new_annotation(TEXT, start, start + len(needle), **kw)


def test_export_follows_the_data_model() -> None:
    ann = _ann("Шыңғыстауда", color="green", note="тау аты")
    (obj,) = json.loads(webanno.dumps([ann], webanno.source_iri(DOC)))
    assert obj["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert obj["type"] == "Annotation" and obj["id"] == f"urn:uuid:{ann.id}"
    assert obj["motivation"] == "commenting"
    assert obj["body"] == {
        "type": "TextualBody",
        "value": "тау аты",
        "format": "text/plain",
        "purpose": "commenting",
    }
    target = obj["target"]
    assert target["source"] == "file:///docs/abai.txt"
    assert target["styleClass"] == "green"
    assert f".green {{ background-color: {COLORS['green']}; }}" == obj["stylesheet"]["value"]
    quote, position = target["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "Шыңғыстауда"
    assert TEXT[: ann.start].endswith(quote["prefix"]) and quote["prefix"].endswith("ақыны.\nОл ")
    assert TEXT[ann.end :].startswith(quote["suffix"]) and quote["suffix"].startswith(" туған")
    assert position == {"type": "TextPositionSelector", "start": ann.start, "end": ann.end}
    assert obj["created"].endswith("Z")


def test_highlight_without_note_has_no_body() -> None:
    (obj,) = json.loads(webanno.dumps([_ann("музейі")], "urn:x"))
    assert "body" not in obj and obj["motivation"] == "highlighting"


def test_round_trip_keeps_ids_colours_notes_and_selectors(tmp_path: Path) -> None:
    anns = [_ann("Абай", color="blue", note="ақын\nжәне ойшыл"), _ann("қазақ", color="pink")]
    path = tmp_path / "anns.json"
    webanno.write(path, anns, webanno.source_iri(DOC))
    back = webanno.read(path)
    assert [(a.id, a.color, a.note, a.exact, a.prefix, a.suffix, a.start, a.end) for a in back] == [
        (a.id, a.color, a.note, a.exact, a.prefix, a.suffix, a.start, a.end) for a in anns
    ]
    for a, b in zip(anns, back, strict=True):  # written to the millisecond
        assert abs(a.created - b.created) < 0.001 and abs(a.modified - b.modified) < 0.001
    anchored = webanno.anchor(DOC, back)
    assert [(a.start, a.end) for a in anchored.attached] == [(a.start, a.end) for a in anns]


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_round_trip_any_range_and_note(data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(TEXT) - 1))
    end = data.draw(st.integers(start + 1, len(TEXT)))
    note = data.draw(st.text(max_size=40))
    color = data.draw(st.sampled_from(sorted(COLORS)))
    ann = new_annotation(TEXT, start, end, color=color, note=note)
    (back,) = webanno.loads(webanno.dumps([ann], "urn:x"))
    assert (back.id, back.start, back.end, back.exact, back.color, back.note) == (
        ann.id,
        start,
        end,
        TEXT[start:end],
        color,
        note,
    )


def test_import_anchors_by_quote_when_the_text_moved() -> None:
    ann = _ann("Семейде музейі", note="барамыз")
    moved = Document.create("Жаңа жол.\n" + TEXT, title="t", format="text")
    result = webanno.anchor(moved, webanno.loads(webanno.dumps([ann], "urn:x")))
    (got,) = result.attached
    assert moved.text[got.start : got.end] == "Семейде музейі" and got.note == "барамыз"
    assert got.doc_sha256 == moved.sha256


def test_import_keeps_what_cannot_be_found_as_orphaned() -> None:
    ann = _ann("Ол Шыңғыстауда туған.")
    other = Document.create("Мүлде басқа мәтін, ортақ ештеңе жоқ.", title="t", format="text")
    result = webanno.anchor(other, webanno.loads(webanno.dumps([ann], "urn:x")))
    assert result.attached == () and [a.id for a in result.orphaned] == [ann.id]


def test_foreign_annotations_are_read() -> None:
    """As another tool might write them: a collection, list-typed body, an unknown class."""
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {
            "type": "AnnotationPage",
            "items": [
                {
                    "@context": ["http://www.w3.org/ns/anno.jsonld"],
                    "id": "http://example.org/anno/7",
                    "type": "Annotation",
                    "body": [
                        {"type": "TextualBody", "value": "маңызды"},
                        {"type": "TextualBody", "value": "тег", "purpose": "tagging"},
                    ],
                    "stylesheet": {"type": "CssStylesheet", "value": ".hl { background: #00ff00 }"},
                    "target": {
                        "source": "http://example.org/abai",
                        "styleClass": "hl",
                        "selector": {"type": "TextQuoteSelector", "exact": "ақыны"},
                    },
                }
            ],
        },
    }
    (ann,) = webanno.parse(data)
    assert (ann.id, ann.note, ann.color, ann.exact) == (
        "http://example.org/anno/7",
        "маңызды",
        "green",
        "ақыны",
    )
    (got,) = webanno.anchor(DOC, [ann]).attached
    assert TEXT[got.start : got.end] == "ақыны"


def _valid() -> dict:  # type: ignore[type-arg]
    return json.loads(webanno.dumps([_ann("ақыны", note="n")], "urn:x"))[0]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda o: o.pop("@context"), "@context"),
        (lambda o: o.update(type="Note"), '"type" must be "Annotation"'),
        (lambda o: o.update(target="http://example.org/doc"), "bare IRI"),
        (lambda o: o["target"].update(selector=[]), "no TextQuoteSelector"),
        (lambda o: o["target"]["selector"][0].update(exact=""), "non-empty"),
        (lambda o: o["target"]["selector"][1].update(start=9, end=3), "0 <= start < end"),
        (lambda o: o["target"]["selector"][1].update(start="1"), "integers"),
        (lambda o: o["body"].update(value=5), "string"),
        (lambda o: o.update(created="yesterday"), "ISO 8601"),
    ],
)
def test_invalid_annotation_is_refused_with_one_line(mutate, reason: str) -> None:  # type: ignore[no-untyped-def]
    obj = _valid()
    mutate(obj)
    with pytest.raises(AnnotationFormatError) as err:
        webanno.parse([obj], "anns.json")
    message = str(err.value)
    assert reason in message and "\n" not in message
    assert message.startswith("anns.json: annotation 1:")


def test_not_web_annotation_files_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"highlights": []}', encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="not W3C Web Annotation"):
        webanno.read(bad)
    bad.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(AnnotationFormatError, match="not JSON"):
        webanno.read(bad)
    with pytest.raises(AnnotationFormatError, match="Cannot read"):
        webanno.read(tmp_path / "missing.json")
    obj = _valid()
    with pytest.raises(AnnotationFormatError, match="duplicate id"):
        webanno.parse([obj, obj])

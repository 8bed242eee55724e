"""Shared export pieces: cutting text at annotation boundaries, the entity index, names."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.annotations import Annotation
from reader.core.document import Document
from reader.core.ner.entities import Entity, Mention
from reader.export.common import (
    color_rgb,
    index_entries,
    index_line,
    pieces,
    top_color,
    usable_annotations,
)

spans = st.tuples(st.integers(0, 60), st.integers(1, 30)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(spans, max_size=8), st.integers(0, 40), st.integers(1, 50))
def test_pieces_tile_the_range_and_know_their_annotations(
    ranges: list[tuple[int, int]], start: int, length: int
) -> None:
    anns = [Annotation(f"a{i}", s, e, "x") for i, (s, e) in enumerate(ranges)]
    end = start + length
    got = pieces(start, end, anns)
    assert got[0].start == start and got[-1].end == end
    assert all(a.end == b.start for a, b in itertools.pairwise(got))
    for piece in got:
        for pos in (piece.start, piece.end - 1):
            assert {a.id for a in piece.covering} == {a.id for a in anns if a.start <= pos < a.end}


def test_innermost_overlapping_highlight_shows_its_colour() -> None:
    outer = Annotation("o", 0, 20, "x", color="yellow")
    inner = Annotation("i", 5, 8, "x", color="pink")
    assert top_color([outer, inner]) == "pink"
    assert top_color([]) is None


def test_annotations_past_the_text_are_skipped_and_the_rest_sorted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    doc = Document.create("Қазақ тілі", title="t", format="text")
    anns = [
        Annotation("b", 6, 10, "тілі"),
        Annotation("a", 0, 5, "Қазақ"),
        Annotation("z", 3, 99, ""),
    ]
    assert [a.id for a in usable_annotations(doc, anns)] == ["a", "b"]
    assert "runs past the text" in caplog.text  # the user is told, in the log


def test_index_follows_the_kazakh_alphabet() -> None:
    names = ["Қарағанды", "Ұлытау", "Алматы", "Zakon.kz", "Әлия", "Кентау", "Өскемен", "Орал"]
    ents = [Entity(n, n, "GPE", (Mention(0, 1, "x"),)) for n in names]
    assert [e.name for e in index_entries(ents)] == [
        "Zakon.kz", "Алматы", "Әлия", "Кентау", "Қарағанды", "Орал", "Өскемен", "Ұлытау",
    ]  # fmt: skip


def test_index_sorted_by_name_with_pages() -> None:
    pages = {0: 1, 50: 3, 70: 3}
    ents = [
        Entity("k1", "Әлихан", "PERSON", (Mention(50, 56, "x"), Mention(70, 76, "y"))),
        Entity("k2", "Абай", "PERSON", (Mention(0, 4, "Абай"),)),
    ]
    lines = [index_line(e) for e in index_entries(ents, pages.__getitem__)]
    assert lines == ["Абай (Person) — 1 mention, page 1", "Әлихан (Person) — 2 mentions, page 3"]


def test_colours_become_pdf_rgb() -> None:
    assert color_rgb("yellow") == (1.0, round(0xE1 / 255, 4), round(0x4D / 255, 4))
    assert color_rgb("no such colour") == color_rgb("yellow")

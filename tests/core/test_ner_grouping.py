"""Grouping: inflected and shortened mentions become one entry titled in the nominative."""

import pytest

from reader.core.ner.grouping import canonical, group
from reader.core.spans import EntitySpan


def spans_of(text: str, mentions: list[tuple[str, str]]) -> list[EntitySpan]:
    """Spans for each (mention text, label), found left to right in ``text``."""
    result = []
    pos = 0
    for mention, label in mentions:
        start = text.index(mention, pos)
        result.append(EntitySpan(start, start + len(mention), label))
        pos = start + len(mention)
    return result


# (mentions in document order, expected entries as (label, name, mention count))
CASES = [
    (
        [("Назарбаевқа", "PERSON"), ("Назарбаевтың", "PERSON"), ("Назарбаев", "PERSON")],
        [("PERSON", "Назарбаев", 3)],
    ),
    (
        [("Нұрсұлтан Назарбаевқа", "PERSON"), ("Назарбаев", "PERSON"),
         ("Нұрсұлтан Назарбаев", "PERSON")],
        [("PERSON", "Нұрсұлтан Назарбаев", 3)],
    ),
    (
        [("Қазақстан Республикасының", "GPE"), ("Қазақстан", "GPE"), ("Қазақстанның", "GPE")],
        [("GPE", "Қазақстан Республикасы", 3)],
    ),
    (  # same words, different classes: two entries
        [("Қазақстан", "GPE"), ("Қазақстан халқы Ассамблеясының", "ORGANISATION")],
        [("GPE", "Қазақстан", 1), ("ORGANISATION", "Қазақстан халқы Ассамблеясы", 1)],
    ),
    (  # a person's first name alone is not taken for the surname
        [("Нұрсұлтан Назарбаев", "PERSON"), ("Нұрсұлтан", "PERSON")],
        [("PERSON", "Нұрсұлтан", 1), ("PERSON", "Нұрсұлтан Назарбаев", 1)],
    ),
    (  # a nominative ending in a case-like letter is kept: Астана is not Аста + на
        [("Астана", "GPE"), ("Астанаға", "GPE")],
        [("GPE", "Астана", 2)],
    ),
    (
        [("Қауіпсіздік Кеңесінің", "ORGANISATION")],
        [("ORGANISATION", "Қауіпсіздік Кеңесі", 1)],
    ),
    (
        [("М.Қасымбеков", "PERSON"), ("Қасымбековке", "PERSON")],
        [("PERSON", "М.Қасымбеков", 2)],
    ),
    (  # a possessive ending belongs to a multi-word name: not Тұңғыш Президент
        [("Тұңғыш Президентінің", "POSITION"), ("Президент", "POSITION")],
        [("POSITION", "Тұңғыш Президенті", 1), ("POSITION", "Президент", 1)],
    ),
    (  # a title is not the post that begins with it
        [("Елбасы", "POSITION"), ("Елбасы Кеңсесінің Басшысы", "POSITION")],
        [("POSITION", "Елбасы", 1), ("POSITION", "Елбасы Кеңсесінің Басшысы", 1)],
    ),
    (  # dates are not names: their words stay as written
        [("Бүгінде", "DATE"), ("5 қаңтарда", "DATE")],
        [("DATE", "Бүгінде", 1), ("DATE", "5 қаңтарда", 1)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("mentions", "expected"), CASES)
def test_grouping_table(
    mentions: list[tuple[str, str]], expected: list[tuple[str, str, int]]
) -> None:
    text = " және ".join(m for m, _ in mentions) + "."
    entities = group(text, spans_of(text, mentions))
    got = sorted((e.label, e.name, e.count) for e in entities)
    assert got == sorted(expected)


def test_entries_keep_every_mention_with_its_offsets_and_a_stable_key() -> None:
    text = "Назарбаевқа хат келді. Назарбаев оқыды."
    spans = spans_of(text, [("Назарбаевқа", "PERSON"), ("Назарбаев", "PERSON")])
    [entity] = group(text, spans)
    assert [(m.start, m.end, m.text) for m in entity.mentions] == [
        (0, 11, "Назарбаевқа"), (23, 32, "Назарбаев"),
    ]  # fmt: skip
    assert entity.key == "PERSON:назарбаев"
    assert group(text, spans) == [entity]


def test_quoted_names_are_titled_with_their_quotes() -> None:
    text = "«Nur Otan» партиясына"
    [entity] = group(text, [EntitySpan(1, 9, "ORGANISATION")])
    assert entity.name == "«Nur Otan»"
    assert entity.mentions[0].text == "Nur Otan"


def test_most_mentioned_entities_come_first() -> None:
    text = "Алматы, Астана, Астанада"
    spans = spans_of(text, [("Алматы", "GPE"), ("Астана", "GPE"), ("Астанада", "GPE")])
    assert [e.name for e in group(text, spans)] == ["Астана", "Алматы"]


def test_canonical_strips_a_case_ending_only_with_evidence_or_when_unambiguous() -> None:
    assert canonical("назарбаевқа", {"назарбаев"}) == "назарбаев"
    assert canonical("кеңесінің", set()) == "кеңесі"
    assert canonical("қазақстан", set()) == "қазақстан"
    assert canonical("қазақстан", {"қазақс"}) == "қазақс"  # the evidence decides

"""Numbers are useful but not names: the panel groups them apart, the index leaves them out."""

import pytest

from reader.core.ner.entities import LABELS, NUMBER_LABELS, Entity, Mention, is_number_label
from reader.export.common import index_entries


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("CARDINAL", True),
        ("ORDINAL", True),
        ("QUANTITY", True),
        ("PERCENTAGE", True),
        ("MONEY", True),
        ("PERSON", False),
        ("GPE", False),
        ("DATE", False),
        ("POSITION", False),
    ],
)
def test_number_classes(label: str, number: bool) -> None:
    assert is_number_label(label) is number


def test_every_number_class_is_a_kaznerd_class() -> None:
    assert set(NUMBER_LABELS) < set(LABELS)


def _entity(name: str, label: str) -> Entity:
    return Entity(f"{label}:{name}", name, label, (Mention(0, len(name), name),))


def test_the_export_index_lists_names_and_dates_only_when_asked() -> None:
    entities = [
        _entity("2 000 000", "CARDINAL"),
        _entity("15 %", "PERCENTAGE"),
        _entity("5 млн теңге", "MONEY"),
        _entity("Абай", "PERSON"),
        _entity("Астана", "GPE"),
        _entity("2021 жыл", "DATE"),
    ]
    assert [e.name for e in index_entries(entities)] == ["Абай", "Астана"]
    with_dates = [e.name for e in index_entries(entities, dates=True)]
    assert with_dates == ["2021 жыл", "Абай", "Астана"]

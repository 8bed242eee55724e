"""One document in Kazakh and Russian: a person or place written in both is one entry."""

import json
from pathlib import Path

import pytest

from reader.core.ner import analyse
from reader.core.ner.entities import LABELS, Entity
from reader.core.ner.grouping import cross_script, group
from reader.core.ner.listing import to_json
from reader.core.spans import EntitySpan

MIXED = Path(__file__).parents[1] / "data" / "entity_names" / "mixed_kk_ru.txt"


@pytest.fixture(scope="module")
def mixed() -> list[Entity]:
    return analyse(MIXED.read_text(encoding="utf-8"))


def _holding(entities: list[Entity], label: str, *mentions: str) -> list[Entity]:
    return [
        e for e in entities if e.label == label and set(mentions) & {m.text for m in e.mentions}
    ]


def test_json_lists_every_spelling_and_keeps_kaznerds_codes(mixed: list[Entity]) -> None:
    data = to_json(mixed)["entities"]
    [tokayev] = [e for e in data if e["name"] == "Қасым-Жомарт Тоқаев"]
    assert tokayev["label"] == "PERSON"  # the code, not a class name in some language
    assert tokayev["spellings"] == ["Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев"]
    assert all(e["spellings"][0] == e["name"] for e in data)
    assert {e["label"] for e in data} <= set(LABELS)
    json.dumps(data, ensure_ascii=False)  # plain JSON all the way


def test_the_president_in_both_languages_is_one_person_titled_in_kazakh(
    mixed: list[Entity],
) -> None:
    [tokayev] = _holding(mixed, "PERSON", "Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев")
    texts = {m.text for m in tokayev.mentions}
    assert {"Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев", "Қасым-Жомарт Тоқаевтың"} <= texts
    assert {"Тоқаев", "Токаев"} <= texts  # the surname alone, in each script
    assert tokayev.name == "Қасым-Жомарт Тоқаев"  # the document is mostly Kazakh
    assert tokayev.spellings == ("Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев")


def test_the_minister_in_kazakh_and_russian_cases_is_one_person(mixed: list[Entity]) -> None:
    [lavrov] = _holding(mixed, "PERSON", "Сергей Лавровты", "Сергея Лаврова")
    texts = {m.text for m in lavrov.mentions}
    assert {"Сергей Лавровты", "Сергей Лавровқа", "Сергей Лавровтың", "Сергея Лаврова"} <= texts
    assert lavrov.name == "Сергей Лавров"


@pytest.mark.parametrize(
    ("kazakh", "russian", "name"),
    [("Қазақстанның", "Казахстана", "Қазақстан"), ("Астанаға", "Астане", "Астана")],
)
def test_a_place_in_both_languages_is_one_place(
    mixed: list[Entity], kazakh: str, russian: str, name: str
) -> None:
    [place] = _holding(mixed, "GPE", kazakh, russian)
    assert {kazakh, russian} <= {m.text for m in place.mentions}
    assert place.name == name


def test_the_title_follows_the_main_language_and_every_spelling_is_kept() -> None:
    text = "Қазақстан. Казахстан. Казахстан."
    spans = [EntitySpan(0, 9, "GPE"), EntitySpan(11, 20, "GPE"), EntitySpan(22, 31, "GPE")]
    nominatives = {spans[1]: "Казахстан", spans[2]: "Казахстан"}
    [kk] = group(text, spans, nominatives, "kk")
    [ru] = group(text, spans, nominatives, "ru")
    assert (kk.name, ru.name) == ("Қазақстан", "Казахстан")
    assert set(kk.spellings) == set(ru.spellings) == {"Қазақстан", "Казахстан"}
    assert kk.count == ru.count == 3


def test_names_that_differ_in_more_than_script_stay_apart() -> None:
    assert cross_script("Тоқаев") == cross_script("Токаев")
    assert cross_script("Қазақстан") == cross_script("Казахстан")
    text = "Ресей. Россия."
    spans = [EntitySpan(0, 5, "GPE"), EntitySpan(7, 13, "GPE")]
    assert len(group(text, spans, {spans[1]: "Россия"})) == 2

"""Russian paragraphs: natasha's model from its wheel, mapped onto KazNERD's classes, and
each mention's nominative from natasha's own morphology."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from reader.core.ner import analyse
from reader.core.ner.entities import Entity

ROOT = Path(__file__).parents[2]

NO_NETWORK = """
import socket

def refuse(*args, **kwargs):
    raise OSError("network used")

socket.socket.connect = refuse
socket.create_connection = refuse
from reader.core.ner.russian import russian_entities
text = "Глава компании Газпром Алексей Миллер прилетел в Санкт-Петербург."
print(sorted((text[s.start:s.end], s.label) for s in russian_entities(text, 0, len(text))))
"""


def test_natasha_works_offline_and_maps_its_classes() -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = result.stdout
    assert "('Алексей Миллер', 'PERSON')" in found
    assert "('Санкт-Петербург', 'GPE')" in found
    assert "'ORGANISATION'" in found


def test_offsets_point_into_the_whole_text_and_drop_trailing_full_stops() -> None:
    from reader.core.ner.russian import russian_entities

    text = "Қазақша абзац.\nВчера в Москве прошла встреча с компанией Газпром."
    start = text.index("\n") + 1
    spans = russian_entities(text, start, len(text))
    assert ("Москве", "GPE") in [(text[s.start : s.end], s.label) for s in spans]
    assert all(s.start >= start and text[s.end - 1].isalnum() for s in spans)


def _entries(text: str) -> dict[str, Entity]:
    return {e.name: e for e in analyse(text)}


def test_russian_names_are_grouped_under_their_nominative() -> None:
    text = (
        "Министр иностранных дел России Сергей Лавров прибыл в Москву. "
        "Встреча с Сергеем Лавровым прошла в Кремле. Визит Лаврова завершился.\n"
        "Журналисты спросили Токаева о визите. Письмо вручили лично Токаеву.\n"
        "Президент Республики Казахстан выступил в Москве."
    )
    found = _entries(text)
    lavrov = found["Сергей Лавров"]
    assert lavrov.label == "PERSON"
    assert {m.text for m in lavrov.mentions} == {"Сергей Лавров", "Сергеем Лавровым", "Лаврова"}
    assert {m.text for m in found["Токаев"].mentions} == {"Токаева", "Токаеву"}
    assert "Республика Казахстан" in found
    assert {m.text for m in found["Москва"].mentions} == {"Москву", "Москве"}
    assert not {"Сергеем Лавровым", "Лаврова", "Токаева", "Республики Казахстан"} & set(found)


def test_an_organisation_is_inflected_up_to_its_head_only() -> None:
    from reader.core.ner.russian import russian_mentions

    text = "Представители Министерства иностранных дел посетили офис Газпрома."
    normal = {
        text[m.span.start : m.span.end]: m.nominative for m in russian_mentions(text, 0, len(text))
    }
    assert normal["Министерства иностранных дел"] == "Министерство иностранных дел"
    assert normal["Газпрома"] == "Газпром"


def test_two_threads_recognise_russian_at_once() -> None:
    from reader.core.ner.russian import russian_mentions

    texts = [f"Сергей Лавров прибыл в Астану в {n} часов." for n in range(8)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda t: russian_mentions(t, 0, len(t)), texts))
    assert all([m.nominative for m in r][:1] == ["Сергей Лавров"] for r in results)

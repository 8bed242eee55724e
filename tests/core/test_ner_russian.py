"""Russian paragraphs: natasha's model from its wheel, mapped onto KazNERD's classes."""

import subprocess
import sys
from pathlib import Path

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

"""Paragraph language by its words: Russian goes to natasha, English gets no entities."""

import pytest

from reader.core.ner.language import detect


@pytest.mark.parametrize(
    ("paragraph", "language"),
    [
        ("Жиын қорытындысы бойынша Елбасы бірқатар нақты тапсырма берді.", "kk"),
        ("Ол келді де кетті.", "kk"),  # no Kazakh-only letter, still Kazakh
        ("Президент России Владимир Путин встретился в Москве с делегацией.", "ru"),
        ("Он сказал, что это было не так.", "ru"),
        ("The President met the delegation in Astana on Monday.", "en"),
        ("«Nur Otan» партиясына басшылық етуді жалғастыра беремін", "kk"),
    ],
)
def test_detect(paragraph: str, language: str) -> None:
    assert detect(paragraph) == language

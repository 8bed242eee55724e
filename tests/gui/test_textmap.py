"""The one str <-> Qt position converter: emoji shift Qt positions, the Latin view maps back."""

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from reader.gui.textmap import TextMap, Utf16Map, latin_map

EMOJI_TEXT = "Сәлем 😀 Қазақстан 👍🏽 Елбасы"


def test_qt_positions_after_an_emoji_are_shifted_by_one_per_emoji() -> None:
    tmap = TextMap.identity(EMOJI_TEXT)
    start = EMOJI_TEXT.index("Қазақстан")
    assert tmap.to_qt(start) == start + 1
    start2 = EMOJI_TEXT.index("Елбасы")
    assert tmap.to_qt(start2) == start2 + 3  # 😀, 👍 and the skin tone are astral
    assert tmap.from_qt(start2 + 3) == start2


def test_qt_document_agrees_with_the_map() -> None:
    doc = QTextDocument()
    doc.setPlainText(EMOJI_TEXT)
    tmap = TextMap.identity(EMOJI_TEXT)
    start = EMOJI_TEXT.index("Елбасы")
    cursor = doc.find("Елбасы")
    assert cursor.selectionStart() == tmap.to_qt(start)
    assert tmap.from_qt(cursor.selectionEnd()) == start + len("Елбасы")


def test_a_position_inside_a_surrogate_pair_rounds_down_to_the_emoji() -> None:
    tmap = TextMap.identity("a😀b")
    assert [tmap.from_qt(p) for p in range(5)] == [0, 1, 1, 2, 3]


@given(st.text(alphabet=st.sampled_from("aқ\n😀𝕏é"), max_size=40))
def test_round_trip_for_every_offset(text: str) -> None:
    umap = Utf16Map.of(text)
    assert umap.to_utf16(len(text)) == len(text.encode("utf-16-le")) // 2
    for i in range(len(text) + 1):
        assert umap.from_utf16(umap.to_utf16(i)) == i
        assert umap.to_utf16(i) == len(text[:i].encode("utf-16-le")) // 2


def test_latin_view_maps_shown_ranges_back_to_the_original_word() -> None:
    original = "Біз Қазақстанда 😀 тұрамыз. Юля келді."
    latin, sources = latin_map(original)
    tmap = TextMap.shown(original, latin, sources)
    lo = latin.index("Qazaqstanda")
    start, end = tmap.shown_to_original(lo, lo + len("Qazaqstanda"))
    assert original[start:end] == "Қазақстанда"
    # Qt positions of the Latin view point back into the original text as well
    q_start, q_end = tmap.range_to_qt(start, end)
    assert latin.encode("utf-16-le")[2 * q_start : 2 * q_end].decode("utf-16-le") == "Qazaqstanda"
    assert tmap.range_from_qt(q_start, q_end) == (start, end)
    # a word after the emoji and after a letter that became two ("Ю" -> "İu")
    k = original.index("келді")
    q = tmap.to_qt(k)
    assert latin.encode("utf-16-le")[2 * q : 2 * q + 10].decode("utf-16-le") == "keldı"
    assert tmap.from_qt(q) == k

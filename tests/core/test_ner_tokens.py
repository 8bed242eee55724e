"""The tokenizer keeps offsets and splits text the way KazNERD's sentences are split."""

from hypothesis import given
from hypothesis import strategies as st

from reader.core.ner.tokens import sentences, tokenize

ALPHABET = "аәбқңөұүіһ АБҚӘ «»\"'-–.,:%!?1234 zZ.kz\n\t\u00a0\u2028_"


@given(st.text(alphabet=ALPHABET) | st.text())
def test_tokens_are_the_text_at_their_offsets_in_order_covering_every_non_space(text: str) -> None:
    tokens = tokenize(text)
    covered = [False] * len(text)
    previous_end = 0
    for t in tokens:
        assert text[t.start : t.end] == t.text
        assert previous_end <= t.start < t.end
        previous_end = t.end
        for i in range(t.start, t.end):
            covered[i] = True
    for i, ch in enumerate(text):
        assert covered[i] or ch.isspace(), f"{ch!r} at {i} is in no token"


@given(st.text(alphabet=ALPHABET), st.text(alphabet=ALPHABET))
def test_tokenizing_a_range_gives_offsets_into_the_whole_text(before: str, middle: str) -> None:
    text = before + " " + middle
    start = len(before) + 1
    assert [(t.start - start, t.text) for t in tokenize(text, start)] == [
        (t.start, t.text) for t in tokenize(middle)
    ]


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_initial_is_split_from_the_surname() -> None:
    assert words("Басшысы М.Қасымбеков, А. Бисембаев") == [
        "Басшысы", "М.", "Қасымбеков", ",", "А.", "Бисембаев",
    ]  # fmt: skip


def test_quotes_and_punctuation_are_tokens_but_hyphenated_words_stay_whole() -> None:
    assert words("«Nur Otan» партиясы, Нұр-Сұлтан, сондай-ақ") == [
        "«", "Nur", "Otan", "»", "партиясы", ",", "Нұр-Сұлтан", ",", "сондай-ақ",
    ]  # fmt: skip


def test_numbers_keep_hyphenated_endings_but_split_decimals_as_kaznerd_does() -> None:
    assert words("1997-нші жылы 1,5 млн 5 %-ке") == [
        "1997-нші", "жылы", "1", ",", "5", "млн", "5", "%-ке",
    ]  # fmt: skip


def test_web_address_is_split_at_its_dots_as_in_kaznerd() -> None:
    assert words("хабарлайды Zakon.kz") == ["хабарлайды", "Zakon", ".", "kz"]


def test_sentences_end_at_a_full_stop_before_a_capital_but_not_after_an_initial() -> None:
    tokens = tokenize("Жиын өтті. М.Қасымбеков қатысты. Zakon.kz хабарлайды")
    got = [[t.text for t in s] for s in sentences(tokens)]
    assert got == [
        ["Жиын", "өтті", "."],
        ["М.", "Қасымбеков", "қатысты", "."],
        ["Zakon", ".", "kz", "хабарлайды"],
    ]

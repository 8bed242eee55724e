"""Word-form search (mode "words"): every inflected form of the query's words, and little else."""

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import CancelledError
from reader.core.kazakh.lookalike import clean_text
from reader.core.kazakh.wordsearch import build_index, find_words
from reader.core.search import find

TEXT = (
    "Қазақстанның астанасы Астана. Қазақстанға келген қонақтар Қазақстандағы өзгерістерді "
    "көрді. Қазақстандық өнім. Қазақстан Республикасының Президенті. ҚАЗАҚСТАН ХАЛҚЫ."
)


def found(query: str, text: str = TEXT, **kw: bool) -> list[str]:
    return [text[m.start : m.end] for m in find(text, query, mode="words", **kw)]


def test_finds_inflected_forms_but_not_the_derived_word() -> None:
    assert found("Қазақстан") == [
        "Қазақстанның",
        "Қазақстанға",
        "Қазақстандағы",
        "Қазақстан",
        "ҚАЗАҚСТАН",
    ]


def test_russian_layout_query_finds_kazakh_letters() -> None:
    assert found("Казакстан") == found("Қазақстан")
    assert "Қазақстанға" in found("казакстанга")


def test_latin_query_is_read_in_the_2021_alphabet() -> None:
    assert found("Qazaqstan") == found("Қазақстан")
    assert found("halqy") == ["ХАЛҚЫ"]


def test_inflected_query_finds_the_other_forms() -> None:
    assert found("Қазақстанның") == found("Қазақстан")


def test_several_words_match_in_order_each_in_any_form() -> None:
    assert found("Қазақстан Республика") == ["Қазақстан Республикасының"]
    assert found("Республика Қазақстан") == []


def test_match_case_wants_the_query_capitals() -> None:
    assert found("ҚАЗАҚСТАН", case=True) == ["ҚАЗАҚСТАН"]
    assert found("халық", case=True) == []
    assert found("Қазақстан", case=True)[:1] == ["Қазақстанның"]


def test_offsets_index_the_original_text_after_wide_characters() -> None:
    text = "😀 Астанадағы 😀 Астанаға"
    matches = find_words(text, "астана", case=False, whole_word=False)
    assert [text[m.start : m.end] for m in matches] == ["Астанадағы", "Астанаға"]


def test_a_word_inside_another_word_is_not_a_match() -> None:
    assert found("ел", text="Елдер мен Келдер") == ["Елдер"]


def test_empty_or_wordless_query_finds_nothing() -> None:
    assert found("") == []
    assert found("2019 !") == []


def test_index_reports_progress_and_a_kept_index_gives_the_same_matches() -> None:
    text = TEXT * 3
    seen: list[tuple[int, int]] = []
    index = build_index(text, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0
    kept = find(text, "Қазақстан", mode="words", index=index)
    assert kept == find(text, "Қазақстан", mode="words") != []


def test_core_keeps_no_hidden_index_cache() -> None:
    """The caller owns the index (the GUI's document session keeps it): nothing in the
    module holds texts or indexes between calls."""
    from reader.core.kazakh import wordsearch

    build_index(TEXT + " тағы бір мәтін")
    held = [
        name
        for name, value in vars(wordsearch).items()
        if isinstance(value, (list, dict))
        and value
        and not name.isupper()
        and not name.startswith("__")
    ]
    assert held == []


def test_cancelled_index_build_raises() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        build_index(TEXT + " жаңа мәтін", cancel=cancel)


WORDS = ["Қазақстан", "Қазақстанның", "қазақстандық", "ел", "елдер", "Ел", "Астанада", "кітабы"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, " ", ", ", "😀", "\n", "1-ке "]), max_size=25))
def test_matches_are_whole_words_of_the_original_text(parts: list[str]) -> None:
    text = "".join(parts)
    for query in ("Қазақстан", "ел", "Qazaqstan"):
        for m in find_words(text, query, case=False, whole_word=True):
            assert text[m.start : m.end].strip() == text[m.start : m.end]
            assert m.start == 0 or not text[m.start - 1].isalpha()
            assert m.end == len(text) or not text[m.end].isalpha()
            assert text[m.start : m.end].lower().startswith(("қазақстан", "ел"))
            assert text[m.start : m.end].lower() != "қазақстандық"


def test_kazakh_written_in_latin_is_searched_by_word_form_too() -> None:
    text = "Qazaqstannyñ astanasy. Qazaqstanğa keldı. Qazaqstandyq önım."
    expected = ["Qazaqstannyñ", "Qazaqstanğa"]
    assert found("Qazaqstan", text=text) == expected
    assert found("Қазақстан", text=text) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("аҚқзs1 ,.\n-ʼ\u0301😀"), max_size=60),
    st.integers(min_value=1, max_value=9),
)
def test_index_built_in_pieces_is_the_index_of_the_whole_text(text: str, piece: int) -> None:
    """The text is indexed in pieces (so the background build never holds the interpreter
    for long); whatever the piece size, every word is where the whole-text split says."""
    import re

    from reader.core.kazakh import wordsearch

    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", text)]
    original = wordsearch._PIECE
    wordsearch._PIECE = piece
    try:
        index = wordsearch.build_index(text)
    finally:
        wordsearch._PIECE = original
    n = len(index.word_forms)
    assert [(index.start(i), index.end(i)) for i in range(n)] == words
    clean = clean_text(text)  # forms are cleaned of look-alikes (sа is Latin sa)
    assert [index.forms[index.word_forms[i]] for i in range(n)] == [clean[s:e] for s, e in words]
    assert len(index.forms) == len({clean[s:e] for s, e in words})
    assert index.clean == clean


def test_an_inflected_query_finds_its_dictionary_form_written_out() -> None:
    """Out of context Канада reads as Кана + locative; a query for Канадаға or Канаданың
    must still find it, as the bare query Канада finds the inflected forms."""
    text = "Канада туралы. Канадаға барды. Канаданың астанасы. Кана деген ауыл."
    for query in ("Канада", "Канадаға", "Канаданың", "Канадага"):
        found = [
            text[m.start : m.end] for m in find_words(text, query, case=False, whole_word=True)
        ]
        assert found == ["Канада", "Канадаға", "Канаданың"], query


def test_a_verb_finds_its_forms() -> None:
    """Issue 13: шешу (the verbal noun, as dictionaries list verbs) and the stem шеш find the
    verb's past, present and passive forms; a noun that only looks similar is not found."""
    text = "Мәселені шешті. Ол оны шешеді. Мәселе шешілді. Шешуі қиын. Шеше келді."
    for query in ("шешу", "шеш", "шешті"):
        found = [
            text[m.start : m.end] for m in find_words(text, query, case=False, whole_word=True)
        ]
        assert {"шешті", "шешеді", "шешілді"} <= set(found), query
        assert "Шеше" not in found  # a mother (шеше), not the verb


def test_an_adjective_finds_its_forms() -> None:
    text = "Жаңа жол. Жаңасы жақсы. Жаңаның бәрі. Жаңбыр жауды."
    found = [text[m.start : m.end] for m in find_words(text, "жаңа", case=False, whole_word=True)]
    assert found == ["Жаңа", "Жаңасы", "Жаңаның"]

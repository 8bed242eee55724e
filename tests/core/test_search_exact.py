"""reader.core.search.find in exact and regex modes: the shared entry point."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.search import Match, QueryError, find, line_context, line_contexts

TEXT = "Елбасы сөз сөйледі. елбасы Елбасының кеңесі. ЕЛБАСЫ"


def test_exact_ignores_case_by_default_and_offsets_index_the_text() -> None:
    matches = find(TEXT, "елбасы")
    assert [TEXT[m.start : m.end] for m in matches] == ["Елбасы", "елбасы", "Елбасы", "ЕЛБАСЫ"]


def test_case_sensitive_exact() -> None:
    matches = find(TEXT, "Елбасы", case=True)
    assert [TEXT[m.start : m.end] for m in matches] == ["Елбасы", "Елбасы"]


def test_whole_word_skips_inflected_forms() -> None:
    matches = find(TEXT, "елбасы", whole_word=True)
    assert len(matches) == 3
    assert all(TEXT[m.end : m.end + 1] in ("", " ", ".") for m in matches)


def test_regex_mode_and_invalid_regex_message() -> None:
    assert find(TEXT, r"с[өо]з", mode="regex") == [Match(7, 10)]
    with pytest.raises(QueryError, match="Invalid regular expression"):
        find(TEXT, "(unclosed", mode="regex")


def test_exact_treats_regex_characters_literally() -> None:
    assert find("a.b axb", "a.b") == [Match(0, 3)]


def test_empty_query_and_unknown_mode() -> None:
    assert find(TEXT, "") == []
    with pytest.raises(ValueError):
        find(TEXT, "x", mode="fuzzy")


def test_line_context_gives_line_number_and_snippet() -> None:
    text = "бірінші\nекінші жолда Астана бар\nүшінші"
    start = text.index("Астана")
    line, snippet = line_context(text, start, start + 6)
    assert line == 2
    assert snippet == "екінші жолда Астана бар"


@given(st.text(max_size=60), st.text(min_size=1, max_size=4))
def test_exact_agrees_with_re(text: str, query: str) -> None:
    expected = [
        (m.start(), m.end())
        for m in re.finditer(re.escape(query), text, re.IGNORECASE)
        if m.end() > m.start()
    ]
    assert [(m.start, m.end) for m in find(text, query)] == expected


@given(
    st.text(alphabet="аб\n", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 5)), max_size=12),
)
def test_line_contexts_of_many_matches_are_those_of_each(
    text: str, raw: list[tuple[int, int]]
) -> None:
    """Counted once through the text, in any order of matches: the same as one by one."""
    spans = [(min(s, len(text)), min(s + n, len(text))) for s, n in raw]
    assert line_contexts(text, spans, width=3) == [line_context(text, s, e, 3) for s, e in spans]

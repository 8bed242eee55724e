"""Look-alike letters from other alphabets (reader.core.kazakh.lookalike) and their use by
search, the word index, the lemmatiser and ``oqyrman text --normalise``.

``fixture_recall`` is shared with benchmarks/bench_lookalike.py, which prints it.
"""

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.cli import main
from reader.core.kazakh import lemma
from reader.core.kazakh.lookalike import (
    clean_pattern,
    clean_text,
    clean_word,
    count_mixed_words,
    mixes_scripts,
)
from reader.core.kazakh.wordsearch import build_index
from reader.core.search import find

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "lookalike" / "real_patterns.tsv"
_WORD = re.compile(r"[^\W\d_]+")
LOOKALIKES = "aeopcxyikhəöüëABCEHIKMOPTXYƏÖÜËӛӚ"


def fixture_rows() -> list[tuple[str, str, str]]:
    """(as typed, as meant, pattern) of every fixture line."""
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            typed, meant, pattern = line.split("\t")
            rows.append((typed, meant, pattern))
    return rows


def fixture_recall(search: str = "ours", pattern: str | None = None) -> tuple[float, int]:
    """Of the occurrences of the words that look-alikes spoil (and of every word of the
    'stays' lines), the share that a search for the word as meant finds at its place in
    the text as typed, and how many there are (of one ``pattern`` only, if given: schwa,
    latin-i, ...). ``search`` is "ours" (``find`` in exact
    mode, with the index as the GUI passes it), "words" (word-form mode) or "re" (plain
    case-insensitive ``re``, the search before this)."""
    typed = "\n".join(t for t, _, _ in fixture_rows())
    wanted: dict[str, set[int]] = {}
    offset = 0
    for t, m, kind in fixture_rows():
        for w in _WORD.finditer(m):
            if pattern is not None and not kind.startswith(pattern):
                continue
            if kind == "stays" or t[w.start() : w.end()] != w.group():
                wanted.setdefault(w.group(), set()).add(offset + w.start())
        offset += len(m) + 1
    index = build_index(typed)
    found = total = 0
    for word, starts in wanted.items():
        if search == "re":
            hits = {m.start() for m in re.finditer(re.escape(word), typed, re.IGNORECASE)}
        else:
            mode = "exact" if search == "ours" else "words"
            hits = {m.start for m in find(typed, word, mode=mode, index=index)}
        total += len(starts)
        found += len(starts & hits)
    return found / total, total


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("жəне", "және"),  # Latin schwa
        ("ƏЛЕМ", "ӘЛЕМ"),
        ("бiр", "бір"),  # Latin i
        ("Iле", "Іле"),
        ("кӛмек", "көмек"),  # Cyrillic schwa with diaeresis
        ("ӚСКЕМЕН", "ӨСКЕМЕН"),
        ("pecпубликa", "республика"),  # Latin small twins
        ("ТOKAЕВ", "ТОКАЕВ"),  # Latin capitals
        ("Kинопарк", "Кинопарк"),
        ("жаhан", "жаһан"),
        ("Nurіslam", "Nurislam"),  # a Cyrillic і inside a Latin word
        ("Kazakhstаn", "Kazakhstan"),
    ],
)
def test_each_lookalike_class_is_folded(typed: str, meant: str) -> None:
    assert clean_word(typed) == meant
    assert clean_text(f"«{typed}», ") == f"«{meant}», "


@pytest.mark.parametrize("word", ["Nur", "Otan", "Google", "COVID", "www", "iPhone", "Қазақстан"])
def test_words_of_one_script_stay(word: str) -> None:
    assert clean_word(word) == word
    assert not mixes_scripts(word)


@given(st.text(alphabet=st.sampled_from("жнеқсаәіxTӛ" + LOOKALIKES + " .-1\n"), max_size=80))
def test_cleaning_keeps_length_and_is_idempotent(text: str) -> None:
    clean = clean_text(text)
    assert len(clean) == len(text)
    assert clean_text(clean) == clean
    # non-letters never change, so every word keeps its place
    assert [m.span() for m in _WORD.finditer(clean)] == [m.span() for m in _WORD.finditer(text)]
    assert all(a == b for a, b in zip(clean, text, strict=True) if not a.isalpha())


@given(
    st.lists(st.sampled_from(["жəне", "бiр", "Kaзақстан", "және", "Nur", "ел"]), max_size=12),
    st.sampled_from(["және", "бір", "Қазақстан"]),
)
def test_exact_search_reports_offsets_into_the_text_as_typed(words: list[str], q: str) -> None:
    text = " ".join(words)
    for m in find(text, q, mode="exact"):
        assert clean_text(text[m.start : m.end]).lower() == q.lower()


def test_every_search_mode_and_the_lemmatiser_see_the_meant_word() -> None:
    text = "Бұл жəне ол. Қазақстанның бiр ӛңірі. ЖƏНЕ"
    assert [text[m.start : m.end] for m in find(text, "және")] == ["жəне", "ЖƏНЕ"]
    assert [text[m.start : m.end] for m in find(text, r"ж\wне", mode="regex")] == [
        "жəне",
        "ЖƏНЕ",
    ]
    assert [text[m.start : m.end] for m in find(text, "бір өңір", mode="words")] == ["бiр ӛңірі"]
    assert lemma("Kaзaқстанның") == "Казақстан"  # Latin K is К, as on a Russian layout
    assert lemma("Қазақстанның") == lemma("Қaзaқстaнның") == "Қазақстан"
    assert clean_pattern(r"\bжəне\B") == r"\bжәне\B"  # escapes are not letters


def test_counting_words_that_mix_scripts() -> None:
    assert count_mixed_words("жəне жəне бiр кӛмек Nur Otan www.kazinform.kz") == 4
    assert count_mixed_words("Қазақстан және Nur Otan") == 0


def test_the_fixture_is_cleaned_except_words_wholly_of_latin_lookalikes() -> None:
    """A word typed entirely in Latin look-alikes (CAY for САУ in a capital heading) cannot
    be told from a Latin word by its letters, and stays as typed; every other word of the
    fixture comes out as meant."""
    for typed, meant, _ in fixture_rows():
        clean = clean_text(typed)
        for a, b in zip(_WORD.findall(clean), _WORD.findall(meant), strict=True):
            if a != b:
                assert all(ch in LOOKALIKES for ch in a), (a, b)


def test_search_recall_on_the_real_pattern_fixture() -> None:
    recall, total = fixture_recall("ours")
    before, _ = fixture_recall("re")
    assert total > 150
    assert recall >= 0.99
    assert before < 0.5  # what a plain search found
    assert fixture_recall("words")[0] >= 0.99


def test_cli_prints_the_normalised_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Қазақстан жəне бiр кӛмек, Nur Otan.\n", encoding="utf-8")
    assert main(["text", "--normalise", str(doc)]) == 0
    assert capsys.readouterr().out == "Қазақстан және бір көмек, Nur Otan.\n"

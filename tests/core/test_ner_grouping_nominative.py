"""Entries are titled in the nominative when the evidence says so (issue 4), and names that
merely end in a case-like syllable keep it."""

from pathlib import Path

import pytest

from reader.core.kazakh import is_known_stem
from reader.core.ner import analyse
from reader.core.ner.grouping import canonical, group
from reader.core.spans import EntitySpan

ISSUE_TEXT = (
    "Қазақстан Республикасы – Орталық Азиядағы мемлекет.\n"
    "Елбасы Астанада кеңес өткізді. Қазақстанның болашағы туралы айтылды.\n\n"
    "Үкімет жұмысы жалғасады; Қазақстан халқы қолдады.\n"
)
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_df59e22b846d8d1a.txt"


def entries(mentions: list[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """(label, name, count) of a document joining the mentions with " және "."""
    text = " және ".join(m for m, _ in mentions) + "."
    spans, pos = [], 0
    for mention, label in mentions:
        start = text.index(mention, pos)
        spans.append(EntitySpan(start, start + len(mention), label))
        pos = start + len(mention)
    return sorted((e.label, e.name, e.count) for e in group(text, spans))


def test_the_issue_example_is_titled_in_the_nominative() -> None:
    names = {(e.label, e.name) for e in analyse(ISSUE_TEXT)}
    assert ("GPE", "Астана") in names
    assert ("LOCATION", "Орталық Азия") in names
    assert ("GPE", "Қазақстан Республикасы") in names
    assert not any(name.endswith(("да", "дағы")) for _, name in names)


@pytest.mark.parametrize(
    ("mention", "label", "title"),
    [
        ("Астанада", "GPE", "Астана"),
        ("Орталық Азиядағы", "LOCATION", "Орталық Азия"),
        ("Қазақстан Республикасының", "GPE", "Қазақстан Республикасы"),
        ("Қытай Халық Республикасынан", "GPE", "Қытай Халық Республикасы"),
        ("Қырғызстанда", "GPE", "Қырғызстан"),  # not Қырғызста + нда
        ("Түркістан облысынан", "GPE", "Түркістан облысы"),
        ("Қонақбаевтан", "PERSON", "Қонақбаев"),  # a surname's suffix ends the stem
        ("Twitter-дегі", "ORGANISATION", "Twitter"),
        ("АҚШ-қа", "GPE", "АҚШ"),
        ("ҚАЗАҚСТАННЫҢ", "GPE", "ҚАЗАҚСТАН"),  # the capitals as written
    ],
)
def test_a_lone_inflected_mention_is_titled_in_the_nominative(
    mention: str, label: str, title: str
) -> None:
    assert entries([(mention, label)]) == [(label, title, 1)]


@pytest.mark.parametrize(
    ("mention", "label"),
    [
        ("Канада", "GPE"),  # Кана + да: Кана is no stem the lexicon knows
        ("Алматы", "GPE"),
        ("Ақтөбе", "GPE"),
        ("Шымкент", "GPE"),
        ("Тараз", "GPE"),
        ("Семей", "GPE"),
        ("Атырау", "GPE"),
        ("Орда", "GPE"),
        ("Мекке", "GPE"),
        ("Ганна", "PERSON"),
        ("Алтын Орда", "GPE"),
        ("Ұлы даланың алтыны", "EVENT"),  # алтын + ы, not алты + ны
        ("Тұңғыш Президенті", "POSITION"),
    ],
)
def test_a_nominative_that_looks_inflected_stays(mention: str, label: str) -> None:
    assert entries([(mention, label)]) == [(label, mention, 1)]


def test_inflected_mentions_group_without_the_bare_name() -> None:
    mentions = [("Астанада", "GPE"), ("Астанаға", "GPE")]
    assert entries(mentions) == [("GPE", "Астана", 2)]


def test_a_stem_the_lexicon_does_not_know_joins_through_a_safe_ending() -> None:
    # Миланға's dative is safe to strip, so Милан counts as seen and Миланда joins it
    assert entries([("Миланда", "GPE"), ("Миланға", "GPE")]) == [("GPE", "Милан", 2)]


def test_inflected_surname_forms_still_group_under_the_nominative() -> None:
    mentions = [("Назарбаевқа", "PERSON"), ("Назарбаевтың", "PERSON"), ("Назарбаевпен", "PERSON")]
    assert entries(mentions) == [("PERSON", "Назарбаев", 3)]


def test_quotes_stay_and_dates_are_untouched() -> None:
    text = "«Nur Otan» партиясына 5 қаңтарда"
    got = {
        (e.label, e.name)
        for e in group(text, [EntitySpan(1, 9, "ORGANISATION"), EntitySpan(22, 32, "DATE")])
    }
    assert got == {("ORGANISATION", "«Nur Otan»"), ("DATE", "5 қаңтарда")}


def test_canonical_trusts_the_lemma_only_for_a_stem_the_lexicon_knows() -> None:
    def lemma(word: str) -> str:
        return word[:-2]

    def known(stem: str, word: str) -> bool:
        return stem == "астана"

    assert canonical("астанада", set(), lemma, known=known) == "астана"
    assert canonical("канада", set(), lemma, known=known) == "канада"
    assert canonical("канада", set(), lemma) == "канада"


def test_known_stems_are_those_seen_in_many_forms() -> None:
    assert is_known_stem("астана") and is_known_stem("Қазақстан")
    assert not is_known_stem("мек") and not is_known_stem("кана")


def test_the_seed_document_keeps_its_nominative_titles() -> None:
    entities = {(e.label, e.name): e.count for e in analyse(SEED.read_text(encoding="utf-8"))}
    assert entities[("PERSON", "Нұрсұлтан Назарбаев")] == 5
    assert entities[("POSITION", "Қазақстан Республикасының Тұңғыш Президенті")] == 5
    for kept in [
        ("ORGANISATION", "Қауіпсіздік Кеңесі"),
        ("ORGANISATION", "Қазақстан халқы Ассамблеясы"),
        ("ORGANISATION", "Тұңғыш Президент Кеңсесі"),
        ("ORGANISATION", "Үкімет"),
    ]:
        assert kept in entities

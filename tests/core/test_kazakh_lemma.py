"""Dictionary forms of Kazakh nouns: each suffix class, each alternation, words left alone."""

from pathlib import Path

import pytest

from reader.core.kazakh import build_lexicon, lemma
from reader.core.kazakh.lemmatizer import best_lemma

ISSUE_EXAMPLES = [
    ("Қазақстанның", "Қазақстан"),
    ("елдеріміздің", "ел"),
    ("Назарбаевқа", "Назарбаев"),
    ("Астанадағы", "Астана"),
    ("кітабымыз", "кітап"),
    ("қызығы", "қызық"),
    ("орнына", "орын"),
    ("аузымен", "ауыз"),
]


@pytest.mark.parametrize(("form", "expected"), ISSUE_EXAMPLES)
def test_examples_from_the_issue(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("елдер", "ел"),
        ("қалалар", "қала"),
        ("адамдар", "адам"),
        ("жастар", "жас"),
        ("міндеттер", "міндет"),
    ],
)
def test_plural_with_each_consonant(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Қазақстанның", "Қазақстан"),  # н after a nasal
        ("елдің", "ел"),  # д after л
        ("Президенттің", "Президент"),  # т after a voiceless consonant
        ("қаланың", "қала"),  # н after a vowel
    ],
)
def test_genitive(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Қазақстанға", "Қазақстан"),
        ("елге", "ел"),
        ("Назарбаевқа", "Назарбаев"),
        ("халыққа", "халық"),
    ],
)
def test_dative(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [("міндеттерді", "міндет"), ("жұмысты", "жұмыс"), ("қаланы", "қала")],
)
def test_accusative(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [("Астанада", "Астана"), ("елде", "ел"), ("Қазақстанда", "Қазақстан"), ("облыста", "облыс")],
)
def test_locative(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Қазақстаннан", "Қазақстан"),
        ("елден", "ел"),
        ("Астанадан", "Астана"),
        ("мектептен", "мектеп"),
    ],
)
def test_ablative(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Астанамен", "Астана"),
        ("елмен", "ел"),
        ("Қазақстанмен", "Қазақстан"),
        ("халықпен", "халық"),
    ],
)
def test_instrumental(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Республикасы", "Республика"),  # 3rd person after a vowel
        ("Республикасының", "Республика"),
        ("елі", "ел"),  # 3rd person after a consonant
        ("қаласында", "қала"),  # н before the case after the 3rd person
        ("қаласына", "қала"),
        ("еліміз", "ел"),  # 1st person plural
        ("еліміздің", "ел"),
        ("кітабым", "кітап"),  # 1st person singular
        ("үйіме", "үй"),  # dative -е after it
        ("кітабың", "кітап"),  # 2nd person singular
        ("кітабыңыз", "кітап"),  # 2nd person polite
        ("еліңізге", "ел"),
        ("балаларымыздың", "бала"),  # plural + possessive + case
        ("графының", "граф"),  # an unseen stem: possessive + case
        ("оқушының", "оқушы"),  # but -шы words end in ы
        ("Құнанбайұлының", "Құнанбайұлы"),  # and so do patronymics
    ],
)
def test_possessive(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [("Астанадағы", "Астана"), ("елдегі", "ел"), ("облыстағы", "облыс"), ("қаласындағы", "қала")],
)
def test_relative_after_locative(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("кітабы", "кітап"),  # п→б
        ("мүмкіндігі", "мүмкіндік"),  # к→г
        ("ішінен", "іш"),  # a two-letter stem the text uses alone
        ("халқы", "халық"),  # vowel drop
        ("қызығы", "қызық"),  # қ→ғ
        ("орны", "орын"),  # vowel drop before a possessive
        ("мұрнынан", "мұрын"),  # мұрн cannot end a word
        ("құлшынысы", "құлшыныс"),  # -ыс+ы, not -ы+сы
    ],
)
def test_stem_alternations(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    "word", ["Қазақстандық", "бала", "адам", "әлем", "Үкімет", "Алматы", "жаңа", "күнделікті"]
)
def test_uninflected_and_derived_words_stay(word: str) -> None:
    assert lemma(word) == word


@pytest.mark.parametrize(
    ("form", "stem"),
    [
        ("болды", "бол"),
        ("айтты", "айт"),
        ("келді", "кел"),
        ("деді", "де"),
        ("шешті", "шеш"),
        ("шешеді", "шеш"),
        ("шешілді", "шеш"),  # the passive's lemma is the verb, as in the treebank
        ("бөлінген", "бөл"),  # a participle, though it declines like a noun
        ("қатысады", "қатыс"),  # not қат + cooperative voice
        ("тыңдайды", "тыңда"),
        ("деп", "де"),
    ],
)
def test_verb_forms_have_their_stem_as_lemma(form: str, stem: str) -> None:
    assert lemma(form) == stem


def test_adjective_forms_have_the_adjective_as_lemma() -> None:
    assert lemma("жаңасы") == "жаңа"
    assert lemma("тұрақты") == "тұрақты"  # not тұрақ + accusative


def test_capitals_are_kept() -> None:
    assert lemma("ҚАЗАҚСТАННЫҢ") == "ҚАЗАҚСТАН"
    assert lemma("Елдердің") == "Ел"


def test_russian_layout_spelling_is_analysed_too() -> None:
    assert lemma("Казакстанга") == "Казакстан"
    assert lemma("Республикасынын") == "Республика"


def test_non_words_pass_through() -> None:
    assert lemma("2019") == "2019"
    assert lemma("") == ""
    assert lemma("«") == "«"


def test_verbs_that_look_like_nouns_get_the_verb_not_a_noun_stem() -> None:
    # past tense -ды/-ді looks like the accusative: Apertium's verb reading wins
    assert [lemma(w) for w in ("шешілді", "жасалды", "анықталды")] == ["шеш", "жаса", "анықта"]


def test_closed_class_words_are_not_split_into_nouns() -> None:
    assert [lemma(w) for w in ("үшін", "Сонымен", "тіпті", "өте")] == [
        "үшін",
        "Сонымен",
        "тіпті",
        "өте",  # "very", not өт + converb
    ]
    assert lemma("оны") == "ол"  # a pronoun's lemma is its nominative, as in the treebank


def test_lexicon_counts_a_stem_alone_and_the_forms_that_lead_to_it() -> None:
    lex = build_lexicon.build(["жыл", "жылы", "жылдың", "жылға", "Жылға", "жылға", "20-сыншы"])
    assert lex["жыл"] == (1, 4)  # seen alone once; жыл, жылы, жылдың, жылға lead to it
    assert lex["жылга"][0] == 3  # keys are folded and case-free
    assert "сыншы" not in lex  # an ending after digits is not a word


def test_a_lexicon_decides_between_readings() -> None:
    # with no evidence for жыл, жылы stays; once жыл is known in many forms, жылы is its form
    assert best_lemma("жылы", {}) == "жылы"
    assert best_lemma("жылы", build_lexicon.build(["жыл", "жылдар", "жылға", "жылда"])) == "жыл"


def test_question_particles_are_never_stems() -> None:
    assert lemma("маңызды") == "маңызды"
    assert lemma("Менің") == "Мен"  # the pronoun, not мен + possessive


@pytest.mark.slow
def test_shipped_lexicon_is_what_the_build_script_makes(tmp_path: Path) -> None:
    out = tmp_path / "lexicon.tsv.gz"
    data = Path(__file__).resolve().parents[2].parent / "shared" / "data"
    assert build_lexicon.main(["--data", str(data), "--out", str(out)]) == 0
    assert out.read_bytes() == build_lexicon.DEFAULT_OUT.read_bytes()


def test_without_the_analyser_nouns_still_get_lemmas(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A bundle that lost resources/morphology still indexes and searches (nouns only),
    and says why once in the log, instead of failing every search."""
    from reader.core.kazakh import apertium
    from reader.core.kazakh.wordsearch import find_words

    monkeypatch.setattr(apertium, "ANALYSER_PATH", tmp_path / "missing.hfstol.gz")
    monkeypatch.setattr(apertium, "_fst", None)
    monkeypatch.setattr(apertium, "_missing", False)
    apertium.readings.cache_clear()
    lemma.cache_clear()
    try:
        assert lemma("Қазақстанның") == "Қазақстан"
        assert lemma("шешеді") == "шешеді"  # no verb reading without the analyser
        text = "Қазақстанның елі. Қазақстанға бардық."
        assert len(find_words(text, "Қазақстан", case=False, whole_word=True)) == 2
        assert sum("analyser" in r.getMessage() for r in caplog.records) == 1
    finally:
        apertium.readings.cache_clear()
        lemma.cache_clear()

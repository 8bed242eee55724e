"""One name, one class within a document: the document-level step of the recogniser."""

import numpy as np
import pytest

from reader.core.kazakh.lookalike import clean_text
from reader.core.ner import recognizer
from reader.core.ner.consistency import (
    Found,
    consistent,
    found_names,
    harmonise,
    loose_words,
)
from reader.core.ner.devsplit import Example, pseudo_documents
from reader.core.ner.model import shared_model
from reader.core.ner.recognizer import analyse, extract
from reader.core.ner.tokens import sentence_bounds, token_spans


class FakeReadings:
    """The CRF's probabilities as a table: (sentence, first, stop, label) -> probability."""

    def __init__(self, table: dict[tuple[int, int, int, str], float], default: float = 0.0):
        self.table = table
        self.default = default
        self.asked: list[tuple[int, int, int, str]] = []

    def probability(self, sentence: int, first: int, stop: int, label: str) -> float:
        self.asked.append((sentence, first, stop, label))
        return self.table.get((sentence, first, stop, label), self.default)


SENTENCES = [
    ["Спорт", "жағынан", "Матай", "өте", "мықты", "болды", "."],
    ["Клуб", "керек", ",", "Матайда", "ойын", "орталығы", "жоқ", "."],
    ["Біз", "Матайға", "бардық", "."],
]


def _tags(*rows: dict[int, str]) -> list[list[str]]:
    return [
        [row.get(i, "O") for i in range(len(s))] for s, row in zip(SENTENCES, rows, strict=True)
    ]


def test_a_name_tagged_as_two_classes_takes_the_more_likely_one() -> None:
    tags = _tags({2: "B-PERSON"}, {3: "B-GPE"}, {1: "B-GPE"})
    readings = FakeReadings(
        {(0, 2, 3, "PERSON"): 0.5, (0, 2, 3, "GPE"): 0.4, (1, 3, 4, "GPE"): 0.9,
         (1, 3, 4, "PERSON"): 0.05, (2, 1, 2, "GPE"): 0.8, (2, 1, 2, "PERSON"): 0.1}
    )  # fmt: skip
    out = consistent(SENTENCES, tags, readings)
    assert out[0][2] == "B-GPE"  # Матай, Матайда, Матайға: one place
    assert out[1][3] == "B-GPE" and out[2][1] == "B-GPE"


def test_a_mention_the_context_makes_certain_keeps_its_class() -> None:
    tags = _tags({2: "B-PERSON"}, {3: "B-GPE"}, {1: "B-GPE"})
    readings = FakeReadings(
        {(0, 2, 3, "PERSON"): 0.95, (0, 2, 3, "GPE"): 0.01, (1, 3, 4, "GPE"): 0.9,
         (1, 3, 4, "PERSON"): 0.05, (2, 1, 2, "GPE"): 0.8, (2, 1, 2, "PERSON"): 0.1}
    )  # fmt: skip
    out = consistent(SENTENCES, tags, readings)
    assert out[0][2] == "B-PERSON"


def test_a_missed_inflection_of_a_name_of_the_document_is_added() -> None:
    tags = _tags({2: "B-GPE"}, {}, {1: "B-GPE"})
    out = consistent(SENTENCES, tags, FakeReadings({}, default=0.3))
    assert out[1][3] == "B-GPE"  # Матайда, untagged beside Матай and Матайға
    # ... but not when the CRF rules that reading out
    out = consistent(SENTENCES, tags, FakeReadings({}, default=0.0))
    assert out[1][3] == "O"


def test_a_word_next_to_a_capital_or_a_common_word_starting_a_sentence_is_not_added() -> None:
    sentences = [
        ["Ауыл", "шаруашылығы", "дамыды", "."],
        ["Біз", "Ауылға", "бардық", "."],
        ["Ауыл", "Шаруашылығы", "министрлігі", "."],
    ]
    tags = [["O"] * 4, ["O", "B-GPE", "O", "O"], ["O"] * 4]
    assert [w.position for w in loose_words(2, sentences[2], tags[2])] == []
    readings = FakeReadings({}, default=0.5)
    out = consistent(sentences, tags, readings, lexicon={"^ауыл": "lower"})
    assert out[0] == ["O"] * 4 and out[2] == ["O"] * 4
    out = consistent(sentences, tags, readings, lexicon={})
    assert out[0][0] == "B-GPE"  # without the lexicon's word, the capital is all there is
    assert out[2] == ["O"] * 4


def test_numbers_and_dates_are_left_to_their_sentences() -> None:
    words = ["Бүгін", "екі", "адам", "келді", "."]
    assert found_names(0, words, ["B-DATE", "B-CARDINAL", "O", "O", "O"]) == []
    found = [Found(0, 0, 1, "DATE", ("бүгін",)), Found(1, 0, 1, "GPE", ("бүгін",))]
    assert harmonise(found, [], FakeReadings({})).relabelled == {}


def test_the_lattice_gives_probabilities_that_agree_with_the_best_path() -> None:
    model = shared_model()
    words = ["Қасым-Жомарт", "Тоқаев", "Астанаға", "келді", "."]
    lattice = model.lattice(words)
    at_one = sum(lattice.probability(1, [label]) for label in model.labels)
    assert at_one == pytest.approx(1.0, abs=1e-6)
    best = model.tag(words)
    assert lattice.probability(0, best) > lattice.probability(0, ["O"] * len(words))
    assert lattice.reading(2, 3, "GPE") > 0.5 > lattice.reading(2, 3, "PERSON")
    assert lattice.reading(2, 3, "NO_SUCH_CLASS") == 0.0
    assert np.isfinite(lattice.reading(0, 2, "PERSON"))


def test_the_recogniser_adds_a_name_missed_at_the_start_of_a_sentence() -> None:
    text = "Мен Сайрамға бардым.\nСайрамда той болды. Сайрам ауданы үлкен."
    (entity,) = [e for e in analyse(text) if e.name == "Сайрам"]
    assert entity.label == "GPE"
    assert [m.text for m in entity.mentions] == ["Сайрамға", "Сайрамда", "Сайрам"]
    assert [text[s.start : s.end] for s in extract(text)] == ["Сайрамға", "Сайрамда", "Сайрам"]


def test_the_whole_document_counts_not_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recognizer, "_BATCH_CHARS", 10)  # every paragraph a batch of its own
    filler = "Бүгін ауа райы жақсы болды.\n" * 3
    text = "Мен Сайрамға бардым.\n" + filler + "Сайрамда той болды."
    spans = [s for s in extract(text) if s.label == "GPE"]
    assert [text[s.start : s.end] for s in spans] == ["Сайрамға", "Сайрамда"]


def test_sentences_are_found_again_exactly_as_they_were_tagged() -> None:
    text = (
        "М.Қасымбеков «Nur Otan» партиясына 2,5 %-ке дейін кірді. Zakon.kz хабарлады!\n"
        "Астанаda (a Latin a) Тоқаев сөйледі… Келесі сөйлем."
    )
    names = recognizer._KazakhNames(text)
    ranges = list(recognizer.chunk_ranges(text))
    recognizer._kazakh(text, ranges, names)
    tagged = []  # the words the CRF saw, sentence by sentence
    for start, end in ranges:
        clean = clean_text(text[start:end])
        words = [clean[a - start : b - start] for a, b in token_spans(text, start, end)]
        tagged += [words[a:b] for a, b in sentence_bounds(words)]
    assert len(tagged) >= 4
    assert [names.words(i) for i in range(len(names.sentences))] == tagged


def test_pseudo_documents_score_each_sentence_once_among_one_form_of_the_others() -> None:
    examples = [
        Example("12", ["a"], ["O"]), Example("10", ["b"], ["O"]), Example("12", ["c"], ["O"]),
        Example("11", ["d"], ["O"]), Example("13", ["e"], ["O"]),
    ]  # fmt: skip
    documents = pseudo_documents(examples, size=3)
    assert documents[0] == [[1, 3, 0], [1, 3, 2]]  # 10, 11, 12 (12 in its two forms)
    assert documents[1] == [[4]]
    scored = {i for doc in documents for v in doc for i in v}
    assert scored == set(range(5))


def test_the_lattice_is_the_crfs_own_distribution_over_all_readings() -> None:
    model = shared_model()
    words = ["Астанада", "Тоқаев", "сөйледі"]
    s = model.scores(words).astype(np.float64)
    t = model._transitions.astype(np.float64)
    # every reading of three words, scored as the CRF scores a path
    total = s[0][:, None, None] + s[1][None, :, None] + s[2][None, None, :]
    total += t[:, :, None] + t[None, :, :]
    p = np.exp(total - total.max())
    p /= p.sum()
    column = {label: i for i, label in enumerate(model.labels)}
    lattice = model.lattice(words)
    for label in ("PERSON", "GPE", "ORGANISATION"):
        expected = p[:, column[f"B-{label}"], :].sum()
        assert lattice.reading(1, 2, label) == pytest.approx(expected, rel=1e-6, abs=1e-12)
    both = p[column["B-GPE"], column["B-PERSON"], :].sum()
    assert lattice.probability(0, ["B-GPE", "B-PERSON"]) == pytest.approx(both, rel=1e-6)

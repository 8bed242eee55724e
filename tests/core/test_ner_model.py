"""The shipped model on the seed document and on sentences it never saw."""

import itertools
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.core.errors import CancelledError
from reader.core.ner import analyse, extract
from reader.core.ner.entities import LABELS, Entity

SEED = next((Path(__file__).parents[2] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_entities(seed_text: str) -> list[Entity]:
    return analyse(seed_text)


def entries(entities: list[Entity], label: str, word: str) -> list[Entity]:
    return [e for e in entities if e.label == label and word in e.name]


def test_one_person_nazarbayev_with_every_mention_including_the_dative(
    seed_text: str, seed_entities: list[Entity]
) -> None:
    [nazarbayev] = entries(seed_entities, "PERSON", "Назарбаев")
    assert nazarbayev.name == "Нұрсұлтан Назарбаев"
    texts = {m.text for m in nazarbayev.mentions}
    assert "Нұрсұлтан Назарбаевқа" in texts
    assert nazarbayev.count == seed_text.count("Назарбаев")


@pytest.mark.parametrize(
    ("label", "word"),
    [
        ("PERSON", "Қасымбеков"),
        ("PERSON", "Бисембаев"),
        ("ORGANISATION", "Nur Otan"),
        ("ORGANISATION", "Қауіпсіздік Кеңесі"),
    ],
)
def test_seed_names(seed_entities: list[Entity], label: str, word: str) -> None:
    assert len(entries(seed_entities, label, word)) == 1


def test_one_gpe_entry_for_kazakhstan(seed_entities: list[Entity]) -> None:
    # KazNERD makes "Қазақстан Республикасының Тұңғыш Президенті" one POSITION, so the
    # country is a GPE of its own only where it stands alone (Қазақстанның).
    kazakhstan = [e for e in seed_entities if e.label == "GPE" and e.name.startswith("Қазақстан")]
    assert [e.name for e in kazakhstan] == ["Қазақстан"]


def test_spans_are_sorted_disjoint_labelled_and_match_the_text(seed_text: str) -> None:
    spans = extract(seed_text)
    assert spans
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for s in spans:
        assert s.label in LABELS
        assert seed_text[s.start : s.end] == seed_text[s.start : s.end].strip()


@pytest.mark.parametrize(
    ("sentence", "mention", "label"),
    [
        ("Кеше Алматыда Асқар Мамин жаңа зауытты аралады.", "Асқар Мамин", "PERSON"),
        ("Кеше Алматыда Асқар Мамин жаңа зауытты аралады.", "Алматыда", "GPE"),
        ("Жиын 2021 жылғы 5 қаңтарда Астанада өтті.", "2021 жылғы 5 қаңтарда", "DATE"),
        ("Ол Денсаулық сақтау министрлігіне хат жолдады.", "Денсаулық сақтау министрлігіне",
         "ORGANISATION"),
    ],
)  # fmt: skip
def test_unseen_sentences(sentence: str, mention: str, label: str) -> None:
    start = sentence.index(mention)
    found = {(sentence[s.start : s.end], s.label) for s in extract(sentence)}
    assert (mention, label) in found, found
    assert start >= 0


def test_russian_paragraph_gets_natasha_entities_and_english_none() -> None:
    text = (
        "Президент России Владимир Путин встретился в Москве с главой компании.\n"
        "The President met the delegation in Astana on Monday."
    )
    found = {(text[s.start : s.end], s.label) for s in extract(text)}
    assert ("Владимир Путин", "PERSON") in found
    assert ("Москве", "GPE") in found
    assert all(s.start < text.index("\n") for s in extract(text))


def test_same_result_from_several_threads(seed_text: str) -> None:
    expected = extract(seed_text)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(extract, [seed_text] * 8))
    assert all(r == expected for r in results)


def test_analyse_reports_progress_up_to_the_end(seed_text: str) -> None:
    text = "\n".join([seed_text] * 40)
    calls: list[tuple[int, int]] = []
    analyse(text, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 2
    assert calls[-1] == (len(text), len(text))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_analyse_stops_when_cancelled(seed_text: str) -> None:
    cancel = threading.Event()
    text = "\n".join([seed_text] * 40)

    def progress(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(CancelledError):
        analyse(text, progress=progress, cancel=cancel)


def test_fast_decoder_agrees_with_crfsuite_on_kaznerd_sentences() -> None:
    import pycrfsuite

    from reader.core.ner.devsplit import default_data_dir
    from reader.core.ner.features import FeatureExtractor
    from reader.core.ner.model import MODEL_PATH, shared_model
    from reader.core.ner.train import read_iob2

    data = default_data_dir() / "IOB2_valid.txt"
    words = [w for w, _ in read_iob2(data)[:400]]
    model = shared_model()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    extractor = FeatureExtractor(model.gazetteer)
    expected = [tagger.tag(pycrfsuite.ItemSequence(extractor.sentence(w))) for w in words]
    assert model.tag_many(words, constrained=False) == expected
    # the decoder's constraints on amounts change only sentences where an amount would
    # run on past a list comma, a name before a dash or a case ending
    from reader.core.ner.rules import amount_stops

    for w, constrained, free in zip(words, model.tag_many(words), expected, strict=True):
        if constrained != free:
            assert amount_stops(w)


def test_a_huge_paragraph_is_cut_at_sentence_ends_without_losing_names(seed_text: str) -> None:
    line = seed_text.replace("\n", " ")
    text = " ".join([line] * 30)  # one paragraph of ~130,000 characters
    [nazarbayev] = entries(analyse(text), "PERSON", "Назарбаев")
    assert nazarbayev.count == text.count("Назарбаев")
    assert all(text[m.start : m.end] == m.text for m in nazarbayev.mentions)


def test_chunks_cover_the_text_in_order() -> None:
    from reader.core.ner.recognizer import chunk_ranges

    text = "бір. " * 10_000 + "\n\n" + "екі\n"
    ranges = list(chunk_ranges(text))
    assert len(ranges) > 2
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ranges))
    covered = "".join(text[a:b] for a, b in ranges)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_the_seed_documents_first_screen_has_no_false_names(seed_entities: list[Entity]) -> None:
    """Issue 12: the three classes of error a new user saw first."""
    by_name = {e.name: e.label for e in seed_entities}
    # a capitalised common word heading a title phrase (Елбасы Кеңсесінің) is no person
    assert not [e.name for e in seed_entities if e.label == "PERSON" and "Кеңсе" in e.name]
    # a site with its domain is a web address, not a place
    assert by_name.get("Zakon.kz") == "CONTACT"
    # a vague temporal adverb (nowadays) is no date
    assert "Бүгінде" not in by_name


def test_a_list_of_percentages_is_not_one_percentage() -> None:
    text = "Қазақтар - 68,5 %, Орыстар - 19,3 %, Украиндар - 2,08 %, Ұйғырлар - 1,5 %."
    found = [(text[s.start : s.end], s.label) for s in extract(text)]
    percentages = [t for t, label in found if label == "PERCENTAGE"]
    assert percentages == ["68,5 %", "19,3 %", "2,08 %", "1,5 %"]


def test_a_temperature_range_is_two_quantities() -> None:
    text = "Күндіз солтүстікте +19 °C-дан оңтүстігінде +28 °C-ға дейін жылы болады."
    found = [(text[s.start : s.end], s.label) for s in extract(text)]
    assert ("+19 °C-дан", "QUANTITY") in found
    assert ("+28 °C-ға дейін", "QUANTITY") in found


def test_a_name_typed_with_look_alike_letters_is_still_recognised() -> None:
    """Old fonts type Kazakh ә as Latin ə and Cyrillic а as Latin a: the recogniser reads
    the word as the word it stands for, and the span stays on the original letters."""
    from reader.core.ner import analyse

    clean = "Елбасы Нұрсұлтан Назарбаев Астанада кеңес өткізді."
    spoilt = clean.replace("Назарбаев", "Haзapбaeв")  # Latin H, a, p
    found = {(e.label, e.name) for e in analyse(clean)}
    spoilt_found = analyse(spoilt)
    assert ("PERSON", "Нұрсұлтан Назарбаев") in found
    people = [e for e in spoilt_found if e.label == "PERSON"]
    assert people and any("Haзapбaeв" in m.text for e in people for m in e.mentions)

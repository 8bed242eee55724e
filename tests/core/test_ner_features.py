"""CRF features: the stem and endings of inflected words, shape, quotes, neighbours."""

from reader.core.ner.features import FeatureExtractor, shape
from reader.core.ner.stem import stem


def test_stem_strips_case_possessive_and_plural_endings() -> None:
    assert stem("назарбаевқа") == ("назарбаев", "қа")
    assert stem("назарбаевтың") == ("назарбаев", "тың")
    assert stem("балаларымызға") == ("бала", "ларымызға")
    assert stem("ол") == ("ол", "")  # too short to strip


def test_shape_collapses_runs() -> None:
    assert shape("Нұр-Сұлтан") == "Xx-Xx"
    assert shape("1997-нші") == "d-x"
    assert shape("ҚР") == "X"


def test_inflected_forms_share_stem_features_and_gazetteer_hits() -> None:
    extractor = FeatureExtractor({"~назарбаев": "I-PERSON"})
    a, b = extractor.sentence(["Назарбаевқа"]), extractor.sentence(["Назарбаевтың"])
    assert "st=назарбаев" in a[0] and "st=назарбаев" in b[0]
    assert "g=I-PERSON" in a[0] and "g=I-PERSON" in b[0]
    assert "sx=қа" in a[0]


def test_context_features_see_neighbours_quotes_and_sentence_edges() -> None:
    items = FeatureExtractor({}).sentence(["«", "Nur", "Otan", "»", "партиясы"])
    assert "BOS" in items[0] and "EOS" in items[4]
    assert "q" in items[1] and "q" in items[2]
    assert "q" not in items[0] and "q" not in items[4]
    assert "-1:w=«" in items[1]
    assert "1:st=партия" in items[3]
    assert "-2:w=otan" in items[4]


def test_a_capitalised_word_usually_written_in_lowercase_is_flagged() -> None:
    extractor = FeatureExtractor({"^кеңсесінің": "lower"})
    items = extractor.sentence(["Елбасы", "Кеңсесінің", "басшысы"])
    assert "lc=1" in items[1]
    assert "-1:lc=1" in items[2] and "1:lc=1" in items[0]
    assert "lc=1" not in extractor.sentence(["кеңсесінің"])[0]  # lowercase already says it

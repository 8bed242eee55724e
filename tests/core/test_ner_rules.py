"""Rules add what KazNERD's sentences rarely show: initials, digit dates, quoted names."""

from reader.core.ner.rules import apply_rules


def test_an_initial_joins_the_person_after_it() -> None:
    words = ["Басшысы", "М.", "Қасымбеков", ","]
    tags = ["O", "O", "B-PERSON", "O"]
    assert apply_rules(words, tags) == ["O", "B-PERSON", "I-PERSON", "O"]


def test_a_date_in_digits_with_a_month_is_one_date() -> None:
    words = ["2021", "жылғы", "5", "қаңтарда", "өтті"]
    tags = ["B-DATE", "I-DATE", "B-CARDINAL", "O", "O"]
    assert apply_rules(words, tags) == ["B-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]


def test_a_day_and_month_without_a_year_is_a_date() -> None:
    words = ["5", "қаңтарда", "өтті"]
    assert apply_rules(words, ["O", "O", "O"]) == ["B-DATE", "I-DATE", "O"]


def test_a_quoted_name_before_an_organisation_kind_is_an_organisation() -> None:
    words = ["«", "Nur", "Otan", "»", "партиясына", "басшылық"]
    tags = ["O"] * 6
    assert apply_rules(words, tags) == ["O", "B-ORGANISATION", "I-ORGANISATION", "O", "O", "O"]


def test_a_quoted_title_of_a_book_is_left_to_the_model() -> None:
    words = ["«", "Абай", "жолы", "»", "романы"]
    tags = ["O", "B-ART", "I-ART", "O", "O"]
    assert apply_rules(words, tags) == tags


def test_a_site_name_takes_its_domain_along() -> None:
    words = ["деп", "хабарлайды", "Zakon", ".", "kz"]
    tags = ["O", "O", "B-ORGANISATION", "I-ORGANISATION", "O"]
    assert apply_rules(words, tags)[2:] == ["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION"]


def test_an_entity_does_not_end_with_a_dash() -> None:
    words = ["Тұңғыш", "Президенті", "–", "Елбасы"]
    tags = ["B-POSITION", "I-POSITION", "I-POSITION", "O"]
    assert apply_rules(words, tags) == ["B-POSITION", "I-POSITION", "O", "O"]


def test_quotes_that_open_a_name_stay_as_in_kaznerd_but_an_unpaired_one_goes() -> None:
    words = ["«", "Астана", "»", "қаржы", "орталығында", "«"]
    tags = ["B-ORGANISATION"] + ["I-ORGANISATION"] * 5
    assert apply_rules(words, tags) == ["B-ORGANISATION"] + ["I-ORGANISATION"] * 4 + ["O"]


def test_a_date_already_inside_a_longer_date_is_left_alone() -> None:
    words = ["Осы", "жылдың", "16", "наурызынан", "бері"]
    tags = ["B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE"]
    assert apply_rules(words, tags) == tags

"""Annotations find their text again after the document changed, or say they cannot."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchoring import (
    Quote,
    _context_lost,
    edit_distances,
    locate,
    max_errors,
    quote_at,
)

TEXT = (
    "Абай Құнанбаев 1845 жылы Шыңғыстауда дүниеге келген. "
    "Ол қазақ жазба әдебиетінің негізін қалаушы. "
    "Абай өлеңдері мен қара сөздері көп тілге аударылған. "
    "Бүгін Семейде Абай музейі бар."
)


def _quote(text: str, needle: str, nth: int = 0) -> tuple[Quote, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return quote_at(text, start, start + len(needle)), start


def _distance(a: str, b: str) -> int:
    return edit_distances(a, b, anchored=True)[-1] if b else len(a)


def test_unchanged_text_keeps_the_position() -> None:
    quote, start = _quote(TEXT, "қазақ жазба әдебиетінің")
    assert locate(TEXT, quote, hint=start) == (m := locate(TEXT, quote, hint=start))
    assert m is not None and (m.start, m.end, m.fuzzy) == (start, start + 23, False)


def test_text_inserted_before_moves_the_annotation() -> None:
    quote, start = _quote(TEXT, "Шыңғыстауда")
    changed = "Кіріспе.\n" + TEXT
    m = locate(changed, quote, hint=start)
    assert m is not None and changed[m.start : m.end] == "Шыңғыстауда" and not m.fuzzy
    assert m.start == start + len("Кіріспе.\n")


def test_context_picks_the_right_repeated_word() -> None:
    # "Абай" occurs three times; the second is annotated. A misleading position hint (the
    # first occurrence) must lose against the quote's context.
    quote, _ = _quote(TEXT, "Абай", nth=1)
    changed = "Абай. " + TEXT
    m = locate(changed, quote, hint=0)
    assert m is not None
    assert changed[m.start - 5 : m.end] == "ушы. Абай"
    assert changed[m.end : m.end + 9] == " өлеңдері"


def test_position_breaks_ties_between_identical_contexts() -> None:
    text = "ab xyz cd\n" * 5
    quote = quote_at(text, 23, 26)  # third "xyz", context identical to the others only partly
    m = locate(text, Quote("xyz", "ab ", " cd"), hint=33)
    assert m is not None and m.start == 33
    assert quote.exact == "xyz"


def test_small_edit_inside_the_quote_still_attaches() -> None:
    quote, _ = _quote(TEXT, "қазақ жазба әдебиетінің негізін қалаушы")
    changed = TEXT.replace("әдебиетінің", "әдебиеттің")
    m = locate(changed, quote, hint=0)
    assert m is not None and m.fuzzy
    assert changed[m.start : m.end] == "қазақ жазба әдебиеттің негізін қалаушы"


def test_moved_and_edited_passage_is_found() -> None:
    sentence = "Ол қазақ жазба әдебиетінің негізін қалаушы. "
    quote, start = _quote(TEXT, sentence.strip())
    changed = TEXT.replace(sentence, "") + " " + sentence.replace("негізін", "негізiн")
    m = locate(changed, quote, hint=start)
    assert m is not None
    assert _distance(quote.exact, changed[m.start : m.end]) <= 1


def test_deleted_passage_is_orphaned() -> None:
    quote, start = _quote(TEXT, "Бүгін Семейде Абай музейі бар.")
    changed = TEXT.replace("Бүгін Семейде Абай музейі бар.", "Басқа сөйлем мүлде.")
    assert locate(changed, quote, hint=start) is None


def test_heavily_rewritten_short_quote_is_orphaned() -> None:
    quote, start = _quote(TEXT, "1845")
    assert locate(TEXT.replace("1845", "1846"), quote, hint=start) is None


@given(
    st.integers(0, 2**32 - 1),
    st.lists(
        st.tuples(
            st.sampled_from(["insert", "delete", "replace"]),
            st.floats(0, 1),
            st.text("абвгдеқөү .\n", min_size=0, max_size=12),
        ),
        max_size=6,
    ),
)
@settings(max_examples=150, deadline=None)
def test_random_edits_reattach_to_the_quote_or_orphan(seed: int, edits: list) -> None:
    rng = random.Random(seed)
    words = ["Абай", "қазақ", "өлең", "Семей", "дала", "тіл", "кітап", "жыл", "ақын", "ән"]
    text = " ".join(rng.choice(words) + str(rng.randint(0, 99)) for _ in range(120))
    start = rng.randrange(0, len(text) - 30)
    end = start + rng.randint(1, 30)
    quote = quote_at(text, start, end)
    changed = text
    touched = False  # did an edit reach into the quote or its context?
    for op, where, piece in edits:
        pos = int(where * len(changed))
        size = len(piece) if op != "insert" else 0
        changed = changed[:pos] + (piece if op != "delete" else "") + changed[pos + size :]
        touched |= pos < end + 40 and pos + size > start - 40  # conservative
    m = locate(changed, quote, hint=start)
    if m is None:
        assert not (not touched and changed.count(quote.exact) == 1)
        return
    found = changed[m.start : m.end]
    assert _distance(quote.exact, found) <= max_errors(quote.exact)
    if not m.fuzzy:
        assert found == quote.exact
    if not touched:
        assert found == quote.exact  # an untouched quote never comes back fuzzy


def test_long_passage_with_a_changed_word_is_found_by_its_ends() -> None:
    body = " ".join(f"сөз{i}" for i in range(400))  # about 2600 characters
    text = "Алғы сөз. " + body + " Соңы."
    quote = quote_at(text, 10, 10 + len(body))
    changed = "Жаңа тарау.\n" + text.replace("сөз200 ", "өзгерген сөз ")
    m = locate(changed, quote, hint=10)
    assert m is not None and m.fuzzy
    assert changed[m.start : m.end].startswith("сөз0 сөз1")
    assert changed[m.start : m.end].endswith("сөз399")
    halved = text.replace(body[len(body) // 2 :], "")  # half the passage gone
    assert locate(halved, quote, hint=10) is None


def test_common_word_whose_paragraph_was_deleted_is_orphaned_not_moved() -> None:
    text = "Бірінші абзац және басқа сөздер.\nЕкінші абзац тек осы жерде және жоқ болады.\n"
    start = text.index("және", 40)
    quote = quote_at(text, start, start + 4)
    changed = "Бірінші абзац және басқа сөздер.\n"  # "және" still occurs, in another context
    assert locate(changed, quote, hint=start) is None
    assert locate(text, quote, hint=0) == locate(text, quote, hint=start)  # context decides


# -- which place wins when several could ------------------------------------------------------
TWIN = "Бүгін Семейде Абай музейі ашылды деп хабарлады тілшіміз Асқар."


def test_identical_copy_about_as_near_as_the_moved_one_is_orphaned_not_guessed() -> None:
    # The annotated sentence occurs twice with the same context, and the annotated copy was
    # moved to the end. The other copy is now nearer the old position, but not clearly: the
    # selector cannot say which copy is meant, so the note must not silently jump to one.
    gap = " " + "ә " * 40
    text = "Алғы сөз. " + TWIN + gap + TWIN + " Соңғы сөз."
    start = text.index("музейі")
    quote = quote_at(text, start, start + len("музейі"), context=16)
    changed = "Алғы сөз. " + gap + TWIN + " Соңғы сөз.\n" + TWIN
    assert changed.count(quote.prefix + quote.exact + quote.suffix) == 2
    assert locate(changed, quote, hint=start) is None


def test_identical_copy_far_away_does_not_stop_a_small_shift() -> None:
    text = "Алғы сөз. " + TWIN + " " + "ә " * 400 + TWIN + " Соңғы сөз."
    start = text.index("музейі")
    quote = quote_at(text, start, start + len("музейі"), context=16)
    changed = "Жаңа абзац. " + text
    m = locate(changed, quote, hint=start)
    assert m is not None and m.start == start + len("Жаңа абзац. ")


def test_typo_in_the_quote_beats_an_exact_copy_whose_context_differs() -> None:
    # The same words stand in another sentence; the annotated one got a typo inside the
    # quote and one beside it. The edited place keeps far more context and must win.
    original = (
        "« Сухой Суперджет жүз » ұшағы екі мың он жетінші жылы Ресейде шығарылған . "
        + "ә " * 60
        + "Sukhoi Superjet жүз ұшағы екі мың он жетінші жылы Ресейде шығарылған ."
    )
    start = original.index("он жетінші жылы")
    quote = quote_at(original, start, start + len("он жетінші жылы"))
    changed = original.replace("» ұшағы екі мың он жетінші", "» ұшағы жкі мың он жетінжі")
    m = locate(changed, quote, hint=start)
    assert m is not None and m.fuzzy and m.start == start


def test_quote_kept_with_one_side_of_context_beats_a_reworded_copy() -> None:
    # The annotated sentence ends its paragraph and the next paragraph moved away; a
    # reworded copy nearby keeps both sides of the context but not the quote's words.
    para = "Актёр Владимир Зеленский 30 проценттен астам дауыспен көш бастап келеді ."
    copy = "Актёр Владимир Зеленский отыз проценттен астам дауыспен көш бастап келеді ."
    original = para + "\nСонымен Украинадан жеткен соңғы жаңалықтар осындай."
    start = original.index("Зеленский")
    end = original.index(" .\n")
    quote = quote_at(original, start, end)
    changed = copy + " Сонымен Украинадан жеткен соңғы жаңалықтар осындай.\n" + para
    m = locate(changed, quote, hint=start)
    true_start = changed.rindex("Зеленский 30")
    assert m is not None and (m.start, m.end) == (true_start, true_start + end - start)


def test_a_typo_beside_the_quote_loses_one_character_of_context_not_all() -> None:
    quote, start = _quote(TEXT, "жазба")
    changed = TEXT.replace("Ол қазақ", "Ол казақ")  # one letter changed next to the quote
    assert _context_lost(changed, start, start + 5, quote) == 1
    assert _context_lost(TEXT, start, start + 5, quote) == 0

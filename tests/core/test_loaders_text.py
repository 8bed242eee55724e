"""Plain text and Markdown: encodings detected right, characters kept exactly."""

import codecs
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures_docs import KAZAKH, KAZAKH_LETTERS, RUSSIAN

from reader.core.errors import CancelledError, CorruptDocumentError
from reader.core.loaders import load

Write = Callable[[str, bytes | str], Path]

# Real sentences: Kazakh news prose (the seed's first line and more) and Russian prose.
KAZAKH_TEXT = (
    KAZAKH + "\nҮкімет басшысы өңірлердегі ахуалды бақылауға алуды тапсырды.\n"
    "Ғалымдар қазақ тілінің әліпбиін жаңғырту туралы ұсыныс жасады.\n"
)
RUSSIAN_TEXT = RUSSIAN + "\nПравительство рассмотрело вопросы развития регионов.\n"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16-le", "utf-16"),
        ("utf-16-be", "utf-16"),
        ("kz1048", "kz1048"),
    ],
)
def test_kazakh_text_round_trips_in_every_encoding(
    write_file: Write, encoding: str, expected: str
) -> None:
    data = KAZAKH_TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    elif encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = load(write_file("kk.txt", data))
    assert doc.text == KAZAKH_TEXT  # BOM stripped, every letter intact
    assert doc.encoding == expected
    assert doc.format == "text"
    assert doc.title == "kk"


def test_russian_in_windows_1251_is_not_mistaken_for_kz1048(write_file: Write) -> None:
    doc = load(write_file("ru.txt", RUSSIAN_TEXT.encode("cp1251")))
    assert doc.text == RUSSIAN_TEXT
    assert doc.encoding == "cp1251"


def test_kazakh_in_kz1048_reads_as_kazakh_not_serbian_letters(write_file: Write) -> None:
    doc = load(write_file("kk.txt", KAZAKH_LETTERS.encode("kz1048") + b"\n" + b"ok"))
    assert doc.text.startswith(KAZAKH_LETTERS)
    assert "ќ" not in doc.text and "ј" not in doc.text


def test_ukrainian_letters_in_windows_1251_stay_ukrainian(write_file: Write) -> None:
    text = "Її батько приїхав у Київ, де є ґанок і сад."
    doc = load(write_file("uk.txt", text.encode("cp1251")))
    assert doc.text == text and doc.encoding == "cp1251"


def test_line_ends_become_lf_and_nothing_else_changes(write_file: Write) -> None:
    raw = "  бір\tекі  \r\nүш\rтөрт\n\nбес \u00a0"
    doc = load(write_file("lines.txt", raw))
    assert doc.text == "  бір\tекі  \nүш\nтөрт\n\nбес \u00a0"
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "  бір\tекі  ",
        "үш",
        "төрт",
        "бес \u00a0",
    ]


def test_empty_text_file_is_an_empty_document(write_file: Write) -> None:
    doc = load(write_file("empty.txt", b""))
    assert doc.text == "" and doc.blocks == ()


def test_random_bytes_are_not_shown_as_text(write_file: Write) -> None:
    import random

    data = random.Random(7).randbytes(50_000)
    with pytest.raises(CorruptDocumentError, match=r"random\.txt: not a text file"):
        load(write_file("random.txt", data))


def test_big_text_reports_progress_and_can_be_cancelled(write_file: Write) -> None:
    path = write_file("big.txt", (KAZAKH_TEXT * 40_000).encode("utf-8"))  # ~6 MB
    seen: list[tuple[int, int]] = []
    doc = load(path, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1]
    assert doc.text == KAZAKH_TEXT * 40_000
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        load(path, cancel=cancel)


def test_markdown_headings_are_heading_blocks_without_their_marks(write_file: Write) -> None:
    source = (
        "# Қазақ тілі #\n\nМәтін *жұлдызбен*.\n\nЕкінші\n------\n\n"
        "```\n# код, тақырып емес\n```\n### Үшінші\n- тізім\n"
    )
    doc = load(write_file("notes.md", source))
    headings = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [("Қазақ тілі", 1), ("Екінші", 2), ("Үшінші", 3)]
    assert "Мәтін *жұлдызбен*." in doc.text  # inline markup is left as written
    assert "# код, тақырып емес" in doc.text
    assert "------" not in doc.text and "#" not in doc.text.split("```")[0]
    assert doc.title == "Қазақ тілі"
    assert doc.format == "markdown"


def test_markdown_in_kz1048_is_decoded_like_text(write_file: Write) -> None:
    doc = load(write_file("kk.md", ("## " + KAZAKH + "\n").encode("kz1048")))
    assert doc.text == KAZAKH + "\n"
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 2


KAZNERD = Path(__file__).resolve().parents[2].parent / "shared/data/kaznerd/IOB2_valid.txt"


def kaznerd_sentences(limit: int) -> list[str]:
    sentences: list[str] = []
    words: list[str] = []
    with open(KAZNERD, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                words.append(line.rsplit(" ", 1)[0])
            elif words:
                sentences.append(" ".join(words))
                words = []
                if len(sentences) == limit:
                    break
    return sentences


def encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def test_single_kazakh_sentences_in_kz1048_are_detected(tmp_path: Path) -> None:
    """Each KazNERD sentence alone (a hard case: a few words) reads back as written."""
    from reader.core.loaders.base import LoadContext
    from reader.core.loaders.text import decode

    sentences = [s for s in kaznerd_sentences(3000) if encodable(s, "kz1048")]
    right = sum(
        decode(s.encode("kz1048"), tmp_path / "s.txt", LoadContext())[0] == s for s in sentences
    )
    assert len(sentences) > 2900
    assert right / len(sentences) >= 0.995


RUSSIAN_SENTENCES = [
    "Правительство рассмотрело вопросы развития регионов.",
    "В Алматы прошёл международный форум по цифровизации.",
    "Президент подписал указ о назначении нового министра.",
    "Цены на бензин выросли на пять процентов за месяц.",
    "Учёные обнаружили новый вид бабочек в горах Тянь-Шаня.",
    "Эта книга была написана в девятнадцатом веке.",
    "Объём инвестиций увеличился вдвое.",
    "Я не знаю, что ответить на этот вопрос.",
]


@pytest.mark.parametrize("sentence", RUSSIAN_SENTENCES)
def test_single_russian_sentences_in_1251_are_detected(write_file: Write, sentence: str) -> None:
    doc = load(write_file("ru.txt", sentence.encode("cp1251")))
    assert (doc.text, doc.encoding) == (sentence, "cp1251")


@pytest.mark.parametrize("encoding", ["koi8_r", "cp866"])
def test_russian_in_other_cyrillic_code_pages(write_file: Write, encoding: str) -> None:
    text = "\n".join(RUSSIAN_SENTENCES)
    doc = load(write_file("ru.txt", text.encode(encoding)))
    assert (doc.text, doc.encoding) == (text, encoding)


@pytest.mark.parametrize("encoding", ["mac_cyrillic", "cp855"])
def test_russian_in_mac_cyrillic_and_ibm855_is_not_taken_for_kz1048(
    write_file: Write, encoding: str
) -> None:
    text = "\n".join(RUSSIAN_SENTENCES)
    doc = load(write_file("ru.txt", text.encode(encoding)))
    assert (doc.text, doc.encoding) == (text, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_unicode_without_a_byte_order_mark_is_text_not_binary(
    write_file: Write, encoding: str
) -> None:
    doc = load(write_file("kk.txt", KAZAKH_TEXT.encode(encoding)))
    assert doc.text == KAZAKH_TEXT and doc.encoding == encoding and doc.warnings == ()


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Türkiye'nin başkenti Ankara'dır. Bugün hava çok güzel ve güneşli; "
            "öğrenciler okula gidiyor, işçiler çalışıyor. Şehrin sokakları kalabalık.",
            "cp1254",
        ),
        (
            "Η Ελλάδα είναι χώρα της νοτιοανατολικής Ευρώπης. Η πρωτεύουσα της χώρας "
            "είναι η Αθήνα, η μεγαλύτερη πόλη της Ελλάδας.",
            "cp1253",
        ),
        ("北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心。", "gb18030"),
    ],
)
def test_other_scripts_never_become_cyrillic_without_a_warning(
    write_file: Write, text: str, encoding: str
) -> None:
    doc = load(write_file("other.txt", ((text + "\n") * 3).encode(encoding)))
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in doc.text)
    assert not cyrillic or doc.warnings
    assert doc.text == (text + "\n") * 3  # here the guess is right, and says it is a guess
    assert doc.warnings and "not as Kazakh or Russian" in str(doc.warnings[0])


def test_a_chosen_encoding_overrides_the_guess(write_file: Write) -> None:
    path = write_file("ru.txt", RUSSIAN_TEXT.encode("cp1251"))
    assert load(path).encoding == "cp1251"
    doc = load(path, encoding="koi8_r")  # the user's "Reopen with encoding": taken as is
    assert doc.encoding == "koi8-r" and doc.text == RUSSIAN_TEXT.encode("cp1251").decode("koi8_r")


def test_a_chosen_encoding_that_does_not_fit_shows_replacements_and_says_so(
    write_file: Write,
) -> None:
    path = write_file("kk.txt", KAZAKH_TEXT.encode("utf-8"))
    doc = load(path, encoding="ascii")
    assert "\ufffd" in doc.text and "Жиын" not in doc.text
    assert doc.warnings and "not valid ascii" in str(doc.warnings[0])


def test_an_unknown_encoding_name_is_refused_clearly(write_file: Write) -> None:
    from reader.core.errors import EncodingError

    path = write_file("kk.txt", b"abc")
    with pytest.raises(EncodingError, match="not an encoding"):
        load(path, encoding="no-such-codec")
    with pytest.raises(EncodingError, match="not a text encoding"):
        load(path, encoding="base64")


def test_cli_encoding_option_reopens_the_file(write_file: Write) -> None:
    path = write_file("ru.txt", RUSSIAN_TEXT.encode("cp866"))
    run = [sys.executable, "-m", "reader", "text", "--json"]
    guessed = subprocess.run([*run, str(path)], capture_output=True, check=True)
    chosen = subprocess.run([*run, "--encoding", "cp1251", str(path)], capture_output=True)
    assert json.loads(guessed.stdout)["text"] == RUSSIAN_TEXT
    assert json.loads(chosen.stdout)["encoding"] == "cp1251"
    assert json.loads(chosen.stdout)["text"] == RUSSIAN_TEXT.encode("cp866").decode("cp1251")
    bad = subprocess.run([*run, "--encoding", "nope", str(path)], capture_output=True)
    assert bad.returncode == 1 and "not an encoding" in bad.stderr.decode()


def test_utf8_with_a_broken_byte_stays_utf8_and_says_so(write_file: Write) -> None:
    data = KAZAKH_TEXT.encode("utf-8")
    cut = data.index(b" ", 40)
    doc = load(write_file("kk.txt", data[:cut] + b"\xff" + data[cut:]))
    assert doc.encoding == "utf-8"
    assert doc.text == data[:cut].decode() + "\ufffd" + data[cut:].decode()
    expected = "kk.txt: 1 byte is not valid UTF-8 and shows as \ufffd"
    assert [str(w) for w in doc.warnings] == [expected]

"""Which language a paragraph is in, judged by its words (Kazakh, Russian or English).

Letters alone are not enough: a short Kazakh sentence may have no Kazakh-only letter
(«Ол келді.»), so frequent function words of each language are counted as well.
"""

import re
from typing import Literal

Language = Literal["kk", "ru", "en"]

_WORD = re.compile(r"[^\W\d_]+")
_KAZAKH_LETTERS = frozenset("әіңғүұқөһӘІҢҒҮҰҚӨҺ")
_RUSSIAN_TEXT = (
    "и в во не на что с со по как это для из от к о об за у же но а он она они было был "
    "были была также его ее её при или бы только уже этот эта эти так все всё еще ещё чтобы "
    "который которая которые которых года году может более после"
)
_KAZAKH_TEXT = (
    "және мен бен пен деп бұл бір осы үшін да де та те ол олар қазір туралы бойынша жылы "
    "жылғы арқылы сияқты ретінде болып болды еді екен керек емес әр барлық біз сіз"
)
_RUSSIAN_WORDS = frozenset(_RUSSIAN_TEXT.split())
_KAZAKH_WORDS = frozenset(_KAZAKH_TEXT.split())
_SAMPLE_CHARS = 400  # the first words tell the language
# Six Kazakh words in a row without one of ә і ң ғ ү ұ қ ө һ: 12 of KazNERD's 9,364
# sentences of six words or more, and a paragraph's first 400 characters hold more.
_NO_KAZAKH_LETTER_WORDS = 6


def detect(paragraph: str) -> Language:
    """The paragraph's language from its first words; Kazakh when in doubt."""
    latin = cyrillic = kazakh_letters = ru = kk = 0
    for word in _WORD.findall(paragraph, 0, _SAMPLE_CHARS):
        low = word.lower()
        if word[0] < "\u0250":
            latin += 1
            continue
        cyrillic += 1
        if not _KAZAKH_LETTERS.isdisjoint(word):
            kazakh_letters += 1
        ru += low in _RUSSIAN_WORDS
        kk += low in _KAZAKH_WORDS
    if latin > cyrillic:
        return "en"
    if ru > kk + kazakh_letters and ru > 0:
        return "ru"
    if cyrillic >= _NO_KAZAKH_LETTER_WORDS and kazakh_letters == 0 and kk == 0:
        return "ru"  # a Russian paragraph without a listed function word (news headlines)
    return "kk"

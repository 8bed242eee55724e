"""The suffix grammar of Kazakh nouns: every way a word form can split into stem + endings.

Endings come in ordered slots, read from the end of the word: an optional relative ``-ғы/-гі``
(only after the locative: Астанадағы), an optional case, an optional possessive, an optional
plural. Each ending's first consonant depends on the sound before it (consonant assimilation:
елдер, қалалар, кітаптар; Қазақстанның, елдің, кітаптың; ...) and its vowel on the stem's vowels
(vowel harmony). After a 3rd-person possessive the cases take an ``н`` (қаласының, қаласын,
қаласына, қаласында, қаласынан); after a 1st/2nd-person singular possessive the dative is
``-а/-е`` (үйіме).

A word with no Kazakh-only letter is matched folded (see ``script.fold``), so a word typed on a
Russian keyboard layout (Казакстанга) splits the same way; vowel harmony is then checked on the
original letters and only costs a candidate points, because loan words break it
(Назарбаевқа). Which candidate is right is decided by :mod:`reader.core.kazakh.lemmatizer`.

Each ending carries a bonus in the lexicon's evidence units (log counts): how much stripping it
is worth before any lexicon evidence. They were set by hand from Kazakh grammar (rare or
ambiguous endings cost, common unambiguous ones help) and checked against the development set
and the UD sentences with a held-out lexicon (benchmarks/bench_lemma.py prints all four).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from reader.core.kazakh.script import fold

# Classes of the sound before an ending (on folded letters; у is a consonant here: тауға).
_VOWELS = "аеиоыэюяё"
_CLASSES = {**dict.fromkeys(_VOWELS, "V"), **dict.fromkeys("ру", "R"), "й": "R", "л": "L"}
_CLASSES.update({**dict.fromkeys("мн", "N"), **dict.fromkeys("зж", "Z")})
_CLASSES.update({k: _CLASSES.get(fold(k), "T") for k in "әғқңөһі"} | {"ұ": "V", "ү": "V"})
_ALL = frozenset("VRLNZT")  # T: voiceless, and б в г д (кітаптар, Назарбаевқа)

# case -> (first consonants by class, back body, front body, bonus)
_CASES: dict[str, tuple[dict[str, str], str, str, float]] = {
    "gen": ({"V": "н", "N": "н", "R": "д", "L": "д", "Z": "д", "T": "т"}, "ың", "ің", 1.0),
    "acc": ({"V": "н", "N": "д", "R": "д", "L": "д", "Z": "д", "T": "т"}, "ы", "і", -0.8),
    "dat": ({"V": "ғ", "N": "ғ", "R": "ғ", "L": "ғ", "Z": "ғ", "T": "қ"}, "а", "е", 1.0),
    "loc": ({"V": "д", "N": "д", "R": "д", "L": "д", "Z": "д", "T": "т"}, "а", "е", 0.5),
    "abl": ({"V": "д", "N": "н", "R": "д", "L": "д", "Z": "д", "T": "т"}, "ан", "ен", 1.0),
    "ins": ({"V": "м", "N": "м", "R": "мб", "L": "мб", "Z": "б", "T": "п"}, "ен", "ен", 0.5),
}
# Case endings after a 3rd-person possessive (the possessive is then obligatory).
_AFTER_POSS3: dict[str, tuple[str, str, float]] = {
    "acc": ("н", "н", -0.2),
    "dat": ("на", "не", 0.8),
    "loc": ("нда", "нде", 1.2),
    "abl": ("нан", "нен", 1.5),
}
# possessive -> (after a vowel back/front, after a consonant back/front, bonus)
_POSS: dict[str, tuple[str, str, str, str, float]] = {
    "p3": ("сы", "сі", "ы", "і", -0.3),
    "p1s": ("м", "м", "ым", "ім", -5.0),
    "p2s": ("ң", "ң", "ың", "ің", -5.0),
    "p2f": ("ңыз", "ңіз", "ыңыз", "іңіз", -2.0),
    "p1p": ("мыз", "міз", "ымыз", "іміз", -1.0),
}
_PLURAL = ({"V": "л", "R": "л", "L": "д", "N": "д", "Z": "д", "T": "т"}, "ар", "ер", 0.8)
_FRONT, _BACK = "әеөүі", "аоұы"
P12_AFTER_CONSONANT = -2.5
P3_AFTER_VOWEL = 0.6
P3_CHAIN_BONUS = 0.5
# Closed-class words whose endings only look like a noun's (үшін is not үш+і+н "its three"):
# postpositions, conjunctions and the pronoun forms that would otherwise split into a noun.
CLOSED_CLASS = frozenset(
    """үшін басқа бәрі әрі кейін бірге арқылы туралы бойынша сияқты қарай дейін бері
    оны оның онда одан онымен соны соның сонда содан сонымен осыны осының осында осыдан
    осымен мұны мұның мұнда мұнан мұндағы сондағы осындағы ондағы бұның бұны
    алда алдында бірі біреу бәріміз бәрімізге бәрінің кімнің неден неге
    енді алайда дегенмен әлі сайын алдағы шағын әрине тіпті қазір бірақ
    кейде сонда әйтпесе сондықтан сонан соңғы жақында менің сенің маған саған мені сені
    маңызды""".split()  # noqa: SIM905
)
# Particles that are words of their own but never a stem under endings (маңызды is not ма+...).
NOT_STEMS = frozenset(["ма", "ме", "ба", "бе", "па", "пе", "да", "де", "та", "те", "ше", "ғой"])
HARMONY_PENALTY = 2.0


@dataclass(frozen=True, slots=True)
class Split:
    """``word[:stem_len]`` is the stem; ``tags`` name the endings, innermost first."""

    stem_len: int
    tags: tuple[str, ...]
    bonus: float
    vowel_after: bool  # the first ending starts with a vowel (stem alternations may apply)
    fronts: tuple[bool, ...]  # for each ending with a vowel: whether the vowel is front


def _cls(ch: str) -> str:
    return _CLASSES.get(ch, "T")


def _variants(first: str, back: str, front: str) -> Iterator[tuple[str, bool]]:
    for cons in first:
        yield cons + back, False
        if front != back or cons in "ғқ":
            front_cons = {"ғ": "г", "қ": "к"}.get(cons, cons)
            yield front_cons + front, True


def _case_endings() -> list[tuple[str, str, frozenset[str], bool, float, bool]]:
    """(tag, ending, classes allowed before, front, bonus, needs poss3)."""
    out = []
    for tag, (firsts, back, front, bonus) in _CASES.items():
        by_ending: dict[tuple[str, bool], set[str]] = {}
        for cls, first in firsts.items():
            for ending, is_front in _variants(first, back, front):
                by_ending.setdefault((ending, is_front), set()).add(cls)
        for (ending, is_front), classes in by_ending.items():
            out.append((tag, ending, frozenset(classes), is_front, bonus, False))
    for tag, (back, front, bonus) in _AFTER_POSS3.items():
        out.append((tag, back, _ALL, False, bonus, True))
        out.append((tag, front, _ALL, True, bonus, True))
    # the relative -ғы/-гі after a locative: Астанадағы, облыстағы, қаласындағы
    for cons in "дт":
        out.append(("rel", cons + "ағы", _ALL, False, 1.0, False))
        out.append(("rel", cons + "егі", _ALL, True, 1.0, False))
    out.append(("rel", "ндағы", _ALL, False, 1.5, True))
    out.append(("rel", "ндегі", _ALL, True, 1.5, True))
    return sorted(set(out))


# A folded word matched by an ending that needs a Kazakh-only letter (ға read from га) is
# a guess that the word was typed on a Russian layout: it costs, so турбина is not турб+ің+а.
FOLDED_PENALTY = 1.5
_CASE_ENDINGS = {
    False: _case_endings(),
    True: sorted(
        {
            (t, fold(e), c, fr, b - (FOLDED_PENALTY if fold(e) != e else 0.0), p3)
            for t, e, c, fr, b, p3 in _case_endings()
        }
    ),
}
_KAZAKH_ONLY = frozenset("әғқңөұүһі")


def match_form(word: str) -> tuple[str, bool]:
    """The lowercase word that endings are matched on, and whether it is folded.

    A word with a Kazakh-only letter is matched exactly (so the н of үшін is not the ң of a
    possessive); one without may have been typed on a Russian layout and is matched folded.
    """
    low = fold_case(word)
    if _KAZAKH_ONLY.intersection(low):
        return low, False
    return fold(low), True


def fold_case(word: str) -> str:
    """``word`` lowercased letter by letter (never changing its length)."""
    low = word.lower()
    return low if len(low) == len(word) else "".join(_lower1(ch) for ch in word)


def _lower1(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


_VOWEL_LETTERS = frozenset("аәеиоөұүуыіэюяё")


def _has_vowel(low: str) -> bool:
    return not _VOWEL_LETTERS.isdisjoint(low)


def _poss_table(folded: bool) -> list[tuple[str, str, bool, bool, float]]:
    """(ending, tag, front, after a vowel, bonus) of every possessive ending."""
    out = []
    for tag, (v_back, v_front, c_back, c_front, bonus) in _POSS.items():
        for ending, front, after_vowel in (
            (v_back, False, True),
            (v_front, True, True),
            (c_back, False, False),
            (c_front, True, False),
        ):
            value = bonus
            if folded and fold(ending) != ending:
                ending, value = fold(ending), value - FOLDED_PENALTY
            if after_vowel and tag == "p3":
                value += P3_AFTER_VOWEL  # few stems end in a vowel + сы: ставкасы is ставка's
            if not after_vowel and tag in ("p1s", "p2s"):
                value += P12_AFTER_CONSONANT - bonus  # -ым/-ің end a stem less often than -м
            out.append((ending, tag, front, after_vowel, value))
    return out


def _plural_table(folded: bool) -> list[tuple[str, str, bool]]:
    """(ending, class before it, front) of every plural ending."""
    firsts, back, front, _ = _PLURAL
    out = []
    for cls, first in firsts.items():
        for ending, is_front in _variants(first, back, front):
            out.append((fold(ending) if folded else ending, cls, is_front))
    return out


_T = TypeVar("_T", bound=tuple)  # type: ignore[type-arg]


def _by_last_letter(table: list[_T]) -> dict[str, list[_T]]:
    out: dict[str, list[_T]] = {}
    for row in table:
        out.setdefault(row[0][-1], []).append(row)
    return out


_POSS_BY_LAST = {folded: _by_last_letter(_poss_table(folded)) for folded in (False, True)}
_PLURAL_BY_LAST = {folded: _by_last_letter(_plural_table(folded)) for folded in (False, True)}
_CASE_BY_LAST = {
    folded: _by_last_letter([row[1:2] + row[:1] + row[2:] for row in _CASE_ENDINGS[folded]])
    for folded in (False, True)
}


def _poss_options(f: str, end: int, folded: bool) -> Iterator[tuple[int, str, float, bool, bool]]:
    """Possessive endings of ``f[:end]``: (new end, tag, bonus, starts with vowel, front)."""
    for ending, tag, front, after_vowel, bonus in _POSS_BY_LAST[folded].get(f[end - 1], ()):
        start = end - len(ending)
        if start < 2 or not f.endswith(ending, 0, end):
            continue
        if (_cls(f[start - 1]) == "V") != after_vowel:
            continue
        if after_vowel and tag == "p3" and f[start - 1] in "ыіи" and f[start - 2] != "ш":
            bonus -= P3_AFTER_VOWEL  # құлшынысы is құлшыныс+ы more often than құлшыны+сы
        yield start, tag, bonus, not after_vowel, front


def _plural_options(f: str, end: int, folded: bool) -> Iterator[tuple[int, bool]]:
    for ending, cls, is_front in _PLURAL_BY_LAST[folded].get(f[end - 1], ()):
        start = end - len(ending)
        if start >= 2 and f.endswith(ending, 0, end) and _cls(f[start - 1]) == cls:
            yield start, is_front


def _case_options(f: str, folded: bool) -> Iterator[tuple[int, str, float, bool, bool]]:
    """Case endings of ``f``: (new end, tag, bonus, needs poss3, front)."""
    yield len(f), "", 0.0, False, False
    for ending, tag, classes, front, bonus, needs_p3 in _CASE_BY_LAST[folded].get(f[-1], ()):
        start = len(f) - len(ending)
        if start >= 2 and f.endswith(ending) and _cls(f[start - 1]) in classes:
            yield start, tag, bonus, needs_p3, front
    # the dative -а/-е after a 1st/2nd person singular possessive: үйіме, атыңа
    for ending, front in (("а", False), ("е", True)):
        if f.endswith(ending) and len(f) > 3 and f[-2] in ("мн" if folded else "мң"):
            yield len(f) - 1, "dat12", -1.0, False, front


def p3_chain_likely(f: str, end: int) -> bool:
    """графының is граф+ы+ның: stems ending in -ы are mostly -шы/-ғы words or patronymics."""
    return f[end - 1] not in "шғгқк" and not f.endswith(("ұл", "ул", "қыз", "кыз"), 0, end)


def splits(word: str) -> list[Split]:
    """Every grammatical way to read ``word`` as stem + endings (the bare word included)."""
    f, folded = match_form(word)
    out: list[Split] = []
    for c_end, c_tag, c_bonus, needs_p3, c_front in _case_options(f, folded):
        for p_end, p_tag, p_bonus, p_vowel, p_front in _poss_with_none(f, c_end, folded):
            if needs_p3 and p_tag != "p3":
                continue
            if c_tag == "dat12" and p_tag not in ("p1s", "p2s"):
                continue
            if p_tag == "p3" and c_tag in ("acc", "dat", "loc", "abl", "rel") and not needs_p3:
                continue
            if p_tag in ("p1s", "p2s") and c_tag == "dat" and not needs_p3:
                continue
            for n_end, n_tag, n_front in _plural_with_none(f, p_end, folded):
                if not _has_vowel(f[:n_end]):
                    continue
                tags = tuple(t for t in (n_tag, p_tag, c_tag) if t)
                fronts = tuple(
                    fr for fr, t in ((n_front, n_tag), (p_front, p_tag), (c_front, c_tag)) if t
                )
                vowel_after = p_vowel if (p_tag and not n_tag) else False
                if c_tag == "dat12" and not p_tag:
                    vowel_after = True
                bonus = c_bonus + p_bonus + (_PLURAL[3] if n_tag else 0.0)
                if p_tag == "p3" and c_tag and p_vowel and p3_chain_likely(f, p_end):
                    bonus += P3_CHAIN_BONUS
                out.append(Split(n_end, tags, bonus, vowel_after, fronts))
    return out


def _poss_with_none(f: str, end: int, folded: bool) -> Iterator[tuple[int, str, float, bool, bool]]:
    yield end, "", 0.0, False, False
    yield from _poss_options(f, end, folded)


def _plural_with_none(f: str, end: int, folded: bool) -> Iterator[tuple[int, str, bool]]:
    yield end, "", False
    for start, front in _plural_options(f, end, folded):
        yield start, "pl", front


def harmony_clash(stem: str, fronts: tuple[bool, ...]) -> bool:
    """Whether the endings' vowels clearly disagree with the stem's last decisive vowel."""
    low = stem.lower()
    if not any(c in "әөүіұы" for c in low):
        return False  # a loan (Ниязбековке) or typed on a Russian layout: harmony unknown
    for ch in reversed(low):
        if ch in _FRONT or ch in _BACK:
            return any(fr != (ch in _FRONT) for fr in fronts)
    return False

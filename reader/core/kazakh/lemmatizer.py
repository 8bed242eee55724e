"""Dictionary forms of Kazakh nouns and proper nouns: a suffix grammar ranked by a stem lexicon.

:func:`reader.core.kazakh.grammar.splits` lists every grammatical reading of a word; each
reading's stem is restored (п/к/қ that turned into б/г/ғ before a vowel: кітабы→кітап; a
vowel that dropped: орны→орын; the ь a Russian loan drops: автомобилі→автомобиль) and scored
by how well the lexicon knows it (how often it occurs as a word of its own and how many
different forms of it occur in the training text, see ``build_lexicon.py``) plus a small prior
per ending: common, unambiguous endings (the genitive, dative, plural) help, rare or ambiguous
ones (1st/2nd person singular possessives, the accusative that looks like a verb's past tense)
cost. The bare word competes on the same terms, so a word that is not inflected stays as it
is. Derivational suffixes (-лық, -шы, -ғы) are not endings here: Қазақстандық is a word of its
own.
"""

import functools
import gzip
import math
import threading
from importlib import resources

from reader.core.kazakh.apertium import Reading, readings
from reader.core.kazakh.grammar import (
    CLOSED_CLASS,
    HARMONY_PENALTY,
    NOT_STEMS,
    Split,
    fold_case,
    harmony_clash,
    p3_chain_likely,
    splits,
)
from reader.core.kazakh.lookalike import clean_word
from reader.core.kazakh.script import fold

LEXICON_RESOURCE = "lexicon.tsv.gz"
ALTERNATION_PENALTY = 0.3
UNALTERED_PENALTY = 0.3  # клубы: loans may keep б/г before a vowel
VOWEL_DROP_PENALTY = 0.8
SHORT_STEM_MIN_COUNT = 1
ACC_MIN_COUNT = 1  # a bare -ды/-ті reading needs a stem seen alone this often
ACC_MIN_FORMS = 4  # or seen in this many forms (климатты)
POSSESSED_PENALTY = 0.7
POSSESSED_MIN_FORMS = 3
COUNT_WEIGHT = 0.5  # a stem seen alone
FORMS_WEIGHT = 2.0  # a stem seen in many forms: the stronger sign of a real stem
KNOWN_STEM_MIN_FORMS = 3  # is_known_stem: a stem, not a chance prefix
_ALTERNATIONS = {"б": "п", "г": "к", "ғ": "қ", "Б": "П", "Г": "К", "Ғ": "Қ"}
_CONSONANTS = frozenset("бвгғджзйкқлмнңпрстфхһцчшщ")
_VOWELS = frozenset("аәеиоөұүыіэюяё")
# Consonant pairs no Kazakh word ends in, left when a vowel drops (орны, мұрны, аузы, ғұрпы)
NEVER_FINAL = frozenset(
    ["рн", "лн", "йн", "ун", "рм", "лм", "йм", "ум", "уз", "йз", "рз", "лз", "рл", "йл", "рп", "лп"]
)

Lexicon = dict[str, tuple[int, int]]  # folded stem -> (count as a word, distinct forms)

_lock = threading.Lock()
_lexicon: Lexicon | None = None


def parse_lexicon(lines: list[str]) -> Lexicon:
    """The lexicon from its TSV lines (``stem<TAB>count<TAB>forms``; ``#`` starts a comment)."""
    lex: Lexicon = {}
    for line in lines:
        if not line or line.startswith("#"):
            continue
        stem, count, forms = line.rstrip("\n").split("\t")
        lex[stem] = (int(count), int(forms))
    return lex


def load_lexicon() -> Lexicon:
    """The shipped lexicon, read once (thread-safe)."""
    global _lexicon
    with _lock:
        if _lexicon is None:
            data = resources.files("reader.core.kazakh.data").joinpath(LEXICON_RESOURCE)
            text = gzip.decompress(data.read_bytes()).decode("utf-8")
            _lexicon = parse_lexicon(text.splitlines())
        return _lexicon


def _evidence(lex: Lexicon, stem: str, *, stripped: bool = True) -> float:
    count, forms = lex.get(fold(stem), (0, 0))
    if stripped and len(stem) < 3 and count < SHORT_STEM_MIN_COUNT:
        return -math.inf  # ке, со: two letters are a stem only if the text uses them alone
    return COUNT_WEIGHT * math.log1p(count) + FORMS_WEIGHT * math.log1p(forms)


def _known_for_accusative(lex: Lexicon, stem: str) -> bool:
    count, forms = lex.get(fold(stem), (0, 0))
    return count >= ACC_MIN_COUNT or forms >= ACC_MIN_FORMS


def _looks_possessed(lex: Lexicon, stem: str) -> float:
    """A cost for a stem that is itself a known stem + a 3rd-person possessive (чемпионаты):
    its own counts come from being that possessive form, not from being a word."""
    low = fold(stem)
    if len(low) < 4 or low[-1] not in "ыи":
        return 0.0
    base = low[:-2] if low[-2] == "с" and low[-3] in "аеиоыэюяёу" else low[:-1]
    if not p3_chain_likely(base, len(base)):  # тілші, Құнанбайұлы end in ы themselves
        return 0.0
    if base[-1] == base[-2] or (base[-1] == "д" and base[-2] not in "аеиоыэюяёу"):
        return 0.0  # болды, айтты: a verb's past tense, not болд+ы
    return POSSESSED_PENALTY if lex.get(base, (0, 0))[1] >= POSSESSED_MIN_FORMS else 0.0


def _identity_evidence(lex: Lexicon, word: str) -> float:
    """How much the lexicon says ``word`` is itself a stem, not counting ``word`` itself:
    every inflected form occurs alone too, so only *other* forms built on it are evidence."""
    count, forms = lex.get(fold(word), (0, 0))
    return COUNT_WEIGHT * math.log1p(max(count - 1, 0)) + FORMS_WEIGHT * math.log1p(
        max(forms - 1, 0)
    )


def _insert_vowel(stem: str) -> str:
    """орн→орын, ерн→ерін: the vowel that dropped between the last two consonants."""
    low = stem.lower()
    front = next((ch in "әеөүі" for ch in reversed(low) if ch in "аәеөоұүыі"), False)
    vowel = "і" if front else "ы"
    if stem[-1].isupper() and stem[-2].isupper():
        vowel = vowel.upper()
    return stem[:-1] + vowel + stem[-1]


def _ends_in_two_consonants(low: str) -> bool:
    """True for орн, халқ and (у after a vowel being a consonant) ауз."""
    if len(low) < 3 or low[-1] not in _CONSONANTS:
        return False
    return low[-2] in _CONSONANTS or (low[-2] == "у" and low[-3] in _VOWELS)


def _stems(word: str, split: Split) -> list[tuple[str, float]]:
    """The stems a split can stand for, each with its extra cost."""
    stem = word[: split.stem_len]
    last = stem[-1]
    # Kazakh words do not end in б/г/ғ: before a vowel they are most likely п/к/қ
    out = [(stem, UNALTERED_PENALTY if split.vowel_after and last in _ALTERNATIONS else 0.0)]
    if split.vowel_after and len(stem) >= 2:
        if last in _ALTERNATIONS:
            out.append((stem[:-1] + _ALTERNATIONS[last], 0.0))
        if last in "лЛ":  # Russian loans drop ь before a vowel: король → королі
            out.append((stem + ("Ь" if last == "Л" else "ь"), ALTERNATION_PENALTY))
        if _ends_in_two_consonants(stem.lower()):
            if stem[-2:].lower() in NEVER_FINAL:  # мұрн is not a word, мұрын is
                out[0] = (stem, out[0][1] + VOWEL_DROP_PENALTY)
                out.append((_insert_vowel(stem), 0.0))
            else:
                out.append((_insert_vowel(stem), VOWEL_DROP_PENALTY))
    return out


def best_lemma(word: str, lex: Lexicon) -> str:
    """The best-scoring stem of ``word`` under ``lex`` (the word itself when nothing beats it)."""
    if fold_case(word) in CLOSED_CLASS:
        return word
    best, best_score = word, _identity_evidence(lex, word) - _looks_possessed(lex, word)
    for split in splits(word):
        if not split.tags:
            continue
        clash = HARMONY_PENALTY if harmony_clash(word[: split.stem_len], split.fronts) else 0.0
        for stem, cost in _stems(word, split):
            if split.tags == ("acc",) and not _known_for_accusative(lex, stem):
                continue  # жасалды: a stem never seen alone + -ды is a verb's past tense
            if fold_case(stem) in NOT_STEMS:
                continue
            score = _evidence(lex, stem) + split.bonus - cost - clash - _looks_possessed(lex, stem)
            if score > best_score:
                best, best_score = stem, score
    return best


def stem_forms(stem: str) -> int:
    """How many distinct word forms of the training text the lexicon derives from ``stem``
    (``stem`` itself included when it occurs as a word)."""
    return load_lexicon().get(fold(stem), (0, 0))[1]


def is_known_stem(stem: str) -> bool:
    """Whether the lexicon knows ``stem`` as a real stem: the training text shows it in at
    least ``KNOWN_STEM_MIN_FORMS`` different forms (астана: Астанада, Астанаға, Астананың...).
    A chance string that a name merely begins with (Кана in Канада) is seen in fewer."""
    return stem_forms(stem) >= KNOWN_STEM_MIN_FORMS


def _is_word(word: str) -> bool:
    return len(word) >= 3 and all(ch.isalpha() or ch == "-" for ch in word)


_NOMINAL = frozenset(["n", "np"])
_VERBAL = frozenset(["v", "vaux", "cop"])
_DERIVED = frozenset(["coop", "caus", "refl"])  # таныс, жүргіз: verbs of their own


_CONVERB_A = frozenset(["prc_impf", "gna_impf", "imp"])  # -а/-е/-й converbs, imperative


def _verb_reading(word: str, found: tuple[Reading, ...]) -> Reading | None:
    """The first finite, participle or converb reading (not a verbal noun in -у), one
    without a derivational voice when there is one (қатыс, not қат + cooperative).

    None for a closed-class word (тіпті) and for a word of its own that is otherwise only a
    bare stem, an imperative or an -а/-е converb (өте "very", қара "black").
    """
    verbs = [r for r in found if r.pos in _VERBAL and "ger" not in r.tags]
    if not verbs or fold_case(word) in CLOSED_CLASS:
        return None
    low = fold_case(word)
    weak = all(not _CONVERB_A.isdisjoint(r.tags) for r in verbs)
    if weak and any(fold_case(r.lemma) == low and r.pos not in _VERBAL for r in found):
        return None
    plain = [r for r in verbs if _DERIVED.isdisjoint(r.tags)]
    return (plain or verbs)[0]


BARE_MAX_FORMS = 2  # a word seen in no more forms than this does not inflect


def _uninflected(word: str, found: tuple[Reading, ...], lex: Lexicon) -> bool:
    """An adjective (or noun) that Apertium reads as itself, that our noun grammar would cut
    (күнделікті is not күнделік + accusative), and that the training text never inflects:
    adjectives do not decline, a noun that really is cut (жылы: жыл) is seen in many forms."""
    low = fold_case(word)
    bare = any(
        fold_case(r.lemma) == low and r.pos in ("adj", "n") and len(r.tags) <= 2 for r in found
    )
    return bare and lex.get(fold(word), (0, 0))[1] <= BARE_MAX_FORMS


def combine(word: str, ours: str, found: tuple[Reading, ...], lex: Lexicon | None = None) -> str:
    """Our noun lemma ``ours`` of ``word``, or one of Apertium's ``found`` readings.

    Ours stays when Apertium reads the word as a noun with our lemma and our lexicon (``lex``,
    the shipped one by default) knows it as a stem (жер, not же + aorist). Else a verb
    reading wins (бөлінген: бөл, as the treebank has it, though a participle declines like a
    noun and our lexicon knows it); else ours when any reading agrees with it, or when
    Apertium reads the word as a noun and our lexicon knows our stem; else Apertium's first
    reading. Apertium's lemma is given in ``word``'s capitalisation.
    """
    if not found:
        return ours
    low = fold_case(ours)
    lex = load_lexicon() if lex is None else lex
    if low != fold_case(word) and _uninflected(word, found, lex):
        return word
    known = lex.get(fold(ours), (0, 0))[1] >= KNOWN_STEM_MIN_FORMS
    agrees = [r for r in found if fold_case(r.lemma) == low]
    if known and any(r.pos in _NOMINAL for r in agrees):
        return ours
    verb = _verb_reading(word, found)
    if verb is not None:
        best = verb.lemma
    elif agrees or (known and any(r.pos in _NOMINAL for r in found)):
        return ours
    else:
        best = found[0].lemma
    if word[:1].isupper() and not best[:1].isupper():
        best = best[:1].upper() + best[1:]
    return best


# Endings only nouns take (case, plural), and stems that are verb forms (participles, verbal
# nouns) which take them too: айтқанда is айт's, шешуге шеш's.
_NOUN_ENDINGS = tuple(
    """ның нің дың дің тың тің ға ге қа ке на не да де та те дан ден тан тен нан нен
    лар лер дар дер тар тер ларың лерің дарың дерің лары лері дары дері тары тері""".split()  # noqa: SIM905
)
_VOWEL_LETTERS = frozenset("аәеиоөұүуыіэюяё")
_VERB_STEM_ENDINGS = tuple("ған ген қан кен атын етін йтын йтін у ушы уші".split())  # noqa: SIM905


# How verb forms end when they end in a consonant (participles, 1st and 2nd persons, the
# -мақ future, the aorist -ар/-ер, -мас, the converb -п): a bare word ending otherwise is
# not a verb form.
_VERB_FORM_ENDINGS = tuple(
    """ған ген қан кен атын етін йтын йтін ар ер р мақ мек бақ бек пақ пек мас мес бас бес пас
    пес мын мін бын бін пын пін мыз міз быз біз пыз піз сың сің сыз сіз ңыз ңіз қ к п з с""".split()  # noqa: SIM905
)


def _surely_a_noun(word: str, ours: str, lex: Lexicon) -> bool:
    """Whether our lemma needs no second opinion from Apertium (about 100 µs a word, three
    times ours): a known stem under a case or plural ending only nouns take, not itself a
    verb form; or a known bare stem ending in a consonant no verb form ends in."""
    if lex.get(fold(ours), (0, 0))[1] < KNOWN_STEM_MIN_FORMS:
        return False
    low = fold_case(word)
    if len(ours) < len(word):
        return low.endswith(_NOUN_ENDINGS) and not fold_case(ours).endswith(_VERB_STEM_ENDINGS)
    return ours == word and low[-1] not in _VOWEL_LETTERS and not low.endswith(_VERB_FORM_ENDINGS)


def is_dictionary_form(word: str) -> bool:
    """Whether Apertium reads ``word`` as a lemma itself (отын, салдар: not от + accusative,
    сал + plural), whatever our noun grammar would cut."""
    low = fold_case(clean_word(word))
    return any(fold_case(r.lemma) == low for r in readings(clean_word(word)))


def verb_of(word: str) -> str | None:
    """The verb whose verbal noun ``word`` is (шешу: шеш), or None."""
    for r in readings(clean_word(word)):
        if r.pos == "v" and "ger" in r.tags and len(r.tags) <= 4:
            return r.lemma
    return None


def lemma_with(word: str, lex: Lexicon) -> str:
    """:func:`lemma` under the lexicon ``lex`` (benchmarks measure a held-out one)."""
    word = clean_word(word)
    if not _is_word(word):
        return word
    ours = best_lemma(word, lex)
    if _surely_a_noun(word, ours, lex):
        return ours
    return combine(word, ours, readings(word), lex)


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a Kazakh word, capitalisation kept; a verb's is its stem, as in
    the Kazakh treebank (шешті, шешеді: шеш). Look-alike letters are folded first.

    >>> lemma("Қазақстанның"), lemma("кітабымыз"), lemma("Астанадағы"), lemma("жəне")
    ('Қазақстан', 'кітап', 'Астана', 'және')
    """
    return lemma_with(word, load_lexicon())

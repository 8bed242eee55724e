"""One name, one class within a document, unless the context says otherwise.

The CRF tags each sentence alone, so one name can come out as a place in one sentence and a
person in the next (Матай, Матайда), or be tagged in one sentence and missed in another
where it stands capitalised on its own. After the whole document is tagged:

- the mentions of one name (the key the grouping files them under: words lowercased, the
  last one's case ending taken off; :func:`reader.core.ner.grouping.name_keys`) tagged as
  different classes take the class the CRF finds most likely over all of them: each
  mention gives the probability of each of those classes for its words (a
  :class:`~reader.core.ner.model.Lattice`), normalised and summed over the mentions. A
  mention whose own class the CRF holds at least :data:`KEEP` likely keeps it: its
  context says otherwise (Астана the football club beside Астана the city);
- a capitalised word the CRF left out, not next to another capitalised word, that is a
  one-word name of the document or an inflection of one (Омбымен after Омбы), becomes that
  name when the CRF gives this reading at least :data:`ADD` probability there; at the start
  of a sentence only if the word is not one usually written in lowercase (Ауыл, Бүгін).

The recogniser runs this over a whole document; ``python -m reader.core.ner.train --dev``
measures it on runs of consecutive KazNERD sentences (see ``devsplit.pseudo_documents``).
"""

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reader.core.ner.grouping import case_splits, cross_script, is_name_label, name_keys
from reader.core.ner.scoring import chunks

if TYPE_CHECKING:  # the model loads numpy and crfsuite; the rules here need neither
    from reader.core.ner.model import CrfModel, Lattice

#: a mention keeps its class against the document's when the CRF gives it this much
KEEP = 0.9
#: a missed word becomes a name of the document when the CRF gives that reading this much
ADD = 0.001


@dataclass(frozen=True, slots=True)
class Found:
    """A name the CRF tagged: words ``first:stop`` of sentence ``sentence``."""

    sentence: int
    first: int
    stop: int
    label: str
    words: tuple[str, ...]  # lowercased, punctuation left out (the grouping's words)


@dataclass(frozen=True, slots=True)
class Loose:
    """A capitalised word the CRF left untagged, with no capitalised word beside it."""

    sentence: int
    position: int
    word: str
    initial: bool  # the first word of its sentence


class Readings(Protocol):
    """The CRF's probability that words ``first:stop`` of a sentence are one ``label``."""

    def probability(self, sentence: int, first: int, stop: int, label: str) -> float: ...


@dataclass(frozen=True, slots=True)
class Changes:
    """What the document asks of its mentions: new classes, and words that become names."""

    relabelled: dict[int, str]  # index in ``found`` -> its new class
    added: tuple[tuple[Loose, str], ...]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def found_names(sentence: int, words: Sequence[str], tags: Sequence[str]) -> list[Found]:
    """The names (classes that inflect, not dates or numbers) among a sentence's tags."""
    out = []
    for first, stop, label in chunks(tags):
        if is_name_label(label):
            ws = tuple(w.lower() for w in words[first:stop] if w[:1].isalnum())
            if ws:
                out.append(Found(sentence, first, stop, label, ws))
    return out


def loose_words(sentence: int, words: Sequence[str], tags: Sequence[str]) -> list[Loose]:
    """Capitalised untagged words of a sentence that stand alone: a capitalised neighbour
    would make them part of a longer name the CRF did not see (Ауыл Шаруашылығы)."""
    out = []
    n = len(words)
    for i, word in enumerate(words):
        if tags[i] != "O" or not _capitalised(word) or not word[:1].isalpha():
            continue
        before = i > 0 and _capitalised(words[i - 1]) and words[i - 1][:1].isalpha()
        after = i + 1 < n and _capitalised(words[i + 1]) and words[i + 1][:1].isalpha()
        if not before and not after:
            out.append(Loose(sentence, i, word, i == 0))
    return out


def _forms(word: str) -> set[str]:
    """The keys a word may be an inflection of: itself, and itself without a case ending."""
    low = word.lower()
    return {cross_script(low), *(cross_script(rest) for rest, _ in case_splits(low))}


def harmonise(
    found: Sequence[Found],
    loose: Sequence[Loose],
    readings: Readings,
    lexicon: Mapping[str, str] | None = None,
) -> Changes:
    """The changes that make a document's names consistent (see the module's doc).

    ``lexicon``: the model's gazetteer (its ``^word`` entries: words usually lowercase).
    """
    members: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, key in enumerate(name_keys((list(f.words), f.label) for f in found)):
        if is_name_label(found[i].label):  # dates and numbers keep their sentence's reading
            members[key].append(i)
    relabelled: dict[int, str] = {}
    settled: dict[str, str] = {}  # a one-word key -> the one class all its mentions have
    for key, indices in members.items():
        labels = Counter(found[i].label for i in indices)
        if len(labels) > 1:
            relabelled.update(_vote(found, indices, sorted(labels), labels, readings))
        classes = {relabelled.get(i, found[i].label) for i in indices}
        if len(key) == 1 and len(classes) == 1:
            settled[key[0]] = classes.pop()
    added = []
    for word in loose if settled else ():
        if word.initial and lexicon is not None and "^" + word.word.lower() in lexicon:
            continue  # a common word starting the sentence (Ауыл, Бүгін)
        hits = {settled[k] for k in _forms(word.word) if k in settled}
        if len(hits) != 1:
            continue
        label = hits.pop()
        p = readings.probability(word.sentence, word.position, word.position + 1, label)
        if p >= ADD:
            added.append((word, label))
    return Changes(relabelled, tuple(added))


def _vote(
    found: Sequence[Found],
    indices: list[int],
    labels: list[str],
    counts: Counter[str],
    readings: Readings,
) -> dict[int, str]:
    """The mentions of one name that take the class most likely over all of them."""
    totals: dict[str, float] = dict.fromkeys(labels, 0.0)
    own: dict[int, float] = {}
    for i in indices:
        f = found[i]
        p = {y: readings.probability(f.sentence, f.first, f.stop, y) for y in labels}
        z = sum(p.values())
        for y in labels:
            totals[y] += p[y] / z if z > 0 else float(y == f.label)
        own[i] = p[f.label]
    winner = max(labels, key=lambda y: (totals[y], counts[y], y))
    return {i: winner for i in indices if found[i].label != winner and own[i] < KEEP}


def apply_changes(tags: Sequence[list[str]], found: Sequence[Found], changes: Changes) -> None:
    """Write ``changes`` into the IOB2 tags of the document's sentences (in place)."""
    for i, label in changes.relabelled.items():
        f = found[i]
        row = tags[f.sentence]
        row[f.first : f.stop] = [f"B-{label}"] + [f"I-{label}"] * (f.stop - f.first - 1)
    for word, label in changes.added:
        tags[word.sentence][word.position] = f"B-{label}"


class _SentenceReadings:
    """Readings of sentences of words, each sentence's lattice made once, when first asked."""

    def __init__(self, model: "CrfModel", sentences: Sequence[list[str]]) -> None:
        self._model = model
        self._sentences = sentences
        self._lattices: dict[int, Lattice] = {}

    def probability(self, sentence: int, first: int, stop: int, label: str) -> float:
        lattice = self._lattices.get(sentence)
        if lattice is None:
            lattice = self._lattices[sentence] = self._model.lattice(self._sentences[sentence])
        return lattice.reading(first, stop, label)


def sentence_readings(model: "CrfModel", sentences: Sequence[list[str]]) -> Readings:
    """Readings of ``sentences`` (lists of words) by ``model``, computed when asked."""
    return _SentenceReadings(model, sentences)


def consistent(
    sentences: Sequence[list[str]],
    tags: Sequence[Sequence[str]],
    readings: Readings,
    lexicon: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """The tags of a document's sentences made consistent (new lists)."""
    found = [
        f
        for i, (w, t) in enumerate(zip(sentences, tags, strict=True))
        for f in found_names(i, w, t)
    ]
    loose = [
        x
        for i, (w, t) in enumerate(zip(sentences, tags, strict=True))
        for x in loose_words(i, w, t)
    ]
    out = [list(t) for t in tags]
    apply_changes(out, found, harmonise(found, loose, readings, lexicon))
    return out

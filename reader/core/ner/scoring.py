"""Exact-match entity scores over IOB2 tag sequences (the seqeval / CoNLL convention)."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Chunk = tuple[int, int, str]  # first token, end token (exclusive), class


def chunks(tags: Sequence[str]) -> list[Chunk]:
    """Entity chunks of an IOB2 sequence; a stray ``I-X`` starts a chunk, as in seqeval."""
    result: list[Chunk] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, cls = tag.partition("-")
        continues = prefix == "I" and cls == label and start >= 0
        if start >= 0 and not continues:
            result.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, cls
    return result


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one class (or the micro average) with its support."""

    precision: float
    recall: float
    f1: float
    support: int


def _score(tp: int, predicted: int, gold: int) -> Score:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, gold)


def evaluate(
    gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]
) -> tuple[Score, dict[str, Score]]:
    """Micro-averaged score and per-class scores of predicted against gold sentences."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g, p = set(chunks(g_tags)), set(chunks(p_tags))
        for c in g:
            n_gold[c[2]] += 1
        for c in p:
            n_pred[c[2]] += 1
        for c in g & p:
            tp[c[2]] += 1
    micro = _score(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    labels = sorted(set(n_gold) | set(n_pred))
    return micro, {lab: _score(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels}

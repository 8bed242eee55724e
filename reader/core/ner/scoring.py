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


GroupCounts = dict[str, tuple[int, int, int]]  # group -> (true positives, predicted, gold)


def group_counts(
    groups: Sequence[str], gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]
) -> GroupCounts:
    """Entity counts summed per group of sentences (a sentence and its other typographic
    forms share a group), the unit a bootstrap resamples."""
    out: dict[str, list[int]] = {}
    for group, g_tags, p_tags in zip(groups, gold, predicted, strict=True):
        g, p = set(chunks(g_tags)), set(chunks(p_tags))
        row = out.setdefault(group, [0, 0, 0])
        row[0] += len(g & p)
        row[1] += len(p)
        row[2] += len(g)
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def _micro_f1(tp: float, predicted: float, gold: float) -> float:
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


def bootstrap_difference(
    new: GroupCounts, old: GroupCounts, *, samples: int = 1000, seed: int = 0
) -> tuple[float, float, float]:
    """Micro F1 of ``new`` minus that of ``old`` with a 95% percentile interval, resampling
    the groups both were scored on (paired: one resample serves both systems)."""
    import numpy as np

    keys = sorted(set(new) & set(old))
    if not keys:
        raise ValueError("the two systems share no scored group")
    a = np.array([new[k] for k in keys], dtype=np.float64)
    b = np.array([old[k] for k in keys], dtype=np.float64)
    delta = _micro_f1(*a.sum(axis=0)) - _micro_f1(*b.sum(axis=0))
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(keys), size=(samples, len(keys)))
    weights = np.stack([np.bincount(p, minlength=len(keys)) for p in picks]).astype(np.float64)
    sa, sb = weights @ a, weights @ b  # (samples, 3)
    diffs = 2 * sa[:, 0] / (sa[:, 1] + sa[:, 2]) - 2 * sb[:, 0] / (sb[:, 1] + sb[:, 2])
    low, high = np.percentile(diffs, [2.5, 97.5])
    return float(delta), float(low), float(high)

"""Labelled character ranges over a document's text (str indices, end-exclusive)."""

import bisect
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class EntitySpan:
    """One recognised entity covering ``text[start:end]``."""

    start: int
    end: int
    label: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span [{self.start}, {self.end})")


def non_overlapping(spans: Iterable[EntitySpan]) -> list[EntitySpan]:
    """Drop clashing spans, keeping the longest (then earliest); return them sorted by start."""
    kept: list[EntitySpan] = []  # sorted by start, pairwise disjoint
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        i = bisect.bisect_left(kept, span)
        clear_left = i == 0 or kept[i - 1].end <= span.start
        clear_right = i == len(kept) or span.end <= kept[i].start
        if clear_left and clear_right:
            kept.insert(i, span)
    return kept

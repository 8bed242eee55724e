"""The dev-split scorer counts exact entity matches, as seqeval does."""

import pytest

from reader.core.ner.scoring import chunks, evaluate


def test_chunks_of_iob2_including_a_stray_inside_tag() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "I-GPE", "B-GPE", "I-DATE"]
    assert chunks(tags) == [(0, 2, "PERSON"), (3, 4, "GPE"), (4, 5, "GPE"), (5, 6, "DATE")]


def test_a_partly_matched_entity_counts_as_wrong() -> None:
    gold = [["B-PERSON", "I-PERSON", "O", "B-GPE"]]
    predicted = [["B-PERSON", "O", "O", "B-GPE"]]
    micro, per_class = evaluate(gold, predicted)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(0.5)
    assert per_class["GPE"].f1 == 1.0
    assert per_class["PERSON"].f1 == 0.0
    assert per_class["PERSON"].support == 1

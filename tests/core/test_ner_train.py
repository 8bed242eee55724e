"""`python -m reader.core.ner.train` writes a model the recogniser loads; the dev split is fixed."""

import json
from pathlib import Path

import numpy as np
import pytest

from reader.core.ner.model import (
    MODEL_PATH,
    WEIGHTS_PATH,
    CrfModel,
    read_weights,
    weights_from_crfsuite,
)
from reader.core.ner.train import DATA_FILES, build_gazetteer, is_dev, main, read_iob2

DATA = Path(__file__).parents[2].parent / "shared/data/kaznerd"


def test_training_on_a_few_sentences_gives_a_model_that_tags(tmp_path: Path) -> None:
    assert main(["--limit", "300", "--out", str(tmp_path)]) == 0
    model = CrfModel(tmp_path / "kazakh_ner.crfsuite", tmp_path / "kazakh_ner_gazetteer.json")
    tags = model.tag(["Нұрсұлтан", "Назарбаев", "Астанаға", "келді", "."])
    assert len(tags) == 5
    assert set(tags) <= set(model.labels)
    # the arrays the recogniser loads fast are those of this model, exactly
    fast = read_weights(tmp_path / "kazakh_ner.crfsuite", tmp_path / "kazakh_ner_weights.npz")
    slow = weights_from_crfsuite(tmp_path / "kazakh_ner.crfsuite")
    assert fast is not None and fast[:2] == slow[:2]
    assert all(np.array_equal(a, b) for a, b in zip(fast[2:], slow[2:], strict=True))


def test_shipped_weight_arrays_are_those_of_the_shipped_model(tmp_path: Path) -> None:
    fast = read_weights(MODEL_PATH, WEIGHTS_PATH)
    assert fast is not None, "run python -m reader.core.ner.train, or write_weights, again"
    slow = weights_from_crfsuite(MODEL_PATH)
    assert fast[:2] == slow[:2]
    assert all(np.array_equal(a, b) for a, b in zip(fast[2:], slow[2:], strict=True))
    other = tmp_path / "other.crfsuite"
    other.write_bytes(MODEL_PATH.read_bytes() + b"\0")  # any other model: arrays not used
    assert read_weights(other, WEIGHTS_PATH) is None


def test_dev_mode_writes_a_report_and_no_model(tmp_path: Path) -> None:
    assert main(["--dev", "--limit", "300", "--out", str(tmp_path)]) == 0
    report = json.loads((tmp_path / "kazakh_ner_eval.json").read_text(encoding="utf-8"))
    assert 0.3 < report["micro"]["f1"] <= 1.0
    assert report["sentences"] + report["train_sentences"] == 300
    assert not list(tmp_path.glob("*.crfsuite*"))


def test_missing_data_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--data", str(tmp_path)])
    assert exc.value.code == 2


def test_dev_split_is_a_tenth_and_never_splits_identical_sentences() -> None:
    sentences = read_iob2(DATA / DATA_FILES[0])
    dev = [s for s in sentences if is_dev(s[0])]
    assert 0.08 < len(dev) / len(sentences) < 0.12
    assert is_dev(["Астана", "."]) == is_dev(["Астана", "."])


def test_gazetteer_keeps_words_mostly_inside_entities() -> None:
    sentences = [
        (["Назарбаев", "келді"], ["B-PERSON", "O"]),
        (["Назарбаевқа", "келді"], ["B-PERSON", "O"]),
        (["Назарбаевтың", "сөзі"], ["B-PERSON", "O"]),
    ]
    gazetteer = build_gazetteer(sentences)
    assert gazetteer["~назарбаев"] == "B-PERSON"  # every inflected form counts for the stem
    assert "назарбаевқа" not in gazetteer  # seen once: too rare to trust
    assert "келді" not in gazetteer

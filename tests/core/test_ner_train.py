"""`python -m reader.core.ner.train` writes a model the recogniser loads; the dev split is fixed."""

import json
from pathlib import Path

import numpy as np
import pytest

from reader.core.ner.devsplit import default_data_dir, load_corpus, sentence_group, split_figures
from reader.core.ner.model import (
    GAZETTEER_PATH,
    MODEL_PATH,
    NAMES_PATH,
    WEIGHTS_PATH,
    CrfModel,
    ModelMissingError,
    read_weights,
    weights_from_crfsuite,
)
from reader.core.ner.scoring import bootstrap_difference, group_counts
from reader.core.ner.train import DATA_FILES, build_gazetteer, main

DATA = default_data_dir()


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


def test_the_bundles_compact_model_tags_as_the_full_one(tmp_path: Path) -> None:
    # What packaging/build.sh ships: the arrays without the crfsuite file, the word lists
    # gzipped. The same tags, word for word, and nothing else read (no crfsuite, no .json).
    import gzip
    import shutil

    shutil.copy(WEIGHTS_PATH, tmp_path / WEIGHTS_PATH.name)
    for path in (GAZETTEER_PATH, NAMES_PATH):
        (tmp_path / (path.name + ".gz")).write_bytes(gzip.compress(path.read_bytes()))
    names = tmp_path / NAMES_PATH.name
    compact = CrfModel(tmp_path / MODEL_PATH.name, tmp_path / GAZETTEER_PATH.name, names)
    full = CrfModel()
    assert compact.gazetteer == full.gazetteer
    sentences = [s.words for s in load_corpus(DATA / DATA_FILES[1])[:200]]
    assert compact.tag_many(sentences) == full.tag_many(sentences)
    (tmp_path / WEIGHTS_PATH.name).unlink()
    with pytest.raises(ModelMissingError):
        CrfModel(tmp_path / MODEL_PATH.name, tmp_path / GAZETTEER_PATH.name, names)


def test_dev_mode_writes_both_figures_and_no_model(tmp_path: Path) -> None:
    counts = tmp_path / "counts.json"
    args = ["--dev", "--limit", "300", "--iterations", "20", "--out", str(tmp_path)]
    assert main([*args, "--counts", str(counts)]) == 0
    report = json.loads((tmp_path / "kazakh_ner_eval.json").read_text(encoding="utf-8"))
    pooled, cross = report["pooled"], report["cross_file"]
    assert pooled["sentences"] + pooled["train_sentences"] == 600  # 300 of each file
    assert cross["train_sentences"] == 300 and cross["sentences"] == 300  # valid -> test
    assert 0.1 < cross["micro"]["f1"] <= 1.0
    assert not list(tmp_path.glob("*.crfsuite*"))
    # a second run compared with the first: the same model, so no difference
    assert main([*args, "--against", str(counts), "--figure", "cross_file"]) == 0


def test_missing_data_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--data", str(tmp_path)])
    assert exc.value.code == 2


def test_identifiers_name_the_sentence_whatever_its_typographic_form() -> None:
    assert sentence_group("AID283875") == sentence_group("BID283875") == "283875"
    with pytest.raises(ValueError, match="without a number"):
        sentence_group("AID")


def test_every_form_of_a_sentence_is_on_one_side_of_the_pooled_split() -> None:
    valid, test = (load_corpus(DATA / name) for name in DATA_FILES)
    training, scored = split_figures(valid, test)["pooled"]
    assert 0.08 < len(scored) / (len(valid) + len(test)) < 0.12
    assert {e.group for e in training}.isdisjoint({e.group for e in scored})
    # forms of one sentence really are in the data: the split must keep them together
    assert len({e.group for e in valid}) < len(valid)


def test_the_cross_file_figure_trains_on_one_file_and_scores_the_other() -> None:
    valid, test = (load_corpus(DATA / name) for name in DATA_FILES)
    training, scored = split_figures(valid, test)["cross_file"]
    assert training == valid and scored == test
    assert {e.group for e in valid}.isdisjoint({e.group for e in test})


def test_ids_that_do_not_match_the_sentences_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Астана B-GPE\n\nОл O\n", encoding="utf-8")
    (tmp_path / "x.ids").write_text("AID1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="1 identifiers for 2 sentences"):
        load_corpus(tmp_path / "x.txt")


def test_bootstrap_interval_holds_a_real_difference_and_resamples_sentences() -> None:
    gold = [["B-GPE", "O"]] * 200
    good = [["B-GPE", "O"]] * 200
    worse = [["B-GPE", "O"]] * 150 + [["O", "O"]] * 50
    groups = [str(i // 2) for i in range(200)]  # two forms per sentence
    new, old = group_counts(groups, gold, good), group_counts(groups, gold, worse)
    assert len(new) == 100
    delta, low, high = bootstrap_difference(new, old)
    assert delta == pytest.approx(1.0 - 2 * 150 / 350)
    assert 0 < low < delta < high
    same = bootstrap_difference(old, old)
    assert same == (0.0, 0.0, 0.0)


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

"""Train the Kazakh CRF on KazNERD: ``python -m reader.core.ner.train [--dev] [--limit N]``.

Without ``--dev`` this reproduces the shipped model from all of KazNERD's sentences and
writes it, its gazetteer and its evaluation report to ``resources/models/``. With
``--dev`` it trains on 90% and scores the held-out 10% (chosen by a hash of the sentence's
words, so duplicates never straddle the split) and writes the report; the shipped model's
report records the dev scores of a model trained with the same settings.
"""

import argparse
import json
import logging
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import pycrfsuite

from reader.core.ner.features import FeatureExtractor
from reader.core.ner.model import EVAL_PATH, GAZETTEER_PATH, MODEL_PATH, WEIGHTS_PATH, write_weights
from reader.core.ner.rules import apply_rules
from reader.core.ner.scoring import evaluate
from reader.core.ner.stem import stem
from reader.core.paths import project_root

log = logging.getLogger(__name__)

DATA_FILES = ("IOB2_valid.txt", "IOB2_test_first8000.txt")
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
GAZETTEER_MIN_COUNT = 2
Sentence = tuple[list[str], list[str]]  # words, IOB2 tags


def read_iob2(path: Path) -> list[Sentence]:
    """Sentences of ``word TAG`` lines separated by blank lines."""
    result: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            words.append(parts[0])
            tags.append(parts[1])
        elif not parts and words:
            result.append((words, tags))
            words, tags = [], []
    if words:
        result.append((words, tags))
    return result


def is_dev(words: Sequence[str]) -> bool:
    """The deterministic 10% development split."""
    return zlib.crc32(" ".join(words).encode("utf-8")) % 10 == 0


def build_gazetteer(sentences: Iterable[Sentence]) -> dict[str, str]:
    """Word form and ``~stem`` -> the tag it most often has inside training entities.

    Only words seen at least twice and inside an entity most of the time are kept. Words
    written in lowercase at least twice outside entities are kept as ``^word`` -> ``lower``:
    capitalised, they are most likely a common word starting a sentence or a title.
    """
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    lowercase: Counter[str] = Counter()  # words written in lowercase, outside entities
    for words, tags in sentences:
        for word, tag in zip(words, tags, strict=True):
            low = word.lower()
            if word[:1].islower() and tag == "O":
                lowercase[low] += 1
            seen[low][tag] += 1
            seen["~" + stem(low)[0]][tag] += 1
    gazetteer: dict[str, str] = {}
    for word, n in lowercase.items():
        if n >= GAZETTEER_MIN_COUNT:
            gazetteer["^" + word] = "lower"
    for key, counts in seen.items():
        total = sum(counts.values())
        tag, n = counts.most_common(1)[0]
        if tag != "O" and total >= GAZETTEER_MIN_COUNT and n * 2 > total:
            gazetteer[key] = tag
    return gazetteer


def train(sentences: list[Sentence], model_path: Path, gazetteer: dict[str, str]) -> None:
    extractor = FeatureExtractor(gazetteer)
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(pycrfsuite.ItemSequence(extractor.sentence(words)), tags)
    trainer.set_params(PARAMS)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


def score(
    sentences: list[Sentence], model_path: Path, gazetteer: dict[str, str]
) -> dict[str, object]:
    extractor = FeatureExtractor(gazetteer)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    crf = [tagger.tag(pycrfsuite.ItemSequence(extractor.sentence(w))) for w, _ in sentences]
    with_rules = [apply_rules(w, tags) for (w, _), tags in zip(sentences, crf, strict=True)]
    gold = [t for _, t in sentences]
    crf_micro, _ = evaluate(gold, crf)
    micro, per_class = evaluate(gold, with_rules)
    return {
        "sentences": len(sentences),
        "micro": {"precision": micro.precision, "recall": micro.recall, "f1": micro.f1},
        "crf_only_micro_f1": crf_micro.f1,
        "per_class": {
            lab: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support}
            for lab, s in per_class.items()
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.core.ner.train", description=__doc__)
    parser.add_argument("--data", type=Path, default=project_root().parent / "shared/data/kaznerd")
    parser.add_argument("--dev", action="store_true", help="train on 90%%, score the other 10%%")
    parser.add_argument("--keep", action="store_true", help="keep the --dev model (.dev)")
    parser.add_argument("--limit", type=int, default=0, help="use the first N sentences only")
    parser.add_argument("--out", type=Path, default=MODEL_PATH.parent, help="output folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    missing = [name for name in DATA_FILES if not (args.data / name).is_file()]
    if missing:
        parser.error(f"KazNERD's {', '.join(missing)} not found in {args.data} (use --data DIR)")
    data = [s for name in DATA_FILES for s in read_iob2(args.data / name)]
    if args.limit:
        data = data[: args.limit]
    dev = [s for s in data if is_dev(s[0])]
    train_set = [s for s in data if not is_dev(s[0])] if args.dev else data
    suffix = ".dev" if args.dev else ""
    model_path = args.out / (MODEL_PATH.name + suffix)
    gazetteer = build_gazetteer(train_set)
    started = time.perf_counter()
    train(train_set, model_path, gazetteer)
    seconds = time.perf_counter() - started
    log.info("trained on %d sentences in %.0f s", len(train_set), seconds)
    if args.dev:
        report = score(dev, model_path, gazetteer)
        report.update(train_sentences=len(train_set), train_seconds=round(seconds), params=PARAMS)
        (args.out / EVAL_PATH.name).write_text(json.dumps(report, indent=2) + "\n", "utf-8")
        log.info(
            "dev micro F1 %.4f (CRF alone %.4f)",
            report["micro"]["f1"],  # type: ignore[index]
            report["crf_only_micro_f1"],
        )
        if not args.keep:
            model_path.unlink()
    else:
        gaz_path = args.out / GAZETTEER_PATH.name
        gaz_path.write_text(json.dumps(gazetteer, ensure_ascii=False, sort_keys=True), "utf-8")
        write_weights(model_path, args.out / WEIGHTS_PATH.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())

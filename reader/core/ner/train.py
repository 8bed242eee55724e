"""Train the Kazakh CRF on KazNERD: ``python -m reader.core.ner.train [--dev] [--limit N]``.

Without ``--dev`` this reproduces the shipped model from all of KazNERD's sentences and
writes it, its gazetteer and its weight arrays to ``resources/models/``. With ``--dev`` it
measures the settings twice (see :mod:`reader.core.ner.devsplit`) and writes the report:

(a) *pooled*: both files together, a tenth of the sentence identifiers held out;
(b) *cross-file*: trained on ``IOB2_valid.txt`` alone, scored on ``IOB2_test_first8000.txt``.

KazNERD keeps a sentence in up to six typographic forms (numbers in words or digits,
``%`` or "пайыз") under one identifier (``AID283875``, ``BID283875``: the number is the
sentence), so every split is by that number and all forms stay on one side.
"""

import argparse
import json
import logging
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import pycrfsuite

from reader.core.ner.consistency import Readings, consistent, sentence_readings
from reader.core.ner.devsplit import (
    DATA_FILES,
    DOCUMENT_SIZE,
    Example,
    Sentence,
    compare,
    counts_from_json,
    default_data_dir,
    load_corpus,
    pseudo_documents,
    read_iob2,
    report_lines,
    split_figures,
)
from reader.core.ner.features import FeatureExtractor
from reader.core.ner.model import (
    EVAL_PATH,
    GAZETTEER_PATH,
    MODEL_PATH,
    WEIGHTS_PATH,
    CrfModel,
    with_names,
    write_weights,
)
from reader.core.ner.rules import apply_rules
from reader.core.ner.scoring import GroupCounts, Score, evaluate, group_counts
from reader.core.ner.stem import stem

log = logging.getLogger(__name__)

PARAMS: dict[str, object] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
GAZETTEER_MIN_COUNT = 2
__all__ = ["DATA_FILES", "build_gazetteer", "main", "read_iob2", "train"]


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


def train(
    sentences: Sequence[Sentence],
    model_path: Path,
    gazetteer: dict[str, str],
    params: dict[str, object] | None = None,
) -> None:
    extractor = FeatureExtractor(with_names(gazetteer))
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(pycrfsuite.ItemSequence(extractor.sentence(words)), tags)
    trainer.set_params(params or PARAMS)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


def in_documents(
    examples: Sequence[Example], tags: Sequence[list[str]], model: CrfModel, size: int
) -> list[list[str]]:
    """``tags`` after the document-level step (``consistency``), each sentence in the
    pseudo-document of ``size`` consecutive sentence numbers it belongs to."""
    words = [e.words for e in examples]
    readings = sentence_readings(model, words)
    out: list[list[str] | None] = [None] * len(examples)
    for versions in pseudo_documents(examples, size):
        base = versions[0]
        for number, version in enumerate(versions):
            view = _View(readings, version)
            new = consistent(
                [words[i] for i in version], [tags[i] for i in version], view, model.gazetteer
            )
            if number == 0:
                for i, t in zip(version, new, strict=True):
                    out[i] = t
            else:  # the one sentence this version holds in another form
                at = next(p for p, (a, b) in enumerate(zip(version, base, strict=True)) if a != b)
                out[version[at]] = new[at]
    return [t if t is not None else list(tags[i]) for i, t in enumerate(out)]


class _View:
    """The readings of a document's sentences, by their index in the document."""

    def __init__(self, readings: Readings, indices: list[int]) -> None:
        self._readings = readings
        self._indices = indices

    def probability(self, sentence: int, first: int, stop: int, label: str) -> float:
        return self._readings.probability(self._indices[sentence], first, stop, label)


def score(
    examples: Sequence[Example], model_path: Path, gazetteer_path: Path
) -> tuple[dict[str, object], dict[str, GroupCounts]]:
    """The report of a model on ``examples`` and its entity counts per sentence number, for
    the sentences alone (``sentences``) and in pseudo-documents (``documents``).

    Tags come from the recogniser's own decoder (``CrfModel``, with its constraints on
    amounts), then the rules, exactly as the application runs them; the document figure
    adds the document-level step (``consistency``) over runs of ``DOCUMENT_SIZE``
    consecutive sentence numbers.
    """
    model = CrfModel(model_path, gazetteer_path)
    crf = model.tag_many([e.words for e in examples])
    rules = [apply_rules(e.words, t, model.gazetteer) for e, t in zip(examples, crf, strict=True)]
    reader = [
        apply_rules(e.words, t, model.gazetteer, reader=True)
        for e, t in zip(examples, crf, strict=True)
    ]
    documents = in_documents(examples, rules, model, DOCUMENT_SIZE)
    gold = [e.tags for e in examples]
    crf_micro, _ = evaluate(gold, crf)
    micro, per_class = evaluate(gold, rules)
    doc_micro, doc_per_class = evaluate(gold, documents)
    report: dict[str, object] = {
        "sentences": len(examples),
        "groups": len({e.group for e in examples}),
        "micro": {"precision": micro.precision, "recall": micro.recall, "f1": micro.f1},
        "crf_only_micro_f1": crf_micro.f1,
        "reader_micro_f1": evaluate(gold, reader)[0].f1,
        "per_class": _per_class(per_class),
        "documents": {
            "size": DOCUMENT_SIZE,
            "changed_sentences": sum(a != b for a, b in zip(rules, documents, strict=True)),
            "micro": {
                "precision": doc_micro.precision,
                "recall": doc_micro.recall,
                "f1": doc_micro.f1,
            },
            "per_class": _per_class(doc_per_class),
        },
    }
    groups = [e.group for e in examples]
    return report, {
        "sentences": group_counts(groups, gold, rules),
        "documents": group_counts(groups, gold, documents),
    }


def _per_class(scores: dict[str, Score]) -> dict[str, dict[str, float]]:
    return {
        lab: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support}
        for lab, s in scores.items()
    }


def _pairs(examples: Iterable[Example]) -> list[Sentence]:
    return [(e.words, e.tags) for e in examples]


def develop(
    figures: dict[str, tuple[list[Example], list[Example]]],
    out: Path,
    params: dict[str, object],
    *,
    keep: bool = False,
    rescore: bool = False,
) -> tuple[dict[str, object], dict[str, GroupCounts]]:
    """Train and score each figure in turn (one training at a time: the machine is shared).

    ``rescore``: score the models a ``keep`` run left in ``out`` again (after a change to
    the rules or the decoder) without training.
    """
    reports: dict[str, object] = {}
    counts: dict[str, GroupCounts] = {}
    for name, (training, scored) in figures.items():
        model_path = out / f"{MODEL_PATH.name}.{name}"
        gazetteer_path = out / f"{GAZETTEER_PATH.name}.{name}"
        seconds = 0.0
        if not rescore:
            gazetteer = build_gazetteer(_pairs(training))
            gazetteer_path.write_text(json.dumps(gazetteer, ensure_ascii=False), "utf-8")
            started = time.perf_counter()
            train(_pairs(training), model_path, gazetteer, params)
            seconds = time.perf_counter() - started
        report, both = score(scored, model_path, gazetteer_path)
        counts[name], counts[f"{name}+documents"] = both["sentences"], both["documents"]
        report.update(train_sentences=len(training), train_seconds=round(seconds))
        reports[name] = report
        for line in report_lines(name, report):
            log.info("%s", line)
        for line in compare({name: both["documents"]}, {name: both["sentences"]}):
            log.info("in documents of %d, against the sentences alone: %s", DOCUMENT_SIZE, line)
        if not keep and not rescore:
            model_path.unlink()
            gazetteer_path.unlink()
    return reports, counts


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reader.core.ner.train", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--dev", action="store_true", help="measure figures (a) and (b)")
    parser.add_argument("--figure", choices=("pooled", "cross_file"), help="only this figure")
    parser.add_argument("--keep", action="store_true", help="keep the --dev models")
    parser.add_argument("--rescore", action="store_true", help="score kept --dev models again")
    parser.add_argument("--limit", type=int, default=0, help="first N sentences of each file")
    parser.add_argument("--iterations", type=int, default=0, help="L-BFGS iterations (exploring)")
    parser.add_argument("--counts", type=Path, help="--dev: write entity counts per sentence here")
    parser.add_argument("--against", type=Path, help="--dev: bootstrap against these --counts")
    parser.add_argument("--out", type=Path, default=MODEL_PATH.parent, help="output folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    missing = [
        f
        for name in DATA_FILES
        for f in (name, name.replace(".txt", ".ids"))
        if not (args.data / f).is_file()
    ]
    if missing:
        parser.error(f"KazNERD's {', '.join(missing)} not found in {args.data} (use --data DIR)")
    valid, test = (load_corpus(args.data / name) for name in DATA_FILES)
    if args.limit:
        valid, test = valid[: args.limit], test[: args.limit]
    params = dict(PARAMS)
    if args.iterations:
        params["max_iterations"] = args.iterations
    if not args.dev:
        data = _pairs(valid + test)
        model_path = args.out / MODEL_PATH.name
        gazetteer = build_gazetteer(data)
        started = time.perf_counter()
        train(data, model_path, gazetteer, params)
        log.info("trained on %d sentences in %.0f s", len(data), time.perf_counter() - started)
        gaz_path = args.out / GAZETTEER_PATH.name
        gaz_path.write_text(json.dumps(gazetteer, ensure_ascii=False, sort_keys=True), "utf-8")
        write_weights(model_path, args.out / WEIGHTS_PATH.name)
        return 0
    figures = split_figures(valid, test)
    if args.figure:
        figures = {args.figure: figures[args.figure]}
    reports, counts = develop(figures, args.out, params, keep=args.keep, rescore=args.rescore)
    reports["params"] = params
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / EVAL_PATH.name).write_text(json.dumps(reports, indent=2) + "\n", "utf-8")
    if args.counts:
        args.counts.write_text(json.dumps(counts), "utf-8")
    if args.against:
        old = counts_from_json(json.loads(args.against.read_text(encoding="utf-8")))
        for line in compare(counts, old):
            log.info("against %s: %s", args.against.name, line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

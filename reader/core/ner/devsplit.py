"""KazNERD's sentences with their identifiers, and the two development figures.

Each sentence of KazNERD carries an identifier (``*.ids``, one a line, in the order of the
sentences): a letter giving the typographic form and a number naming the sentence
(``AID283875`` and ``BID283875`` are one sentence, once with numbers in words and once in
digits). A split by anything else puts forms of one sentence on both sides, which is how
the old CRC-32 split reported 0.941 for a model that scores 0.872 on held-out news.

(a) ``pooled``: both files, the sentences whose number's CRC-32 is divisible by 10 held out.
(b) ``cross_file``: trained on ``IOB2_valid.txt`` only, scored on ``IOB2_test_first8000.txt``
    (the two files share no sentence number; they differ in their mix of text, as real
    documents differ from the training data, so this is the harder figure).
"""

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.ner.scoring import GroupCounts, bootstrap_difference

DATA_FILES = ("IOB2_valid.txt", "IOB2_test_first8000.txt")
Sentence = tuple[list[str], list[str]]  # words, IOB2 tags
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Example:
    """One sentence of a file with the number of the sentence it is a form of."""

    group: str
    words: list[str]
    tags: list[str]


def default_data_dir() -> Path:
    """``shared/data/kaznerd`` beside the project (or beside the folder of worktrees)."""
    from reader.core.paths import project_root

    candidates = [up / "shared" / "data" / "kaznerd" for up in project_root().parents[:2]]
    return next((c for c in candidates if c.is_dir()), candidates[0])


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


def sentence_group(identifier: str) -> str:
    """The sentence number of an identifier: ``BID283875`` -> ``283875``."""
    match = _NUMBER.search(identifier)
    if match is None:
        raise ValueError(f"a KazNERD identifier without a number: {identifier!r}")
    return match.group()


def load_corpus(path: Path) -> list[Example]:
    """The sentences of an IOB2 file with the groups of its ``.ids`` file beside it."""
    sentences = read_iob2(path)
    ids_path = path.with_suffix(".ids")
    if not ids_path.is_file():
        raise FileNotFoundError(f"{ids_path.name} (the sentence identifiers) is missing")
    ids = ids_path.read_text(encoding="utf-8").split()
    if len(ids) != len(sentences):
        n = len(sentences)
        raise ValueError(f"{ids_path.name} has {len(ids)} identifiers for {n} sentences")
    return [Example(sentence_group(i), w, t) for i, (w, t) in zip(ids, sentences, strict=True)]


def is_dev_group(group: str) -> bool:
    """The deterministic tenth of sentence numbers held out for the pooled figure."""
    return zlib.crc32(group.encode("ascii")) % 10 == 0


Figure = tuple[list[Example], list[Example]]  # training, scored


def split_figures(valid: list[Example], test: list[Example]) -> dict[str, Figure]:
    """Training and scored sentences of figures (a) and (b)."""
    pooled = valid + test
    return {
        "pooled": (
            [e for e in pooled if not is_dev_group(e.group)],
            [e for e in pooled if is_dev_group(e.group)],
        ),
        "cross_file": (valid, test),
    }


#: sentence numbers per pseudo-document (consecutive numbers come from one news text)
DOCUMENT_SIZE = 30


def pseudo_documents(
    examples: Sequence[Example], size: int = DOCUMENT_SIZE
) -> list[list[list[int]]]:
    """Runs of ``size`` consecutive sentence numbers as documents, to score what a document
    adds (``consistency``): each document is a list of versions, each version the indices
    of one sentence per number in number order.

    KazNERD's numbers follow the texts they were taken from (a news item's sentences have
    consecutive numbers), but a document holds each sentence once: the first version takes
    each number's first form, and every other form gets a version of its own, the first
    one with that form in its place, so that each of ``examples`` is scored exactly once,
    in the version where it is the form of its number.
    """
    forms: dict[int, list[int]] = {}
    for i, e in enumerate(examples):
        forms.setdefault(int(e.group), []).append(i)
    numbers = sorted(forms)
    documents = []
    for k in range(0, len(numbers), size):
        run = numbers[k : k + size]
        base = [forms[n][0] for n in run]
        versions = [base]
        for position, n in enumerate(run):
            for other in forms[n][1:]:
                versions.append([*base[:position], other, *base[position + 1 :]])
        documents.append(versions)
    return documents


def report_lines(name: str, report: dict[str, object]) -> list[str]:
    """A figure's report as lines for a person: micro scores, then classes by support."""
    micro: dict[str, float] = report["micro"]  # type: ignore[assignment]
    per_class: dict[str, dict[str, float]] = report["per_class"]  # type: ignore[assignment]
    lines = [
        f"{name} ({report['sentences']} sentences, {report['groups']} identifiers): "
        f"micro P {micro['precision']:.4f} R {micro['recall']:.4f} F1 {micro['f1']:.4f} "
        f"(CRF alone {report['crf_only_micro_f1']:.4f}, "
        f"with the reader's departures {report['reader_micro_f1']:.4f})"
    ]
    documents: dict[str, object] | None = report.get("documents")  # type: ignore[assignment]
    if documents is not None:
        doc_micro: dict[str, float] = documents["micro"]  # type: ignore[assignment]
        lines.append(
            f"  in pseudo-documents of {documents['size']} sentence numbers: "
            f"F1 {doc_micro['f1']:.4f} ({documents['changed_sentences']} sentences changed)"
        )
    for label, s in sorted(per_class.items(), key=lambda kv: -kv[1]["support"]):
        lines.append(
            f"  {label:<14} F1 {s['f1']:.3f}  P {s['precision']:.3f}  "
            f"R {s['recall']:.3f}  n={s['support']:.0f}"
        )
    return lines


def compare(new: dict[str, GroupCounts], old: dict[str, GroupCounts]) -> list[str]:
    """Bootstrap intervals (resampling sentence numbers) of F1 differences per figure."""
    lines = []
    for figure in sorted(set(new) & set(old)):
        delta, low, high = bootstrap_difference(new[figure], old[figure])
        lines.append(f"{figure}: F1 {delta:+.4f} (95% interval {low:+.4f} .. {high:+.4f})")
    return lines


def counts_from_json(data: dict[str, dict[str, Sequence[int]]]) -> dict[str, GroupCounts]:
    """Group counts as written by ``--counts`` (lists back to tuples)."""
    return {
        figure: {g: (int(c[0]), int(c[1]), int(c[2])) for g, c in groups.items()}
        for figure, groups in data.items()
    }

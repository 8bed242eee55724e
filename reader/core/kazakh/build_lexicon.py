"""Build the stem lexicon that ranks the lemmatiser's candidates, from the training text.

Run from the project root (it reads ``../shared/data``)::

    python -m reader.core.kazakh.build_lexicon [--data DIR] [--out FILE]

For every word form in the KazNERD token lists and the UD Kazakh-KTB training sentences it
counts (1) how often the form occurs as a word of its own and (2) for every stem the grammar
could strip it to, how many distinct forms of the text lead to that stem. A real stem such as
``жыл`` is reached from many forms (жылы, жылдың, жылға, жылдары...), while a chance string is
reached from few. Only the surface forms are read, never the gold lemmas. Keys are folded
(see ``script.fold``), so Russian-layout spellings find the same entries.
"""

import argparse
import gzip
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.core.kazakh.grammar import fold_case, splits
from reader.core.kazakh.lemmatizer import Lexicon, _stems
from reader.core.kazakh.script import fold

log = logging.getLogger(__name__)

DEFAULT_DATA = Path("../shared/data")
DEFAULT_OUT = Path(__file__).parent / "data" / "lexicon.tsv.gz"
KAZNERD_FILES = ("kaznerd/IOB2_valid.txt", "kaznerd/IOB2_test_first8000.txt")
UD_FILE = "ud-kazakh-ktb/kk_ktb-ud-train.conllu"
_WORD = re.compile(r"[а-яёәғқңөұүһі]+(?:-[а-яёәғқңөұүһі]+)*", re.IGNORECASE)


def kaznerd_tokens(path: Path) -> Iterator[str]:
    """The tokens (first column) of a KazNERD IOB2 file."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                yield parts[0]


def ud_tokens(path: Path) -> Iterator[str]:
    """The words of the ``# text =`` lines of a CoNLL-U file (surface forms only)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# text = "):
                yield from line[len("# text = ") :].split()


def words(tokens: Iterable[str]) -> Iterator[str]:
    """The Kazakh words among ``tokens`` (not 1-ке or 20-сыншы, whose endings follow digits)."""
    for token in tokens:
        if _WORD.fullmatch(token):
            yield token


def build(tokens: Iterable[str]) -> Lexicon:
    """The lexicon (folded stem -> (count as a word, distinct forms)) of a token stream."""
    spelled = Counter(fold_case(w) for w in words(tokens))
    counts: Counter[str] = Counter()
    forms: defaultdict[str, set[str]] = defaultdict(set)
    for form, n in spelled.items():
        key = fold(form)
        counts[key] += n
        forms[key].add(key)
        for split in splits(form):
            if not split.tags:
                continue
            for stem, _cost in _stems(form, split):
                forms[fold(stem)].add(key)
    lex: Lexicon = {}
    for stem, found in forms.items():
        count = counts.get(stem, 0)
        if count or len(found) >= 2:
            lex[stem] = (count, len(found))
    return lex


def corpus_tokens(data: Path, kaznerd: tuple[str, ...] = KAZNERD_FILES) -> list[str]:
    tokens: list[str] = []
    for name in kaznerd:
        tokens.extend(kaznerd_tokens(data / name))
    tokens.extend(ud_tokens(data / UD_FILE))
    return tokens


def write(lex: Lexicon, out: Path) -> None:
    lines = ["# stem\tcount\tforms (built by reader/core/kazakh/build_lexicon.py)"]
    lines += [f"{stem}\t{c}\t{n}" for stem, (c, n) in sorted(lex.items())]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    out.write_bytes(gzip.compress(payload, mtime=0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    lex = build(corpus_tokens(args.data))
    write(lex, args.out)
    log.info("%d stems written to %s", len(lex), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

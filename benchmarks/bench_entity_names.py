"""Entity titles in the nominative: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_entity_names.py [-v]

Each row of tests/data/entity_names/dev.tsv is a gold name mention of KazNERD's development
10% of the time (a CRC-32 of the sentence's words, see ``_drawn_from``) with its nominative
written by hand. A mention is grouped as a document of
its own (no other mention gives evidence, the hardest case) and the entry's title is compared,
exactly, with the hand-written form. The score is printed for all rows and for the inflected
ones (nominative differs from the mention), with the shipped lexicon and again with a lexicon
built without those sentences and every other typographic form of them (same identifier
in ``*.ids``; the shipped one was built from all of KazNERD's sentences here, so it has seen
these very word forms: the held-out figure is the honest one).
``-v`` lists the titles that differ.
"""

import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.kazakh import build_lexicon, lemmatizer  # noqa: E402
from reader.core.ner import grouping  # noqa: E402
from reader.core.ner.devsplit import DATA_FILES, default_data_dir, load_corpus  # noqa: E402
from reader.core.spans import EntitySpan  # noqa: E402

DATA = default_data_dir().parent
ROWS = ROOT / "tests" / "data" / "entity_names" / "dev.tsv"


def rows() -> list[tuple[str, str, str]]:
    """(mention, label, hand-written nominative) of every row."""
    out = []
    for line in ROWS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            mention, label, nominative = line.split("\t")
            out.append((mention, label, nominative))
    return out


def title(mention: str, label: str) -> str:
    """The panel's title for a document that mentions the entity once."""
    [entity] = grouping.group(mention, [EntitySpan(0, len(mention), label)])
    return entity.name


def _drawn_from(words: list[str]) -> bool:
    """The old development split the rows of dev.tsv were drawn from."""
    return zlib.crc32(" ".join(words).encode("utf-8")) % 10 == 0


def held_out_lexicon() -> lemmatizer.Lexicon:
    """The lexicon as build_lexicon makes it, minus the sentences the rows come from and
    their other typographic forms."""
    corpus = [e for name in DATA_FILES for e in load_corpus(DATA / "kaznerd" / name)]
    held_out = {e.group for e in corpus if _drawn_from(e.words)}
    tokens = [w for e in corpus if e.group not in held_out for w in e.words]
    tokens.extend(build_lexicon.ud_tokens(DATA / build_lexicon.UD_FILE))
    return build_lexicon.build(tokens)


def _use(lex: lemmatizer.Lexicon) -> None:
    """Make ``lex`` the lexicon every cached lemma and stem test reads from."""
    lemmatizer._lexicon = lex
    for fn in (lemmatizer.lemma, grouping._lemma):
        fn.cache_clear()


def main() -> None:
    verbose = "-v" in sys.argv
    data = rows()
    inflected = [r for r in data if r[0] != r[2]]
    print(f"{len(data)} hand-checked mentions, {len(inflected)} of them inflected")
    print(f"unchanged mention as title: {1 - len(inflected) / len(data):.3f}")
    shipped = lemmatizer.load_lexicon()
    for name, lex in (("shipped lexicon", shipped), ("held-out lexicon", held_out_lexicon())):
        _use(lex)
        wrong = [(m, lab, gold, title(m, lab)) for m, lab, gold in data]
        wrong = [w for w in wrong if w[2] != w[3]]
        bad_inflected = sum(1 for m, _, gold, _ in wrong if m != gold)
        print(
            f"{name:17} accuracy {1 - len(wrong) / len(data):.3f} on all {len(data)}, "
            f"{1 - bad_inflected / len(inflected):.3f} on the {len(inflected)} inflected"
        )
        if verbose:
            for m, lab, gold, got in wrong:
                print(f"    {m} ({lab}) -> {got}  (expected {gold})")
    _use(shipped)


if __name__ == "__main__":
    main()

"""Write natasha's news embeddings for the bundle without their word list (1.3 MB less).

natasha's navec file holds three parts: meta.json (its id), vocab.bin (250 000 words with
their corpus counts, 1.3 MB compressed) and pq.bin (the quantised vectors, 25 MB). Neither
slovnet model reads the word list: each carries its own copy (vocabs/word.gz, the same words
in the same order) and takes only the id and the vectors from navec
(``slovnet.exec.model.InjectNavecVisitor``); Oqyrman never looks a word up in the embedding
itself. So the bundle's copy keeps meta.json and pq.bin byte for byte and an empty vocab.bin
(navec's own format, zero words): the NER and morphology output are the same by
construction, and ``--check`` runs both on a text file with each file to show it.

    python packaging/navec_for_bundle.py SOURCE.tar OUT.tar
    python packaging/navec_for_bundle.py --check SOURCE.tar OUT.tar TEXT_FILE
"""

import sys
import tarfile
from io import BytesIO
from pathlib import Path

from navec.vocab import Vocab

KEEP = ("meta.json", "pq.bin")


def write(source: Path, out: Path) -> Path:
    with tarfile.open(source) as src:
        names = src.getnames()
        if sorted(names) != sorted((*KEEP, "vocab.bin")):
            raise SystemExit(f"navec_for_bundle: unexpected members in {source}: {names}")
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        with tarfile.open(tmp, "w", format=tarfile.USTAR_FORMAT) as dst:
            for name in names:  # navec's order: meta.json, vocab.bin, pq.bin
                info = src.getmember(name)
                if name == "vocab.bin":
                    data = Vocab([], []).as_bytes
                    info = tarfile.TarInfo(name)
                    info.size = len(data)
                    dst.addfile(info, BytesIO(data))
                else:
                    clean = tarfile.TarInfo(name)  # no owner, date or mode from the build
                    clean.size = info.size
                    dst.addfile(clean, src.extractfile(info))
        tmp.replace(out)
    return out


def _entities(navec_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    """natasha's NER spans and the morphology tags of their words, with this navec file."""
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding(str(navec_path))
    ner, morph, segmenter = NewsNERTagger(embedding), NewsMorphTagger(embedding), Segmenter()
    out = []
    for paragraph in text.split("\n\n"):
        doc = Doc(paragraph)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        doc.tag_morph(morph)
        tags = {(t.start, t.stop): f"{t.pos} {t.feats}" for t in doc.tokens}
        for span in doc.spans:
            words = " ".join(tags[(t.start, t.stop)] for t in span.tokens)
            out.append((span.start, span.stop, span.type, words))
    return out


def check(source: Path, out: Path, text_file: Path) -> int:
    text = text_file.read_text(encoding="utf-8")
    original, bundled = _entities(source, text), _entities(out, text)
    same = original == bundled
    sys.stdout.write(
        f"{len(original)} entities in {text_file.name}: "
        f"{'the same' if same else 'DIFFERENT'} with {out.name}\n"
    )
    return 0 if same else 1


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "--check":
        return check(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    if len(argv) != 2:
        sys.stderr.write(__doc__ or "")
        return 2
    out = write(Path(argv[0]), Path(argv[1]))
    sys.stdout.write(f"{out} ({out.stat().st_size / 1e6:.1f} MB)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

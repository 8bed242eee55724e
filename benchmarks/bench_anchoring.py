"""Re-attaching annotations after the file changed: how many land right, and how fast.

Text: KazNERD validation sentences (../shared/data, CC BY 4.0) joined into paragraphs of five
sentences. 1000 annotations of 1-8 words at random places. Each scenario edits the text in a
way whose true new offsets are known, then ``reanchor`` runs on every annotation:

- ``moved``: a new first paragraph and 10% of the paragraphs moved elsewhere;
- ``typos``: one character in 200 replaced (offsets unchanged);
- ``deleted``: 10% of the paragraphs removed (their annotations should be orphaned);
- ``revision``: all three at once;
- ``large``: a 20 MB text, one paragraph inserted at the top.

"right" = attached within one character of the true place (or, for a deleted paragraph,
orphaned); "orphaned" = reported as not found although its text is still there; "twin" =
attached elsewhere, to a copy of the same words with the same recorded context (the corpus
repeats sentences; no quote selector can tell such copies apart, only the old position can,
and it misleads when the copy lies about as far as the text shifted); "wrong" = attached
somewhere else, where the words or their context differ. Speed is compared side by side
with a bare ``str.find`` of each quote (the least any re-attachment must do).
Run: ``python benchmarks/bench_anchoring.py``.
"""

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.annotations import Annotation, new_annotation, reanchor  # noqa: E402
from reader.core.document import sha256_text  # noqa: E402

KAZNERD = ROOT.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"
Edit = Callable[[list[str], random.Random], tuple[list[str | None], str]]


def paragraphs(limit: int = 600) -> list[str]:
    sentences, words = [], []
    for line in KAZNERD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split()[0])
        elif words:
            sentences.append(" ".join(words))
            words = []
    return [" ".join(sentences[i : i + 5]) for i in range(0, 5 * limit, 5)]


def annotate(paras: list[str], rng: random.Random, count: int) -> list[tuple[int, Annotation]]:
    """(paragraph index, annotation) pairs, word-aligned."""
    text = "\n".join(paras)
    starts = [0]
    for p in paras[:-1]:
        starts.append(starts[-1] + len(p) + 1)
    out = []
    for _ in range(count):
        i = rng.randrange(len(paras))
        words = paras[i].split(" ")
        w = rng.randrange(len(words))
        n = rng.randint(1, 8)
        lo = starts[i] + len(" ".join(words[:w])) + (1 if w else 0)
        hi = lo + len(" ".join(words[w : w + n]))
        out.append((i, new_annotation(text, lo, hi)))
    return out


def run(
    paras: list[str], anns: list[tuple[int, Annotation]], order: list[int | None], typos: bool
) -> tuple[int, int, int, int, float, float]:
    """Rebuild the text in ``order`` (None = a new paragraph), re-attach, score."""
    rng = random.Random(7)
    old_starts = [0]
    for p in paras[:-1]:
        old_starts.append(old_starts[-1] + len(p) + 1)
    parts, new_starts = [], {}
    pos = 0
    for i in order:
        para = "Бұл жаңа абзац, бұрын болмаған." if i is None else paras[i]
        if i is not None:
            new_starts[i] = pos
        parts.append(para)
        pos += len(para) + 1
    text = "\n".join(parts)
    clean = text  # copies are judged on the text before typos (they keep offsets)
    if typos:
        chars = list(text)
        for k in rng.sample(range(len(chars)), len(chars) // 200):
            if chars[k] not in "\n ":
                chars[k] = "ж" if chars[k] != "ж" else "з"
        text = "".join(chars)
    right = orphan = twin = wrong = 0
    t0 = time.perf_counter()
    sha = sha256_text(text)
    results = [reanchor(text, a, sha) for _, a in anns]
    t_anchor = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _, a in anns:
        text.find(a.exact)
    t_find = time.perf_counter() - t0
    for (i, a), got in zip(anns, results, strict=True):
        shift = new_starts[i] - old_starts[i] if i in new_starts else None
        if got is None:
            right += shift is None
            orphan += shift is not None
        elif shift is not None and abs(got.start - a.start - shift) <= 1 >= abs(
            got.end - a.end - shift
        ):
            right += 1
        elif is_copy(clean, got.start, got.end, a):
            twin += 1
        else:
            wrong += 1
    return right, orphan, twin, wrong, t_anchor, t_find


def is_copy(text: str, start: int, end: int, a: Annotation) -> bool:
    """Whether ``text[start:end]`` has the annotation's words and all its recorded context."""
    return (
        text[start:end] == a.exact
        and text[max(0, start - len(a.prefix)) : start] == a.prefix
        and text[end : end + len(a.suffix)] == a.suffix
    )


def main() -> None:
    if not KAZNERD.exists():
        sys.exit(f"needs {KAZNERD}")
    paras = paragraphs()
    rng = random.Random(2026)
    anns = annotate(paras, rng, 1000)
    n = len(paras)
    moved = list(range(n))
    for _ in range(n // 10):
        moved.insert(rng.randrange(n), moved.pop(rng.randrange(n)))
    kept = sorted(rng.sample(range(n), n - n // 10))
    scenarios: dict[str, tuple[list[int | None], bool]] = {
        "unchanged": (list(range(n)), False),
        "moved": ([None, *moved], False),
        "typos": (list(range(n)), True),
        "deleted": (list(kept), False),
        "revision": ([None, *[i for i in moved if i in set(kept)]], True),
    }
    size = len("\n".join(paras))
    print(f"text: {n} paragraphs, {size} characters; {len(anns)} annotations")
    print(
        f"{'scenario':10} {'right':>7} {'orphaned':>9} {'twin':>6} {'wrong':>6} "
        f"{'ms/ann':>7} {'x find':>7}"
    )
    for name, (order, typos) in scenarios.items():
        right, orphan, twin, wrong, t_anchor, t_find = run(paras, anns, order, typos)
        total = len(anns)
        print(
            f"{name:10} {100 * right / total:6.1f}% {100 * orphan / total:8.1f}% "
            f"{100 * twin / total:5.1f}% {100 * wrong / total:5.1f}% "
            f"{1000 * t_anchor / total:7.3f} "
            f"{t_anchor / max(t_find, 1e-9):7.1f}"
        )
    large(paras)


def large(paras: list[str]) -> None:
    """A 20 MB document, 200 annotations, one paragraph inserted at the top (the common
    edit): the time to re-attach them all, which runs when the file is opened."""
    big = [f"§{k}. {p}" for k in range(90) for p in paras]
    rng = random.Random(5)
    anns = annotate(big, rng, 200)
    text = "Жаңа абзац.\n" + "\n".join(big)
    sha = sha256_text(text)
    t0 = time.perf_counter()
    moved = [reanchor(text, a, sha) for _, a in anns]
    t_anchor = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _, a in anns:
        text.find(a.exact)
    t_find = time.perf_counter() - t0
    ok = sum(
        m is not None and m.start == a.start + 12 for (_, a), m in zip(anns, moved, strict=True)
    )
    print(
        f"large: {len(text) / 1e6:.1f} M characters, {len(anns)} annotations after an insertion "
        f"at the top: {ok} re-attached exactly, {t_anchor:.3f} s "
        f"({1000 * t_anchor / len(anns):.2f} ms each; a bare str.find of each quote: "
        f"{t_find:.3f} s)"
    )


if __name__ == "__main__":
    main()

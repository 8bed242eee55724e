"""Real-world files: how many our loaders open, and how many of an independent tool's words.

Runs ``reader.core.loaders.load`` over every file of a corpus folder (default: the committed
``tests/data/realworld``) and prints, per format: files, opened, refused (a ReaderError),
crashed (any other exception), median word coverage against an independent reader, and time.

Independent readers: pandoc (``-t plain``) for DOCX, ODT, HTML, EPUB, FB2, RTF and Markdown
(HTML that is not UTF-8 is first decoded by its BOM or <meta charset>, as a browser does:
pandoc assumes UTF-8); poppler's pdftotext for PDF; for plain text a decode by the encoding
the corpus's ``MANIFEST.tsv`` names; for generic XML libxml2's recovering parse (lxml).
Word coverage is the share of the reference's words (case-folded, with repeats) that our text
has too. References are cached (``--cache``) so reruns cost only our loaders.

``--save out.json`` keeps the per-file results; ``--baseline old.json`` then prints how the
files that were refused or lossy (coverage < 90%) in the baseline fare now, which is the
issue's target (>= 90% of them opened with >= 90% of the words). ``--code DIR`` imports
``reader`` from another checkout (e.g. an export of main) to measure a "before".

    python benchmarks/bench_loaders.py /work/corpus/all --save after.json --baseline before.json
"""

import argparse
import codecs
import hashlib
import json
import logging
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "tests" / "data" / "realworld"
PANDOC_FROM = {
    "docx": "docx",
    "odt": "odt",
    "html": "html",
    "epub": "epub",
    "fb2": "fb2",
    "rtf": "rtf",
    "markdown": "markdown",
}
_WORD = re.compile(r"[^\W_]+")
LOSSY = 0.9


def words(text: str) -> Counter[str]:
    return Counter(m.group().casefold() for m in _WORD.finditer(text))


def coverage(ours: str, reference: str) -> float | None:
    """Share of the reference's word occurrences that our text has (None: no words)."""
    ref = words(reference)
    total = sum(ref.values())
    if not total:
        return None
    mine = words(ours)
    return sum(min(n, mine[w]) for w, n in ref.items()) / total


def manifest(corpus: Path) -> dict[str, str]:
    """file (relative to the corpus) -> encoding, from MANIFEST.tsv when there is one."""
    found: dict[str, str] = {}
    for tsv in corpus.rglob("MANIFEST.tsv"):
        lines = tsv.read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            cols = line.split("\t")
            if len(cols) > 1 and cols[1]:
                found[str((tsv.parent / cols[0]).relative_to(corpus))] = cols[1]
    return found


def reference(path: Path, fmt: str, encoding: str | None, cache: Path) -> str | None:
    """The independent tool's text for ``path`` (None when it cannot read the file either)."""
    data = path.read_bytes()
    key = hashlib.sha256(data + f"{fmt}/{encoding}/2".encode()).hexdigest()
    cached = cache / f"{key}.json"
    if cached.exists():
        value: str | None = json.loads(cached.read_text(encoding="utf-8"))["text"]
        return value
    text = _reference(path, data, fmt, encoding)
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps({"text": text}), encoding="utf-8")
    return text


def _reference(path: Path, data: bytes, fmt: str, encoding: str | None) -> str | None:
    if fmt == "text":
        return data.decode(encoding, "replace") if encoding else None
    if fmt == "xml":
        from lxml import etree

        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
        try:
            root = etree.fromstring(data, parser)
        except (etree.LxmlError, ValueError):
            return None
        return None if root is None else " ".join(root.itertext())
    if fmt == "html" and (declared := _html_charset(data)) is not None:
        return _pandoc_on(data.decode(declared, "replace"), "html")
    if fmt == "pdf":
        command = ["pdftotext", "-q", str(path), "-"]
    elif fmt in PANDOC_FROM:
        command = ["pandoc", "-f", PANDOC_FROM[fmt], "-t", "plain", "--wrap=none", str(path)]
    else:
        return None
    try:
        done = subprocess.run(command, capture_output=True, timeout=60, check=False)
    except (subprocess.TimeoutExpired, FileNotFoundError):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _html_charset(data: bytes) -> str | None:
    """What a browser decodes non-UTF-8 HTML by (a BOM, else <meta charset>); pandoc itself
    assumes UTF-8 and falls back to Latin-1, which would make a Windows-1251 page look lost."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    match = _META.search(data[:65536])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _pandoc_on(text: str, fmt: str) -> str | None:
    command = ["pandoc", "-f", PANDOC_FROM[fmt], "-t", "plain", "--wrap=none"]
    try:
        done = subprocess.run(command, input=text.encode("utf-8"), capture_output=True, timeout=60)
    except (subprocess.TimeoutExpired, FileNotFoundError):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def run(corpus: Path, cache: Path) -> list[dict[str, Any]]:
    from reader.core.errors import ReaderError
    from reader.core.loaders import format_for, load

    encodings = manifest(corpus)
    results: list[dict[str, Any]] = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        rel = str(path.relative_to(corpus))
        try:
            fmt = format_for(path).module
        except ReaderError:
            continue
        if path.name in ("README.md", "MANIFEST.tsv", ".gitattributes"):
            continue
        row: dict[str, Any] = {"file": rel, "format": fmt, "status": "opened", "coverage": None}
        started = time.perf_counter()
        text = ""
        try:
            document = load(path)
            text = document.text
            row["warnings"] = list(getattr(document, "warnings", ()))
            row["encoding"] = document.encoding
        except ReaderError as exc:
            row["status"], row["message"] = "refused", str(exc)
        except Exception as exc:  # a crash is what this benchmark exists to find
            row["status"], row["message"] = "crashed", f"{type(exc).__name__}: {exc}"
        row["seconds"] = time.perf_counter() - started
        ref = reference(path, fmt, encodings.get(rel), cache)
        if ref is not None and coverage(ref, ref) is not None:  # a reference with words
            row["coverage"] = coverage(text, ref) if row["status"] == "opened" else 0.0
        results.append(row)
    return results


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        f"{'format':<9} {'files':>5} {'opened':>6} {'refused':>7} {'crashed':>7} "
        f"{'cov<90%':>7} {'median cov':>10} {'time s':>7}"
    ]
    formats = sorted({r["format"] for r in results})
    for fmt in [*formats, "all"]:
        rows = [r for r in results if fmt in ("all", r["format"])]
        opened = [r for r in rows if r["status"] == "opened"]
        covs = [r["coverage"] for r in opened if r["coverage"] is not None]
        lossy = sum(1 for c in covs if c < LOSSY)
        median = f"{100 * statistics.median(covs):.1f}%" if covs else "—"
        lines.append(
            f"{fmt:<9} {len(rows):>5} {len(opened):>6} "
            f"{sum(r['status'] == 'refused' for r in rows):>7} "
            f"{sum(r['status'] == 'crashed' for r in rows):>7} {lossy:>7} {median:>10} "
            f"{sum(r['seconds'] for r in rows):>7.2f}"
        )
    return "\n".join(lines)


def bad(row: dict[str, Any]) -> bool:
    """Refused or crashed, or opened with under 90% of the reference's words."""
    if row["status"] != "opened":
        return True
    return row["coverage"] is not None and row["coverage"] < LOSSY


def compare(results: list[dict[str, Any]], baseline: list[dict[str, Any]]) -> str:
    now = {r["file"]: r for r in results}
    before = {r["file"]: r for r in baseline}
    once_bad = [f for f, r in before.items() if bad(r) and f in now]
    # A file the independent tool cannot read either is no loss of ours when refused.
    once_bad = [f for f in once_bad if before[f]["coverage"] is not None]
    fixed = [f for f in once_bad if not bad(now[f])]
    lost = [f for f, r in before.items() if f in now and not bad(r) and bad(now[f])]
    share = f"{100 * len(fixed) / len(once_bad):.0f}%" if once_bad else "—"
    lines = [
        f"once refused or lossy (the independent tool reads them): {len(once_bad)}; "
        f"now opened with >= 90% of its words: {len(fixed)} ({share})",
        f"good before, refused or lossy now: {len(lost)}",
    ]
    for fmt in sorted({now[f]["format"] for f in once_bad}):
        mine = [f for f in once_bad if now[f]["format"] == fmt]
        good = sum(f in fixed for f in mine)
        lines.append(f"  {fmt:<9} once bad {len(mine):>4}, now good {good:>4}")
    lines += [f"  still bad: {f}: {_why(now[f])}" for f in once_bad if f not in fixed]
    lines += [f"  lost: {f}: {_why(now[f])}" for f in lost]
    return "\n".join(lines)


def _why(row: dict[str, Any]) -> str:
    if row["status"] != "opened":
        return f"{row['status']}: {row.get('message', '')[:120]}"
    return f"coverage {100 * row['coverage']:.0f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/oqyrman-bench-loaders"))
    parser.add_argument("--save", type=Path, help="write per-file results as JSON")
    parser.add_argument("--baseline", type=Path, help="per-file results of an earlier run")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to import reader from")
    parser.add_argument("--list", action="store_true", help="print each bad file and why")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    logging.disable(logging.WARNING)
    if shutil.which("pandoc") is None:
        print("pandoc is not installed: coverage is left out for pandoc formats")
    results = run(args.corpus, args.cache)
    print(f"corpus: {args.corpus} (reader from {args.code})")
    print(table(results))
    if args.list:
        for row in results:
            if bad(row):
                print(f"  {row['file']}: {_why(row)}")
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.baseline:
        print(compare(results, json.loads(args.baseline.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()

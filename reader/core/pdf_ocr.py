"""Text of scanned PDF pages, recognised with Tesseract (``tesseract -l kaz+rus``).

A page with no text layer but an image (``page_map.scanned``) is rendered in grey at
300 dpi through the pdfium owner and handed to the ``tesseract`` command (Debian's
``tesseract-ocr`` with ``-kaz`` and ``-rus``); its TSV output gives each word's box, which
becomes the page's characters and boxes like those of a text layer (pdfium char index -1).
Results are kept per page in the user's cache folder, by the file's sha256, as soon as each
page is done: a second open costs nothing, and a cancelled run keeps the pages it finished.
"""

import csv
import hashlib
import io
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader.core import pdfium
from reader.core.document import Document, paragraph_blocks
from reader.core.errors import CancelledError, ReaderError
from reader.core.pdf_extract import render_gray
from reader.core.pdf_map import PageInfo, PageMap
from reader.core.pdf_text import RawPage, join, segments, split

log = logging.getLogger(__name__)

LANGS = "kaz+rus"
DPI = 300
_CACHE_VERSION = 1
Progress = Callable[[int, int], None]


class OcrUnavailableError(ReaderError):
    """Tesseract or its Kazakh and Russian data are not installed."""


def tesseract_command() -> str:
    """The ``tesseract`` program, or raise :class:`OcrUnavailableError`."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailableError(
            "Scanned pages need Tesseract to be read: install tesseract-ocr, "
            "tesseract-ocr-kaz and tesseract-ocr-rus"
        )
    return exe


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_file(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / "ocr" / f"{sha256}.json"


def _read_cache(path: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("version") != _CACHE_VERSION or data.get("lang") != LANGS:
        return {}
    pages = data.get("pages")
    return pages if isinstance(pages, dict) else {}


def _write_cache(path: Path, pages: dict[str, dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"version": _CACHE_VERSION, "lang": LANGS, "pages": pages}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".ocr-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def words_to_raw(tsv: str, page: PageInfo, scale: float) -> RawPage:
    """Tesseract's TSV for a page rendered at ``scale`` as a :class:`RawPage`: lines
    separated by ``\\r\\n``, words by spaces, each letter a slice of its word's box."""
    text: list[str] = []
    boxes = array("f")
    current: tuple[str, str, str] | None = None
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        left, top = float(row["left"]), float(row["top"])
        right, bottom = left + float(row["width"]), top + float(row["height"])
        x0, y1 = page.from_device(left, top, scale)
        x1, y0 = page.from_device(right, bottom, scale)
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
        if text:
            sep = " " if key == current else "\r\n"
            for ch in sep:
                text.append(ch)
                last = boxes[-4:]
                boxes.extend((last[2], last[1], last[2], last[1]))
        current = key
        step = (x1 - x0) / len(word)
        for k, ch in enumerate(word):
            text.append(ch)
            boxes.extend((x0 + k * step, y0, x0 + (k + 1) * step, y1))
    return RawPage(page.box, page.rotation, "".join(text), boxes)


def run_tesseract(image: Path, *, lang: str = LANGS) -> str:
    """Tesseract's TSV for one image file."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # a page a process; the GUI keeps a core
    done = subprocess.run(
        [tesseract_command(), str(image), "stdout", "-l", lang, "--psm", "3", "tsv"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise OcrUnavailableError(f"Tesseract could not read a page: {reason}")
    return done.stdout


def write_pgm(path: Path, width: int, height: int, stride: int, pixels: bytes) -> None:
    """An 8-bit grey image as binary PGM (Tesseract reads it, no imaging library needed)."""
    with open(path, "wb") as fh:
        fh.write(b"P5\n%d %d\n255\n" % (width, height))
        if stride == width:
            fh.write(pixels[: width * height])
        else:
            for y in range(height):
                fh.write(pixels[y * stride : y * stride + width])


def recognise_page(handle: pdfium.PdfHandle, page: PageInfo, index: int, folder: Path) -> RawPage:
    """Render page ``index`` and recognise it."""
    scale = DPI / 72
    w, h, stride, pixels = handle.run(
        lambda pdf: render_gray(pdf, index, scale), priority=pdfium.BACKGROUND
    )
    image = folder / f"page-{index}.pgm"
    write_pgm(image, w, h, stride, pixels)
    del pixels
    try:
        return words_to_raw(run_tesseract(image), page, scale)
    finally:
        image.unlink(missing_ok=True)


def recognise(
    document: Document,
    *,
    cache_dir: Path,
    first: Iterable[int] = (),
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    password: str | None = None,
) -> Document:
    """``document`` with its scanned pages recognised (``first``: the pages to do before
    the others, such as those on screen). Pages already in the cache cost nothing.

    Raises :class:`CancelledError` when ``cancel`` is set (the pages done stay cached) and
    :class:`OcrUnavailableError` without Tesseract."""
    page_map = document.page_map
    if page_map is None or not page_map.scanned or document.path is None:
        return document
    cache = cache_file(cache_dir, file_sha256(document.path))
    stored = _read_cache(cache)
    todo = [i for i in dict.fromkeys([*first, *page_map.scanned]) if i in page_map.scanned]
    missing = [i for i in todo if str(i) not in stored]
    done_pages: dict[int, RawPage] = {}
    if missing:
        tesseract_command()
        handle = pdfium.service().open(document.path, password=password, priority=pdfium.BACKGROUND)
        with handle, tempfile.TemporaryDirectory(prefix="oqyrman-ocr-") as tmp:
            for n, index in enumerate(missing):
                if cancel is not None and cancel.is_set():
                    raise CancelledError("Text recognition was cancelled")
                raw = recognise_page(handle, page_map.pages[index], index, Path(tmp))
                stored[str(index)] = {"text": raw.text, "boxes": [round(v, 2) for v in raw.boxes]}
                _write_cache(cache, stored)
                if progress is not None:
                    progress(n + 1, len(missing))
    for index in todo:
        entry = stored[str(index)]
        box, rotation = page_map.pages[index].box, page_map.pages[index].rotation
        done_pages[index] = RawPage(
            box,
            rotation,
            str(entry["text"]),
            array("f", entry["boxes"]),  # type: ignore[call-overload]
        )
    return merge(document, done_pages)


def merge(document: Document, recognised: dict[int, RawPage]) -> Document:
    """``document`` with the text of ``recognised`` pages in place of their empty pages."""
    page_map = document.page_map
    if page_map is None or not recognised:
        return document
    segs = split(document.text, page_map.pages)
    for index, raw in recognised.items():
        segs[index] = segments([raw], ["ocr"])[0]
    text, pages = join(segs)
    scanned = tuple(i for i in page_map.scanned if i not in recognised)
    new_map = PageMap(tuple(pages), page_map.failed, scanned, page_map.outline)
    return Document.create(
        text,
        title=document.title,
        format=document.format,
        blocks=paragraph_blocks(text),
        page_starts=[p.start for p in pages],
        path=document.path,
        page_map=new_map,
    )


def scanned_pages(document: Document) -> Sequence[int]:
    """The pages still waiting for recognition."""
    return document.page_map.scanned if document.page_map is not None else ()


def recognise_for_cli(document: Document, data_dir: str | None, password: str | None) -> Document:
    """What ``oqyrman text`` does: recognise the scanned pages, "OCR page 2/5" on stderr;
    without Tesseract, a warning and the text layer alone."""
    if not scanned_pages(document):
        return document
    import sys

    from reader.core.paths import resolve

    def progress(done: int, total: int) -> None:
        sys.stderr.write(f"\roqyrman: recognising scanned pages {done}/{total}")
        sys.stderr.flush()
        if done == total:
            sys.stderr.write("\n")

    try:
        return recognise(
            document, cache_dir=resolve(data_dir).cache, progress=progress, password=password
        )
    except OcrUnavailableError as exc:
        log.warning("%s", exc)
        return document

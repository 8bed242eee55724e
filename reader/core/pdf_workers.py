"""The text of a long PDF read by worker processes, each with its own pdfium.

pdfium is not thread-safe, so a process has one pdfium thread (:mod:`reader.core.pdfium`);
but pdfium's state is per process, so two processes read two parts of a book at once. A
1,000-page file is read in about half the time on two cores, and the reader's own pdfium
thread stays free to render the pages the user is looking at while the text is read.

A worker is a fresh ``python -c`` of this module (not ``multiprocessing``: its ``spawn``
re-imports the caller's main module, which breaks scripts without a ``__main__`` guard, and
``fork`` copies a process that has threads). It reads the file name and password, then
page ranges, from stdin and answers each with a pickled list of
:class:`reader.core.pdf_text.RawPage` (``None`` for a page pdfium cannot read).
"""

import functools
import json
import logging
import os
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from reader.core.errors import CancelledError
from reader.core.pdf_text import RawPage

log = logging.getLogger(__name__)

#: Files with fewer pages are read on the pdfium thread (a worker costs ~0.1 s to start).
MIN_PAGES = 120
CHUNK = 50
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from reader.core.pdf_workers import serve; serve()"
)


def worker_count(pages: int) -> int:
    """How many worker processes for a file of ``pages`` pages (0: read it in-process)."""
    if pages < MIN_PAGES or getattr(sys, "frozen", False):
        return 0
    wanted = os.environ.get("OQYRMAN_PDF_WORKERS")
    if wanted is not None and wanted.isdigit():
        return min(int(wanted), 4)
    return min(2, os.cpu_count() or 1) if (os.cpu_count() or 1) > 1 else 0


def serve() -> None:
    """A worker's main loop (stdin: a JSON header, then ``first last`` lines)."""
    from reader.core import pdfium
    from reader.core.pdf_extract import raw_page

    header = json.loads(sys.stdin.readline())
    error = pdfium.error_type()
    out = sys.stdout.buffer
    with pdfium.service().open(header["path"], password=header["password"]) as pdf:
        for line in sys.stdin:
            first, last = (int(v) for v in line.split())
            pages: list[RawPage | None] = []
            for index in range(first, last):
                try:
                    pages.append(pdf.run(functools.partial(raw_page, index=index)))
                except error:
                    pages.append(None)
            blob = pickle.dumps(pages, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(struct.pack("<Q", len(blob)) + blob)
            out.flush()


class _Worker:
    def __init__(self, path: str, password: str | None) -> None:
        root = str(Path(__file__).resolve().parents[2])
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _BOOT, root],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._send(json.dumps({"path": path, "password": password}))

    def _send(self, line: str) -> None:
        stdin: IO[bytes] | None = self.proc.stdin
        assert stdin is not None
        stdin.write(line.encode() + b"\n")
        stdin.flush()

    def ask(self, first: int, last: int) -> None:
        self._send(f"{first} {last}")

    def answer(self) -> list[RawPage | None]:
        stdout = self.proc.stdout
        assert stdout is not None
        head = stdout.read(8)
        if len(head) < 8:
            raise OSError("a PDF worker process ended early")
        (size,) = struct.unpack("<Q", head)
        pages: list[RawPage | None] = pickle.loads(stdout.read(size))  # our own child's
        return pages

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def read_pages(
    path: str,
    password: str | None,
    total: int,
    workers: int,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> list[RawPage | None]:
    """All pages' raw text and boxes, read by ``workers`` processes (chunks in turn)."""
    chunks = [(a, min(total, a + CHUNK)) for a in range(0, total, CHUNK)]
    results: dict[int, list[RawPage | None]] = {}
    lock = threading.Lock()
    queue = list(reversed(chunks))
    failures: list[BaseException] = []

    def run(worker: _Worker) -> None:
        try:
            while True:
                with lock:
                    if not queue or failures or cancelled():
                        return
                    first, last = queue.pop()
                worker.ask(first, last)
                pages = worker.answer()
                with lock:
                    results[first] = pages
        except BaseException as exc:
            failures.append(exc)
        finally:
            worker.close()

    threads = [
        threading.Thread(target=run, args=(_Worker(path, password),), daemon=True)
        for _ in range(workers)
    ]
    for t in threads:
        t.start()
    reported = 0
    for t in threads:
        while t.is_alive():
            t.join(0.1)
            with lock:
                done = sum(len(p) for p in results.values())
            if done != reported:  # progress is reported on the caller's thread
                reported = done
                progress(done, total)
    if cancelled():
        raise CancelledError("Loading was cancelled")
    if failures:
        raise failures[0]
    return [raw for a, _ in chunks for raw in results[a]]

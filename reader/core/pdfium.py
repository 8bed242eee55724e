"""The one owner of pdfium in this process: every pdfium call runs on one thread.

pdfium is not thread-safe, not even for two different documents (pypdfium2's documentation
says so), and the reader has several callers: the PDF loader, the page renderer, the export
that reads glyph boxes back. Each of them hands a function to :func:`service` and gets its
result back; the function runs on the pdfium thread, so no two pdfium calls ever overlap,
whoever makes them. This is the only module that imports ``pypdfium2`` (a test checks it).

A function must not let a pdfium object escape (a page, a text page, a bitmap): it returns
plain values (``str``, numbers, ``bytes``, tuples). Documents that stay open across calls
live on the pdfium thread as :class:`PdfHandle`; closing one (or dropping it) closes the
document there. Requests are served by priority, so a page the user waits for overtakes the
text extraction of a 1,000-page file, which asks page by page.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import logging
import queue
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Request priorities, lowest first served: what the user is looking at, what the user asked
#: for (a search, an export), background work (text extraction, thumbnails).
VISIBLE, REQUESTED, BACKGROUND = 0, 10, 20

_STOP = object()


class PdfiumService:
    """A thread that owns pdfium; :meth:`run` and :meth:`submit` hand it work."""

    def __init__(self) -> None:
        self._queue: queue.PriorityQueue[tuple[int, int, Any, Future[Any] | None]] = (
            queue.PriorityQueue()
        )
        self._order = itertools.count()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._docs: dict[int, Any] = {}  # handle id -> PdfDocument, touched on the thread only
        self._ids = itertools.count(1)

    # -- calling in --------------------------------------------------------------------------
    def submit(self, work: Callable[[Any], T], *, priority: int = REQUESTED) -> Future[T]:
        """Run ``work(pypdfium2)`` on the pdfium thread; its result or error in the future.

        Cancelling the future before the work starts drops it."""
        future: Future[T] = Future()
        self._start()
        self._queue.put((priority, next(self._order), work, future))
        return future

    def run(self, work: Callable[[Any], T], *, priority: int = REQUESTED) -> T:
        """Run ``work(pypdfium2)`` on the pdfium thread and return its result (re-raising its
        exception). Called from the pdfium thread itself, it runs at once."""
        if threading.current_thread() is self._thread:
            return work(_module())
        return self.submit(work, priority=priority).result()

    def open(
        self,
        source: str | Path | bytes,
        *,
        password: str | None = None,
        priority: int = REQUESTED,
    ) -> PdfHandle:
        """Open a PDF (a path or its bytes) that stays open on the pdfium thread.

        Raises what pypdfium2 raises (``PdfiumError``) for a file it cannot open."""
        data = str(source) if isinstance(source, Path) else source

        def open_it(pdfium: Any) -> tuple[int, int]:
            pdf = pdfium.PdfDocument(data, password=password)
            handle_id = next(self._ids)
            self._docs[handle_id] = pdf
            return handle_id, len(pdf)

        handle_id, pages = self.run(open_it, priority=priority)
        return PdfHandle(self, handle_id, pages)

    # -- the thread ------------------------------------------------------------------------------
    def _start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._thread = threading.Thread(target=self._serve, name="pdfium", daemon=True)
            self._thread.start()

    def _serve(self) -> None:
        _module()  # pypdfium2 initialises the library on import: here, on its owner
        # At exit, pypdfium2 closes what is still open (weakref.finalize's exit hook) and
        # destroys the library, on the main thread: stop this thread first (exit hooks run
        # last registered first), or a render still running here crashes the process.
        weakref.finalize(self, _nothing)  # makes sure weakref's hook is registered before
        atexit.register(self.stop)
        while True:
            _, _, work, future = self._queue.get()
            if work is _STOP:
                self._close_all()
                return
            if future is None:
                work()  # an internal chore (closing a document)
                continue
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(work(_module()))
            except BaseException as exc:  # the caller gets it, whatever it is
                future.set_exception(exc)

    def _close(self, handle_id: int) -> None:
        pdf = self._docs.pop(handle_id, None)
        if pdf is not None:
            pdf.close()

    def _close_all(self) -> None:
        for handle_id in list(self._docs):
            self._close(handle_id)

    def _post_close(self, handle_id: int) -> None:
        """Close a document on the pdfium thread, whatever thread asks (a finaliser too)."""
        if self._thread is None:
            return
        self._queue.put((-1, next(self._order), lambda: self._close(handle_id), None))

    def stop(self, timeout: float = 5.0) -> None:
        """Close every document and end the thread (at exit; tests)."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is None or not thread.is_alive():
            return
        self._queue.put((1 << 30, next(self._order), _STOP, None))
        thread.join(timeout)

    def document(self, handle_id: int) -> Any:
        """The open document of a handle; for work running on the pdfium thread only."""
        if threading.current_thread() is not self._thread:
            raise RuntimeError("pdfium documents are used on the pdfium thread only")
        try:
            return self._docs[handle_id]
        except KeyError:
            raise ValueError("the PDF was closed") from None


class PdfHandle:
    """A PDF kept open on the pdfium thread; :meth:`run` works on it there."""

    def __init__(self, service: PdfiumService, handle_id: int, page_count: int) -> None:
        self._service = service
        self._id = handle_id
        self.page_count = page_count
        self._closed = False

    def run(self, work: Callable[[Any], T], *, priority: int = REQUESTED) -> T:
        """``work(pdf)`` on the pdfium thread, with this handle's ``PdfDocument``."""
        return self._service.run(
            lambda _: work(self._service.document(self._id)), priority=priority
        )

    def submit(self, work: Callable[[Any], T], *, priority: int = REQUESTED) -> Future[T]:
        return self._service.submit(
            lambda _: work(self._service.document(self._id)), priority=priority
        )

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._service._post_close(self._id)

    def __enter__(self) -> PdfHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at interpreter exit the queue may be gone
            self.close()


def _nothing() -> None:
    return None


def _module() -> Any:
    import pypdfium2

    return pypdfium2


def raw() -> Any:
    """pypdfium2's raw C bindings (``FPDFText_GetUnicode`` and friends), for work that runs
    on the pdfium thread."""
    import pypdfium2.raw

    return pypdfium2.raw


def error_type() -> type[Exception]:
    """pypdfium2's exception class, for ``except`` clauses around :meth:`PdfiumService.run`."""
    return service().run(lambda pdfium: pdfium.PdfiumError)  # type: ignore[no-any-return]


_service: PdfiumService | None = None
_service_lock = threading.Lock()


def service() -> PdfiumService:
    """The process's pdfium owner (pdfium's own state is per process, so is its owner)."""
    global _service
    with _service_lock:
        if _service is None:
            _service = PdfiumService()
        return _service

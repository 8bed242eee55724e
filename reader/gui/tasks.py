"""Background work: run core callables on a thread pool, answer the one caller.

``TaskRunner.submit(work, on_done=..., on_failed=..., on_progress=..., priority=...)`` runs
``work(ctx)`` in a ``QRunnable`` and returns a :class:`Job` at once. The result goes to
``on_done(result)`` only, on the GUI thread; an expected failure (a
:class:`~reader.core.errors.ReaderError`) to ``on_failed(message)`` with the error's one-line
message (an unexpected one is logged and reported the same way); ``job.cancel()`` asks the
work to stop, and a cancelled job calls nothing but ``on_cancelled`` if given. Progress the
work reports with ``ctx.progress(done, total)`` reaches ``on_progress(done, total)``,
throttled so a chatty loader cannot flood the event loop.

Nothing is delivered after shutdown, nor after the ``owner`` QObject given to ``submit`` is
destroyed (a closed tab's session, say): that is what lets a feature submit and forget.
What the user waits for (``Priority.USER``: a search, a page) is started before queued
background work (``Priority.BACKGROUND``: indexing, recognition, OCR). Work receives
snapshots (``str``, frozen dataclasses), never widgets.
"""

import contextlib
import enum
import itertools
import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

from reader.core.errors import CONTEXT, CancelledError, ReaderError, describe

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress reports of one job


class Priority(enum.IntEnum):
    """Higher starts first (QThreadPool's order)."""

    BACKGROUND = 0  # indexing, word counts, recognition, OCR
    NORMAL = 5  # loading a document, an export the user started
    USER = 10  # what the user is waiting for right now: a search, a page


@dataclass(frozen=True)
class JobContext:
    """What a piece of work gets: its id, a cancellation event and a progress callback."""

    id: int
    cancel: threading.Event
    progress: Callable[[int, int], None] = field(repr=False)

    def check(self) -> None:
        """Raise CancelledError if the job was cancelled."""
        if self.cancel.is_set():
            raise CancelledError("Cancelled")


Work = Callable[[JobContext], Any]
Done = Callable[[Any], None]
Failed = Callable[[str], None]
ProgressCallback = Callable[[int, int], None]


class Job:
    """A submitted piece of work: cancel it, or ask whether it is still running."""

    def __init__(self, job_id: int, event: threading.Event) -> None:
        self.id = job_id
        self._event = event
        self._finished = False

    def cancel(self) -> None:
        """Ask the work to stop; nothing but ``on_cancelled`` is delivered from now on."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    @property
    def running(self) -> bool:
        """True until the work has ended (delivered, failed or cancelled)."""
        return not self._finished

    def __repr__(self) -> str:
        return f"Job({self.id}, running={self.running}, cancelled={self.cancelled})"


@dataclass
class _Callbacks:
    job: Job
    on_done: Done
    on_failed: Failed | None
    on_progress: ProgressCallback | None
    on_cancelled: Callable[[], None] | None
    owner_alive: Callable[[], bool]


class _Runnable(QRunnable):
    def __init__(self, runner: "TaskRunner", ctx: JobContext, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._ctx = ctx
        self._work = work

    def run(self) -> None:
        self._runner._execute(self._ctx, self._work)


class TaskRunner(QObject):
    """A pool of worker threads for core work; each job answers its own caller."""

    # Workers report here; the runner, on the GUI thread, calls the job's callback. So every
    # callback runs on the GUI thread, and nothing runs after shutdown.
    _report = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._jobs: dict[int, _Callbacks] = {}  # touched on the GUI thread only
        self._running: dict[int, threading.Event] = {}  # guarded by _lock
        self._closed = False
        self._held: list[tuple[_Runnable, int]] | None = None  # see held()
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        work: Work,
        *,
        on_done: Done,
        on_failed: Failed | None = None,
        on_progress: ProgressCallback | None = None,
        on_cancelled: Callable[[], None] | None = None,
        priority: Priority = Priority.NORMAL,
        owner: QObject | None = None,
    ) -> Job:
        """Run ``work(ctx)`` in the background; its outcome goes to these callbacks, on the
        GUI thread, unless ``owner`` has been destroyed by then. Without ``on_failed`` a
        failure is logged as a warning."""
        job_id = next(self._ids)
        if self._closed:  # the application is closing: the work is dropped, unstarted
            dropped = Job(job_id, threading.Event())
            dropped.cancel()
            dropped._finished = True
            return dropped
        event = threading.Event()
        job = Job(job_id, event)
        self._jobs[job_id] = _Callbacks(
            job, on_done, on_failed, on_progress, on_cancelled, _alive(owner)
        )
        with self._lock:
            self._running[job_id] = event
        ctx = JobContext(job_id, event, self._progress_callback(job_id))
        runnable = _Runnable(self, ctx, work)
        if self._held is not None:
            self._held.append((runnable, int(priority)))
        else:
            self._pool.start(runnable, int(priority))
        return job

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Work submitted inside this block starts when it ends (in priority order), not
        during it: the window builds its panels without a worker thread taking the
        interpreter from it to start a recognition or a re-attachment."""
        if self._held is not None:  # nested: the outer block starts them
            yield
            return
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            if not self._closed:
                # free threads take the first ones started: the most wanted first
                for runnable, priority in sorted(held, key=lambda h: -h[1]):
                    self._pool.start(runnable, priority)

    def active_count(self) -> int:
        """Jobs submitted and not yet ended."""
        with self._lock:
            return len(self._running)

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Cancel every job and wait for the threads; True if all of them stopped in time."""
        self._closed = True
        with self._lock:
            for event in self._running.values():
                event.set()
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            log.warning("background jobs still running after %d ms", timeout_ms)
        self._jobs.clear()
        return bool(done)

    # -- worker side ---------------------------------------------------------------------------
    def _progress_callback(self, job_id: int) -> Callable[[int, int], None]:
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL or done >= total:
                last[0] = now
                self._report.emit("progress", job_id, (int(done), int(total)))

        return report

    def _execute(self, ctx: JobContext, work: Work) -> None:
        """Runs on a worker thread; the outcome is queued to the GUI thread."""
        try:
            ctx.check()
            result = work(ctx)
        except CancelledError:
            self._end(ctx.id, "cancelled", None)
        except ReaderError as exc:  # its message in the interface language
            self._end(ctx.id, "failed", describe(exc, translate_core))
        except Exception as exc:  # a bug: keep the app alive, log it, tell the user
            log.exception("background job %d failed", ctx.id)
            message = QCoreApplication.translate("TaskRunner", "Unexpected error: %1")
            self._end(ctx.id, "failed", message.replace("%1", f"{type(exc).__name__}: {exc}"))
        else:
            self._end(ctx.id, "cancelled" if ctx.cancel.is_set() else "done", result)

    def _end(self, job_id: int, kind: str, payload: Any) -> None:
        with self._lock:
            self._running.pop(job_id, None)
        self._report.emit(kind, job_id, payload)

    # -- GUI side ------------------------------------------------------------------------------
    def _on_report(self, kind: str, job_id: int, payload: Any) -> None:
        """On the GUI thread: hand a worker's report to its job's callbacks."""
        if self._closed:
            return
        if kind == "progress":
            callbacks = self._jobs.get(job_id)
            if callbacks is None or callbacks.on_progress is None or callbacks.job.cancelled:
                return
            if callbacks.owner_alive():
                callbacks.on_progress(*payload)
            return
        callbacks = self._jobs.pop(job_id, None)
        if callbacks is None:
            return
        callbacks.job._finished = True
        if not callbacks.owner_alive():
            return
        if kind == "done" and not callbacks.job.cancelled:
            callbacks.on_done(payload)
        elif kind == "failed" and not callbacks.job.cancelled:
            if callbacks.on_failed is not None:
                callbacks.on_failed(payload)
            else:
                log.warning("background job %d failed: %s", job_id, payload)
        elif callbacks.on_cancelled is not None:
            callbacks.on_cancelled()


def translate_core(text: str) -> str:
    """Core messages' catalogue (QCoreApplication.translate is safe on any thread)."""
    return QCoreApplication.translate(CONTEXT, text)


def _alive(owner: QObject | None) -> Callable[[], bool]:
    """A check that ``owner`` still exists (always true without one)."""
    if owner is None:
        return lambda: True
    ref = weakref.ref(owner)  # the job must not keep its owner alive

    def alive() -> bool:
        obj = ref()
        return obj is not None and shiboken6.isValid(obj)

    return alive

"""Background work: run core callables on a thread pool, report back as Qt signals.

``TaskRunner.submit(work)`` runs ``work(job)`` in a ``QRunnable`` and returns a job id at
once; the result arrives on the GUI thread as ``finished(job_id, result)``, an expected
failure (a :class:`~reader.core.errors.ReaderError`) as ``failed(job_id, message)`` with the
error's one-line message, a cancellation as ``cancelled(job_id)``. Progress reported with
``job.progress(done, total)`` arrives as ``progress(job_id, done, total)``, throttled so a
chatty loader cannot flood the event loop. Work must take snapshots (``str``, frozen
dataclasses), never widgets.

Callers keep the id of their latest job and drop results of older ones.
"""

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

from reader.core.errors import CancelledError, ReaderError

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress signals of one job


@dataclass(frozen=True)
class Job:
    """What a piece of work gets: its id, a cancellation event and a progress callback."""

    id: int
    cancel: threading.Event
    progress: Callable[[int, int], None] = field(repr=False)

    def check(self) -> None:
        """Raise CancelledError if the job was cancelled."""
        if self.cancel.is_set():
            raise CancelledError("Cancelled")


Work = Callable[[Job], Any]


class _Runnable(QRunnable):
    def __init__(self, runner: "TaskRunner", job: Job, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._job = job
        self._work = work

    def run(self) -> None:
        self._runner._execute(self._job, self._work)


class TaskRunner(QObject):
    """A pool of worker threads for core work, with job ids, cancellation and shutdown."""

    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    progress = Signal(int, int, int)
    # Workers report here; the runner, on the GUI thread, passes it on as the signals above.
    # So every receiver is called on the GUI thread directly, and nothing arrives after
    # shutdown (a result queued just before would meet a closed database, say).
    _report = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._active: dict[int, threading.Event] = {}
        self._closed = False
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)

    def submit(self, work: Work) -> int:
        """Run ``work(job)`` in the background; return the job's id."""
        if self._closed:
            raise ValueError("the task runner has been shut down")
        job_id = next(self._ids)
        cancel = threading.Event()
        job = Job(job_id, cancel, self._progress_callback(job_id))
        with self._lock:
            self._active[job_id] = cancel
        self._pool.start(_Runnable(self, job, work))
        return job_id

    def cancel(self, job_id: int) -> None:
        """Ask job ``job_id`` to stop; it ends with ``cancelled`` if it notices in time."""
        with self._lock:
            event = self._active.get(job_id)
        if event is not None:
            event.set()

    def is_active(self, job_id: int) -> bool:
        with self._lock:
            return job_id in self._active

    def active_count(self) -> int:
        with self._lock:
            return len(self._active)

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Cancel every job and wait for the threads; True if all of them stopped in time."""
        self._closed = True
        with self._lock:
            for event in self._active.values():
                event.set()
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            log.warning("background jobs still running after %d ms", timeout_ms)
        return bool(done)

    def _progress_callback(self, job_id: int) -> Callable[[int, int], None]:
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL or done >= total:
                last[0] = now
                self._report.emit("progress", job_id, (int(done), int(total)))

        return report

    def _execute(self, job: Job, work: Work) -> None:
        """Runs on a worker thread; signals are queued to the GUI thread."""
        try:
            job.check()
            result = work(job)
        except CancelledError:
            self._finish(job.id)
            self._report.emit("cancelled", job.id, None)
        except ReaderError as exc:
            self._finish(job.id)
            self._report.emit("failed", job.id, str(exc))
        except Exception as exc:  # a bug: keep the app alive, log it, tell the user
            log.exception("background job %d failed", job.id)
            self._finish(job.id)
            message = QCoreApplication.translate("TaskRunner", "Unexpected error: %1")
            reason = message.replace("%1", f"{type(exc).__name__}: {exc}")
            self._report.emit("failed", job.id, reason)
        else:
            cancelled = job.cancel.is_set()
            self._finish(job.id)
            if cancelled:
                self._report.emit("cancelled", job.id, None)
            else:
                self._report.emit("finished", job.id, result)

    def _on_report(self, kind: str, job_id: int, payload: Any) -> None:
        """On the GUI thread: pass a worker's report on, unless the runner was shut down."""
        if self._closed:
            return
        if kind == "finished":
            self.finished.emit(job_id, payload)
        elif kind == "failed":
            self.failed.emit(job_id, payload)
        elif kind == "cancelled":
            self.cancelled.emit(job_id)
        else:
            self.progress.emit(job_id, *payload)

    def _finish(self, job_id: int) -> None:
        with self._lock:
            self._active.pop(job_id, None)

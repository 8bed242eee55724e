"""TaskRunner: results, expected failures and cancellation arrive as signals on the GUI thread."""

import threading
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from reader.core.errors import FileAccessError
from reader.gui.tasks import Job, TaskRunner


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(2000)


def test_result_arrives_on_the_gui_thread_with_its_job_id(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[int, object, bool]] = []
    runner.finished.connect(
        lambda jid, res: seen.append(
            (jid, res, threading.current_thread() is threading.main_thread())
        )
    )
    with qtbot.waitSignal(runner.finished, timeout=5000):
        job_id = runner.submit(lambda job: sum(range(10)))
    assert seen == [(job_id, 45, True)]


def test_reader_error_becomes_its_one_line_message(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(job: Job) -> None:
        raise FileAccessError("notes.txt: no such file")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit(work)
    assert blocker.args[1] == "notes.txt: no such file"


def test_cancel_stops_a_long_job_and_shutdown_waits(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def work(job: Job) -> str:
        started.set()
        while True:
            job.check()
            time.sleep(0.005)

    job_id = runner.submit(work)
    assert started.wait(5)
    with qtbot.waitSignal(runner.cancelled, timeout=5000) as blocker:
        runner.cancel(job_id)
    assert blocker.args == [job_id]
    assert runner.shutdown(2000)
    assert runner.active_count() == 0


def test_progress_is_reported_with_the_job_id(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(job: Job) -> None:
        job.progress(10, 10)

    with qtbot.waitSignal(runner.progress, timeout=5000) as blocker:
        job_id = runner.submit(work)
    assert blocker.args == [job_id, 10, 10]


def test_nothing_is_reported_after_shutdown(qtbot: QtBot, runner: TaskRunner) -> None:
    """A job that ends after shutdown (it missed the cancellation) reports to nobody: its
    receivers may be using what the application has closed since (the database)."""
    started, release = threading.Event(), threading.Event()
    heard: list[object] = []
    runner.finished.connect(lambda jid, res: heard.append(res))
    runner.cancelled.connect(lambda jid: heard.append("cancelled"))
    runner.submit(lambda job: started.set() or (release.wait(5) and "late"))
    assert started.wait(5)
    assert not runner.shutdown(50)  # still running
    release.set()
    qtbot.waitUntil(lambda: runner.active_count() == 0, timeout=5000)
    qtbot.wait(50)  # let a queued report arrive, if one were sent
    assert heard == []

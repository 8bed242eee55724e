"""TaskRunner: each job answers its own caller, on the GUI thread, and nobody else."""

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from reader.core.errors import FileAccessError
from reader.gui.tasks import JobContext, Priority, TaskRunner


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(2000)


def test_the_result_goes_to_its_own_callback_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    seen: list[tuple[str, object, bool]] = []

    def callback(name: str):  # type: ignore[no-untyped-def]
        return lambda res: seen.append(
            (name, res, threading.current_thread() is threading.main_thread())
        )

    runner.submit(lambda ctx: sum(range(10)), on_done=callback("a"))
    runner.submit(lambda ctx: "b", on_done=callback("b"))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert sorted(seen) == [("a", 45, True), ("b", "b", True)]


def test_reader_error_becomes_its_one_line_message(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(ctx: JobContext) -> None:
        raise FileAccessError("notes.txt: no such file")

    failed: list[str] = []
    done: list[object] = []
    runner.submit(work, on_done=done.append, on_failed=failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert failed == ["notes.txt: no such file"] and done == []


def test_cancel_stops_a_long_job_and_shutdown_waits(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def work(ctx: JobContext) -> str:
        started.set()
        while True:
            ctx.check()
            time.sleep(0.005)

    heard: list[str] = []
    job = runner.submit(
        work, on_done=lambda r: heard.append("done"), on_cancelled=lambda: heard.append("c")
    )
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: heard == ["c"], timeout=5000)
    assert not job.running
    assert runner.shutdown(2000)
    assert runner.active_count() == 0


def test_progress_reaches_the_caller(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[int, int]] = []

    def work(ctx: JobContext) -> None:
        ctx.progress(10, 10)

    runner.submit(work, on_done=lambda _: None, on_progress=lambda d, t: seen.append((d, t)))
    qtbot.waitUntil(lambda: seen == [(10, 10)], timeout=5000)


def test_nothing_reaches_an_owner_that_is_gone(qtbot: QtBot, runner: TaskRunner) -> None:
    """A closed tab's session is destroyed: a result computed for it goes nowhere."""
    release = threading.Event()
    heard: list[object] = []
    owner = QObject()
    job = runner.submit(lambda ctx: release.wait(5) and "late", on_done=heard.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
    qtbot.wait(50)
    assert heard == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_what_the_user_waits_for_starts_before_background_work(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Both threads busy, three background jobs and a search queued: the search goes first."""
    gate = threading.Event()
    order: list[str] = []
    lock = threading.Lock()

    def note(name: str) -> object:
        def work(ctx: JobContext) -> None:
            with lock:
                order.append(name)

        return work

    for _ in range(2):
        runner.submit(lambda ctx: gate.wait(5), on_done=lambda _: None)
    time.sleep(0.1)  # both workers are taken
    for i in range(3):
        runner.submit(note(f"bg{i}"), on_done=lambda _: None, priority=Priority.BACKGROUND)  # type: ignore[arg-type]
    runner.submit(note("search"), on_done=lambda _: None, priority=Priority.USER)  # type: ignore[arg-type]
    gate.set()
    qtbot.waitUntil(lambda: len(order) == 4, timeout=5000)
    assert order[0] == "search"


def test_work_submitted_while_held_starts_after_the_block_user_first(qtbot: QtBot) -> None:
    """The window builds its panels inside ``held()``: the recognition a panel asks for must
    not start (and take the interpreter) until every panel is there. (One thread, so that
    the order of starting is the order seen.)"""
    runner = TaskRunner(max_threads=1)
    started: list[str] = []
    lock = threading.Lock()

    def note(name: str) -> object:
        def work(ctx: JobContext) -> None:
            with lock:
                started.append(name)

        return work

    with runner.held():
        for i in range(3):
            runner.submit(note(f"bg{i}"), on_done=lambda _: None, priority=Priority.BACKGROUND)  # type: ignore[arg-type]
        with runner.held():  # nested: still held after the inner block
            runner.submit(note("search"), on_done=lambda _: None, priority=Priority.USER)  # type: ignore[arg-type]
        time.sleep(0.2)
        assert started == [] and runner.active_count() == 4
    qtbot.waitUntil(lambda: len(started) == 4, timeout=5000)
    assert started[0] == "search"
    runner.shutdown(2000)


def test_held_work_is_dropped_if_the_runner_closes_meanwhile(runner: TaskRunner) -> None:
    ran: list[int] = []
    with runner.held():
        job = runner.submit(lambda ctx: ran.append(1), on_done=lambda _: ran.append(2))
        runner.shutdown(1000)
    time.sleep(0.1)
    assert ran == [] and job.cancelled


@pytest.mark.log_warnings_expected  # "background jobs still running after 50 ms"
def test_nothing_is_reported_after_shutdown(qtbot: QtBot, runner: TaskRunner) -> None:
    """A job that ends after shutdown (it missed the cancellation) reports to nobody: its
    receivers may be using what the application has closed since (the database)."""
    started, release = threading.Event(), threading.Event()
    heard: list[object] = []
    runner.submit(
        lambda ctx: started.set() or (release.wait(5) and "late"),
        on_done=heard.append,
        on_cancelled=lambda: heard.append("cancelled"),
    )
    assert started.wait(5)
    assert not runner.shutdown(50)  # still running
    release.set()
    qtbot.waitUntil(lambda: runner.active_count() == 0, timeout=5000)
    qtbot.wait(50)
    assert heard == []


def test_work_submitted_while_closing_is_dropped_unstarted(runner: TaskRunner) -> None:
    """A document that finishes painting as the window closes may still ask for its word
    count: the request is dropped, not an error."""
    runner.shutdown(1000)
    ran: list[int] = []
    job = runner.submit(lambda ctx: ran.append(1), on_done=lambda _: ran.append(2))
    assert job.cancelled and not job.running and ran == []

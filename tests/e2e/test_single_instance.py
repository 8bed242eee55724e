"""One reader per data folder: a second start hands its file to the first and exits; the
first saves its session when it is terminated."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.instance import socket_path


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir(exist_ok=True)
    return env


def _reader(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


@pytest.mark.slow
def test_second_start_hands_its_file_over_and_sigterm_saves_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    first_file, second_file = tmp_path / "бірінші.txt", tmp_path / "екінші.txt"
    first_file.write_text("Бірінші құжат.\n", encoding="utf-8")
    second_file.write_text("Екінші құжат.\n", encoding="utf-8")
    env = _env(tmp_path)
    monkeypatch.setenv("XDG_RUNTIME_DIR", env["XDG_RUNTIME_DIR"])  # for socket_path here
    first = _reader(["--data-dir", str(data), str(first_file)], env)
    try:
        _wait(lambda: socket_path(data).exists() or first.poll() is not None)
        assert first.poll() is None, first.communicate()
        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(data), str(second_file)],
            env=env, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < 5  # Python's start-up included; no Qt loaded
        session = data / "config" / "session.json"

        def both_tabs() -> bool:
            if not session.exists():
                return False
            tabs = json.loads(session.read_text(encoding="utf-8")).get("tabs", [])
            return {t["path"] for t in tabs} == {str(first_file), str(second_file)}

        _wait(both_tabs)  # the first reader opened it (and saved its session)
        first.send_signal(signal.SIGTERM)
        assert first.wait(30) == 0
    finally:
        if first.poll() is None:
            first.kill()
    assert not socket_path(data).exists()  # it stopped listening
    tabs = json.loads((data / "config" / "session.json").read_text(encoding="utf-8"))["tabs"]
    assert [t["path"] for t in tabs] == [str(first_file), str(second_file)]


def test_without_a_running_reader_nothing_is_handed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.instance import hand_over

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert not hand_over(tmp_path / "data", ["x.txt"])
    stale = socket_path(tmp_path / "data")
    stale.touch()  # a crashed reader's leftover: not a listening socket
    assert not hand_over(tmp_path / "data", ["x.txt"])

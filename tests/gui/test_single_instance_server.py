"""The running reader's end of the hand-over (reader.gui.single_instance), in one process:
owner-only socket, a message in pieces, a malformed one, a stale socket, closing."""

import socket
import stat
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.instance import hand_over, socket_path
from reader.gui.single_instance import InstanceServer


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "run"
    folder.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def _in_thread(target: object) -> tuple[threading.Thread, list[object]]:
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(target()))  # type: ignore[operator]
    thread.start()
    return thread, result


def test_a_later_start_hands_its_files_over(qtbot: QtBot, runtime: Path, tmp_path: Path) -> None:
    received: list[list[str]] = []
    server = InstanceServer(tmp_path / "data", received.append, None)
    try:
        assert server.listening
        mode = server.path.stat().st_mode
        assert stat.S_ISSOCK(mode) and stat.S_IMODE(mode) == 0o600  # the user's alone
        assert [p.name for p in runtime.iterdir()] == [server.path.name]  # no staging left
        # hand_over blocks until the answer: the event loop runs meanwhile, as in the reader
        thread, result = _in_thread(lambda: hand_over(tmp_path / "data", ["a.txt", "b.pdf"]))
        qtbot.waitUntil(lambda: bool(received), timeout=5000)
        thread.join(5)
        assert result == [True]
        assert received == [[str(Path("a.txt").absolute()), str(Path("b.pdf").absolute())]]
    finally:
        server.close()
    assert not server.path.exists() and not server.listening
    assert hand_over(tmp_path / "data", ["c.txt"]) is False  # nobody to take it now


def test_a_message_in_pieces_and_a_malformed_one(
    qtbot: QtBot, runtime: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    received: list[list[str]] = []
    server = InstanceServer(tmp_path / "data", received.append, None)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(str(server.path))
            sock.sendall(b'{"files": ["/x/')
            qtbot.wait(50)  # the reader sees half a line: it waits for the rest
            assert not received
            sock.sendall('Қазақ.txt"]}\n'.encode())
            qtbot.waitUntil(lambda: bool(received), timeout=5000)
            sock.settimeout(5)
            assert sock.recv(16) == b"ok\n"
        assert received == [["/x/Қазақ.txt"]]
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(str(server.path))
            sock.sendall(b"not json\n")
            qtbot.waitUntil(lambda: len(received) == 2, timeout=5000)
        assert received[1] == []  # answered, nothing opened
        assert "malformed message" in caplog.text
    finally:
        server.close()


def test_a_crashed_readers_leftover_is_replaced(
    qtbot: QtBot, runtime: Path, tmp_path: Path
) -> None:
    path = socket_path(tmp_path / "data")
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))  # a crashed reader's: bound, nobody listening
    stale.close()
    assert hand_over(tmp_path / "data", ["a.txt"]) is False
    for leftover in ("socket", "file"):
        if leftover == "file":
            path.write_text("")
        received: list[list[str]] = []
        server = InstanceServer(tmp_path / "data", received.append, None)
        try:
            assert server.listening and path.is_socket()
            thread, result = _in_thread(lambda: hand_over(tmp_path / "data", ["a.txt"]))
            qtbot.waitUntil(lambda: bool(received), timeout=5000)  # noqa: B023
            thread.join(5)
            assert result == [True]
        finally:
            server.close()

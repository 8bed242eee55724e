"""The receiving side of :mod:`reader.core.instance`: the running reader listens for
later starts on the same data folder and opens the files they send.

A Unix domain socket from the standard library, watched by ``QSocketNotifier`` in the
event loop: the sending side is the standard library's too, and this keeps Qt's network
module (3.4 MB of the desktop bundle, and nothing else of ours needs it) out. Like
``QLocalServer``'s ``UserAccessOption``, the socket is made in a private folder, given
owner-only permissions there and only then moved to its public name, so no other user
can connect even for a moment.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

from reader.core.instance import MAX_MESSAGE, socket_path

log = logging.getLogger(__name__)
_ANSWER = b"ok\n"


def _listen(path: Path) -> socket.socket:
    """A listening, non-blocking socket at ``path``, for its owner only. What is there
    already under that name (ours: user id and data folder) is a leftover of a reader that
    crashed, since the caller found none answering on it: the new socket replaces it (a
    rename, which never follows a link)."""
    private = Path(tempfile.mkdtemp(prefix=".oqyrman-", dir=path.parent))  # 0700
    try:
        staged = private / "socket"
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(str(staged))
            os.chmod(staged, 0o600)
            os.rename(staged, path)
            sock.listen(8)
            sock.setblocking(False)
        except OSError:
            sock.close()
            raise
    finally:
        with contextlib.suppress(OSError):
            staged.unlink()
        with contextlib.suppress(OSError):
            private.rmdir()
    return sock


class _Client:
    """One later start's connection: read its line, answer, close."""

    def __init__(self, conn: socket.socket, server: InstanceServer) -> None:
        self.conn = conn
        self.buffer = bytearray()
        self.notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, server)
        self.notifier.activated.connect(lambda *_: server._on_readable(self))


class InstanceServer(QObject):
    """Listens for later starts on the same data folder and calls ``open_files``."""

    def __init__(
        self, data_dir: Path, open_files: Callable[[list[str]], None], parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self._open_files = open_files
        self.path = socket_path(data_dir)
        self._sock: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._clients: list[_Client] = []
        try:
            self._sock = _listen(self.path)
        except OSError as exc:
            log.warning("cannot listen on %s: %s", self.path, exc)
            return
        self._notifier = QSocketNotifier(self._sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_connection)

    @property
    def listening(self) -> bool:
        return self._sock is not None

    def close(self) -> None:
        """Stop listening and remove the socket (a later start then opens its own window)."""
        for client in list(self._clients):
            self._drop(client)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _on_connection(self, *_: Any) -> None:
        while self._sock is not None:
            try:
                conn, _address = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                log.warning("instance socket: %s", exc)
                return
            conn.setblocking(False)
            self._clients.append(_Client(conn, self))

    def _on_readable(self, client: _Client) -> None:
        ended = False
        while True:
            try:
                chunk = client.conn.recv(65536)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                self._drop(client)
                return
            if not chunk:
                ended = True
                break
            client.buffer.extend(chunk)
            if len(client.buffer) >= MAX_MESSAGE:
                break
        if not ended and b"\n" not in client.buffer and len(client.buffer) < MAX_MESSAGE:
            return  # the rest of the line is still on its way
        files = _files(bytes(client.buffer))
        with contextlib.suppress(OSError):
            client.conn.send(_ANSWER)  # a few bytes: the socket's buffer takes them at once
        self._drop(client)
        self._open_files(files)

    def _drop(self, client: _Client) -> None:
        client.notifier.setEnabled(False)
        client.notifier.deleteLater()
        client.conn.close()
        if client in self._clients:
            self._clients.remove(client)


def _files(message: bytes) -> list[str]:
    try:
        data = json.loads(message.split(b"\n", 1)[0].decode("utf-8"))
        files = data.get("files", []) if isinstance(data, dict) else []
    except (UnicodeDecodeError, ValueError):
        log.warning("ignoring a malformed message on the instance socket")
        return []
    return [f for f in files if isinstance(f, str)]

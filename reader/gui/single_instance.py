"""The receiving side of :mod:`reader.core.instance`: the running reader listens for
later starts on the same data folder and opens the files they send."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.core.instance import MAX_MESSAGE, socket_path

log = logging.getLogger(__name__)


class InstanceServer(QObject):
    """Listens for later starts on the same data folder and calls ``open_files``."""

    def __init__(
        self, data_dir: Path, open_files: Callable[[list[str]], None], parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self._open_files = open_files
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.path = socket_path(data_dir)
        QLocalServer.removeServer(str(self.path))  # a stale one from a crashed reader
        if not self._server.listen(str(self.path)):
            log.warning("cannot listen on %s: %s", self.path, self._server.errorString())
        self._server.newConnection.connect(self._on_connection)

    @property
    def listening(self) -> bool:
        return bool(self._server.isListening())

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            buffer = bytearray()

            def on_ready(conn: QLocalSocket = conn, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(conn.readAll().data()))
                if b"\n" not in buffer and len(buffer) < MAX_MESSAGE:
                    return
                files = _files(bytes(buffer))
                conn.write(b"ok\n")
                conn.flush()
                conn.disconnectFromServer()
                self._open_files(files)

            conn.readyRead.connect(on_ready)
            conn.disconnected.connect(conn.deleteLater)


def _files(message: bytes) -> list[str]:
    try:
        data = json.loads(message.split(b"\n", 1)[0].decode("utf-8"))
        files = data.get("files", []) if isinstance(data, dict) else []
    except (UnicodeDecodeError, ValueError):
        log.warning("ignoring a malformed message on the instance socket")
        return []
    return [f for f in files if isinstance(f, str)]

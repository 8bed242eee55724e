"""One reader per user and data folder: the sending side (no Qt is loaded).

A double click in a file manager runs ``oqyrman FILE``. With a reader already running on
the same data folder, a second window would fight the first over the session file (the
last one closed wins and the other's tabs are lost), so the second start sends its files
to the first, which opens them as tabs and raises its window, and exits at once.

The socket is a Unix domain socket at a path made from the user id and the data folder, in
the user's runtime folder; :mod:`reader.gui.single_instance` listens on it with a
``QLocalServer``. Message: one JSON line ``{"files": [...]}``; answer: ``ok``.
"""

import hashlib
import json
import logging
import os
import socket
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

HANDOVER_TIMEOUT = 3.0  # seconds the second start waits for the first to answer
MAX_MESSAGE = 1 << 20


def socket_path(data_dir: Path) -> Path:
    """Where the running reader of ``data_dir`` listens (one per user and data folder)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    key = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(runtime) / f"oqyrman-{os.getuid()}-{key}.sock"


def hand_over(data_dir: Path, files: list[str], timeout: float = HANDOVER_TIMEOUT) -> bool:
    """Send ``files`` to the reader running on ``data_dir``; True if it took them (then
    this process has nothing more to do), False if none is running."""
    path = socket_path(data_dir)
    if not path.exists():
        return False
    message = json.dumps({"files": [str(Path(f).absolute()) for f in files]}) + "\n"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(message.encode("utf-8"))
            answer = sock.recv(16)
    except (ConnectionRefusedError, FileNotFoundError):
        return False  # a stale socket: its reader is gone
    except OSError as exc:  # a reader that does not answer: start our own
        log.warning("the running reader did not take the files (%s); opening here", exc)
        return False
    return answer.startswith(b"ok")

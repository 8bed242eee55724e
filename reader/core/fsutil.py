"""Atomic file writes: a temp file in the same folder, then ``os.replace``.

A failed or cancelled write leaves no partial file and never clobbers a good one. The file
gets the permissions the user's umask gives a new file (0644 under 022), as any program's
output does, so an export saved to a shared folder can be read there.
"""

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

_NEW_FILE_MODE = 0o666  # what open() asks for; the kernel takes the umask off
_ATTEMPTS = 100


def _create_beside(target: Path, suffix: str) -> Path:
    """Create an empty, unique temp file in ``target``'s folder, mode 0o666 less the umask.

    ``tempfile.mkstemp`` would make it 0600 whatever the umask, and ``os.replace`` keeps
    the temp file's mode: exports then could not be read by anyone else.
    """
    folder = target.parent
    for _ in range(_ATTEMPTS):
        tmp = folder / f".{target.name}.{os.urandom(4).hex()}{suffix}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _NEW_FILE_MODE)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"no free temporary name beside {target}")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can open a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temp path beside ``target``; on success it replaces ``target`` atomically.

    If the body raises, the temp file is removed and ``target`` is untouched.
    """
    target = Path(target)
    tmp = _create_beside(target, suffix)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(target.parent)


def atomic_write_bytes(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def atomic_write_with(target: str | Path, writer: Callable[[BinaryIO], None]) -> None:
    """Let ``writer`` fill an open binary file that becomes ``target`` only if it succeeds."""
    with atomic_path(target) as tmp, open(tmp, "wb") as fh:
        writer(fh)


def atomic_write_json(target: str | Path, obj: Any) -> None:
    data = json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    atomic_write_bytes(target, data + b"\n")


def read_json(path: str | Path, default: Any) -> Any:
    """Read a small JSON file, returning ``default`` if it is missing or broken."""
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return default

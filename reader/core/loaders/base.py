"""What every loader module shares: the load context, limits and cancellation."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.core.errors import CancelledError

Progress = Callable[[int, int], None]

#: Ceilings that keep hostile files from eating the machine (bytes).
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # sum of archive members we inflate
MAX_MEMBER_RATIO = 200  # uncompressed/compressed for one archive member


def _no_progress(done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class LoadContext:
    """Passed to every loader: report progress, honour cancellation."""

    progress: Progress = _no_progress
    cancel: threading.Event = field(default_factory=threading.Event)

    def check(self) -> None:
        """Raise :class:`CancelledError` if the user cancelled."""
        if self.cancel.is_set():
            raise CancelledError("Loading was cancelled")

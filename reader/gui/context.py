"""What every part of the GUI needs, built once in ``app.py`` and passed to constructors.

No globals or singletons: a test builds its own :class:`AppContext` on a ``tmp_path``.
"""

from dataclasses import dataclass, field
from pathlib import Path

from reader.core.paths import AppPaths
from reader.core.preferences_schema import Preferences, load_preferences
from reader.core.store import Store
from reader.gui.tasks import TaskRunner


@dataclass(frozen=True)
class AppContext:
    """Folders, the database, the user's preferences and the background task runner."""

    paths: AppPaths
    store: Store
    tasks: TaskRunner
    preferences: Preferences = field(default_factory=Preferences)

    @classmethod
    def create(cls, paths: AppPaths) -> "AppContext":
        """Make the folders, open the store, read the preferences, start a task runner."""
        paths.ensure()
        return cls(
            paths=paths,
            store=Store(paths.database),
            tasks=TaskRunner(),
            preferences=load_preferences(paths.preferences),
        )

    @property
    def session_file(self) -> Path:
        return self.paths.session

    def close(self, timeout_ms: int = 3000) -> None:
        """Cancel background work, wait for it, then close the database."""
        self.tasks.shutdown(timeout_ms)
        self.store.close()

"""Where Oqyrman keeps its files: one Qt-free resolver for CLI and GUI.

``--data-dir DIR`` puts everything (database, preferences, cache) under DIR, which keeps
tests and benchmarks hermetic; otherwise platformdirs picks the platform's user folders.
"""

from dataclasses import dataclass
from pathlib import Path

APP_NAME = "oqyrman"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data: Path  # the SQLite store
    config: Path  # preferences and window state (small JSON files)
    cache: Path  # derived data that can be rebuilt

    @property
    def database(self) -> Path:
        return self.data / "oqyrman.sqlite3"

    @property
    def preferences(self) -> Path:
        return self.config / "preferences.json"

    @property
    def session(self) -> Path:
        return self.config / "session.json"

    def ensure(self) -> "AppPaths":
        """Create the folders (idempotent) and return self."""
        for folder in (self.data, self.config, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve(data_dir: str | Path | None = None) -> AppPaths:
    """The folders to use; ``data_dir`` overrides all of them."""
    if data_dir is not None:
        root = Path(data_dir).expanduser().resolve()
        return AppPaths(data=root, config=root / "config", cache=root / "cache")
    import platformdirs

    return AppPaths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def project_root() -> Path:
    """The source tree or bundle folder (development tools, tests; not installed data)."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def _shipped(name: str) -> Path:
    """The data folder ``name`` shipped in the package, else the source tree's.

    A wheel, ``pipx install`` and the PyInstaller bundle hold ``resources/`` and ``seeds/``
    as ``reader/resources`` and ``reader/seeds`` (setup.py maps them there); a source
    checkout and its editable install keep them at the top of the tree.
    """
    from importlib.resources import files

    packaged = files("reader") / name
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def resources_dir() -> Path:
    """Models, fonts, icons and compiled translations (read-only)."""
    return _shipped("resources")


def seeds_dir() -> Path:
    """The sample documents opened on first run (read-only)."""
    return _shipped("seeds")

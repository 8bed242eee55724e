"""Window state and the reading session, kept as small JSON (Qt-free).

``AppPaths.session`` holds what the window restores at its next start: the open tabs with
the offset of the first visible character (a ``str`` index, so zoom and window size do
not matter), the current tab, the ten most recent files, the zoom step and the window
geometry. Written atomically (``fsutil``) on every tab change and on close, so a crash
loses at most the last scroll. Preferences a user sets in a dialog live beside it in
``preferences.json`` (``preferences_schema``).

A file that is missing means "first run"; a broken or hand-edited one never stops the app
starting: every value that is invalid falls back to its default.
"""

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.core.fsutil import atomic_write_json, read_json

log = logging.getLogger(__name__)

RECENT_MAX = 10
ZOOM_MIN, ZOOM_MAX = -8, 20


@dataclass(frozen=True, slots=True)
class TabState:
    """One open tab: the file and the offset of its first visible character."""

    path: str
    offset: int = 0


@dataclass(frozen=True, slots=True)
class SessionState:
    tabs: tuple[TabState, ...] = ()
    current: int = 0
    recent: tuple[str, ...] = ()
    zoom: int = 0  # font size steps from the default
    geometry: str = ""  # QMainWindow.saveGeometry(), base64
    window_state: str = ""  # QMainWindow.saveState() (docks), base64
    latin: bool = False  # show documents in the 2021 Latin script

    def with_recent(self, path: str) -> "SessionState":
        """This state with ``path`` first in the recent files (kept to ten, no duplicates)."""
        recent = (path, *(p for p in self.recent if p != path))[:RECENT_MAX]
        return replace(self, recent=recent)


def _int(data: dict[str, Any], key: str, default: int, lo: int, hi: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        if key in data:
            log.warning("ignoring session value %s=%r", key, value)
        return default
    return value


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    return value if isinstance(value, str) else ""


def _tabs(raw: Any) -> tuple[TabState, ...]:
    tabs: list[TabState] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            continue
        offset = item.get("offset", 0)
        ok = isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0
        tabs.append(TabState(item["path"], offset if ok else 0))
    return tuple(tabs)


def from_dict(data: Any) -> SessionState:
    """A session from parsed JSON, keeping what is valid."""
    if not isinstance(data, dict):
        return SessionState()
    tabs = _tabs(data.get("tabs"))
    recent_raw = data.get("recent")
    recent = [p for p in recent_raw if isinstance(p, str)] if isinstance(recent_raw, list) else []
    return SessionState(
        tabs=tabs,
        current=_int(data, "current", 0, 0, max(len(tabs) - 1, 0)),
        recent=tuple(dict.fromkeys(recent))[:RECENT_MAX],
        zoom=_int(data, "zoom", 0, ZOOM_MIN, ZOOM_MAX),
        geometry=_str(data, "geometry"),
        window_state=_str(data, "window_state"),
        latin=data.get("latin") is True,
    )


def to_dict(state: SessionState) -> dict[str, Any]:
    return {
        "tabs": [{"path": t.path, "offset": t.offset} for t in state.tabs],
        "current": state.current,
        "recent": list(state.recent),
        "zoom": state.zoom,
        "geometry": state.geometry,
        "window_state": state.window_state,
        "latin": state.latin,
    }


def load_session(path: str | Path) -> SessionState | None:
    """The saved session, or None on first run (no file yet)."""
    path = Path(path)
    if not path.exists():
        return None
    return from_dict(read_json(path, {}))


def save_session(path: str | Path, state: SessionState) -> None:
    """Write ``state`` atomically (a crash mid-write keeps the previous file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, to_dict(state))

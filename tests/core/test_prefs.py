"""The session file: what the window restores, robust to broken or hand-edited JSON."""

import json
from pathlib import Path

import pytest

from reader.core.prefs import (
    RECENT_MAX,
    SessionState,
    TabState,
    load_session,
    save_session,
)


def test_no_file_means_first_run(tmp_path: Path) -> None:
    assert load_session(tmp_path / "session.json") is None


def test_round_trip(tmp_path: Path) -> None:
    state = SessionState(
        tabs=(TabState("/docs/a.txt", 120), TabState("/docs/ә.docx", 0)),
        current=1,
        recent=("/docs/ә.docx", "/docs/a.txt"),
        zoom=3,
        geometry="AdnQyw==",
        latin=True,
    )
    path = tmp_path / "config" / "session.json"
    save_session(path, state)
    assert load_session(path) == state
    assert list(path.parent.iterdir()) == [path]  # no temp file left behind


def test_broken_file_starts_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    path.write_text("{ not json", encoding="utf-8")
    assert load_session(path) == SessionState()


def test_hand_edited_values_fall_back_one_by_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "session.json"
    data = {
        "tabs": [{"path": "/a.txt", "offset": -5}, {"path": 7}, "junk", {"path": "/b.txt"}],
        "current": 9,
        "zoom": "big",
        "recent": ["/a.txt", 3, "/a.txt", "/b.txt"],
        "latin": "yes",
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    state = load_session(path)
    assert state is not None
    assert state.tabs == (TabState("/a.txt", 0), TabState("/b.txt", 0))
    assert state.current == 0 and state.zoom == 0 and state.latin is False
    assert state.recent == ("/a.txt", "/b.txt")
    assert "ignoring session value" in caplog.text  # the user is told, in the log


def test_recent_files_newest_first_without_duplicates_at_most_ten() -> None:
    state = SessionState()
    for i in range(15):
        state = state.with_recent(f"/f{i}.txt")
    state = state.with_recent("/f10.txt")
    assert len(state.recent) == RECENT_MAX
    assert state.recent[:3] == ("/f10.txt", "/f14.txt", "/f13.txt")
    assert state.recent.count("/f10.txt") == 1

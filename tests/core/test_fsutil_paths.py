"""Atomic writes and the data-folder resolver."""

import json
from pathlib import Path

import pytest

from reader.core.fsutil import atomic_path, atomic_write_json, read_json
from reader.core.paths import resolve, seeds_dir


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "prefs.json"
    atomic_write_json(target, {"zoom": 2})
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert json.loads(target.read_text(encoding="utf-8")) == {"zoom": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prefs.json"]


def test_read_json_tolerates_missing_and_broken_files(tmp_path: Path) -> None:
    assert read_json(tmp_path / "none.json", {"a": 1}) == {"a": 1}
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert read_json(tmp_path / "bad.json", []) == []


def test_data_dir_override_keeps_everything_under_it(tmp_path: Path) -> None:
    paths = resolve(tmp_path / "state").ensure()
    for p in (paths.database, paths.preferences, paths.session, paths.cache):
        assert tmp_path / "state" in p.parents or p == tmp_path / "state" / "cache"
    assert paths.config.is_dir()


def test_seed_document_ships_with_the_project() -> None:
    seeds = sorted(seeds_dir().glob("*.txt"))
    assert seeds, "the seed document must be in seeds/"
    assert "Назарбаев" in seeds[0].read_text(encoding="utf-8")

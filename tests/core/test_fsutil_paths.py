"""Atomic writes and the data-folder resolver."""

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.fsutil import (
    atomic_path,
    atomic_write_bytes,
    atomic_write_json,
    atomic_write_with,
    read_json,
)
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


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test, then put the old one back."""
    old = os.umask(0o022)

    def set_mask(mask: int) -> None:
        os.umask(mask)

    yield set_mask
    os.umask(old)


WRITERS: dict[str, Callable[[Path], None]] = {
    "bytes": lambda p: atomic_write_bytes(p, b"x"),
    "json": lambda p: atomic_write_json(p, {"a": 1}),
    "with": lambda p: atomic_write_with(p, lambda fh: fh.write(b"x") and None),
}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
@pytest.mark.parametrize("writer", ["bytes", "json", "with"])
def test_written_files_get_the_permissions_the_umask_gives(
    tmp_path: Path, umask: Callable[[int], None], mask: int, expected: int, writer: str
) -> None:
    # An export saved to a shared folder must be readable by colleagues under umask 022.
    umask(mask)
    target = tmp_path / "export.json"
    WRITERS[writer](target)
    assert _mode(target) == expected


def test_atomic_path_output_gets_umask_permissions_even_over_a_private_file(
    tmp_path: Path, umask: Callable[[int], None]
) -> None:
    umask(0o022)
    target = tmp_path / "copy.pdf"
    target.write_bytes(b"old")
    target.chmod(0o600)  # an export an older version wrote
    with atomic_path(target, suffix=".pdf.part") as tmp:
        assert _mode(tmp) == 0o644  # even while being written
        tmp.write_bytes(b"%PDF new")
    assert target.read_bytes() == b"%PDF new" and _mode(target) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pdf"]


def test_temp_names_never_collide(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    with atomic_path(target) as first, atomic_path(target) as second:
        assert first != second and first.parent == second.parent == tmp_path
        first.write_text("1", encoding="utf-8")
        second.write_text("2", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "1"  # the outer one replaced last

"""The SQLite store: ordered migrations, concurrent use, and nothing lost on kill -9."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.core.annotations import AnnotationRepository, new_annotation
from reader.core.errors import StoreError
from reader.core.store import MIGRATIONS, Store

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Қазақ тілі — түркі тілдерінің бірі. " * 20


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_new_database_gets_the_schema_and_its_version(tmp_path: Path) -> None:
    with Store(tmp_path / "db") as store:
        assert store.schema_version == len(MIGRATIONS)
        journal = store.query("PRAGMA journal_mode")[0][0]
    assert journal == "wal"
    assert {"documents", "annotations", "entity_corrections"} <= _tables(tmp_path / "db")


def test_later_migrations_run_once_in_order_and_keep_data(tmp_path: Path) -> None:
    path = tmp_path / "db"
    with Store(path) as store:
        AnnotationRepository(store).save(new_annotation(TEXT, 0, 5))
    calls: list[int] = []

    def v2(con: sqlite3.Connection) -> None:
        calls.append(2)
        con.execute("ALTER TABLE annotations ADD COLUMN tags TEXT NOT NULL DEFAULT ''")

    for _ in range(2):
        with Store(path, migrations=(*MIGRATIONS, v2)) as store:
            assert store.schema_version == len(MIGRATIONS) + 1
            assert store.query("SELECT exact, tags FROM annotations")[0][:] == ("Қазақ", "")
    assert calls == [2]


def test_failed_migration_leaves_the_old_schema(tmp_path: Path) -> None:
    path = tmp_path / "db"
    Store(path).close()

    def broken(con: sqlite3.Connection) -> None:
        con.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk on fire")

    with pytest.raises(StoreError, match="disk on fire"):
        Store(path, migrations=(*MIGRATIONS, broken))
    assert "half_done" not in _tables(path)
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS)


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db"
    Store(path, migrations=(*MIGRATIONS, lambda con: None)).close()
    with pytest.raises(StoreError, match="newer Oqyrman"):
        Store(path)


def test_reader_sees_whole_annotations_while_a_writer_adds_them(tmp_path: Path) -> None:
    path = tmp_path / "db"
    writer = AnnotationRepository(Store(path))
    reader = AnnotationRepository(Store(path))  # a second connection, as another process would
    errors: list[BaseException] = []
    seen: list[int] = []

    def read() -> None:
        try:
            while len(seen) < 2 or seen[-1] < 100:
                seen.append(reader.count())
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    for i in range(100):
        writer.save(new_annotation(TEXT, i, i + 7, ann_id=f"a{i}"))
    thread.join(timeout=30)
    assert not errors
    assert seen == sorted(seen) and seen[-1] == 100  # counts only grow, never half-written
    assert reader.get("a99") is not None and reader.get("a99").exact == TEXT[99:106]  # type: ignore[union-attr]


_WRITER = """
import sys
from reader.core.annotations import AnnotationRepository, new_annotation
from reader.core.store import Store
repo = AnnotationRepository(Store(sys.argv[1]))
text = "Қазақ тілі — түркі тілдерінің бірі. " * 20
run = sys.argv[2]
for i in range(100000):
    ann = new_annotation(text, i % 600, i % 600 + 5, note="ескерту " * 50, ann_id=f"{run}-{i}")
    repo.save(ann, "/doc.txt")
    sys.stdout.write(ann.id + "\\n")  # acknowledged: committed before it is reported
    sys.stdout.flush()
"""


@pytest.mark.slow
def test_kill_9_loses_no_acknowledged_annotation(tmp_path: Path) -> None:
    path = tmp_path / "db"
    Store(path).close()
    acknowledged: list[str] = []
    for run in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(run)],
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # it is writing
        time.sleep(0.05 + 0.07 * run)
        os.kill(child.pid, signal.SIGKILL)
        rest = child.communicate()[0]
        lines = (first + rest).decode().split("\n")
        acknowledged += [line for line in lines[:-1] if line]  # the last one may be cut off
        assert child.returncode == -signal.SIGKILL
    assert len(acknowledged) > 6
    with Store(path) as store:
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
        ids = {r[0] for r in store.query("SELECT id FROM annotations")}
        repo = AnnotationRepository(store)
        sample = repo.get(acknowledged[-1])
    assert set(acknowledged) <= ids
    assert sample is not None and sample.exact == TEXT[sample.start : sample.end]

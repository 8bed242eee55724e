"""The one SQLite database in the user data folder: annotations, entity corrections and
the document registry.

WAL mode, every change in its own committed transaction (a crash loses nothing that was
acknowledged), a ``schema_version`` table and ordered migrations. All writes go through
one :class:`Store` object, which serialises them with a lock, so the GUI's background jobs
and its main thread can share it.
"""

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reader.core.errors import StoreError

log = logging.getLogger(__name__)

Migration = Callable[[sqlite3.Connection], None]


def _run_script(con: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated DDL inside the caller's transaction.

    ``executescript`` would COMMIT first, breaking the migration's atomicity (and the
    following COMMIT); migrations hold no ``;`` inside literals.
    """
    for statement in script.split(";"):
        if statement.strip():
            con.execute(statement)


def _v1(con: sqlite3.Connection) -> None:
    _run_script(
        con,
        """
        CREATE TABLE documents (
            path TEXT PRIMARY KEY,          -- absolute path as opened
            sha256 TEXT NOT NULL,           -- of the text as last loaded
            title TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL DEFAULT '',
            last_opened REAL NOT NULL
        );
        CREATE INDEX documents_sha ON documents(sha256);

        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,            -- uuid4, stable across export/import
            doc_sha256 TEXT NOT NULL,       -- text the selectors were made against
            doc_path TEXT,                  -- where that text came from, to find it again
            start INTEGER NOT NULL,         -- TextPositionSelector
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,            -- TextQuoteSelector
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL,
            modified REAL NOT NULL
        );
        CREATE INDEX annotations_doc ON annotations(doc_sha256);
        CREATE INDEX annotations_path ON annotations(doc_path);

        CREATE TABLE entity_corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,   -- replay order
            doc_sha256 TEXT NOT NULL,
            op TEXT NOT NULL,               -- rename, merge, split, relabel, remove, add
            payload TEXT NOT NULL,          -- JSON arguments of the operation
            created REAL NOT NULL
        );
        CREATE INDEX entity_corrections_doc ON entity_corrections(doc_sha256);
        """,
    )


#: Ordered migrations: ``MIGRATIONS[i]`` takes the schema from version i to i + 1.
MIGRATIONS: Sequence[Migration] = (_v1,)


class Store:
    """A handle on the database; safe to share between threads."""

    def __init__(self, path: str | Path, *, migrations: Sequence[Migration] = MIGRATIONS):
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = sqlite3.connect(
                str(self.path), timeout=10.0, check_same_thread=False, isolation_level=None
            )
            self._con.row_factory = sqlite3.Row
            self._con.execute("PRAGMA journal_mode=WAL")
            self._con.execute("PRAGMA synchronous=NORMAL")
            self._con.execute("PRAGMA foreign_keys=ON")
            self._migrate(migrations)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"Cannot open the database {self.path}: {exc}") from exc

    # -- schema ---------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        with self._lock:
            row = self._con.execute("SELECT version FROM schema_version").fetchone()
            return int(row[0]) if row else 0

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        with self._lock:
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
            )
            current = self.schema_version
            if current > len(migrations):
                raise StoreError(
                    f"The database {self.path} was written by a newer Oqyrman "
                    f"(schema {current}, this version knows {len(migrations)})"
                )
            for version in range(current, len(migrations)):
                with self.transaction() as con:
                    migrations[version](con)
                    con.execute("DELETE FROM schema_version")
                    con.execute("INSERT INTO schema_version VALUES (?)", (version + 1,))
                log.info("database %s migrated to schema %d", self.path, version + 1)

    # -- access ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed on success, rolled back on error."""
        with self._lock:
            self._con.execute("BEGIN IMMEDIATE")
            try:
                yield self._con
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            else:
                self._con.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._con.execute(sql, params).fetchall())

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- document registry ----------------------------------------------------------------
    def remember_document(self, path: str, sha256: str, title: str, fmt: str) -> None:
        with self.transaction() as con:
            con.execute(
                "INSERT INTO documents(path, sha256, title, format, last_opened) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
                "sha256=excluded.sha256, title=excluded.title, format=excluded.format, "
                "last_opened=excluded.last_opened",
                (path, sha256, title, fmt, time.time()),
            )

    def known_sha256(self, path: str) -> str | None:
        rows = self.query("SELECT sha256 FROM documents WHERE path = ?", (path,))
        return str(rows[0]["sha256"]) if rows else None

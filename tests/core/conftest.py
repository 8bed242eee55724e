"""Shared fixtures for core tests: documents written once per session by their own tools."""

from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures_docs import KAZAKH, KAZAKH_LETTERS, write_pdf


@pytest.fixture(scope="session")
def pdf_three_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A three-page PDF with Kazakh text, written by Qt in a child process."""
    path = tmp_path_factory.mktemp("pdf") / "pages.pdf"
    return write_pdf(path, ["Бірінші бет. " + KAZAKH, "Екінші бет. " + KAZAKH_LETTERS, "Соңғы"])


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write bytes (or UTF-8 text) to ``tmp_path / name`` and return the path."""

    def write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return write

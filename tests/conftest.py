"""For every test: a warning our code logs fails the test, as a Qt warning does.

A test that expects warnings says so by asking for ``caplog`` itself (and checking what was
logged) or with ``@pytest.mark.log_warnings_expected``.
"""

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_unexpected_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    if "caplog" in request.fixturenames or request.node.get_closest_marker("log_warnings_expected"):
        yield
        return
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.name.startswith("reader") and record.levelno >= logging.WARNING:
                records.append(record)

    handler = Collect(logging.WARNING)
    root = logging.getLogger()
    root.addHandler(handler)
    old = root.level
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(old)
    if records:
        lines = [f"{r.name}: {r.levelname}: {r.getMessage()}" for r in records]
        pytest.fail("unexpected warnings logged:\n" + "\n".join(lines), pytrace=False)

"""pdfium has one owner: every call in the process runs on the pdfium thread.

pdfium is not thread-safe, even for different documents. Before the owner existed, the PDF
loader took a lock of its own while the export read glyph boxes without it, and loading a
PDF tab while exporting another segfaulted the process (7 crashes in 8 runs).
"""

import ast
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from reader.core import pdfium
from tests.core.fixtures_docs import write_pdf

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_owner_module_imports_pypdfium2() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "reader").rglob("*.py")
        if path.name != "pdfium.py" or path.parent.name != "core"
        if any(name.split(".")[0] == "pypdfium2" for name in _imports(path))
    ]
    assert offenders == []


def test_work_runs_on_one_thread_whoever_calls(tmp_path: Path) -> None:
    owner = pdfium.service()
    seen: set[int] = set()
    errors: list[BaseException] = []

    def call() -> None:
        try:
            for _ in range(20):
                owner.run(lambda _lib: seen.add(threading.get_ident()))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(seen) == 1 and threading.get_ident() not in seen


def test_errors_reach_the_caller_and_the_owner_goes_on(tmp_path: Path) -> None:
    owner = pdfium.service()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really\n%%EOF\n")
    with pytest.raises(pdfium.error_type()):
        owner.open(bad)
    good = write_pdf(tmp_path / "good.pdf", ["Бірінші бет", "Екінші бет"])
    with owner.open(good) as pdf:
        assert pdf.page_count == 2
        assert "Екінші" in pdf.run(lambda doc: doc[1].get_textpage().get_text_range())


def test_visible_work_overtakes_background_work(tmp_path: Path) -> None:
    """A page the user looks at is served before queued background pages."""
    owner = pdfium.service()
    gate = threading.Event()
    order: list[str] = []
    blocker = owner.submit(lambda _lib: gate.wait(5), priority=pdfium.BACKGROUND)
    later = [
        owner.submit(lambda _lib, i=i: order.append(f"bg{i}"), priority=pdfium.BACKGROUND)
        for i in range(3)
    ]
    seen = owner.submit(lambda _lib: order.append("visible"), priority=pdfium.VISIBLE)
    gate.set()
    for f in (blocker, *later, seen):
        f.result(5)
    assert order[0] == "visible"


def test_a_closed_handle_refuses_work(tmp_path: Path) -> None:
    pdf = pdfium.service().open(write_pdf(tmp_path / "a.pdf", ["бет"]))
    pdf.close()
    with pytest.raises(ValueError, match="closed"):
        pdf.run(lambda doc: len(doc))


RACE = textwrap.dedent(
    """
    import sys, threading, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from reader.core.annotations import new_annotation
    from reader.core.loaders import load
    from reader.export import ExportRequest
    from reader.export import pdf as pdf_export
    from tests.core.fixtures_docs import write_pdf

    tmp = Path({tmp!r})
    source = write_pdf(tmp / "in.pdf", ["Қазақстан Республикасы " * 40] * 30)
    document = load(source)
    annotation = new_annotation(document.text, 0, 9, note="ескерту", doc_sha256=document.sha256)
    pdf_export.preload()  # the Qt application lives on the main thread
    stop = time.monotonic() + {seconds}
    errors = []

    def loads():
        try:
            while time.monotonic() < stop:
                load(source)
        except BaseException as exc:
            errors.append(exc)

    def exports():
        try:
            n = 0
            while time.monotonic() < stop:
                out = tmp / f"out{{n % 2}}.pdf"
                pdf_export.export_pdf(ExportRequest(document, [annotation], out))
                n += 1
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=loads), threading.Thread(target=exports)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("errors:", errors)
    sys.exit(1 if errors else 0)
    """
)


@pytest.mark.slow
def test_loading_and_exporting_pdfs_at_once_does_not_crash(tmp_path: Path) -> None:
    """A PDF load loop and a PDF export loop on two threads, in a child process so that a
    segfault is a failure rather than the end of the test run."""
    script = RACE.format(root=str(ROOT), tmp=str(tmp_path), seconds=4)
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, (result.returncode, result.stdout[-2000:], result.stderr[-2000:])

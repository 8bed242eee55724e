"""The core is Qt-free: importing all of it (and the CLI) must not load PySide6."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import reader.core

ROOT = Path(__file__).resolve().parents[2]


def _core_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(reader.core.__path__, prefix="reader.core.")
    )


def test_core_has_modules_to_check() -> None:
    names = _core_modules()
    assert "reader.core.search" in names
    assert "reader.core.loaders" in names


def test_importing_all_of_core_and_cli_loads_no_qt() -> None:
    modules = [*_core_modules(), "reader.cli"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}"
        " or m.startswith('reader.gui') or m.startswith('reader.export'))\n"
        "print(repr(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_no_core_source_mentions_pyside() -> None:
    offenders = [
        p
        for p in (ROOT / "reader" / "core").rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8").replace("Qt-free", "")
        and "import PySide6" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []

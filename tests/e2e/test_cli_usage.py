"""The command line's contract: --help everywhere, exit code 2 on usage errors."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["text", "search", "lemma", "entities", "annotations", "export"]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, tmp_path: Path) -> None:
    out = run(command, "--help", data_dir=tmp_path)
    assert out.returncode == 0
    assert f"oqyrman {command}" in out.stdout


def test_top_level_help_lists_the_commands(tmp_path: Path) -> None:
    out = run("--help", data_dir=tmp_path)
    assert out.returncode == 0
    for command in COMMANDS:
        assert command in out.stdout


def test_usage_error_exits_2_with_one_line_reason(tmp_path: Path) -> None:
    out = run("search", data_dir=tmp_path)
    assert out.returncode == 2
    assert "error:" in out.stderr
    assert "Traceback" not in out.stderr


def test_unknown_suffix_exits_1_without_traceback(tmp_path: Path) -> None:
    odd = tmp_path / "notes.xyz"
    odd.write_text("x", encoding="utf-8")
    out = run("text", str(odd), data_dir=tmp_path)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "cannot open" in out.stderr

"""The command line's contract: --help everywhere, exit code 2 on usage errors."""

import os
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


def _headless_env() -> dict[str, str]:
    """A session without a display server, and no Qt platform chosen."""
    gone = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    return {k: v for k, v in os.environ.items() if k not in gone}


@pytest.mark.parametrize("argv", [["serach", "x.txt", "word"], ["entitys"], ["nosuch.pdf"]])
def test_unknown_command_is_a_usage_error_listing_the_commands(
    argv: list[str], tmp_path: Path
) -> None:
    # A typo must not open the reader (with "no such file" dialogs) or need a display.
    out = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_headless_env(),
        timeout=120,
    )
    assert out.returncode == 2
    first, *listed = out.stderr.splitlines()
    assert "error:" in first and argv[0] in first
    assert [line.split()[0] for line in listed[1:7]] == COMMANDS
    assert not (tmp_path / "config").exists()  # the GUI never started


def test_gui_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    seed = next((ROOT / "seeds").glob("*.txt"))
    out = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), str(seed)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_headless_env(),
        timeout=120,
    )
    assert out.returncode == 1  # not 134 from Qt's abort
    assert out.stderr.count("\n") == 1
    assert "no display" in out.stderr and "xvfb-run oqyrman" in out.stderr


@pytest.mark.parametrize(
    ("environ", "has_display"),
    [
        ({}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, False),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}, True),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, True),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":1"}, False),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, True),
    ],
)
def test_display_check_follows_qt_platform_rules(
    environ: dict[str, str], has_display: bool
) -> None:
    from reader.cli import no_display_reason

    assert (no_display_reason(environ, "linux") is None) is has_display
    assert no_display_reason(environ, "darwin") is None  # Cocoa needs no display variable

"""`oqyrman text` and `oqyrman search --mode exact|regex`: the text users see, matches whose
offsets index exactly that text, and one-line errors with exit code 1 on bad input."""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "core"))
from fixtures_docs import KAZAKH, write_docx  # noqa: E402

TEXT = f"{KAZAKH}\r\nелбасы мен ЕЛБАСЫ.\r\nЕлбасының тапсырмасы 2024 жылы орындалды.\r\n"


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )


def one_line_error(out: subprocess.CompletedProcess[bytes]) -> str:
    err = out.stderr.decode("utf-8")
    assert out.returncode == 1, err
    assert "Traceback" not in err and err.count("\n") == 1
    assert out.stdout == b""
    return err


@pytest.fixture
def kz1048_file(tmp_path: Path) -> Path:
    path = tmp_path / "хабар.txt"
    path.write_bytes(TEXT.encode("kz1048"))
    return path


def test_text_prints_utf8_with_lf_line_ends(kz1048_file: Path, tmp_path: Path) -> None:
    out = run("text", str(kz1048_file), data_dir=tmp_path)
    assert out.returncode == 0
    assert out.stdout.decode("utf-8") == TEXT.replace("\r\n", "\n")


def test_text_json_has_text_title_format_encoding_blocks(kz1048_file: Path, tmp_path: Path) -> None:
    out = run("text", str(kz1048_file), "--json", data_dir=tmp_path)
    assert out.returncode == 0
    doc = json.loads(out.stdout)
    assert doc["text"] == TEXT.replace("\r\n", "\n")
    assert (doc["title"], doc["format"], doc["encoding"]) == ("хабар", "text", "kz1048")
    lines = [doc["text"][b["start"] : b["end"]] for b in doc["blocks"]]
    assert lines == [KAZAKH, "елбасы мен ЕЛБАСЫ.", "Елбасының тапсырмасы 2024 жылы орындалды."]


def test_text_of_a_docx_keeps_headings(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "есеп.docx")
    doc = json.loads(run("text", str(path), "--json", data_dir=tmp_path).stdout)
    assert doc["format"] == "docx" and doc["title"] == "Құжат"
    headings = [doc["text"][b["start"] : b["end"]] for b in doc["blocks"] if b["kind"] == "heading"]
    assert headings == ["Басты тақырып", "Екінші бөлім"]


def search(path: Path, tmp_path: Path, *args: str) -> list[dict[str, object]]:
    out = run("search", str(path), *args, "--json", data_dir=tmp_path)
    assert out.returncode == 0, out.stderr.decode()
    matches: list[dict[str, object]] = json.loads(out.stdout)["matches"]
    return matches


def test_exact_search_ignores_case_and_offsets_index_the_printed_text(
    kz1048_file: Path, tmp_path: Path
) -> None:
    text = run("text", str(kz1048_file), data_dir=tmp_path).stdout.decode("utf-8")
    matches = search(kz1048_file, tmp_path, "Елбасы", "--mode", "exact")
    assert [m["text"] for m in matches] == ["Елбасы", "елбасы", "ЕЛБАСЫ", "Елбасы"]
    for m in matches:
        assert text[m["start"] : m["end"]] == m["text"]  # type: ignore[misc]
    assert [m["line"] for m in matches] == [1, 2, 2, 3]


def test_exact_search_with_case_and_whole_word(kz1048_file: Path, tmp_path: Path) -> None:
    assert len(search(kz1048_file, tmp_path, "елбасы", "--mode", "exact", "--case")) == 1
    whole = search(kz1048_file, tmp_path, "Елбасы", "--mode", "exact", "--whole-word")
    assert [m["text"] for m in whole] == ["Елбасы", "елбасы", "ЕЛБАСЫ"]  # not Елбасының


def test_regex_search(kz1048_file: Path, tmp_path: Path) -> None:
    matches = search(kz1048_file, tmp_path, r"\d{4}", "--mode", "regex")
    assert [(m["text"], m["line"]) for m in matches] == [("2024", 3)]


def test_plain_output_lists_line_and_offsets(kz1048_file: Path, tmp_path: Path) -> None:
    out = run("search", str(kz1048_file), "2024", "--mode", "exact", data_dir=tmp_path)
    assert out.returncode == 0
    line = out.stdout.decode("utf-8").splitlines()[0]
    assert line.startswith("3:") and "2024" in line
    assert "1 match" in out.stderr.decode("utf-8")


def test_invalid_regex_is_a_message_not_a_traceback(kz1048_file: Path, tmp_path: Path) -> None:
    out = run("search", str(kz1048_file), "([a-", "--mode", "regex", data_dir=tmp_path)
    err = out.stderr.decode("utf-8")
    assert out.returncode != 0 and "Traceback" not in err
    assert "regular expression" in err.lower() and err.count("\n") == 1


def test_missing_file_exits_1_with_one_line(tmp_path: Path) -> None:
    err = one_line_error(run("text", str(tmp_path / "жоқ.txt"), data_dir=tmp_path))
    assert "no such file" in err


def test_folder_exits_1_with_one_line(tmp_path: Path) -> None:
    err = one_line_error(run("search", str(tmp_path), "x", "--mode", "exact", data_dir=tmp_path))
    assert "folder" in err


def test_random_bytes_exit_1_with_one_line(tmp_path: Path) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_bytes(random.Random(3).randbytes(10_000))
    assert "not a text file" in one_line_error(run("text", str(noise), data_dir=tmp_path))


def test_truncated_docx_exits_1_with_one_line(tmp_path: Path) -> None:
    data = write_docx(tmp_path / "whole.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    assert "cut.docx" in one_line_error(run("text", str(cut), data_dir=tmp_path))


def test_xxe_never_prints_the_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CLI-SECRET-99", encoding="utf-8")
    evil = tmp_path / "evil.xml"
    evil.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>&x;</r>',
        encoding="utf-8",
    )
    out = run("text", str(evil), data_dir=tmp_path)
    assert b"CLI-SECRET-99" not in out.stdout + out.stderr
    assert "entities" in one_line_error(out)


def test_empty_file_prints_nothing_and_succeeds(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    out = run("text", str(empty), data_dir=tmp_path)
    assert out.returncode == 0 and out.stdout == b""

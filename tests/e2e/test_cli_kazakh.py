"""The Kazakh commands from a shell: lemma, text --latin, and word-form search (the default)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def test_lemma_prints_each_word_and_its_dictionary_form(tmp_path: Path) -> None:
    out = run("lemma", "Қазақстанның", "кітабымыз", "Астанадағы", "Қазақстандық", data_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "Қазақстанның\tҚазақстан",
        "кітабымыз\tкітап",
        "Астанадағы\tАстана",
        "Қазақстандық\tҚазақстандық",
    ]


def test_text_latin_prints_the_document_in_the_2021_alphabet(tmp_path: Path) -> None:
    out = run("text", str(SEED), "--latin", data_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Elbasy Nūrsūltan Nazarbaevqa Qazaqstan Respublikasynyñ Tūñğyş Prezidentı" in out.stdout
    assert not any("а" <= ch <= "я" or ch in "әғқңөұүһі" for ch in out.stdout.lower())


def search(query: str, tmp_path: Path, *extra: str) -> list[str]:
    out = run("search", str(SEED), query, "--json", *extra, data_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    return [m["text"] for m in json.loads(out.stdout)["matches"]]


def test_search_finds_word_forms_by_default(tmp_path: Path) -> None:
    found = search("Назарбаев", tmp_path)
    assert set(found) == {"Назарбаев", "Назарбаевқа"}
    assert "Қазақстанның" in search("Қазақстан", tmp_path)


def test_search_from_russian_layout_and_latin_spellings(tmp_path: Path) -> None:
    cyrillic = search("Қазақстан", tmp_path)
    assert search("Казакстан", tmp_path) == cyrillic
    assert search("Qazaqstan", tmp_path) == cyrillic
    assert "Тұңғыш Президенттің" in search("Tūñğyş Prezident", tmp_path)


def test_exact_mode_stays_literal(tmp_path: Path) -> None:
    assert set(search("Назарбаев", tmp_path, "--mode", "exact")) == {"Назарбаев"}
    assert search("Казакстан", tmp_path, "--mode", "exact") == []

"""The optimized-lookup reader (reader.core.kazakh.hfstol) on the shipped Apertium analyser."""

import gzip
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.core.kazakh import apertium, hfstol

ROOT = Path(__file__).resolve().parents[2]
KAZNERD = ROOT.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"


@pytest.fixture(scope="module")
def fst() -> hfstol.Transducer:
    return hfstol.load(gzip.decompress(apertium.ANALYSER_PATH.read_bytes()))


def test_readings_come_in_hfst_optimized_lookups_order(fst: hfstol.Transducer) -> None:
    # as `hfst-optimized-lookup kaz.automorf.hfstol` prints them (duplicates once)
    assert fst.lookup("шешілді") == [
        "шеш<v><tv><pass><ifi><p3><pl>",
        "шеш<v><tv><pass><ifi><p3><sg>",
        "шешіл<v><iv><ifi><p3><pl>",
        "шешіл<v><iv><ifi><p3><sg>",
    ]
    assert fst.lookup("қылмыскерлерге") == ["қылмыскер<n><pl><dat>"]
    assert fst.lookup("Қазақстанның") == ["Қазақстан<np><top><gen>"]
    assert fst.lookup("kitap") == []  # not in the analyser
    assert fst.lookup("") == []


def test_the_fast_walk_gives_what_the_plain_walk_gives(fst: hfstol.Transducer) -> None:
    """The letter-by-letter walk with pruning and kept prefixes against the plain
    depth-first walk (kept for transducers with flag diacritics), on real words."""
    words: list[str] = []
    for line in KAZNERD.read_text(encoding="utf-8").splitlines()[:6000]:
        if line.split() and line.split()[0].isalpha():
            words.append(line.split()[0])
    for word in dict.fromkeys(words):
        tokens = fst._tokens(word)
        plain: dict[str, None] = {}
        if tokens is not None:
            hfstol._Walk(fst, [*tokens, 0xFFFF], plain).state(0, 0)
        assert fst.lookup(word) == list(plain)[: hfstol.MAX_RESULTS], word


def test_a_file_that_is_not_a_transducer_is_refused() -> None:
    with pytest.raises(hfstol.FormatError):
        hfstol.load(b"HFST\0\x0e\0\0type\0HFST_TROPICAL\0")
    with pytest.raises(hfstol.FormatError):
        hfstol.load(b"\0" * 10)


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("OQYRMAN_TEST_APERTIUM") != "1" or shutil.which("hfst-lexc") is None,
    reason="set OQYRMAN_TEST_APERTIUM=1 (and install Debian's hfst) to rebuild the analyser",
)
def test_shipped_analyser_is_what_the_build_script_makes(tmp_path: Path) -> None:
    """packaging/build_apertium.sh reproduces the committed analyser byte for byte."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "packaging", copy / "packaging")
    (copy / "resources").mkdir()
    source = ROOT.parent / "shared" / "vendor" / "apertium-kaz"
    script = copy / "packaging" / "build_apertium.sh"
    subprocess.run(["bash", str(script), str(source)], check=True, capture_output=True)
    built = copy / "resources" / "morphology" / "kaz.automorf.hfstol.gz"
    assert built.read_bytes() == apertium.ANALYSER_PATH.read_bytes()

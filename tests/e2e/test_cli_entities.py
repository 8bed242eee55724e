"""`oqyrman entities`: the seed document's entities as text, JSON and CSV."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))


def oqyrman(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    result = oqyrman(tmp_path_factory.mktemp("json"), "entities", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    data: dict[str, list[dict[str, object]]] = json.loads(result.stdout)
    return data


def test_json_offsets_index_the_text_that_oqyrman_text_prints(
    tmp_path: Path, seed_json: dict[str, list[dict[str, object]]]
) -> None:
    text = oqyrman(tmp_path, "text", str(SEED)).stdout
    assert seed_json["entities"]
    for entity in seed_json["entities"]:
        assert set(entity) == {"name", "label", "count", "spellings", "mentions"}
        assert entity["spellings"][0] == entity["name"]  # type: ignore[index]
        mentions = entity["mentions"]
        assert isinstance(mentions, list) and entity["count"] == len(mentions)
        for m in mentions:
            assert text[m["start"] : m["end"]] == m["text"]


def test_json_has_one_nazarbayev_with_the_dative_mention(
    seed_json: dict[str, list[dict[str, object]]],
) -> None:
    people = [e for e in seed_json["entities"] if e["label"] == "PERSON"]
    [nazarbayev] = [e for e in people if "Назарбаев" in str(e["name"])]
    texts = [m["text"] for m in nazarbayev["mentions"]]  # type: ignore[attr-defined]
    assert "Нұрсұлтан Назарбаевқа" in texts


def test_csv_lists_entities_with_counts(tmp_path: Path) -> None:
    result = oqyrman(tmp_path, "entities", str(SEED), "--csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert set(rows[0]) == {"name", "label", "count", "mentions"}
    by_name = {r["name"]: r for r in rows}
    assert by_name["«Nur Otan»"]["label"] == "ORGANISATION"
    assert int(by_name["Нұрсұлтан Назарбаев"]["count"]) >= 4


def test_plain_listing_and_a_missing_file(tmp_path: Path) -> None:
    result = oqyrman(tmp_path, "entities", str(SEED))
    assert result.returncode == 0
    assert "PERSON\t" in result.stdout and "Назарбаев" in result.stdout
    missing = oqyrman(tmp_path, "entities", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1


def test_a_stored_correction_shows_in_the_listing(tmp_path: Path) -> None:
    from reader.core.document import sha256_text
    from reader.core.ner.corrections import CorrectionLog
    from reader.core.paths import resolve
    from reader.core.store import Store

    text = oqyrman(tmp_path, "text", str(SEED)).stdout
    if not SEED.read_text(encoding="utf-8").endswith("\n"):
        text = text[:-1]
    paths = resolve(tmp_path / "data").ensure()
    with Store(paths.database) as store:
        CorrectionLog(store, sha256_text(text)).add(
            "rename", key="PERSON:нұрсұлтан назарбаев", name="Назарбаев Н. Ә."
        )
    result = oqyrman(tmp_path, "entities", str(SEED), "--json")
    names = [e["name"] for e in json.loads(result.stdout)["entities"]]
    assert "Назарбаев Н. Ә." in names
    assert "Нұрсұлтан Назарбаев" not in names

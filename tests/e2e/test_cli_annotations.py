"""`oqyrman annotations`: import Web Annotation JSON, list, export, survive a changed file."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))


def oqyrman(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def _web_annotation(exact: str, start: int, note: str, color: str, ident: str) -> dict:  # type: ignore[type-arg]
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:uuid:{ident}",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": note, "purpose": "commenting"},
        "target": {
            "source": "file:///elsewhere.txt",
            "styleClass": color,
            "selector": [
                {"type": "TextQuoteSelector", "exact": exact},
                {"type": "TextPositionSelector", "start": start, "end": start + len(exact)},
            ],
        },
    }


def test_import_list_export_and_changed_file(tmp_path: Path) -> None:
    doc = tmp_path / "news.txt"
    shutil.copy(SEED, doc)
    text = doc.read_text(encoding="utf-8")
    first = text.index("Елбасы")
    anns = [
        _web_annotation("Елбасы", first, "Тұңғыш Президент", "green", "0" * 31 + "1"),
        _web_annotation("жоқ мәтін мұнда", 5, "табылмайды", "blue", "0" * 31 + "2"),
    ]
    (tmp_path / "in.json").write_text(json.dumps(anns, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "data"

    imported = oqyrman(data, "annotations", str(doc), "--import", str(tmp_path / "in.json"))
    assert imported.returncode == 0, imported.stderr
    assert "imported 1 annotation into" in imported.stderr  # not "1 annotations"
    assert "1 could not be found in the text and was kept" in imported.stderr
    assert "табылмайды" in imported.stdout  # reported as orphaned, not silently dropped

    again = oqyrman(data, "annotations", str(doc), "--import", str(tmp_path / "in.json"))
    assert again.returncode == 0, again.stderr  # importing twice updates, never duplicates
    listed = oqyrman(data, "annotations", str(doc), "--json")
    payload = json.loads(listed.stdout)
    (ann,) = payload["annotations"]
    assert (ann["start"], ann["end"], ann["color"], ann["note"]) == (
        first,
        first + 6,
        "green",
        "Тұңғыш Президент",
    )
    assert [o["note"] for o in payload["orphaned"]] == ["табылмайды"]

    # The file gains a first line: the highlight follows its word.
    doc.write_text("Жаңалықтар\n" + text, encoding="utf-8")
    plain = oqyrman(data, "annotations", str(doc))
    assert plain.returncode == 0, plain.stderr
    first_line = plain.stdout.splitlines()[0]
    assert first_line == f"{first + 11}-{first + 17}\tgreen\t“Елбасы”\tТұңғыш Президент"
    assert "Orphaned" in plain.stdout and "табылмайды" in plain.stdout

    exported = oqyrman(data, "annotations", str(doc), "--export", str(tmp_path / "out.json"))
    assert exported.returncode == 0, exported.stderr
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    ids = {o["id"] for o in out}
    assert ids == {a["id"] for a in anns}
    moved = next(o for o in out if o["id"].endswith("1"))
    assert moved["target"]["selector"][1]["start"] == first + 11
    assert moved["target"]["source"] == doc.resolve().as_uri()


def test_bad_annotation_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"type": "Annotation"}]', encoding="utf-8")
    result = oqyrman(tmp_path / "data", "annotations", str(SEED), "--import", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "bad.json: annotation 1" in result.stderr and "@context" in result.stderr
    listed = oqyrman(tmp_path / "data", "annotations", str(SEED), "--json")
    assert json.loads(listed.stdout)["annotations"] == []  # nothing half-imported

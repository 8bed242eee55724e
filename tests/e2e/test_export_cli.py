"""``oqyrman export`` end to end: a subprocess on the seed document, results read back with
pypdf, poppler's pdftotext and python-docx."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pypdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))
TEXT = SEED.read_text(encoding="utf-8")


def _env() -> dict[str, str]:
    """No display and no platform chosen: the export must still run headless."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return env


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "export", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=120)


def _webanno(quote: str, note: str, color: str, nth: int = 0) -> dict[str, object]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    obj: dict[str, object] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:uuid:00000000-0000-4000-8000-{start:012d}",
        "type": "Annotation",
        "motivation": "commenting" if note else "highlighting",
        "target": {
            "source": SEED.as_uri(),
            "styleClass": color,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": quote,
                    "prefix": TEXT[max(0, start - 20) : start],
                    "suffix": TEXT[start + len(quote) : start + len(quote) + 20],
                },
                {"type": "TextPositionSelector", "start": start, "end": start + len(quote)},
            ],
        },
    }
    if note:
        obj["body"] = {"type": "TextualBody", "value": note, "format": "text/plain"}
    return obj


@pytest.fixture
def anns_json(tmp_path: Path) -> Path:
    path = tmp_path / "anns.json"
    items = [
        _webanno("Елбасы бірқатар нақты тапсырма", "Негізгі ой", "yellow"),
        _webanno("Нұрсұлтан Назарбаевқа", "Кімге баяндалды", "pink"),
        _webanno("Тұңғыш Президент Қоры", "", "green"),
    ]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def test_pdf_with_highlights_from_web_annotation_json(tmp_path: Path, anns_json: Path) -> None:
    out = tmp_path / "copy.pdf"
    done = run(tmp_path / "data", str(SEED), "-o", str(out), "--annotations", str(anns_json))
    assert done.returncode == 0, done.stderr
    highlights = [
        a.get_object()
        for page in pypdf.PdfReader(out).pages
        for a in page.get("/Annots") or []
        if a.get_object()["/Subtype"] == "/Highlight"
    ]
    assert [h["/Contents"] for h in highlights] == [
        "Негізгі ой",
        "",
        "Кімге баяндалды",
    ]  # text order
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Жиын қорытындысы бойынша Елбасы бірқатар нақты тапсырма берді." in text
    assert "3 highlights, 2 notes" in done.stderr


def test_docx_with_comments_from_web_annotation_json(tmp_path: Path, anns_json: Path) -> None:
    out = tmp_path / "copy.docx"
    done = run(tmp_path / "data", str(SEED), "-o", str(out), "--annotations", str(anns_json))
    assert done.returncode == 0, done.stderr
    word = docx.Document(str(out))
    assert [c.text for c in word.comments] == ["Негізгі ой", "Кімге баяндалды"]
    highlighted = "".join(r.text for p in word.paragraphs for r in p.runs if r.font.highlight_color)
    assert "Тұңғыш Президент Қоры" in highlighted
    assert word.paragraphs[0].text == TEXT.splitlines()[0]


def test_annotations_from_the_store_when_no_file_is_given(tmp_path: Path) -> None:
    from reader.core.annotations import AnnotationRepository, new_annotation
    from reader.core.loaders import load
    from reader.core.paths import resolve
    from reader.core.store import Store

    data = tmp_path / "data"
    doc = load(SEED)
    start = doc.text.index("Zakon.kz")
    paths = resolve(data).ensure()
    with Store(paths.database) as store:
        ann = new_annotation(doc.text, start, start + 8, color="blue", note="дереккөз")
        AnnotationRepository(store).save(ann, str(SEED))
    out = tmp_path / "copy.docx"
    done = run(data, str(SEED), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert [c.text for c in docx.Document(str(out)).comments] == ["дереккөз"]


def test_entity_index_is_appended(tmp_path: Path) -> None:
    out = tmp_path / "copy.docx"
    done = run(tmp_path / "data", str(SEED), "-o", str(out), "--entities")
    assert done.returncode == 0, done.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    at = texts.index("Index of entities")
    entries = texts[at + 1 :]
    assert entries and all(re.fullmatch(r".+ \([^()]+\) — \d+ mentions?", t) for t in entries)
    assert any("Назарбаев" in t and "(Person)" in t for t in entries)  # the seed's main person


def test_dates_join_the_index_only_when_asked(tmp_path: Path) -> None:
    source = tmp_path / "visit.txt"
    source.write_text(
        "Қасым-Жомарт Тоқаев 2021 жылғы 5 қаңтарда Астанаға келді.\nЖиынға екі мың адам қатысты.\n",
        encoding="utf-8",
    )

    def index(*extra: str) -> list[str]:
        out = tmp_path / f"copy{len(extra)}.docx"
        done = run(tmp_path / "data", str(source), "-o", str(out), "--entities", *extra)
        assert done.returncode == 0, done.stderr
        texts = [p.text for p in docx.Document(str(out)).paragraphs]
        return texts[texts.index("Index of entities") + 1 :]

    assert index() == [
        "Астана (Country or settlement) — 1 mention",
        "Қасым-Жомарт Тоқаев (Person) — 1 mention",
    ]
    assert index("--index-dates") == [
        "2021 жылғы 5 қаңтарда (Date) — 1 mention",
        "Астана (Country or settlement) — 1 mention",
        "Қасым-Жомарт Тоқаев (Person) — 1 mention",
    ]  # never the number (екі мың)


def test_unknown_suffix_is_a_one_line_usage_error(tmp_path: Path) -> None:
    done = run(tmp_path / "data", str(SEED), "-o", str(tmp_path / "copy.xlsx"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and ".pdf or .docx" in done.stderr
    assert not (tmp_path / "copy.xlsx").exists()


def test_json_that_is_not_web_annotation_keeps_the_old_copy(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"highlights": [1, 2]}), encoding="utf-8")
    out = tmp_path / "copy.pdf"
    out.write_bytes(b"%PDF the good copy")
    done = run(tmp_path / "data", str(SEED), "-o", str(out), "--annotations", str(bad))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Web Annotation" in done.stderr
    assert out.read_bytes() == b"%PDF the good copy"


def test_missing_output_folder_is_a_one_line_error(tmp_path: Path) -> None:
    done = run(tmp_path / "data", str(SEED), "-o", str(tmp_path / "no" / "copy.pdf"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "does not exist" in done.stderr


def test_unwritable_folder_is_a_one_line_error(tmp_path: Path) -> None:
    folder = Path("/proc")  # no one may create files here, root included
    done = run(tmp_path / "data", str(SEED), "-o", str(folder / "copy.docx"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Cannot write /proc/copy.docx" in done.stderr


def test_pdf_export_needs_no_qtwidgets_and_no_display(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from reader.core.loaders import load\n"
        "from reader.export import ExportRequest\n"
        "from reader.export.pdf import export_pdf\n"
        f"export_pdf(ExportRequest(load({str(SEED)!r}), [], {str(tmp_path / 'x.pdf')!r}))\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets was loaded'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=_env()
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


def test_report_uses_singular_for_one(tmp_path: Path) -> None:
    anns = tmp_path / "one.json"
    anns.write_text(
        json.dumps([_webanno("Нұрсұлтан Назарбаевқа", "Кімге баяндалды", "pink")]), "utf-8"
    )
    out = tmp_path / "one.docx"
    done = run(tmp_path / "data", str(SEED), "-o", str(out), "--annotations", str(anns))
    assert done.returncode == 0, done.stderr
    assert "(DOCX, 1 highlight, 1 note)" in done.stderr


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_exported_copy_is_readable_by_others_under_umask_022(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"shared{suffix}"
    cmd = [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), "export"]
    done = subprocess.run(
        [*cmd, str(SEED), "-o", str(out)],
        capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=120, umask=0o022,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == [out.name]  # no temp


def test_annotation_export_is_readable_by_others_under_umask_022(
    tmp_path: Path, anns_json: Path
) -> None:
    cmd = [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), "annotations"]
    target = tmp_path / "out.json"
    for args in (["--import", str(anns_json)], ["--export", str(target)]):
        done = subprocess.run(
            [*cmd, str(SEED), *args],
            capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=120, umask=0o022,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert target.stat().st_mode & 0o777 == 0o644
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 3


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_notes_are_signed_with_the_preferences_author(
    tmp_path: Path, anns_json: Path, suffix: str
) -> None:
    from reader.core.paths import resolve
    from reader.core.preferences_schema import Preferences, save_preferences

    data = tmp_path / "data"
    save_preferences(resolve(data).ensure().preferences, Preferences(author="Айгерім Сәрсен"))
    out = tmp_path / f"copy{suffix}"
    done = run(data, str(SEED), "-o", str(out), "--annotations", str(anns_json))
    assert done.returncode == 0, done.stderr
    if suffix == ".docx":
        authors = {c.author for c in docx.Document(str(out)).comments}
    else:
        authors = {
            str(a.get_object()["/T"])
            for page in pypdf.PdfReader(out).pages
            for a in page.get("/Annots") or []
            if a.get_object()["/Subtype"] == "/Highlight"
        }
    assert authors == {"Айгерім Сәрсен"}


def test_without_preferences_notes_are_signed_with_the_system_name(
    tmp_path: Path, anns_json: Path
) -> None:
    from reader.core.preferences_schema import default_author

    out = tmp_path / "copy.docx"
    done = run(tmp_path / "data", str(SEED), "-o", str(out), "--annotations", str(anns_json))
    assert done.returncode == 0, done.stderr
    assert {c.author for c in docx.Document(str(out)).comments} == {default_author()}


def test_a_pdf_exported_as_pdf_is_the_original_plus_its_highlights(tmp_path: Path) -> None:
    from reader.core.loaders import load

    source = ROOT / "tests" / "data" / "pdf_sources" / "crazyones.pdf"
    text = load(source).text
    start = text.index("The misfits.")
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "Сыншылар", "format": "text/plain"},
        "target": {"source": source.as_uri(), "styleClass": "yellow", "selector": [
            {"type": "TextQuoteSelector", "exact": "The misfits.",
             "prefix": text[start - 20 : start], "suffix": text[start + 12 : start + 32]},
            {"type": "TextPositionSelector", "start": start, "end": start + 12},
        ]},
    }  # fmt: skip
    anns = tmp_path / "anns.json"
    anns.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    out, word = tmp_path / "copy.pdf", tmp_path / "copy.docx"
    done = run(tmp_path / "data", str(source), "-o", str(out), "--annotations", str(anns))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(source.read_bytes())
    [high] = [a.get_object() for a in pypdf.PdfReader(out).pages[0]["/Annots"]][:1]
    assert high["/Subtype"] == "/Highlight" and high["/Contents"] == "Сыншылар"
    done = run(tmp_path / "data", str(source), "-o", str(word), "--annotations", str(anns))
    assert done.returncode == 0, done.stderr  # to DOCX: typeset from the text, as before
    assert [c.text for c in docx.Document(str(word)).comments] == ["Сыншылар"]

"""The PyInstaller bundle works on its own: GUI start-up, entities, export, other formats.

Building takes under a minute on two cores; ``bash packaging/setup.sh test`` sets
OQYRMAN_TEST_BUNDLE=1, so CI builds the bundle and runs these; a bare pytest run skips them
unless it is set (``OQYRMAN_TEST_BUNDLE=1 .venv/bin/python -m pytest tests/e2e/test_bundle.py``).
The bundle runs with a bare environment: no virtual environment, no PYTHONPATH, cwd outside
the project.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))
# Issue 14 asks for at most 175 MB. Without the home-made BLAS the bundle measured 170 MB;
# Russian morphology (pymorphy2's 15 MB dictionary and natasha's 2.6 MB model, for Russian
# names in the nominative and Russian word forms in search, issues 12 and 13) brought it to
# 190.5 MB; ICU data Qt never reads, natasha's unread word list and numpy's symbols took it
# to 183.6 MB; the host's C++ runtime and pymorphy2's unused P(tag|word) table to 178.5 MB;
# the NER model in its compact form (weight arrays, gzipped word lists) and stdlib modules
# nothing imports to 174.1 MB (see packaging/oqyrman.spec).
SIZE_TARGET_MB = 175

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("OQYRMAN_TEST_BUNDLE") != "1", reason="set OQYRMAN_TEST_BUNDLE=1 to build"
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once into a temp folder (or use OQYRMAN_BUNDLE, an already built folder)."""
    prebuilt = os.environ.get("OQYRMAN_BUNDLE")
    if prebuilt:
        return Path(prebuilt)
    dist = tmp_path_factory.mktemp("dist")
    env = {
        **os.environ,
        "OQYRMAN_DIST": str(dist),
        "OQYRMAN_BUILD": str(tmp_path_factory.mktemp("build")),
    }
    out = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-4000:]
    return dist / "oqyrman"


def run(bundle: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the bundled command as a user's desktop would: nothing of our Python around."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [str(bundle / "oqyrman"), "--data-dir", str(tmp_path / "data"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )


def folder_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def test_bundle_stays_within_the_size_target(bundle: Path) -> None:
    # 174.1 MB when measured: Qt with ICU trimmed 56.8, natasha's embeddings and models 30.3,
    # numpy 10.1 and its OpenBLAS with the Fortran runtime 28.5, pymorphy2's dictionary 11.9,
    # PDFium 7.1, lxml 5.5, Python and the archive of modules about 14, Oqyrman 2.9.
    size = folder_mb(bundle)
    assert size <= SIZE_TARGET_MB, f"{size:.1f} MB; see benchmarks/bench_bundle.py"


def test_bundle_ships_models_translations_and_seed(bundle: Path) -> None:
    internal = bundle / "_internal"
    shipped = internal / "reader"  # where a wheel has them too (reader.core.paths)
    assert (shipped / "seeds" / SEED.name).is_file()
    assert (shipped / "resources" / "i18n" / "oqyrman_kk.qm").is_file()
    assert (shipped / "resources" / "i18n" / "qt" / "qtbase_kk.qm").is_file()
    models = shipped / "resources" / "models"
    # the compact model (packaging/build.sh): the weight arrays, the word lists gzipped
    assert (models / "kazakh_ner_weights.npz").is_file()
    assert (models / "kazakh_ner_gazetteer.json.gz").is_file()
    assert (models / "apertium_kaz_words.json.gz").is_file()
    assert not (models / "kazakh_ner.crfsuite").exists()
    assert not (shipped / "resources" / "screenshots").exists()
    assert (internal / "natasha" / "data" / "model" / "slovnet_ner_news_v1.tar").is_file()
    assert not (internal / "PySide6" / "Qt" / "translations").exists()


ICU_PROBE = """
from PySide6.QtCore import QCollator, QLocale, QTimeZone
words = sorted(["үй", "ана", "Ұлы", "әже", "ёж", "зебра"], key=QCollator(QLocale("kk_KZ")).sortKey)
zone = QTimeZone(b"Asia/Almaty").displayName(
    QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("ru_RU")
)
print(" ".join(words), zone, sep="|")
"""


def test_bundle_icu_data_sorts_kazakh_and_names_time_zones(bundle: Path) -> None:
    # The bundle's own (trimmed) ICU data, loaded in place of the wheel's: Qt's collation
    # (file dialogs sort names with it) and time zone names must still find their data.
    icu = next((bundle / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    env = {**os.environ, "LD_PRELOAD": str(icu), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", ICU_PROBE], capture_output=True, text=True, env=env, check=True
    )
    assert "Could not create collator" not in out.stderr
    assert out.stdout.strip() == "ана әже ёж зебра Ұлы үй|Восточный Казахстан"


def test_bundle_starts_the_reader_and_quits_after_loading(bundle: Path, tmp_path: Path) -> None:
    out = run(bundle, tmp_path, "--quit-after-load", str(SEED))
    assert out.returncode == 0, out.stderr[-3000:]
    assert "Traceback" not in out.stderr


def development_entities(path: Path, tmp_path: Path) -> list[dict[str, object]]:
    """``oqyrman entities --json`` of the development install, for comparison."""
    development_cmd = [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "dev")]
    development = subprocess.run(
        [*development_cmd, "entities", "--json", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    entities: list[dict[str, object]] = json.loads(development.stdout)["entities"]
    return entities


def test_bundle_finds_kazakh_entities_with_the_shipped_model(bundle: Path, tmp_path: Path) -> None:
    # The bundle's compact model (weight arrays only, word lists gzipped: build.sh) finds
    # exactly what the development install's crfsuite model and plain lists find.
    out = run(bundle, tmp_path, "entities", "--json", str(SEED))
    assert out.returncode == 0, out.stderr[-3000:]
    entities = json.loads(out.stdout)["entities"]
    people = {e["name"] for e in entities if e["label"] == "PERSON"}
    assert "Нұрсұлтан Назарбаев" in people
    assert entities == development_entities(SEED, tmp_path)


def test_bundle_finds_russian_entities_with_natasha(bundle: Path, tmp_path: Path) -> None:
    text = tmp_path / "ru.txt"
    text.write_text("Владимир Путин встретился с Касым-Жомартом Токаевым в Москве.\n", "utf-8")
    out = run(bundle, tmp_path, "entities", "--json", str(text))
    assert out.returncode == 0, out.stderr[-3000:]
    names = {e["name"] for e in json.loads(out.stdout)["entities"]}
    assert "Владимир Путин" in names


RUSSIAN_NEWS = [
    "Президент Казахстана Касым-Жомарт Токаев провёл совещание в Акорде в Астане.",
    "Компания «Газпром» подписала соглашение с «КазМунайГазом» о поставках газа в Китай.",
    "Министр иностранных дел России Сергей Лавров прибыл в Алматы с официальным визитом.",
    "Генеральный секретарь ООН Антониу Гутерриш призвал стороны к диалогу в Женеве.",
    "Глава Сбербанка Герман Греф заявил о росте прибыли банка, сообщает агентство ТАСС.",
    "Учёные Московского государственного университета открыли новый материал.",
]


def test_bundle_finds_the_same_russian_entities_as_the_development_install(
    bundle: Path, tmp_path: Path
) -> None:
    # slovnet's layers run on numpy's matrix products (OpenBLAS), with the numpy modules the
    # spec leaves out missing: the entities must not change.
    text = tmp_path / "news.txt"
    text.write_text("\n\n".join(RUSSIAN_NEWS * 3) + "\n", "utf-8")
    out = run(bundle, tmp_path, "entities", "--json", str(text))
    assert out.returncode == 0, out.stderr[-3000:]
    bundled = json.loads(out.stdout)["entities"]
    assert bundled == development_entities(text, tmp_path)
    assert {"Касым-Жомарт Токаев", "Сергей Лавров"} <= {e["name"] for e in bundled}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_bundle_exports_a_pdf_it_can_read_back(bundle: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "seed.pdf"
    out = run(bundle, tmp_path, "export", str(SEED), "-o", str(pdf), "--entities")
    assert out.returncode == 0, out.stderr[-3000:]
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Елбасы" in text
    # and the bundle opens PDF files too
    back = run(bundle, tmp_path, "text", str(pdf))
    assert back.returncode == 0, back.stderr[-3000:]
    assert "Елбасы" in back.stdout


def test_bundle_exports_and_opens_docx(bundle: Path, tmp_path: Path) -> None:
    import docx

    out_file = tmp_path / "seed.docx"
    out = run(bundle, tmp_path, "export", str(SEED), "-o", str(out_file))
    assert out.returncode == 0, out.stderr[-3000:]
    paragraphs = [p.text for p in docx.Document(str(out_file)).paragraphs]
    assert any("Елбасы" in p for p in paragraphs)
    back = run(bundle, tmp_path, "text", str(out_file))
    assert back.returncode == 0, back.stderr[-3000:]
    assert "Елбасы" in back.stdout


def test_bundle_hands_a_later_start_over_to_the_running_window(
    bundle: Path, tmp_path: Path
) -> None:
    # The whole GUI as a double click runs it (not --quit-after-load): the listening side
    # loads once the panels are there, with only the Qt modules the bundle ships.
    import signal
    import time

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(run_dir),
    }  # fmt: skip
    other = tmp_path / "екінші.txt"
    other.write_text("Екінші құжат.\n", encoding="utf-8")
    command = [str(bundle / "oqyrman"), "--data-dir", str(tmp_path / "data")]
    first = subprocess.Popen(
        [*command, str(SEED)], env=env, cwd=tmp_path, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not list(run_dir.glob("oqyrman-*.sock")) and first.poll() is None:
            assert time.monotonic() < deadline, "the bundle never listened"
            time.sleep(0.1)
        assert first.poll() is None, first.communicate()[1][-3000:]
        second = subprocess.run(
            [*command, str(other)], env=env, cwd=tmp_path, capture_output=True, text=True,
            timeout=60, check=False,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr[-3000:]
        session = tmp_path / "data" / "config" / "session.json"
        while time.monotonic() < deadline:
            if session.exists() and str(other) in session.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        first.send_signal(signal.SIGTERM)
        _, err = first.communicate(timeout=60)
        assert first.returncode == 0 and "Traceback" not in err, err[-3000:]
    finally:
        if first.poll() is None:
            first.kill()
    tabs = json.loads(session.read_text(encoding="utf-8"))["tabs"]
    assert [t["path"] for t in tabs] == [str(SEED), str(other)]


def test_bundle_refuses_an_unknown_command_and_a_missing_display(
    bundle: Path, tmp_path: Path
) -> None:
    typo = run(bundle, tmp_path, "serach", str(SEED), "Елбасы")
    assert typo.returncode == 2 and "commands:" in typo.stderr
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"}
    headless = subprocess.run(
        [str(bundle / "oqyrman"), "--data-dir", str(tmp_path / "data"), str(SEED)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert headless.returncode == 1 and "xvfb-run" in headless.stderr


def test_user_install_of_the_bundle_runs(bundle: Path, tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "PREFIX": str(tmp_path / "prefix")}
    out = subprocess.run(
        ["bash", str(ROOT / "packaging" / "install-user.sh"), "--bundle", str(bundle)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    command = tmp_path / "prefix" / "bin" / "oqyrman"
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("oqyrman ")

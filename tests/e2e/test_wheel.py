"""A wheel built from the project works once installed into a fresh virtual environment.

The wheel is built offline (no build isolation: the test environment has the backend) from
a copy of the files a build needs, and installed with ``--no-deps --no-index`` into a new
venv that sees the test environment's packages only through a ``.pth`` line, so nothing is
downloaded and the project's source tree is nowhere on the path: models, fonts, seeds and
translations must come from the installed package.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))
# What a build reads; the wheel must not need anything else of the tree.
BUILD_INPUTS = [
    *("pyproject.toml", "setup.py", "README.md", "LICENSE"),
    *("reader", "resources", "seeds"),
]

pytestmark = pytest.mark.slow


def _build_wheel(tmp: Path) -> Path:
    source = tmp / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".*cache", "*.egg-info")
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    wheels = tmp / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(wheels)]
    out = subprocess.run(
        [*build, str(source)], capture_output=True, text=True, timeout=300, check=False
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-3000:]
    return next(wheels.glob("oqyrman-*.whl"))


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh venv holding only the wheel (dependencies borrowed)."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(tmp)
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The dependencies (PySide6, natasha...) of the test environment, after the venv's own
    # site-packages; a plain path line, so the editable install's finder there is not run.
    Path(purelib, "test-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    install = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python"]
    out = subprocess.run(
        [*install, str(python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return env_dir / "bin"


def run(bin_dir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run from a folder outside the project, with no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return subprocess.run(
        [*args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False
    )


def test_installed_package_reads_its_data_from_itself(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import json, reader, reader.core.paths as p; "
        "print(json.dumps([reader.__file__, str(p.resources_dir()), str(p.seeds_dir())]))"
    )
    out = run(installed, tmp_path, str(installed / "python"), "-c", probe)
    assert out.returncode == 0, out.stderr
    module, resources, seeds = (Path(p) for p in json.loads(out.stdout))
    package = installed.parent / "lib"
    assert package in module.parents and ROOT not in module.parents
    assert (resources / "models" / "kazakh_ner.crfsuite").is_file()
    assert (resources / "i18n" / "oqyrman_kk.qm").is_file()
    assert (resources / "fonts" / "NotoSans-Regular.ttf").is_file()
    assert (seeds / SEED.name).is_file()
    assert package in resources.parents and package in seeds.parents


def test_installed_command_finds_the_seeds_entities(installed: Path, tmp_path: Path) -> None:
    out = run(
        installed, tmp_path, str(installed / "oqyrman"), "--data-dir", str(tmp_path / "data"),
        "entities", "--json", str(SEED),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    people = {e["name"] for e in json.loads(out.stdout)["entities"] if e["label"] == "PERSON"}
    assert "Нұрсұлтан Назарбаев" in people


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_installed_command_exports_a_pdf_in_the_shipped_font(
    installed: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "seed.pdf"
    out = run(
        installed, tmp_path, str(installed / "oqyrman"), "--data-dir", str(tmp_path / "data"),
        "export", str(SEED), "-o", str(pdf),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    assert "could not register the font" not in out.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert "NotoSans" in fonts.stdout


def test_installed_reader_starts_and_opens_the_seed(installed: Path, tmp_path: Path) -> None:
    out = run(
        installed, tmp_path, str(installed / "oqyrman"), "--data-dir", str(tmp_path / "data"),
        "--quit-after-load", str(SEED),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    assert "Traceback" not in out.stderr

"""Desktop integration files: a valid menu entry, AppStream data, icons, the user installer."""

import configparser
import os
import shutil
import struct
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "oqyrman.desktop"
METAINFO = PACKAGING / "io.github.oqyrman.Oqyrman.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
# One MIME type per format the loaders open; the file manager offers Oqyrman for these.
FORMAT_MIME = {
    "txt": "text/plain",
    "md": "text/markdown",
    "html": "text/html",
    "xml": "application/xml",
    "fb2": "application/x-fictionbook+xml",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "epub": "application/epub+zip",
    "pdf": "application/pdf",
}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_passes_desktop_file_validate() -> None:
    out = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip() == "", out.stdout  # no warnings either


def test_desktop_entry_opens_every_format_and_speaks_three_languages() -> None:
    entry = desktop_entry()
    mimes = set(entry["MimeType"].rstrip(";").split(";"))
    assert set(FORMAT_MIME.values()) <= mimes
    assert entry["Exec"] == "oqyrman %F"
    assert entry["Icon"] == "oqyrman"
    assert entry["Categories"] == "Office;Viewer;"
    for key in ("Name", "Comment", "GenericName"):
        assert entry[f"{key}[kk]"] and entry[f"{key}[ru]"]
    assert "Қ" in entry["Comment[kk]"]  # Kazakh letters, not a Russian copy
    assert entry["Comment[ru]"] != entry["Comment[kk]"]


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_passes_appstreamcli_validate() -> None:
    out = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_metainfo_names_the_desktop_file_and_command() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == "io.github.oqyrman.Oqyrman"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "oqyrman"
    assert root.findtext("project_license") == "GPL-3.0-or-later"


def test_icons_exist_at_every_size_and_the_svg_is_square() -> None:
    for size in SIZES:
        assert png_size(ICONS / f"oqyrman-{size}.png") == (size, size)
    svg = ElementTree.parse(ICONS / "oqyrman.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"
    # shapes only: a <text> element would render differently on machines without the font
    assert not svg.findall(".//{http://www.w3.org/2000/svg}text")


def test_pngs_are_not_blank() -> None:
    # A failed render gives a tiny fully transparent PNG; ours compress to more than that.
    for size in (32, 256):
        assert (ICONS / f"oqyrman-{size}.png").stat().st_size > 8 * size


def run_installer(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "PREFIX": "/home/reader/.local",
        "DESTDIR": str(tmp_path / "stage"),
        "OQYRMAN_DIST": str(tmp_path / "no-dist"),
    }
    return subprocess.run(
        ["bash", str(PACKAGING / "install-user.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def test_user_install_puts_files_where_desktops_look_and_uninstall_removes_them(
    tmp_path: Path,
) -> None:
    out = run_installer(tmp_path, "--dev")
    assert out.returncode == 0, out.stderr
    root = tmp_path / "stage" / "home" / "reader" / ".local"
    share = root / "share"
    expected = [
        root / "bin" / "oqyrman",
        share / "applications" / "oqyrman.desktop",
        share / "metainfo" / METAINFO.name,
        share / "icons" / "hicolor" / "scalable" / "apps" / "oqyrman.svg",
        *(share / "icons" / "hicolor" / f"{s}x{s}" / "apps" / "oqyrman.png" for s in SIZES),
    ]
    assert [p for p in expected if not p.is_file()] == []
    assert os.access(root / "bin" / "oqyrman", os.X_OK)
    installed = (share / "applications" / "oqyrman.desktop").read_text(encoding="utf-8")
    # the menu runs the command by its final path (without the staging DESTDIR)
    assert "Exec=/home/reader/.local/bin/oqyrman %F" in installed
    assert str(tmp_path) not in installed
    assert not (tmp_path / "home").exists()  # nothing went to the real (here fake) home

    out = run_installer(tmp_path, "--uninstall")
    assert out.returncode == 0, out.stderr
    assert [p for p in expected if p.exists()] == []


def test_dev_launcher_runs_the_command(tmp_path: Path) -> None:
    assert run_installer(tmp_path, "--dev").returncode == 0
    launcher = tmp_path / "stage" / "home" / "reader" / ".local" / "bin" / "oqyrman"
    out = subprocess.run(
        [str(launcher), "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("oqyrman ")


def test_installer_rejects_unknown_options(tmp_path: Path) -> None:
    out = run_installer(tmp_path, "--frobnicate")
    assert out.returncode == 2
    assert "unknown option --frobnicate" in out.stderr


def test_bundle_mode_without_a_bundle_says_how_to_build_it(tmp_path: Path) -> None:
    out = run_installer(tmp_path, "--bundle", str(tmp_path / "missing"))
    assert out.returncode == 1
    assert "packaging/build.sh" in out.stderr


# -- translations -------------------------------------------------------------------------
I18N = ROOT / "resources" / "i18n"
KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")


def ts_messages(lang: str) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, translation type) of every message in a .ts file."""
    root = ElementTree.parse(I18N / f"oqyrman_{lang}.ts").getroot()
    rows = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            assert tr is not None
            rows.append((name, message.findtext("source") or "", tr.text, tr.get("type")))
    return rows


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_interface_message_is_translated(lang: str) -> None:
    rows = ts_messages(lang)
    assert len(rows) > 50
    untranslated = [(c, s) for c, s, text, kind in rows if not text or kind == "unfinished"]
    assert untranslated == []


def test_kazakh_is_kazakh_not_russian() -> None:
    kk = {(c, s): t for c, s, t, _ in ts_messages("kk")}
    ru = {(c, s): t for c, s, t, _ in ts_messages("ru")}
    assert kk.keys() == ru.keys()
    differ = sum(kk[k] != ru[k] for k in kk)
    with_kazakh_letters = sum(bool(KAZAKH_LETTERS & set(t or "")) for t in kk.values())
    assert differ > 0.9 * len(kk)
    assert with_kazakh_letters > 0.5 * len(kk)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_compiled_catalogue_matches_its_source(lang: str, tmp_path: Path) -> None:
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    if not lrelease.exists():
        found = shutil.which("pyside6-lrelease")
        if found is None:
            pytest.skip("pyside6-lrelease not installed")
        lrelease = Path(found)
    fresh = tmp_path / f"oqyrman_{lang}.qm"
    subprocess.run(
        [
            str(lrelease),
            "-silent",
            "-removeidentical",
            str(I18N / f"oqyrman_{lang}.ts"),
            "-qm",
            str(fresh),
        ],
        check=True,
        timeout=60,
    )
    assert (I18N / f"oqyrman_{lang}.qm").read_bytes() == fresh.read_bytes(), (
        "run packaging/update_translations.sh --release"
    )

"""Make a smaller ICU data library for the bundle: Kazakh, Russian and English locales only.

PySide6's wheel links Qt against ICU, whose data library (libicudata, 31 MB) holds locale
data for every language; Qt uses it for collation, case mapping and time zones. Oqyrman's
interface speaks Kazakh, Russian and English, so the bundle keeps the root data, those three
locales, and everything that is not per-locale (normalisation, time zones, plural rules), and
drops the other locales, transliterators and legacy code page tables (our loaders decode text
with Python's codecs, not ICU's). ICU falls back to root data for a locale it lacks, so
nothing fails; formatting for those locales just looks like root's.

It also drops the data of ICU services that nothing in the bundle calls. Qt is ICU's only
user, and libQt6Core imports just u_strToLower/u_strToUpper, ucal_* (time zone names),
ucnv_* (QStringConverter) and ucol_* (QCollator) - check with
``nm -D --undefined-only libQt6Core.so.6 | grep _73``. So these go: the break iterator rules
and their CJK/Thai/Lao/Khmer/Burmese word dictionaries (brkitr/, 3.4 MB: ubrk_ and title
casing; Qt breaks text with its own Unicode tables), character names (unames.icu: u_charName),
spoof checking (confusables), IDNA (uts46.nrm: Qt has its own), and currency, unit and
spelled-out number names (curr/, unit/, rbnf/: number formatting, which Qt does itself).

    python packaging/trim_icu.py SOURCE_LIBICUDATA OUT_DIR   -> OUT_DIR/<same file name>

Needs icupkg and genccode (Debian: icu-devtools) and a C compiler (gcc). Exits 3 if a tool
is missing, so build.sh can go on with the full library.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = {"kk", "ru", "en", "root"}
KEEP_NAMES = {"res_index", "pool", "root"}
# Data of services Qt never calls (see above), dropped for every locale
UNUSED_SERVICES = (
    "translit/",
    "brkitr/",
    "curr/",
    "unit/",
    "rbnf/",
    "unames.icu",
    "confusables.cfu",
    "confusables_wholeScript",
    "uts46.nrm",
)
TOOLS = ("icupkg", "genccode", "gcc", "nm")


def _data_symbol(lib: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the ``icudtNN_dat`` blob in the library."""
    out = subprocess.run(
        ["nm", "-S", "-D", "--defined-only", str(lib)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        address, size, _kind, name = line.split()
        if re.fullmatch(r"icudt\d+_dat", name):
            # libicudata is one read-only segment mapped at its file offset (checked by the
            # caller comparing the blob's header), so the address is the file offset.
            return name, int(address, 16), int(size, 16)
    raise SystemExit(f"trim_icu: no icudtNN_dat symbol in {lib}")


def _removable(item: str) -> bool:
    name = item.rsplit("/", 1)[-1]
    stem, _, ext = name.rpartition(".")
    if ext == "cnv" or item.startswith(UNUSED_SERVICES):
        return True
    if stem in KEEP_NAMES:
        return False
    base = stem.split("_")[0]
    return bool(re.fullmatch(r"[a-z]{2,3}", base)) and base not in KEEP_LANGUAGES


def trim(lib: Path, out_dir: Path) -> Path:
    symbol, offset, size = _data_symbol(lib)
    prefix = symbol.removesuffix("_dat") + "l"  # little-endian package name, e.g. icudt73l
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        blob = lib.read_bytes()[offset : offset + size]
        if blob[2:4] != b"\xda\x27":  # ICU data header magic
            raise SystemExit(f"trim_icu: unexpected data layout in {lib}")
        full = tmp / f"{prefix}.dat"
        full.write_bytes(blob)
        items = subprocess.run(
            ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
        ).stdout.split()
        (tmp / "remove.txt").write_text(
            "".join(f"{i}\n" for i in items if _removable(i)), encoding="utf-8"
        )
        # icupkg names the items after the output file ("small/coll/root.res" for small.dat),
        # and ICU looks them up as "icudt73l/coll/root.res": a package under any other name
        # is as good as no data at all (no collation, no time zone names, no converters).
        (tmp / "out").mkdir()
        small = tmp / "out" / full.name
        subprocess.run(["icupkg", "-r", str(tmp / "remove.txt"), str(full), str(small)], check=True)
        entry = symbol.removesuffix("_dat")
        subprocess.run(
            ["genccode", "-q", "-a", "gcc", "-e", entry, "-d", str(tmp), str(small)], check=True
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        out = out_dir / lib.name
        subprocess.run(
            [
                "gcc",
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{lib.name}",
                "-o",
                str(out),
                str(tmp / f"{prefix}_dat.S"),
            ],
            check=True,
        )
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write(__doc__ or "")
        return 2
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        sys.stderr.write(f"trim_icu: {', '.join(missing)} not found; keeping the full ICU data\n")
        return 3
    out = trim(Path(argv[0]), Path(argv[1]))
    sys.stdout.write(f"{out} ({out.stat().st_size // 1_000_000} MB)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

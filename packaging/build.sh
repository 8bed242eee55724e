#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle: $OQYRMAN_DIST/oqyrman/oqyrman (default dist/).
#
#   bash packaging/build.sh
#
# Needs the development install (.venv, with the "bundle" extra: pip install -e '.[bundle]').
# It recompiles the translations and re-renders the icons first, so the bundle never ships
# stale ones, trims ICU's locale data when icu-devtools and gcc are there (trim_icu.py), and
# prints the folder's size.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
dist=${OQYRMAN_DIST:-$here/dist}
work=${OQYRMAN_BUILD:-$here/build}
py=.venv/bin/python
[ -x "$py" ] || { echo "build: no .venv (run: bash packaging/setup.sh test)" >&2; exit 1; }
"$py" -c "import PyInstaller" 2>/dev/null || "$py" -m pip install -q "pyinstaller>=6.10"

# The build's own tools: gcc and icu-devtools for trim_icu.py, binutils and file for
# stripping, installed as setup.sh installs Qt's packages; without them the build goes on
# and the bundle comes out larger (the size test then says so).
# shellcheck source=packaging/debs.sh
. packaging/debs.sh
install_debs build gcc libc6-dev icu-devtools binutils file ||
  echo "build: going on without them" >&2

bash packaging/update_translations.sh --release
if [ resources/icons/oqyrman.svg -nt resources/icons/oqyrman-256.png ]; then
  "$py" packaging/render_icons.py >/dev/null
fi
icu=$("$py" -c 'import PySide6, pathlib; print(next((pathlib.Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")))')
if "$py" packaging/trim_icu.py "$icu" "$work/icu" >/dev/null; then
  export OQYRMAN_ICU_DATA="$work/icu/$(basename "$icu")"
fi
navec=natasha/data/emb/navec_news_v1_1B_250K_300d_100q.tar
site=$("$py" -c 'import navec, pathlib; print(pathlib.Path(navec.__file__).resolve().parents[1])')
"$py" packaging/navec_for_bundle.py "$site/$navec" "$work/$navec" >/dev/null
export OQYRMAN_NAVEC="$work/$navec"
# The NER model's word lists, gzipped (the spec leaves out the plain ones and the crfsuite
# file, whose weights kazakh_ner_weights.npz holds): -n keeps the bytes the same build to build
mkdir -p "$work/models"
for list in kazakh_ner_gazetteer.json apertium_kaz_words.json; do
  gzip -9 -n -c "resources/models/$list" >"$work/models/$list.gz"
done
export OQYRMAN_COMPACT_MODELS="$work/models"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/oqyrman.spec
# Symbols and debug information are a good part of libpython's, PDFium's, ICU's and the
# extension modules' size (numpy's own modules included: 0.6 MB); drop what is not needed to
# load them. Never touch the auditwheel-repaired *.libs (numpy.libs: OpenBLAS): patchelf
# moved their dynamic sections, and strip then leaves "ELF load command address/offset not
# page-aligned".
find "$dist/oqyrman/_internal" -type f -name '*.so*' -not -path '*.libs/*' \
  -print0 | while IFS= read -r -d '' lib; do
    if file -b "$lib" | grep -q -e 'not stripped' -e 'with debug_info'; then
      strip --strip-unneeded "$lib"
    fi
  done
# MB of 10^6 bytes, as tests/e2e/test_bundle.py and benchmarks/bench_bundle.py count them
size=$(du -s --apparent-size -B 1000000 "$dist/oqyrman" | cut -f1)
echo "build: $size MB in $dist/oqyrman; run $dist/oqyrman/oqyrman"

#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle: $OQYRMAN_DIST/oqyrman/oqyrman (default dist/).
#
#   bash packaging/build.sh
#
# Needs the development install (.venv, with the "bundle" extra: pip install -e '.[bundle]').
# It recompiles the translations and re-renders the icons first, so the bundle never ships
# stale ones, trims ICU's locale data when icu-devtools and gcc are there (trim_icu.py),
# replaces numpy's OpenBLAS with a small checked CBLAS when gcc is (blas_shim.c), and prints
# the folder's size.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
dist=${OQYRMAN_DIST:-$here/dist}
work=${OQYRMAN_BUILD:-$here/build}
py=.venv/bin/python
[ -x "$py" ] || { echo "build: no .venv (run: bash packaging/setup.sh test)" >&2; exit 1; }
"$py" -c "import PyInstaller" 2>/dev/null || "$py" -m pip install -q "pyinstaller>=6.10"

# The build's own tools: gcc for the CBLAS below, icu-devtools for trim_icu.py, binutils and
# file for stripping, installed as setup.sh installs Qt's packages; without them the build
# goes on and the bundle comes out larger (the size test then says so).
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
# numpy's OpenBLAS (28 MB with its Fortran runtime) gives way to a small CBLAS of ours
# (blas_shim.c), checked through numpy against einsum first, in both of its CPU variants.
openblas=$("$py" -c 'import numpy, pathlib; print(next((pathlib.Path(numpy.__file__).parents[1] / "numpy.libs").glob("libscipy_openblas*.so")))')
if command -v gcc >/dev/null 2>&1; then
  mkdir -p "$work/blas"
  blas="$work/blas/$(basename "$openblas")"
  cflags=(-std=c11 -O3 -fPIC -shared -fvisibility=hidden -fopenmp-simd -Wall -Werror
          "-Wl,-soname,$(basename "$openblas")")
  gcc "${cflags[@]}" -DBLAS_SHIM_BASELINE -o "$work/blas/baseline.so" packaging/blas_shim.c
  gcc "${cflags[@]}" -o "$blas" packaging/blas_shim.c
  for lib in "$work/blas/baseline.so" "$blas"; do
    LD_PRELOAD="$lib" "$py" packaging/check_blas.py "$lib" >/dev/null
  done
  export OQYRMAN_BLAS="$blas"
else
  echo "build: no gcc; keeping numpy's OpenBLAS (the bundle will be about 28 MB larger)" >&2
fi
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/oqyrman.spec
# Symbols and debug information are a good part of libpython's, PDFium's, ICU's and the
# extension modules' size; drop what is not needed to load them. Never touch numpy and the
# auditwheel-repaired *.libs: patchelf rewrote them, and strip then breaks them.
find "$dist/oqyrman/_internal" -type f -name '*.so*' -not -path '*.libs/*' -not -path '*/numpy/*' \
  -print0 | while IFS= read -r -d '' lib; do
    if file -b "$lib" | grep -q -e 'not stripped' -e 'with debug_info'; then
      strip --strip-unneeded "$lib"
    fi
  done
echo "build: $(du -sm "$dist/oqyrman" | cut -f1) MB in $dist/oqyrman; run $dist/oqyrman/oqyrman"

#!/usr/bin/env bash
# Set up Oqyrman on a fresh Debian 12 (Python 3.11) and run it or its tests.
#
#   bash packaging/setup.sh app [FILE...]   install what is missing, start the reader
#   bash packaging/setup.sh test [ARGS...]  install what is missing, run lint and all tests
#                                           (the PyInstaller bundle is built and tested too;
#                                           OQYRMAN_TEST_BUNDLE=0 skips that)
#
# It installs the Debian packages Qt needs (as root, or through sudo), makes .venv beside
# the project and installs the project into it; each step is skipped when already done.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
# shellcheck source=packaging/debs.sh
. packaging/debs.sh
mode=${1:-app}
shift || true

# Qt 6 (PySide6) needs these at run time: EGL/GL, xkbcommon, fontconfig, D-Bus, GLib and a
# font; the xcb platform (a real X display) needs the xcb libraries too. xvfb and xauth give
# a virtual display where none exists; poppler-utils reads exported PDFs back in the tests.
# Tesseract with its Kazakh and Russian data reads scanned PDF pages.
debs=(
  python3 python3-venv python3-pip
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
  libxrender1 libxi6 libsm6 libice6
  xvfb xauth poppler-utils
  tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus
)

python_bin() {
  for py in python3.11 python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import sys; raise SystemExit(sys.version_info < (3, 11))'; then
      echo "$py"; return 0
    fi
  done
  echo "setup: Oqyrman needs Python 3.11 or newer" >&2
  return 1
}

install_venv() {
  local extras=$1 stamp=.venv/.oqyrman-setup
  local want
  want="$extras $(sha256sum pyproject.toml | cut -c1-64)"
  if [ -x .venv/bin/python ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  local py
  py=$(python_bin)
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[$extras]"
  echo "$want" > "$stamp"
}

# The tests also validate the desktop entry and the AppStream metainfo with the tools the
# distributions use, build the bundle (packaging/build.sh: gcc and icu-devtools trim
# ICU's data, binutils and file strip the libraries), and open annotated DOCX copies in
# LibreOffice (headless Writer without recommends: about 250 MB installed).
[ "$mode" = test ] && debs+=(desktop-file-utils appstream gcc libc6-dev icu-devtools binutils file
                            libreoffice-writer-nogui)
install_debs setup "${debs[@]}"
case "$mode" in
  app)
    install_venv test,bundle  # the same extras as `test`: switching modes reinstalls nothing
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "setup: no display found; starting on a virtual one (xvfb-run)" >&2
      exec xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/oqyrman "$@"
    fi
    exec .venv/bin/oqyrman "$@"
    ;;
  test)
    install_venv test,bundle
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/mypy  # strict, over reader/ (pyproject.toml)
    export QT_QPA_PLATFORM=offscreen
    export OQYRMAN_TEST_BUNDLE=${OQYRMAN_TEST_BUNDLE:-1}  # tests/e2e/test_bundle.py builds it
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash packaging/setup.sh app [FILE...] | test [PYTEST ARGS...]" >&2
    exit 2
    ;;
esac

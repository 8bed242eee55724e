#!/usr/bin/env bash
# Install Oqyrman for one user (no root): the command, menu entry, icons and AppStream data.
#
#   bash packaging/install-user.sh              install the bundle from dist/oqyrman if built,
#                                               else a launcher for the development install (.venv)
#   bash packaging/install-user.sh --dev        always install the development launcher
#   bash packaging/install-user.sh --bundle DIR install the one-folder bundle in DIR
#   bash packaging/install-user.sh --uninstall  remove everything this script installed
#
# PREFIX (default ~/.local) says where; DESTDIR is prepended to every path written (staging,
# tests), while the paths inside the installed files stay as if DESTDIR were empty.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prefix=${PREFIX:-$HOME/.local}
destdir=${DESTDIR:-}
root="$destdir$prefix"
sizes=(16 24 32 48 64 128 256)
mode=auto
bundle="${OQYRMAN_DIST:-$here/dist}/oqyrman"

usage() { sed -n '2,11s/^# \{0,1\}//p' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) mode=uninstall ;;
    --dev) mode=dev ;;
    --bundle) mode=bundle; bundle=${2:?--bundle needs a folder}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-user: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

refresh_caches() {
  # Desktops pick up new entries and icons sooner with these; absent tools are fine.
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$root/share/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$root/share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -f -t "$root/share/icons/hicolor" 2>/dev/null || true
  fi
}

uninstall() {
  rm -f "$root/bin/oqyrman" "$root/share/applications/oqyrman.desktop" \
    "$root/share/metainfo/io.github.oqyrman.Oqyrman.metainfo.xml" \
    "$root/share/icons/hicolor/scalable/apps/oqyrman.svg"
  for s in "${sizes[@]}"; do rm -f "$root/share/icons/hicolor/${s}x${s}/apps/oqyrman.png"; done
  rm -rf "$root/lib/oqyrman"
  refresh_caches
  echo "install-user: removed Oqyrman from $root"
}

install_command() {
  mkdir -p "$root/bin"
  rm -rf "$root/lib/oqyrman" "$root/bin/oqyrman"
  if [ "$mode" = bundle ] || { [ "$mode" = auto ] && [ -x "$bundle/oqyrman" ]; }; then
    [ -x "$bundle/oqyrman" ] || { echo "install-user: no bundle at $bundle (run packaging/build.sh)" >&2; exit 1; }
    mkdir -p "$root/lib"
    cp -a "$bundle" "$root/lib/oqyrman"
    ln -s "$prefix/lib/oqyrman/oqyrman" "$root/bin/oqyrman"
    echo "install-user: installed the bundle from $bundle"
  else
    [ -x "$here/.venv/bin/python" ] || { echo "install-user: no .venv (run packaging/setup.sh app first)" >&2; exit 1; }
    printf '#!/bin/sh\nPYTHONPATH="%s${PYTHONPATH:+:$PYTHONPATH}" exec "%s" -m reader "$@"\n' \
      "$here" "$here/.venv/bin/python" > "$root/bin/oqyrman"
    chmod 755 "$root/bin/oqyrman"
    echo "install-user: installed a launcher for the development install in $here"
  fi
}

install_data() {
  local apps="$root/share/applications" icons="$root/share/icons/hicolor"
  mkdir -p "$apps" "$root/share/metainfo" "$icons/scalable/apps"
  # The menu entry runs the installed command by its full path: ~/.local/bin is often not on
  # the PATH that desktop sessions start with.
  sed -e "s|^Exec=oqyrman|Exec=$prefix/bin/oqyrman|" -e "s|^TryExec=oqyrman|TryExec=$prefix/bin/oqyrman|" \
    "$here/packaging/oqyrman.desktop" > "$apps/oqyrman.desktop"
  install -m 644 "$here/packaging/io.github.oqyrman.Oqyrman.metainfo.xml" "$root/share/metainfo/"
  install -m 644 "$here/resources/icons/oqyrman.svg" "$icons/scalable/apps/oqyrman.svg"
  for s in "${sizes[@]}"; do
    mkdir -p "$icons/${s}x${s}/apps"
    install -m 644 "$here/resources/icons/oqyrman-$s.png" "$icons/${s}x${s}/apps/oqyrman.png"
  done
}

if [ "$mode" = uninstall ]; then
  uninstall
  exit 0
fi
install_command
install_data
refresh_caches
echo "install-user: done; start it from the menu or with $prefix/bin/oqyrman"

#!/usr/bin/env bash
# Build the Kazakh morphological analyser that Oqyrman ships, from Apertium's source.
#
#   bash packaging/build_apertium.sh [APERTIUM_KAZ_SOURCE]
#
# Input: apertium-kaz (GPL-3.0), by default ../shared/vendor/apertium-kaz beside the project.
# Output: resources/morphology/kaz.automorf.hfstol.gz (HFST optimized-lookup format, read at
# run time by reader/core/kazakh/hfstol.py), with the source's licence and SOURCE note. Only
# the normative Cyrillic analyser is built (Apertium's lexc + two-level rules composed, as its
# Makefile's .deps/kaz.LR.hfst), inverted to analyse, minimised and converted to unweighted
# optimized lookup; Apertium's Arabic-script and spelling-error analysers are left out.
# Needs Debian's hfst, lttoolbox, apertium-dev and cg3 (installed here if missing) and takes
# about a minute. The result is committed, so neither CI nor users need hfst.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src=$(cd "${1:-$here/../shared/vendor/apertium-kaz}" && pwd)
out="$here/resources/morphology"
# shellcheck source=packaging/debs.sh
. "$here/packaging/debs.sh"
install_debs build_apertium hfst lttoolbox apertium-dev cg3 autoconf automake pkg-config make

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
cd "$work"
./autogen.sh >autogen.log 2>&1 || { cat autogen.log >&2; exit 1; }
make .deps/kaz.LR.hfst >make.log 2>&1 || { tail -n 40 make.log >&2; exit 1; }
hfst-invert .deps/kaz.LR.hfst | hfst-minimise | hfst-fst2fst -O -o kaz.automorf.hfstol
mkdir -p "$out"
gzip -9 -n -c kaz.automorf.hfstol >"$out/kaz.automorf.hfstol.gz"
install -m 644 COPYING "$out/COPYING"
install -m 644 SOURCE "$out/SOURCE" 2>/dev/null || echo "apertium-kaz from $src" >"$out/SOURCE"
echo "build_apertium: wrote $out/kaz.automorf.hfstol.gz ($(wc -c <"$out/kaz.automorf.hfstol.gz") bytes)"

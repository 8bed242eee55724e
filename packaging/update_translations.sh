#!/usr/bin/env bash
# Refresh the translation sources and compile them.
#
#   bash packaging/update_translations.sh          lupdate + lrelease (after changing strings)
#   bash packaging/update_translations.sh --release lrelease only (the build script uses this)
#
# lupdate collects every self.tr / QCoreApplication.translate / QT_TRANSLATE_NOOP string of
# reader/gui and reader/export, and the core's error message templates (context
# "ReaderError"), into resources/i18n/oqyrman_{kk,ru}.ts, keeping existing
# translations and dropping vanished ones (git keeps their history); translate new entries
# with pyside6-linguist or a text editor, then run this again. lrelease compiles each .ts into the .qm the app loads.
# English is the source language; its catalogue holds only the plural forms ("%n word(s)" ->
# "1 word", "3 words"), which lupdate -pluralonly collects.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bin=.venv/bin
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
languages=(kk ru)

if [ "${1:-}" != "--release" ]; then
  # and the core's error messages: templates marked QT_TRANSLATE_NOOP("ReaderError", ...)
  # (reader/core/errors.py), shown by the GUI through errors.describe
  mapfile -t sources < <({ find reader/gui reader/export -name '*.py'
                           grep -rl --include='*.py' QT_TRANSLATE_NOOP reader/core; } | sort -u)
  for lang in "${languages[@]}"; do
    "$bin/pyside6-lupdate" -silent -no-obsolete -locations none -source-language en \
      -target-language "$lang" "${sources[@]}" -ts "resources/i18n/oqyrman_$lang.ts"
  done
  "$bin/pyside6-lupdate" -silent -no-obsolete -locations none -pluralonly -source-language en \
    -target-language en "${sources[@]}" -ts resources/i18n/oqyrman_en.ts
fi
for lang in "${languages[@]}" en; do
  "$bin/pyside6-lrelease" -silent -removeidentical "resources/i18n/oqyrman_$lang.ts" \
    -qm "resources/i18n/oqyrman_$lang.qm"
done

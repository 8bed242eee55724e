"""Interface language: pick Kazakh, Russian or English and install Qt translators for it.

Our messages come from ``resources/i18n/oqyrman_<lang>.qm`` (built from the ``.ts`` sources by
``packaging/update_translations.sh``); Qt's own dialogs and buttons from the ``qtbase_<lang>.qm``
that PySide6 ships. English is the source language: its catalogue of ours holds only the
plural forms ("%n word(s)" as "1 word", "3 words").
"""

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core.paths import resources_dir
from reader.core.preferences_schema import LANGUAGES

log = logging.getLogger(__name__)

FALLBACK = "en"
_TAG = "oqyrman-translator"  # objectName of the translators we install, to replace them


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def system_language(locale: QLocale | None = None) -> str:
    """The first of the locale's UI languages that we ship, else English."""
    locale = QLocale.system() if locale is None else locale
    for tag in locale.uiLanguages():
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK


def _qt_translations_dir() -> Path:
    """Qt's catalogues: the bundle keeps them under resources/i18n/qt, else PySide6's."""
    bundled = i18n_dir() / "qt"
    if bundled.is_dir():
        return bundled
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _load(app: QCoreApplication, folder: Path, name: str) -> bool:
    translator = QTranslator(app)  # parented: Python must not collect it while installed
    translator.setObjectName(_TAG)
    if not translator.load(name, str(folder)):
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    return True


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall the translators an earlier call installed."""
    for translator in app.findChildren(QTranslator, _TAG):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def install_translators(app: QCoreApplication, language: str | None) -> str:
    """Install the interface language ``language`` (None: the system's); return its code.

    Widgets created afterwards come up translated; ones that exist keep their text until
    rebuilt (:mod:`reader.gui.window_host` builds the window again in a new language).
    """
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES} or None, not {language!r}")
    chosen = language or system_language()
    remove_translators(app)
    QLocale.setDefault(QLocale(chosen))
    if not _load(app, i18n_dir(), f"oqyrman_{chosen}"):
        log.warning("no interface translation for %r in %s", chosen, i18n_dir())
    if chosen != FALLBACK and not _load(app, _qt_translations_dir(), f"qtbase_{chosen}"):
        log.info("Qt ships no qtbase translation for %r", chosen)
    return chosen

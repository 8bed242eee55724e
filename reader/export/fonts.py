"""The bundled Noto Sans, registered with Qt once per process.

The interface, the document view and the typeset PDF all use it, so that the reader looks
the same on every machine (a fresh Debian has only DejaVu) and Kazakh letters come from
one well-made face. Registering a font makes Qt re-lay-out every widget, so it happens
once, at start-up (the GUI) or at the first PDF export (the command line), never again.
"""

import logging
import threading

from reader.core.paths import resources_dir

log = logging.getLogger(__name__)

FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
FALLBACK_FAMILY = "Noto Sans"

_family: str | None = None
_lock = threading.Lock()


def bundled_family() -> str:
    """Register the bundled fonts (once) and return their family name. Needs a
    QGuiApplication."""
    global _family
    with _lock:
        if _family is not None:
            return _family
        from PySide6.QtGui import QFontDatabase

        family = FALLBACK_FAMILY
        for name in FONT_FILES:
            path = resources_dir() / "fonts" / name
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not register the font %s; Qt uses a system font", path)
                continue
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                family = families[0]
        _family = family
        return family

"""Help > About: what Oqyrman is, the versions it runs on, and everything it ships with credit.

The credits list every third-party component, data set and font in the bundle with its
licence, as those licences require (KazNERD's CC BY 4.0 attribution, Qt's LGPL notice, the
OFL's copyright notice, the MIT and BSD notices).
"""

import html
import importlib.metadata
import platform
from dataclasses import dataclass

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core.paths import resources_dir


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # named so lupdate finds the strings
    """Mark ``text`` for translation in ``context``; PySide6's own is typed as returning object."""
    return text


# (shown name, distribution name) of the Python packages whose versions a bug report needs.
DISTRIBUTIONS = (
    ("python-crfsuite", "python-crfsuite"),
    ("natasha", "natasha"),
    ("python-docx", "python-docx"),
    ("pypdf", "pypdf"),
    ("pypdfium2", "pypdfium2"),
    ("lxml", "lxml"),
    ("charset-normalizer", "charset-normalizer"),
    ("platformdirs", "platformdirs"),
)


@dataclass(frozen=True, slots=True)
class Credit:
    """One shipped component: what it is for, its authors and licence."""

    name: str
    what: str  # marked with QT_TRANSLATE_NOOP, translated when shown
    authors: str
    licence: str
    url: str


CREDITS = (
    Credit(
        "KazNERD",
        QT_TRANSLATE_NOOP(
            "AboutDialog", "Kazakh named-entity corpus the entity recogniser is trained on"
        ),
        "Rustem Yeshpanov, Yerbolat Khassanov, Huseyin Atakan Varol: KazNERD: Kazakh Named "
        "Entity Recognition Dataset, LREC 2022",
        "CC BY 4.0",
        "https://github.com/IS2AI/KazNERD",
    ),
    Credit(
        "UD Kazakh-KTB",
        QT_TRANSLATE_NOOP(
            "AboutDialog", "Kazakh treebank with gold lemmas, used to check the lemmatiser"
        ),
        "Francis M. Tyers, Jonathan North Washington and contributors (Universal Dependencies)",
        "CC BY-SA 4.0",
        "https://universaldependencies.org/treebanks/kk_ktb/",
    ),
    Credit(
        "Noto Sans",
        QT_TRANSLATE_NOOP("AboutDialog", "Font embedded in exported PDF files"),
        "The Noto Project Authors (Google)",
        "SIL Open Font License 1.1",
        "https://notofonts.github.io/",
    ),
    Credit(
        "Qt 6, PySide6, Shiboken6",
        QT_TRANSLATE_NOOP("AboutDialog", "User interface toolkit and its Python bindings"),
        "The Qt Company Ltd. and contributors",
        "LGPL-3.0",
        "https://www.qt.io/licensing/open-source-lgpl-obligations",
    ),
    Credit(
        "natasha, navec, slovnet, razdel, yargy, ipymarkup",
        QT_TRANSLATE_NOOP("AboutDialog", "Russian named-entity recognition and its models"),
        "Alexander Kukushkin and contributors",
        "MIT",
        "https://github.com/natasha/natasha",
    ),
    Credit(
        "pymorphy2, pymorphy2-dicts-ru, DAWG-Python",
        QT_TRANSLATE_NOOP("AboutDialog", "Russian morphology (dictionaries from OpenCorpora)"),
        "Mikhail Korobov and contributors; OpenCorpora",
        "MIT; dictionaries CC BY-SA 3.0",
        "https://github.com/pymorphy2/pymorphy2",
    ),
    Credit(
        "python-crfsuite, CRFsuite",
        QT_TRANSLATE_NOOP(
            "AboutDialog", "Conditional random fields for the Kazakh entity recogniser"
        ),
        "Terry Peng, Mikhail Korobov; Naoaki Okazaki",
        "MIT; BSD-3-Clause",
        "https://github.com/scrapinghub/python-crfsuite",
    ),
    Credit(
        "python-docx",
        QT_TRANSLATE_NOOP("AboutDialog", "Reading and writing DOCX files"),
        "Steve Canny and contributors",
        "MIT",
        "https://github.com/python-openxml/python-docx",
    ),
    Credit(
        "pypdf, pypdfium2, PDFium",
        QT_TRANSLATE_NOOP("AboutDialog", "Reading PDF files and adding highlight annotations"),
        "pypdf contributors; pypdfium2 contributors; the PDFium authors",
        "BSD-3-Clause; Apache-2.0 or BSD-3-Clause",
        "https://github.com/pypdfium2-team/pypdfium2",
    ),
    Credit(
        "lxml, libxml2, libxslt",
        QT_TRANSLATE_NOOP("AboutDialog", "Reading XML, HTML, FB2, EPUB and ODT"),
        "lxml developers; Daniel Veillard and contributors",
        "BSD-3-Clause; MIT",
        "https://lxml.de/",
    ),
    Credit(
        "charset-normalizer, platformdirs, NumPy",
        QT_TRANSLATE_NOOP("AboutDialog", "Encoding detection, user folders, numerical arrays"),
        "Their respective authors",
        "MIT; MIT; BSD-3-Clause",
        "https://pypi.org/",
    ),
    Credit(
        "Python",
        QT_TRANSLATE_NOOP(
            "AboutDialog", "The language Oqyrman is written in, with its standard library"
        ),
        "Python Software Foundation",
        "PSF-2.0",
        "https://www.python.org/",
    ),
)


def component_versions() -> list[tuple[str, str]]:
    """(component, version) pairs: Oqyrman, Python, Qt, PySide6 and the key packages."""
    rows = [
        ("Oqyrman", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
    ]
    for shown, dist in DISTRIBUTIONS:
        try:
            rows.append((shown, importlib.metadata.version(dist)))
        except importlib.metadata.PackageNotFoundError:
            rows.append((shown, QCoreApplication.translate("AboutDialog", "not installed")))
    system = QCoreApplication.translate("AboutDialog", "System")
    rows.append((system, platform.platform(terse=True)))
    return rows


def versions_text() -> str:
    """The versions as plain text lines, for pasting into a bug report."""
    return "".join(f"{name}: {version}\n" for name, version in component_versions())


def credits_html() -> str:
    """The credits and licences as an HTML table, names and licences untranslated."""
    rows = []
    for c in CREDITS:
        what = QCoreApplication.translate("AboutDialog", c.what)
        rows.append(
            f'<tr><td><a href="{html.escape(c.url)}"><b>{html.escape(c.name)}</b></a><br>'
            f"{html.escape(what)}<br><small>{html.escape(c.authors)}</small></td>"
            f"<td>{html.escape(c.licence)}</td></tr>"
        )
    intro = QCoreApplication.translate(
        "AboutDialog",
        "Oqyrman is free software under the GNU General Public License, version 3 or "
        "later. It ships with these components, data sets and fonts:",
    )
    heads = (
        QCoreApplication.translate("AboutDialog", "Component"),
        QCoreApplication.translate("AboutDialog", "Licence"),
    )
    return (
        f"<p>{html.escape(intro)}</p><table cellpadding='4'>"
        f"<tr><th align='left'>{heads[0]}</th><th align='left'>{heads[1]}</th></tr>"
        + "".join(rows)
        + "</table>"
    )


class AboutDialog(QDialog):
    """About Oqyrman: a summary, the versions (copyable) and the credits with licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Oqyrman"))
        self.resize(620, 480)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_page(), self.tr("About"))
        self.tabs.addTab(self._versions_page(), self.tr("Versions"))
        self.credits = QTextBrowser()
        self.credits.setOpenExternalLinks(True)
        self.credits.setHtml(credits_html())
        self.tabs.addTab(self.credits, self.tr("Licences and credits"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _about_page(self) -> QWidget:
        page = QWidget()
        icon = QLabel()
        pixmap = QPixmap(str(resources_dir() / "icons" / "oqyrman-128.png"))
        if not pixmap.isNull():
            icon.setPixmap(pixmap)
        text = QLabel(
            "<h2>Oqyrman {version}</h2><p>{summary}</p><p>{licence}</p>".format(
                version=html.escape(__version__),
                summary=html.escape(
                    self.tr(
                        "A reader for Kazakh, Russian and English documents: search that "
                        "understands Kazakh word forms, named entities, highlights and notes, "
                        "annotated PDF and DOCX export."
                    )
                ),
                licence=html.escape(
                    self.tr("Free software under the GNU General Public License v3 or later.")
                ),
            )
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(page)
        row.addWidget(icon)
        row.addWidget(text, 1)
        self.summary = text
        return page

    def _versions_page(self) -> QWidget:
        page = QWidget()
        self.versions = QTreeWidget()
        self.versions.setRootIsDecorated(False)
        self.versions.setHeaderLabels([self.tr("Component"), self.tr("Version")])
        for name, version in component_versions():
            self.versions.addTopLevelItem(QTreeWidgetItem([name, version]))
        self.versions.resizeColumnToContents(0)
        copy = QPushButton(self.tr("&Copy versions"))
        copy.clicked.connect(self._on_copy_versions)
        layout = QVBoxLayout(page)
        layout.addWidget(self.versions)
        layout.addWidget(copy)
        self.copy_button = copy
        return page

    def _on_copy_versions(self) -> None:
        QGuiApplication.clipboard().setText(versions_text())

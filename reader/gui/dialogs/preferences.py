"""Edit > Preferences: interface language, document font and size, theme, default search mode.

The dialog edits a :class:`~reader.core.preferences_schema.Preferences` value and never
writes files itself; the caller stores the result and applies it (:func:`apply_theme` now;
a new language by building the window again, :mod:`reader.gui.window_host`).
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.paths import resources_dir
from reader.core.preferences_schema import (
    AUTHOR_MAX,
    FONT_SIZE_MAX,
    FONT_SIZE_MIN,
    LANGUAGE_NAMES,
    LINE_LENGTH_MAX,
    LINE_LENGTH_MIN,
    Preferences,
    default_author,
)


class PreferencesDialog(QDialog):
    """Modal editor of the preferences; read the result with :meth:`preferences`."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._initial = prefs
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("System default"), None)
        for code, name in LANGUAGE_NAMES.items():  # deliberately not translated
            self.language_box.addItem(name, code)
        self.font_box = QFontComboBox()
        self.size_box = QSpinBox()
        self.size_box.setRange(FONT_SIZE_MIN, FONT_SIZE_MAX)
        self.size_box.setSuffix(self.tr(" pt"))
        self.theme_box = QComboBox()
        self.theme_box.addItem(self.tr("System"), "system")
        self.theme_box.addItem(self.tr("Light"), "light")
        self.theme_box.addItem(self.tr("Dark"), "dark")
        self.search_box = QComboBox()
        self.search_box.addItem(self.tr("Word forms"), "words")
        self.search_box.addItem(self.tr("Exact text"), "exact")
        self.search_box.addItem(self.tr("Regular expression"), "regex")
        self.line_box = QSpinBox()
        self.line_box.setRange(LINE_LENGTH_MIN - 1, LINE_LENGTH_MAX)
        self.line_box.setSpecialValueText(self.tr("Window width"))
        self.line_box.setSuffix(self.tr(" characters"))
        self.line_box.setToolTip(self.tr("How wide a line of the document may be"))
        self.author_edit = QLineEdit()
        self.author_edit.setMaxLength(AUTHOR_MAX)
        self.author_edit.setToolTip(self.tr("Signs the notes and highlights of exported copies"))
        self._build_layout()
        self.set_preferences(prefs)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language_box)
        note = QLabel(
            self.tr(
                "A new language applies at once: the window is built again, with the same "
                "documents at the same places."
            )
        )
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(self.tr("Document &font:"), self.font_box)
        form.addRow(self.tr("Font si&ze:"), self.size_box)
        form.addRow(self.tr("Line &width:"), self.line_box)
        form.addRow(self.tr("&Theme:"), self.theme_box)
        form.addRow(self.tr("Default &search:"), self.search_box)
        form.addRow(self.tr("&Author of notes:"), self.author_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self._on_restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.buttons = buttons

    def set_preferences(self, prefs: Preferences) -> None:
        """Show ``prefs`` in the widgets."""
        _select(self.language_box, prefs.language)
        family = prefs.font_family or QFont().defaultFamily()
        self.font_box.setCurrentFont(QFont(family))
        self.size_box.setValue(prefs.font_size)
        _select(self.theme_box, prefs.theme)
        _select(self.search_box, prefs.search_mode)
        self.author_edit.setText(prefs.author)
        self.line_box.setValue(prefs.line_length or self.line_box.minimum())

    def preferences(self) -> Preferences:
        """The preferences as the widgets show them now."""
        family = self.font_box.currentFont().family()
        if not self._initial.font_family and family == QFont().defaultFamily():
            family = ""  # untouched: keep following the platform's default font
        return Preferences(
            language=self.language_box.currentData(),
            font_family=family,
            font_size=self.size_box.value(),
            theme=self.theme_box.currentData(),
            search_mode=self.search_box.currentData(),
            author=" ".join(self.author_edit.text().split()) or default_author(),
            line_length=0 if self.line_box.value() < LINE_LENGTH_MIN else self.line_box.value(),
        )

    def _on_restore_defaults(self) -> None:
        self.set_preferences(Preferences())

    @classmethod
    def edit(cls, prefs: Preferences, parent: QWidget | None = None) -> Preferences | None:
        """Show the dialog; the new preferences if the user pressed OK, else None."""
        dialog = cls(prefs, parent)
        try:
            return dialog.preferences() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _select(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


def _dark_indicators() -> str:
    """Check boxes that show when unticked: Fusion outlines them a shade darker than the
    window, which on a dark window is invisible."""
    tick = (resources_dir() / "icons" / "check-dark-theme.svg").as_posix()
    box = "QCheckBox::indicator, QAbstractItemView::indicator, QGroupBox::indicator"
    return (
        f"{box} {{ width: 13px; height: 13px; border: 1px solid #9a9a9a;"
        " border-radius: 2px; background: #1e1e1e; }\n"
        f"{box.replace(',', ':checked,')}:checked {{ background: #2f7fc1;"
        f' border-color: #2f7fc1; image: url("{tick}"); }}\n'
        f"{box.replace(',', ':disabled,')}:disabled {{ border-color: #5a5a5a; }}\n"
    )


def _dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2f2f2f",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Highlight: "#2f7fc1",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6cb4ff",
        QPalette.ColorRole.BrightText: "#ff6b6b",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a7a"))
    return p


def apply_theme(app: QApplication, theme: str) -> None:
    """Switch the whole application to ``theme`` ("system", "light" or "dark") at once.

    Platforms that support it get the colour scheme hint; an explicit palette makes the
    choice hold everywhere else (and under the offscreen platform used in tests).
    """
    schemes = {
        "system": Qt.ColorScheme.Unknown,
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }
    if theme not in schemes:
        raise ValueError(f"unknown theme {theme!r}")
    QGuiApplication.styleHints().setColorScheme(schemes[theme])
    app.setStyleSheet(_dark_indicators() if theme == "dark" else "")
    if theme == "dark":
        app.setPalette(_dark_palette())
    elif theme == "light":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(QPalette())  # a palette with nothing set restores the platform's

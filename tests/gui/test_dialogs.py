"""Preferences, About and Keyboard shortcuts dialogs, and the interface languages."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
)
from pytestqt.qtbot import QtBot

from reader import __version__
from reader.core.preferences_schema import Preferences, load_preferences
from reader.gui.context import AppContext
from reader.gui.dialogs.about import AboutDialog, credits_html
from reader.gui.dialogs.menu_actions import install_dialog_actions
from reader.gui.dialogs.preferences import PreferencesDialog, apply_theme
from reader.gui.dialogs.shortcuts import ShortcutsDialog
from reader.gui.features import build_window
from reader.gui.i18n import install_translators, system_language
from reader.gui.main_window import MainWindow
from reader.gui.viewer import document_font


# -- Preferences --------------------------------------------------------------------------
def test_preferences_dialog_returns_what_the_user_chose(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findText("Қазақша"))
    dialog.size_box.setValue(16)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findText("Dark"))
    dialog.search_box.setCurrentIndex(dialog.search_box.findText("Regular expression"))
    chosen = dialog.preferences()
    assert chosen == Preferences(language="kk", font_size=16, theme="dark", search_mode="regex")


def test_preferences_dialog_shows_stored_values_and_restores_defaults(qtbot: QtBot) -> None:
    stored = Preferences(language="ru", font_size=20, theme="light", search_mode="exact")
    dialog = PreferencesDialog(stored)
    qtbot.addWidget(dialog)
    assert dialog.language_box.currentText() == "Русский"
    assert dialog.theme_box.currentText() == "Light"
    assert dialog.preferences() == stored
    restore = dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    restore.click()
    assert dialog.preferences() == Preferences()


def test_choosing_a_font_is_kept(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    families = [f for f in (dialog.font_box.itemText(i) for i in range(dialog.font_box.count()))]
    other = next(f for f in families if f != dialog.font_box.currentFont().family())
    dialog.font_box.setCurrentIndex(families.index(other))
    assert dialog.preferences().font_family == other
    assert document_font(dialog.preferences()).family() == other


def test_edit_returns_none_on_cancel_and_the_choice_on_ok(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert PreferencesDialog.edit(Preferences(theme="dark")) is None
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert PreferencesDialog.edit(Preferences(theme="dark")) == Preferences(theme="dark")


def test_dark_theme_darkens_the_window_and_system_brings_it_back(qapp: QApplication) -> None:
    original = qapp.palette().window().color().lightness()
    try:
        apply_theme(qapp, "dark")
        assert qapp.palette().window().color().lightness() < 80
        assert qapp.palette().text().color().lightness() > 180
        apply_theme(qapp, "light")
        assert qapp.palette().window().color().lightness() > 180
    finally:
        apply_theme(qapp, "system")
    assert qapp.palette().window().color().lightness() == original


# -- Languages ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("locale", "expected"),
    [("kk_KZ", "kk"), ("ru_RU", "ru"), ("ru_KZ", "ru"), ("en_GB", "en"), ("de_DE", "en")],
)
def test_interface_language_follows_the_system_locale(locale: str, expected: str) -> None:
    assert system_language(QLocale(locale)) == expected


def test_kazakh_interface_translates_our_dialogs_and_qts_buttons(qtbot: QtBot, language) -> None:  # type: ignore[no-untyped-def]
    assert language("kk") == "kk"
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Баптаулар"
    assert dialog.theme_box.itemText(2) == "Қараңғы"
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") not in ("Cancel", "")  # Qt's own qtbase_kk


def test_russian_interface(qtbot: QtBot, language) -> None:  # type: ignore[no-untyped-def]
    language("ru")
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Сочетания клавиш"
    assert ("Найти в документе", "Ctrl+F") in dialog.visible_rows()
    prefs = PreferencesDialog(Preferences())
    qtbot.addWidget(prefs)
    cancel = prefs.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Отмена"


def test_switching_back_to_english_removes_the_translation(qtbot: QtBot, language) -> None:  # type: ignore[no-untyped-def]
    language("kk")
    language("en")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About Oqyrman"


def test_unknown_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="language"):
        install_translators(qapp, "de")


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_preference_labels_have_distinct_keyboard_mnemonics(qtbot: QtBot, language, code) -> None:  # type: ignore[no-untyped-def]
    language(code)
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    keys = []
    for label in dialog.findChildren(QLabel):
        text = label.text()
        if "&" in text:
            keys.append(text[text.index("&") + 1].casefold())
    assert len(keys) == 7
    assert len(set(keys)) == len(keys), keys


# -- About --------------------------------------------------------------------------------
def test_about_lists_versions_and_copies_them(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    rows = {
        dialog.versions.topLevelItem(i).text(0): dialog.versions.topLevelItem(i).text(1)  # type: ignore[union-attr]
        for i in range(dialog.versions.topLevelItemCount())
    }
    assert rows["Oqyrman"] == __version__
    assert rows["Qt"] == qVersion()
    assert rows["python-crfsuite"][0].isdigit()
    assert rows["natasha"][0].isdigit()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"Oqyrman: {__version__}\n" in copied
    assert f"Qt: {qVersion()}\n" in copied


def test_about_credits_every_licence_we_must_honour() -> None:
    text = credits_html()
    for needle in (
        "KazNERD",
        "Yeshpanov",
        "Khassanov",
        "Varol",
        "LREC 2022",
        "CC BY 4.0",
        "UD Kazakh-KTB",
        "CC BY-SA 4.0",
        "SIL Open Font License",
        "LGPL-3.0",
        "natasha",
        "MIT",
        "GNU General Public License",
    ):
        assert needle in text, needle


def test_about_credits_are_translated_in_kazakh(qtbot: QtBot, language) -> None:  # type: ignore[no-untyped-def]
    language("kk")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Oqyrman туралы"
    assert "еркін бағдарлама" in dialog.credits.toPlainText()
    assert "KazNERD" in dialog.credits.toPlainText()  # names and licences stay as they are


# -- Keyboard shortcuts -------------------------------------------------------------------
def test_shortcuts_lists_the_documented_keys(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    rows = dialog.visible_rows()
    for row in (
        ("Find in the document", "Ctrl+F"),
        ("Search all open documents", "Ctrl+Shift+F"),
        ("Close the search bar", "Esc"),
        ("Close the tab", "Ctrl+W"),
        ("Undo", "Ctrl+Z"),
    ):
        assert row in rows


def test_shortcuts_take_the_windows_real_actions(qtbot: QtBot) -> None:
    open_action = QAction("&Open…")
    open_action.setShortcut(QKeySequence("Ctrl+O"))
    latin = QAction("Show in &Latin script")
    latin.setShortcuts([QKeySequence("Ctrl+L"), QKeySequence("F7")])
    silent = QAction("No key")
    dialog = ShortcutsDialog([open_action, latin, silent])
    qtbot.addWidget(dialog)
    rows = dialog.visible_rows()
    assert ("Open", "Ctrl+O") in rows
    assert ("Open a document", "Ctrl+O") not in rows
    assert ("Show in Latin script", "Ctrl+L") in rows
    assert ("Show in Latin script", "F7") in rows
    assert not any(what == "No key" for what, _ in rows)


def test_shortcuts_filter_narrows_the_list(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.filter_edit.setText("zoom")
    assert sorted(k for _, k in dialog.visible_rows()) == ["Ctrl++", "Ctrl+-", "Ctrl+0"]
    dialog.filter_edit.setText("f3")
    assert {w for w, _ in dialog.visible_rows()} == {"Next match", "Previous match"}
    dialog.filter_edit.setText("")
    assert len(dialog.visible_rows()) > 15


# -- The whole window -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "menus"),
    [
        ("kk", ["&Файл", "&Түзету", "&Көрініс", "&Анықтама"]),
        ("ru", ["&Файл", "&Правка", "&Вид", "&Справка"]),
        ("en", ["&File", "&Edit", "&View", "&Help"]),
    ],
)
def test_main_window_menus_speak_the_chosen_language(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, language, code: str, menus: list[str]
) -> None:
    language(code)
    window = build_window(ctx)
    qtbot.addWidget(window)
    assert window.features.dialog_actions.preferences_action in window.menus["edit"].actions()
    titles = [window.menus[key].title() for key in ("file", "edit", "view", "help")]
    assert titles == menus
    # every menu's mnemonics are distinct, so Alt+letter reaches one item
    for menu in [window.menuBar(), *window.menus.values()]:
        keys = [
            a.text()[a.text().index("&") + 1].casefold() for a in menu.actions() if "&" in a.text()
        ]
        assert len(keys) == len(set(keys)), (code, menu.title(), keys)


# -- Menu actions -------------------------------------------------------------------------
def _window_with_menus(qtbot: QtBot) -> tuple[QMainWindow, QMenu, QMenu]:
    window = QMainWindow()
    qtbot.addWidget(window)
    edit = window.menuBar().addMenu("&Edit")
    help_ = window.menuBar().addMenu("&Help")
    help_.addAction("&About Oqyrman")
    return window, edit, help_


def test_preferences_action_saves_applies_the_theme_and_tells_the_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, edit, help_ = _window_with_menus(qtbot)
    path = tmp_path / "config" / "preferences.json"
    actions = install_dialog_actions(window, edit, help_, path, Preferences())
    assert actions.preferences_action in edit.actions()
    assert help_.actions()[0] is actions.shortcuts_action
    chosen = Preferences(theme="dark", font_size=18, search_mode="exact")
    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(lambda cls, p, parent: chosen))
    try:
        with qtbot.waitSignal(actions.preferences_changed) as signal:
            actions.preferences_action.trigger()
        assert signal.args == [chosen]
        assert load_preferences(path) == chosen
        assert qapp.palette().window().color().lightness() < 80
    finally:
        apply_theme(qapp, "system")


def test_cancelled_preferences_change_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, edit, help_ = _window_with_menus(qtbot)
    path = tmp_path / "preferences.json"
    actions = install_dialog_actions(window, edit, help_, path, Preferences())
    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(lambda cls, p, parent: None))
    with qtbot.assertNotEmitted(actions.preferences_changed):
        actions.preferences_action.trigger()
    assert not path.exists()


def test_shortcuts_action_lists_the_windows_own_actions(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, edit, help_ = _window_with_menus(qtbot)
    find = QAction("&Find…", window)
    find.setShortcut(QKeySequence("Ctrl+F"))
    edit.addAction(find)
    install_dialog_actions(window, edit, help_, tmp_path / "p.json", Preferences())
    shown: list[list[tuple[str, str]]] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self.visible_rows()))
    next(a for a in help_.actions() if a.shortcut().toString() == "F1").trigger()
    assert ("Find", "Ctrl+F") in shown[0]
    assert ("Preferences", "Ctrl+,") in shown[0]


def test_new_preferences_apply_to_open_documents_and_search(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path,
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication,
) -> None:  # fmt: skip
    session = open_doc(kazakh_file)
    chosen = Preferences(font_size=20, search_mode="regex", theme="dark")
    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(lambda cls, p, parent: chosen))
    try:
        window.features.dialog_actions.preferences_action.trigger()
        assert session.viewer.font().pointSizeF() == 20 + window.session_state().zoom
        assert window.features.search_bar.mode == "regex"
        assert window.features.global_search.mode_combo.currentData() == "regex"
        assert window.preferences == chosen
        assert load_preferences(window.ctx.paths.preferences) == chosen
    finally:
        apply_theme(qapp, "system")


@pytest.mark.parametrize(
    "prefs", [Preferences(), Preferences(font_family="DejaVu Serif", font_size=17)]
)
def test_window_shows_documents_in_the_font_the_dialog_describes(
    qtbot: QtBot, ctx: AppContext, prefs: Preferences
) -> None:
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.apply_preferences(prefs)
    assert window.document_font() == document_font(prefs)


def test_preferences_dialog_edits_the_author_who_signs_notes(qtbot: QtBot) -> None:
    from reader.gui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(Preferences(author="Айгүл Серікқызы"))
    qtbot.addWidget(dialog)
    assert dialog.author_edit.text() == "Айгүл Серікқызы"
    dialog.author_edit.setText("  Дана   Асқарова ")
    assert dialog.preferences().author == "Дана Асқарова"
    dialog.author_edit.setText("")
    assert dialog.preferences().author  # empty falls back to the system's name


def test_dark_theme_shows_unticked_check_boxes(qtbot: QtBot, qapp: object) -> None:
    """An unticked box must stand out from the dark window (Fusion's own outline is a
    shade darker than the window, invisible there)."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QCheckBox

    from reader.gui.dialogs.preferences import apply_theme

    assert isinstance(qapp, QApplication)
    apply_theme(qapp, "dark")
    try:
        box = QCheckBox("Адамдар")
        qtbot.addWidget(box)
        box.resize(120, 24)
        box.show()
        qtbot.waitExposed(box)
        image = box.grab().toImage()
        window = box.palette().window().color().lightness()
        brightest = max(
            QColor(image.pixel(x, y)).lightness()
            for x in range(0, 20)
            for y in range(image.height())
        )
        assert brightest - window > 60  # the box's border, clearly lighter
    finally:
        apply_theme(qapp, "system")

"""Preference values: defaults, validation, and a file that other settings share."""

import json
from pathlib import Path

import pytest

from reader.core.preferences_schema import (
    Preferences,
    from_dict,
    load_preferences,
    save_preferences,
)


def test_defaults_follow_the_system_and_search_word_forms() -> None:
    prefs = Preferences()
    assert prefs.language is None
    assert prefs.theme == "system"
    assert prefs.search_mode == "words"
    assert prefs.font_family == ""


@pytest.mark.parametrize(
    "bad",
    [
        {"language": "de"},
        {"theme": "purple"},
        {"search_mode": "fuzzy"},
        {"font_size": 3},
        {"font_size": 400},
        {"font_size": True},
        {"font_size": "12"},
    ],
)
def test_invalid_values_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Preferences(**bad)  # type: ignore[arg-type]


def test_a_hand_edited_file_keeps_good_values_and_defaults_the_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "preferences.json"
    path.write_text(
        json.dumps(
            {"language": "kk", "theme": "neon", "font_size": "huge", "search_mode": "regex"}
        ),
        encoding="utf-8",
    )
    assert load_preferences(path) == Preferences(language="kk", search_mode="regex")
    assert "ignoring preference theme" in caplog.text  # the user is told, in the log


def test_missing_or_broken_files_give_defaults(tmp_path: Path) -> None:
    assert load_preferences(tmp_path / "none.json") == Preferences()
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert load_preferences(tmp_path / "broken.json") == Preferences()
    assert from_dict(["not", "a", "dict"]) == Preferences()


def test_saving_round_trips_and_keeps_other_settings_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "preferences.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"zoom": 3, "recent": ["a.txt"]}), encoding="utf-8")
    prefs = Preferences(language="ru", font_family="Noto Sans", font_size=14, theme="dark")
    save_preferences(path, prefs)
    assert load_preferences(path) == prefs
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["zoom"] == 3 and stored["recent"] == ["a.txt"]

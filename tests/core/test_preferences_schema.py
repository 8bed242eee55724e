"""Preference values: defaults, validation, and a file that other settings share."""

import json
from collections.abc import Callable, Iterator
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


class _Entry:
    def __init__(self, name: str, gecos: str) -> None:
        self.pw_name, self.pw_gecos = name, gecos


@pytest.fixture
def account(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[_Entry | None], None]]:
    """Pretend the passwd entry of our uid is ``entry`` (None: there is none)."""
    import pwd

    from reader.core import preferences_schema

    def use(entry: _Entry | None) -> None:
        def getpwuid(uid: int) -> _Entry:
            if entry is None:
                raise KeyError(uid)
            return entry

        monkeypatch.setattr(pwd, "getpwuid", getpwuid)
        preferences_schema.default_author.cache_clear()

    yield use
    preferences_schema.default_author.cache_clear()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (_Entry("aigerim", "Айгерім Сәрсен,,,"), "Айгерім Сәрсен"),
        (_Entry("aigerim", "Aigerim Sarsen,Room 4,+7 727 000,"), "Aigerim Sarsen"),
        (_Entry("dana", "& Bekova"), "Dana Bekova"),
        (_Entry("aigerim", ""), "aigerim"),  # no full name: the login name
        (_Entry("aigerim", " ,,,"), "aigerim"),
    ],
)
def test_default_author_is_the_full_name_from_the_system(
    account: Callable[[_Entry | None], None], entry: _Entry, expected: str
) -> None:
    from reader.core.preferences_schema import default_author

    account(entry)
    assert default_author() == expected
    assert Preferences().author == expected  # the Preferences field's default


def test_default_author_without_a_passwd_entry_is_the_login_name(
    account: Callable[[_Entry | None], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.preferences_schema import default_author

    monkeypatch.setenv("LOGNAME", "guest")
    account(None)
    assert default_author() == "guest"


def test_author_is_kept_and_a_bad_one_falls_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from reader.core.preferences_schema import author_of, default_author

    path = tmp_path / "preferences.json"
    save_preferences(path, Preferences(author="Айгерім Сәрсен"))
    assert load_preferences(path).author == "Айгерім Сәрсен"
    for bad in ("two\nlines", 42, "x" * 500):
        assert from_dict({"author": bad}).author == default_author()
    assert author_of(Preferences(author="  ")) == default_author()
    assert "ignoring preference author" in caplog.text

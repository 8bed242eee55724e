"""The choices a user makes in Preferences: their values, defaults and validation (Qt-free).

They live in ``AppPaths.preferences`` (JSON) beside whatever else the GUI keeps there;
:func:`save_preferences` rewrites only its own keys, so window state and recent files
stored in the same file survive. A value that is missing, of the wrong type or out of range
falls back to its default (and is logged): a hand-edited file never stops the app starting.
"""

import functools
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from reader.core.fsutil import atomic_write_json, read_json
from reader.core.modes import MODES

log = logging.getLogger(__name__)

#: The interface languages we ship, Kazakh first, each named in its own language (so a user
#: finds theirs whatever the current interface language is).
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
LANGUAGES = tuple(LANGUAGE_NAMES)
THEMES = ("system", "light", "dark")
SEARCH_MODES = MODES  # the modes of reader.core.search.find
FONT_SIZE_MIN, FONT_SIZE_MAX = 8, 40
LINE_LENGTH_MIN, LINE_LENGTH_MAX = 40, 240
AUTHOR_MAX = 200  # characters; it signs DOCX comments and PDF annotations
FALLBACK_AUTHOR = "Oqyrman"


def _gecos_name(gecos: str, login: str) -> str:
    """The full name in a passwd GECOS field ("Full Name,room,phone,..."); ``&`` is the
    login name capitalised, as finger(1) reads it."""
    return gecos.split(",", 1)[0].replace("&", login.capitalize()).strip()


@functools.cache
def default_author() -> str:
    """The user's full name from the system (passwd's GECOS field), else the login name.

    The default of Preferences' ``author``, which signs the comments and annotations of
    exported copies. Cached: the account does not change while we run.
    """
    try:
        import pwd  # POSIX only

        entry = pwd.getpwuid(os.getuid())
    except (ImportError, KeyError, AttributeError):  # no passwd entry in a bare container
        entry = None
    if entry is not None:
        name = _gecos_name(entry.pw_gecos or "", entry.pw_name)
        return name or entry.pw_name or FALLBACK_AUTHOR
    try:
        import getpass

        return getpass.getuser() or FALLBACK_AUTHOR
    except (OSError, KeyError, ImportError):
        return FALLBACK_AUTHOR


@dataclass(frozen=True, slots=True)
class Preferences:
    """User preferences; ``language=None`` follows the system locale, ``font_family=""``
    the platform's default font; ``author`` signs exported notes (default: the user's full
    name from the system; an empty one means that default too)."""

    language: str | None = None
    font_family: str = ""
    font_size: int = 12
    theme: str = "system"
    search_mode: str = "words"
    author: str = field(default_factory=default_author)
    line_length: int = 80  # characters per line of a document; 0: as wide as the window

    def __post_init__(self) -> None:
        problem = _problem(self)
        if problem:
            raise ValueError(problem)


def _problem(p: Preferences) -> str | None:
    """What is wrong with ``p``, or None."""
    if p.language is not None and p.language not in LANGUAGES:
        return f"language must be one of {LANGUAGES} or None, not {p.language!r}"
    if not isinstance(p.font_family, str):
        return "font_family must be a string"
    if isinstance(p.font_size, bool) or not isinstance(p.font_size, int):
        return f"font_size must be an int, not {p.font_size!r}"
    if not FONT_SIZE_MIN <= p.font_size <= FONT_SIZE_MAX:
        return f"font_size must be in [{FONT_SIZE_MIN}, {FONT_SIZE_MAX}], not {p.font_size}"
    if p.theme not in THEMES:
        return f"theme must be one of {THEMES}, not {p.theme!r}"
    if p.search_mode not in SEARCH_MODES:
        return f"search_mode must be one of {SEARCH_MODES}, not {p.search_mode!r}"
    if not isinstance(p.author, str) or len(p.author) > AUTHOR_MAX:
        return f"author must be a string of at most {AUTHOR_MAX} characters"
    if any(ch in p.author for ch in "\r\n\t\x00"):
        return "author must be one line"
    length = p.line_length
    if isinstance(length, bool) or not isinstance(length, int):
        return f"line_length must be an int, not {length!r}"
    if length and not LINE_LENGTH_MIN <= length <= LINE_LENGTH_MAX:
        return f"line_length must be 0 or in [{LINE_LENGTH_MIN}, {LINE_LENGTH_MAX}], not {length}"
    return None


KEYS = tuple(f.name for f in fields(Preferences))


def from_dict(data: Any) -> Preferences:
    """Preferences from parsed JSON, keeping each valid value and defaulting the rest."""
    if not isinstance(data, dict):
        return Preferences()
    kept: dict[str, Any] = {}
    for key in KEYS:
        if key not in data:
            continue
        try:
            Preferences(**{key: data[key]})
        except (ValueError, TypeError) as exc:
            log.warning("ignoring preference %s: %s", key, exc)
            continue
        kept[key] = data[key]
    return Preferences(**kept)


def to_dict(prefs: Preferences) -> dict[str, Any]:
    return asdict(prefs)


def load_preferences(path: str | Path) -> Preferences:
    """The preferences stored at ``path``; defaults if the file is missing or broken."""
    return from_dict(read_json(path, {}))


def save_preferences(path: str | Path, prefs: Preferences) -> None:
    """Store ``prefs`` in ``path`` atomically, keeping the file's other keys."""
    path = Path(path)
    existing = read_json(path, {})
    merged = existing if isinstance(existing, dict) else {}
    merged.update(to_dict(prefs))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, merged)


def author_of(prefs: Preferences) -> str:
    """The name to sign exports with: the preference, or the system's if it is blank."""
    return prefs.author.strip() or default_author()

"""The search modes, in one place: the search facade, the preferences and the GUI use them.

Its own module so that reading the preferences at start-up does not load the search (and
with it the Kazakh morphology)."""

from typing import Literal

Mode = Literal["exact", "regex", "words"]
MODES: tuple[Mode, ...] = ("words", "exact", "regex")

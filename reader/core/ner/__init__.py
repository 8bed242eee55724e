"""Named-entity recognition for Kazakh (a CRF we train and ship) and Russian (natasha).

``extract(text)`` gives sorted, non-overlapping :class:`~reader.core.spans.EntitySpan`\\ s;
``analyse(text, progress=..., cancel=...)`` groups them into
:class:`~reader.core.ner.entities.Entity` entries (see ``recognizer`` and ``grouping``).

Both load on first use (PEP 562): importing a light submodule such as ``entities`` for its
types must not pull in the recogniser and numpy, which would slow the window's start-up.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.ner.recognizer import analyse, extract

__all__ = ["analyse", "extract"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reader.core.ner import recognizer

        return getattr(recognizer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

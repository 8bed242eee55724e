"""Named-entity recognition for Kazakh (a CRF we train and ship) and Russian (natasha).

``extract(text)`` gives sorted, non-overlapping :class:`~reader.core.spans.EntitySpan`\\ s;
``analyse(text, progress=..., cancel=...)`` groups them into
:class:`~reader.core.ner.entities.Entity` entries (see ``recognizer`` and ``grouping``).
"""

from reader.core.ner.recognizer import analyse, extract

__all__ = ["analyse", "extract"]

"""Named-entity recognition for Kazakh (a CRF we train and ship) and Russian (natasha).

``extract(text)`` is the entry point (see ``reader.core.ner.recognizer``).
"""

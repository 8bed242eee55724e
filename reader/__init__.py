"""Oqyrman: a desktop reader for Kazakh, Russian and English documents."""

__version__ = "0.1.0"

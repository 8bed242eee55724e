"""Dialogs of the reader: preferences, about, keyboard shortcuts and others."""

"""Expected failures, each with a message a person can act on.

Misuse of an API raises ``ValueError``; everything a user can cause by opening the wrong
file or a broken one raises a :class:`ReaderError` subclass whose ``str()`` is one line.

A message is kept as an English template with named fields (a :class:`Message`), so the
command line prints ``str(exc)`` (English) while the GUI shows it in the interface
language: :func:`describe` renders it through a translate function such as Qt's
``QCoreApplication.translate("ReaderError", template)``. Templates are marked with
:func:`QT_TRANSLATE_NOOP`, which lupdate collects into resources/i18n/*.ts
(packaging/update_translations.sh); file names, numbers and OS error texts stay fields.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Union

CONTEXT = "ReaderError"  # the translation context of every core message


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context``; returns it unchanged (no Qt here)."""
    return source


Field = Union[str, int, "Message"]


@dataclass(frozen=True, slots=True)
class Message:
    """An English template (``"{file}: no such file"``) and the values of its fields.

    A template without fields is shown as it is (braces and all); a field may itself be a
    Message, translated in turn. ``str()`` is the English text.
    """

    template: str
    fields: tuple[tuple[str, Field], ...] = ()

    @classmethod
    def of(cls, template: str, **fields: Field) -> "Message":
        return cls(template, tuple(fields.items()))

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The text, with each template passed through ``translate`` (None: English)."""
        values = {name: _render_field(value, translate) for name, value in self.fields}
        english = self.template
        wanted = translate(english) if translate is not None else english
        if not values:
            return wanted
        try:
            return wanted.format_map(values)
        except (KeyError, IndexError, ValueError):  # a translation that broke a field
            return english.format_map(values)

    def __str__(self) -> str:
        return english_articles(self.render())


# "a" before a word said with a vowel first: "an ODT", "an EPUB", "an HTML", "an XML",
# "an OpenDocument" (an abbreviation by its letters' names, a word by its first letter).
_AN = re.compile(r"\ba (?=(?:[AEFHILMNORSX][A-Z0-9]|[AEIOUaeiou]))")


def english_articles(text: str) -> str:
    """English text with "a" made "an" where the next word needs it (the templates say
    "a {format}", and the format is filled in only when the message is shown)."""
    return _AN.sub("an ", text)


def _render_field(value: Field, translate: Callable[[str], str] | None) -> str:
    return value.render(translate) if isinstance(value, Message) else str(value)


def describe(error: "ReaderError | Message", translate: Callable[[str], str]) -> str:
    """The error's one-line message in the language ``translate`` gives.

    ``translate`` maps an English template to its translation, keeping the ``{field}``
    names; it returns the template itself when it has none. For the GUI:
    ``describe(exc, lambda s: QCoreApplication.translate(CONTEXT, s))``.
    """
    message = error.message if isinstance(error, ReaderError) else error
    return message.render(translate)


class ReaderError(Exception):
    """Base of every expected, user-facing failure.

    ``ReaderError("plain text")`` still works (shown untranslated);
    ``ReaderError(QT_TRANSLATE_NOOP(CONTEXT, "{file}: no such file"), file=name)`` keeps the
    template and its fields for :func:`describe`.
    """

    def __init__(self, message: "str | Message", /, **fields: Field) -> None:
        if isinstance(message, Message):
            if fields:
                raise ValueError("give the fields in the Message or here, not both")
            self.message = message
        else:
            self.message = Message.of(message, **fields)
        super().__init__(str(self.message))

    def __reduce__(self) -> tuple[type["ReaderError"], tuple[Message]]:
        return (type(self), (self.message,))  # pickled with its template (worker processes)


class FileAccessError(ReaderError):
    """The file is missing, is a folder, or cannot be read."""


class UnsupportedFormatError(ReaderError):
    """The file's format is not one Oqyrman reads."""


class CorruptDocumentError(ReaderError):
    """The file claims a format but its content is broken, truncated or hostile."""


class PasswordRequiredError(ReaderError):
    """The document is encrypted: it opens with its password (or the one given is wrong)."""


class EncodingError(ReaderError):
    """The text encoding could not be determined."""


class DocumentTooLargeError(CorruptDocumentError):
    """The document (or an archive member) would expand beyond safe limits."""


class CancelledError(ReaderError):
    """The user cancelled a long operation."""


class ExportError(ReaderError):
    """An export could not be written; nothing was left behind."""


class AnnotationFormatError(ReaderError):
    """An annotations file is not W3C Web Annotation JSON we can read."""


class StoreError(ReaderError):
    """The local database could not be opened or written."""

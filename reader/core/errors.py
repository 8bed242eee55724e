"""Expected failures, each with a message a person can act on.

Misuse of an API raises ``ValueError``; everything a user can cause by opening the wrong
file or a broken one raises a :class:`ReaderError` subclass whose ``str()`` is one line.
"""


class ReaderError(Exception):
    """Base of every expected, user-facing failure."""


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

"""Zip containers (DOCX, ODT, EPUB) opened without trusting their headers.

Before anything is inflated we check the magic bytes, the compression methods, the total
declared uncompressed size and each member's compression ratio. While inflating we count the
bytes actually produced, so an archive whose headers lie about sizes is stopped at the limit.
"""

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from reader.core.errors import (
    QT_TRANSLATE_NOOP,
    CorruptDocumentError,
    DocumentTooLargeError,
    Message,
    UnsupportedFormatError,
)
from reader.core.loaders.base import (
    MAX_MEMBER_RATIO,
    MAX_UNPACKED_BYTES,
    LoadContext,
    corrupt,
    display_name,
    in_file,
    is_encrypted_ooxml,
    looks_like,
)
from reader.core.loaders.xmlsafe import declares_entities

ZIP_MAGIC = b"PK\x03\x04"
MAX_MEMBERS = 20_000  # a big EPUB has a few thousand files; a DOCX a few dozen
MAX_DIRECTORY_BYTES = 8 << 20  # the central directory zipfile would hold in memory
RATIO_FLOOR = 1 << 20  # members smaller than 1 MiB may compress as well as they like
_READ = 1 << 16
_MARKUP = (".xml", ".rels", ".opf", ".xhtml", ".html", ".htm", ".ncx")
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError)


def _check_directory(path: Path, kind: str) -> None:
    """Refuse archives whose central directory is huge before zipfile parses all of it.

    Millions of tiny members make a small file that costs gigabytes as ``ZipInfo`` objects.
    The end-of-central-directory record (and its zip64 variant) states both figures.
    """
    with open(path, "rb") as fh:
        size = fh.seek(0, 2)
        fh.seek(max(0, size - (1 << 16) - 22))
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + 22 > len(tail):
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP(
                    "ReaderError", "is a damaged or truncated {format} file (no zip directory)"
                ),
                format=kind,
            )
        members, directory = struct.unpack_from("<HI", tail, at + 10)
        locator = at - 20
        if (members == 0xFFFF or directory == 0xFFFFFFFF) and tail[locator : locator + 4] == (
            b"PK\x06\x07"
        ):
            (record,) = struct.unpack_from("<Q", tail, locator + 8)
            fh.seek(record)
            zip64 = fh.read(56)
            if len(zip64) == 56 and zip64.startswith(b"PK\x06\x06"):
                members, directory = struct.unpack_from("<QQ", zip64, 32)
    if members > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:
        raise DocumentTooLargeError(
            QT_TRANSLATE_NOOP(
                "ReaderError",
                "{file}: refused: its zip directory lists {members} files ({size} KB); "
                "a {format} never has more than {limit}",
            ),
            file=display_name(path),
            members=members,
            size=directory // 1024,
            format=kind,
            limit=MAX_MEMBERS,
        )


class SafeZip:
    """A zip archive checked against size limits; read members with :meth:`read`."""

    def __init__(self, path: Path, head: bytes, kind: str, ctx: LoadContext) -> None:
        self.path = path
        self.kind = kind
        self._ctx = ctx
        self._inflated = 0
        if not head:
            raise corrupt(
                path, QT_TRANSLATE_NOOP("ReaderError", "is empty, not a {format} file"), format=kind
            )
        if is_encrypted_ooxml(path, head):
            raise _encrypted(path, kind)
        if not head.startswith(ZIP_MAGIC):
            detail = looks_like(
                head, QT_TRANSLATE_NOOP("ReaderError", " (it is not a zip archive)")
            )
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP("ReaderError", "is not a {format} file{detail}"),
                format=kind,
                detail=detail,
            )
        _check_directory(path, kind)
        try:
            self._zip = zipfile.ZipFile(path)
        except _ZIP_ERRORS as exc:
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP(
                    "ReaderError", "is a damaged or truncated {format} file ({reason})"
                ),
                format=kind,
                reason=str(exc),
            ) from None
        try:
            self._check_headers()
            self._check_package()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> "SafeZip":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._zip.close()

    def _check_headers(self) -> None:
        total = 0
        for info in self._zip.infolist():
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise corrupt(
                    self.path,
                    QT_TRANSLATE_NOOP(
                        "ReaderError", "uses a compression method a {format} never uses"
                    ),
                    format=self.kind,
                )
            if info.flag_bits & 0x1:
                raise _encrypted(self.path, self.kind)
            total += info.file_size
            if info.file_size > RATIO_FLOOR and (
                info.file_size > MAX_MEMBER_RATIO * max(info.compress_size, 1)
            ):
                why = QT_TRANSLATE_NOOP(
                    "ReaderError", "member {member} is compressed suspiciously well"
                )
                raise self._too_large(Message.of(why, member=repr(info.filename)))
        if total > MAX_UNPACKED_BYTES:
            why = QT_TRANSLATE_NOOP("ReaderError", "would unpack to {size} MB")
            raise self._too_large(Message.of(why, size=total // (1 << 20)))

    def _check_package(self) -> None:
        """Name what we cannot read rather than calling it broken: an OpenDocument whose
        manifest says its parts are encrypted, a Word file in Strict Open XML."""
        manifest = self.kind == "ODT" and self.has(_ODF_MANIFEST)
        small = manifest and self._zip.getinfo(_ODF_MANIFEST).file_size < 1 << 20
        if small and b"encryption-data" in self.read(_ODF_MANIFEST):
            raise _encrypted(self.path, self.kind)
        if self.kind == "DOCX" and self.has("_rels/.rels"):
            rels = self._zip.getinfo("_rels/.rels")
            if rels.file_size < 1 << 20 and _STRICT_OOXML in self.read("_rels/.rels"):
                raise UnsupportedFormatError(
                    in_file(
                        self.path,
                        Message.of(
                            QT_TRANSLATE_NOOP(
                                "ReaderError",
                                "is a Strict Open XML document, which Oqyrman does not read"
                                " yet; save it from Word as a “Word Document (.docx)”",
                            )
                        ),
                    )
                )

    def _too_large(self, why: Message) -> DocumentTooLargeError:
        return DocumentTooLargeError(
            QT_TRANSLATE_NOOP(
                "ReaderError",
                "{file}: refused as a possible zip bomb ({why}; the limit is "
                "{limit} MB unpacked, {ratio}:1 per member)",
            ),
            file=display_name(self.path),
            why=why,
            limit=MAX_UNPACKED_BYTES // (1 << 20),
            ratio=MAX_MEMBER_RATIO,
        )

    def names(self) -> list[str]:
        return self._zip.namelist()

    def has(self, name: str) -> bool:
        try:
            self._zip.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes:
        """A member's bytes, inflated with a cap on what it may actually produce."""
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise corrupt(
                self.path, f"is not a complete {self.kind} file ({name} missing)"
            ) from None
        parts: list[bytes] = []
        self._inflate(info, parts.append)
        return b"".join(parts)

    def verify(self) -> None:
        """Inflate every member once (discarding the bytes) to prove the headers tell the truth.

        Markup members are also scanned for entity declarations, which we never expand, so
        that a library reading the archive later cannot be led into XXE or an entity bomb.
        """
        infos = self._zip.infolist()
        for done, info in enumerate(infos, 1):
            if info.filename.lower().endswith(_MARKUP):
                scanner = _EntityScanner()
                self._inflate(info, scanner)
                if scanner.found:
                    raise corrupt(self.path, f"{info.filename} declares XML entities (refused)")
            else:
                self._inflate(info, lambda _chunk: None)
            self._ctx.progress(done, len(infos))

    def _inflate(self, info: zipfile.ZipInfo, sink: Callable[[bytes], object]) -> None:
        cap = min(info.file_size, MAX_UNPACKED_BYTES - self._inflated)
        produced = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_READ):
                    produced += len(chunk)
                    if produced > cap:
                        why = QT_TRANSLATE_NOOP(
                            "ReaderError", "member {member} inflates past its size"
                        )
                        raise self._too_large(Message.of(why, member=repr(info.filename)))
                    sink(chunk)
                    self._ctx.check()
        except _ZIP_ERRORS as exc:
            raise corrupt(
                self.path,
                QT_TRANSLATE_NOOP(
                    "ReaderError", "is a damaged or truncated {format} file ({reason})"
                ),
                format=self.kind,
                reason=str(exc),
            ) from None
        self._inflated += produced


_ODF_MANIFEST = "META-INF/manifest.xml"
_STRICT_OOXML = b"http://purl.oclc.org/ooxml/"


def _encrypted(path: Path, kind: str) -> CorruptDocumentError:
    return corrupt(
        path,
        QT_TRANSLATE_NOOP(
            "ReaderError",
            "is a password-protected (encrypted) {format}; Oqyrman cannot open it: save a copy"
            " without a password and open that",
        ),
        format=kind,
    )


class _EntityScanner:
    """Looks for entity declarations across chunk boundaries."""

    def __init__(self) -> None:
        self.found = False
        self._tail = b""

    def __call__(self, chunk: bytes) -> None:
        window = self._tail + chunk
        self.found = self.found or declares_entities(window)
        self._tail = window[-40:]

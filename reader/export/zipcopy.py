"""Rewrite a zip package with a few entries replaced or added and every other entry kept
as its original bytes.

An entry that is not replaced is copied as it stands in the source: its local header, its
compressed data and its data descriptor, in the source's order, so a reader comparing the
archives sees the same bytes (same compression, same timestamps, same extra fields). Only
the central directory's local-header offsets are rewritten. Replaced entries keep their
name, date and compression method. Archives that need ZIP64 are rewritten entry by entry
with :mod:`zipfile` instead (contents still identical, compressed bytes may differ).
"""

from __future__ import annotations

import io
import itertools
import logging
import struct
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.core.errors import ExportError

log = logging.getLogger(__name__)

_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory file header
_OFFSET_AT = 42  # byte position of the local header offset in a central record
_MAX32 = 0xFFFFFFFF
_MAX16 = 0xFFFF


@dataclass(frozen=True, slots=True)
class _Raw:
    name: str
    local: bytes  # local header + data + descriptor, exactly as stored
    central: bytes  # the central directory record (its offset field is patched on write)


class _NeedsZip64(Exception):
    """The archive (source or result) is beyond the plain zip limits."""


def rewrite_zip(
    source: Path,
    target: Path,
    replaced: Mapping[str, bytes],
    added: Sequence[tuple[str, bytes]] = (),
    *,
    stored_first: str | None = None,
) -> None:
    """Write ``target``: ``source`` with the ``replaced`` entries' contents swapped and the
    ``added`` entries appended. ``stored_first`` names an entry that must stay first and
    uncompressed (ODF's ``mimetype``); it is then never recompressed."""
    try:
        with source.open("rb") as src:
            entries = _raw_entries(src)
            with zipfile.ZipFile(src) as archive:
                infos = archive.infolist()
                if [i.filename for i in infos] != [e.name for e in entries]:
                    raise _NeedsZip64("central directory and zipfile disagree")
                made = _made_entries(infos, replaced, added)
        out = [made.get(e.name, e) for e in entries] + [made[name] for name, _ in added]
        if stored_first is not None and (not out or out[0].name != stored_first):
            raise ExportError(f"Cannot write a copy of {source.name}: {stored_first} is not first")
        _write(target, out, _comment(source))
    except _NeedsZip64 as why:
        log.info("copying %s entry by entry (%s)", source, why)
        _rewrite_with_zipfile(source, target, replaced, added)
    except (zipfile.BadZipFile, struct.error, EOFError) as exc:
        raise ExportError(f"Cannot copy {source.name}: it is not a readable zip ({exc})") from None


def _made_entries(
    infos: Sequence[zipfile.ZipInfo],
    replaced: Mapping[str, bytes],
    added: Sequence[tuple[str, bytes]],
) -> dict[str, _Raw]:
    """The raw records of replaced and added entries, made by zipfile in memory."""
    by_name = {i.filename: i for i in infos}
    unknown = set(replaced) - set(by_name)
    if unknown:
        raise ValueError(f"entries to replace are not in the archive: {sorted(unknown)}")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as mem:
        for name, data in replaced.items():
            mem.writestr(_like(by_name[name]), data)
        for name, data in added:
            if name in by_name:
                raise ValueError(f"{name} is already in the archive")
            info = zipfile.ZipInfo(name, date_time=_newest(infos))
            info.compress_type = zipfile.ZIP_DEFLATED
            mem.writestr(info, data)
    buf.seek(0)
    return {e.name: e for e in _raw_entries(buf)}


def _like(old: zipfile.ZipInfo) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(old.filename, date_time=old.date_time)
    info.compress_type = old.compress_type
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = old.external_attr
    info.create_system = old.create_system
    return info


def _newest(infos: Sequence[zipfile.ZipInfo]) -> tuple[int, int, int, int, int, int]:
    stamps = [i.date_time for i in infos if i.date_time[0] >= 1980]
    return max(stamps) if stamps else (1980, 1, 1, 0, 0, 0)


def _eocd(src: BinaryIO) -> tuple[int, int, int, int]:
    """(position of the end record, entries, central directory size, its offset)."""
    src.seek(0, io.SEEK_END)
    size = src.tell()
    tail_len = min(size, _EOCD.size + _MAX16)
    src.seek(size - tail_len)
    tail = src.read(tail_len)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0:
        raise zipfile.BadZipFile("no end of central directory")
    fields = _EOCD.unpack_from(tail, at)
    count, cd_size, cd_offset = fields[4], fields[5], fields[6]
    position = size - tail_len + at
    if count == _MAX16 or cd_offset == _MAX32 or cd_size == _MAX32:
        raise _NeedsZip64("ZIP64 archive")
    if cd_offset + cd_size != position:
        raise _NeedsZip64("data before the archive or a ZIP64 locator")
    return position, count, cd_size, cd_offset


def _comment(source: Path) -> bytes:
    with zipfile.ZipFile(source) as archive:
        return archive.comment


def _raw_entries(src: BinaryIO) -> list[_Raw]:
    """Every entry's stored bytes and central record, in central directory order."""
    _, count, cd_size, cd_offset = _eocd(src)
    src.seek(cd_offset)
    directory = src.read(cd_size)
    records: list[tuple[str, int, bytes]] = []
    pos = 0
    for _ in range(count):
        fields = _CENTRAL.unpack_from(directory, pos)
        if fields[0] != b"PK\x01\x02":
            raise zipfile.BadZipFile("bad central directory record")
        n, m, k = fields[12], fields[13], fields[14]
        end = pos + _CENTRAL.size + n + m + k
        raw_name = directory[pos + _CENTRAL.size : pos + _CENTRAL.size + n]
        name = raw_name.decode("utf-8" if fields[5] & 0x800 else "cp437")
        if fields[18] == _MAX32 or fields[10] == _MAX32:
            raise _NeedsZip64("ZIP64 entry")
        records.append((name, fields[18], directory[pos:end]))
        pos = end
    bounds = sorted({offset for _, offset, _ in records} | {cd_offset})
    following = {a: b for a, b in itertools.pairwise(bounds)}
    out = []
    for name, offset, central in records:
        src.seek(offset)
        out.append(_Raw(name, src.read(following[offset] - offset), central))
    return out


def _write(target: Path, entries: Sequence[_Raw], comment: bytes) -> None:
    with target.open("wb") as out:
        centrals = []
        for entry in entries:
            offset = out.tell()
            if offset > _MAX32:
                raise _NeedsZip64("result beyond 4 GB")
            out.write(entry.local)
            c = entry.central
            centrals.append(c[:_OFFSET_AT] + struct.pack("<L", offset) + c[_OFFSET_AT + 4 :])
        cd_offset = out.tell()
        for record in centrals:
            out.write(record)
        cd_size = out.tell() - cd_offset
        if len(entries) >= _MAX16 or cd_offset + cd_size > _MAX32:
            raise _NeedsZip64("too many entries or too large")
        n = len(entries)
        out.write(_EOCD.pack(b"PK\x05\x06", 0, 0, n, n, cd_size, cd_offset, len(comment)))
        out.write(comment)


def _rewrite_with_zipfile(
    source: Path, target: Path, replaced: Mapping[str, bytes], added: Sequence[tuple[str, bytes]]
) -> None:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        out.comment = src.comment
        for info in src.infolist():
            data = replaced[info.filename] if info.filename in replaced else src.read(info)
            out.writestr(_like(info), data)
        for name, data in added:
            info = zipfile.ZipInfo(name, date_time=_newest(src.infolist()))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)

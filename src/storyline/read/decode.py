"""Bytes to text: gzip, binary detection and encodings, with reasons users can act on."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import charset_normalizer

from storyline.errors import InputError

# Beyond this an input is almost certainly not an article (or a dump we should
# not hold in memory twice); JSONL and WARC are streamed record by record instead.
MAX_FILE_BYTES = 64 * 1024 * 1024


def strip_gz(path: Path) -> tuple[str, bool]:
    """The format suffix that matters (``.html`` for ``page.html.gz``) and whether it is gzipped."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"file too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})")
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory") from exc
    except OSError as exc:
        raise InputError(f"unreadable: {exc.strerror or exc}") from exc
    if strip_gz(path)[1]:
        try:
            data = _gunzip(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"corrupt or truncated gzip: {exc}") from exc
    return data


def _gunzip(data: bytes) -> bytes:
    out = gzip.decompress(data)
    if len(out) > MAX_FILE_BYTES * 4:
        raise InputError("decompressed size over the limit")
    return out


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text file.

    UTF-16 text has NULs too, so a BOM exempts it.
    """
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and control / len(head) > 0.05


def decode(data: bytes) -> str:
    """Decode text: UTF-8 (with or without BOM) first, then what charset_normalizer finds."""
    if not data.strip():
        raise InputError("empty file")
    if looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("undecodable text: not UTF-8 and no other encoding fits")
    return str(best)

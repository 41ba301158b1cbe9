"""Bytes in, text out: gzip detection, binary sniffing, forgiving decoding.

Everything works on a forward-only binary stream so that stdin and multi-GB files are read
with flat memory; only a small head is buffered for sniffing.
"""

from __future__ import annotations

import codecs
import gzip
import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .records import ReadWarning

SNIFF_BYTES = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
# C0 control bytes that plain text legitimately contains.
TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
MAX_CONTROL_RATIO = 0.05
MIN_LATIN_SHARE = 0.5  # of a UTF-16/32 head's characters, for it to be taken as text


class _Replay(io.RawIOBase):
    """A raw stream that first replays bytes already consumed, then continues the source.

    Lets us sniff a non-seekable stream (stdin, gzip) without reading it twice.
    """

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _replayed(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(_Replay(head, rest), buffer_size=SNIFF_BYTES)


class _ToUtf8(io.RawIOBase):
    """UTF-16/32 bytes in (BOM first), UTF-8 bytes out: every reader then sees UTF-8.

    Invalid sequences (a lone surrogate, an odd byte at the end) become U+FFFD, counted in
    ``replaced`` so the reader can say so: the UTF-8 readers downstream see valid text."""

    def __init__(self, source: BinaryIO, codec: str) -> None:
        self.codec = codec
        self.replaced = 0
        self._source = source
        self._decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            chunk = self._source.read(SNIFF_BYTES)
            self._done = not chunk
            text = self._decoder.decode(chunk, final=self._done)
            self.replaced += text.count("\ufffd")
            self._pending = text.encode("utf-8")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _wide_codec(head: bytes) -> str | None:
    """The UTF-16/32 codec a byte order mark announces (Excel's "Unicode Text" is UTF-16),
    when what follows reads as text: mostly Latin characters, as Indonesian and English are
    (binary data after the same two bytes would decode to a stream of random characters)."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        codec = "utf-32"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    else:
        return None
    sample = head[:4096].decode(codec, errors="replace")
    latin = sum(1 for char in sample if char < "\u0250" and char != "\ufffd")
    return codec if latin >= MIN_LATIN_SHARE * len(sample) else None


class Sniffed:
    """A stream's first bytes (``head``) and the stream from the start of its content, plus
    what converting it to UTF-8 cost (see :meth:`conversion_warning`)."""

    def __init__(self, raw: BinaryIO) -> None:
        """Gzip is recognised by its magic bytes rather than the file name, so a mislabelled
        ``.jsonl`` that is really gzipped still reads. UTF-16/32 text with a byte order mark
        is converted to UTF-8 on the fly."""
        magic = raw.read(2)
        stream: BinaryIO = _replayed(magic, raw)
        if magic == GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        head = stream.read(SNIFF_BYTES)
        codec = _wide_codec(head)
        self._converted: _ToUtf8 | None = None
        if codec:
            self._converted = _ToUtf8(_replayed(head, stream), codec)
            stream = io.BufferedReader(self._converted,  # type: ignore[assignment]
                                       buffer_size=SNIFF_BYTES)
            head = stream.read(SNIFF_BYTES)
        self.head = head
        self.stream: BinaryIO = _replayed(head, stream)

    def conversion_warning(self) -> str | None:
        """After reading: how many characters of a UTF-16/32 input were not valid and were
        replaced (as the UTF-8 readers warn for bytes they could not decode)."""
        converted = self._converted
        if converted is None or not converted.replaced:
            return None
        codec = converted.codec.upper()
        return f"{converted.replaced:,} characters not valid {codec} replaced by U+FFFD"


def unusable_reason(head: bytes) -> str | None:
    """Why a file whose content starts with ``head`` cannot be read as text, or None."""
    if not head.strip() and len(head) < SNIFF_BYTES:
        return "empty file"
    if b"\x00" in head:
        return "binary file, not text"
    controls = sum(1 for byte in head if byte < 32 and byte not in TEXT_CONTROLS)
    if controls / len(head) > MAX_CONTROL_RATIO:
        return "binary file, not text"
    return None


def decode_bytes(data: bytes, encoding: str | None) -> tuple[str, str | None]:
    """Decode ``data``; return (text, why it is not clean UTF-8 / the user's encoding, or None).

    Never raises: losing an article over one stray byte is worse than a warning.
    """
    if encoding:
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError as error:
            note = f"bytes not valid {encoding} replaced (first: {error.reason})"
            return data.decode(encoding, errors="replace"), note
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    for fallback in FALLBACK_ENCODINGS:
        try:
            return data.decode(fallback), f"not valid UTF-8; decoded as {fallback}"
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


class LineDecoder:
    """Decodes a stream line by line and remembers one warning per kind of trouble.

    Warnings are collected rather than yielded so the CSV module can pull lines through it;
    callers drain them between records.
    """

    def __init__(self, origin: str, encoding: str | None) -> None:
        self.origin = origin
        self.encoding = encoding
        self._seen: set[str] = set()
        self._pending: list[ReadWarning] = []

    def lines(self, stream: Iterable[bytes]) -> Iterator[str]:
        for lineno, raw in enumerate(stream, 1):
            text, note = decode_bytes(raw, self.encoding)
            if note and note not in self._seen:
                self._seen.add(note)
                self._pending.append(
                    ReadWarning(self.origin, f"{note} (first at line {lineno})")
                )
            yield text

    def drain(self) -> list[ReadWarning]:
        pending, self._pending = self._pending, []
        return pending

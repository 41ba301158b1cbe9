"""Streaming article readers: paths in, articles and problems out, one at a time.

``read_articles`` yields three kinds of record, in input order:

- ``SourceArticle``: one article;
- ``ReadProblem``: input that did not become an article (``fatal``: a whole file);
- ``ReadWarning``: all was read, but the user should know (e.g. decoded as cp1252).

Nothing is dropped silently except blank lines and, inside directories, hidden entries and
files of unknown type. No database, no parsing: ingest, eval and benchmarks share this layer.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, BinaryIO
from zlib import error as ZlibError

from .decoding import Sniffed, unusable_reason
from .fields import FIELD_ALIASES, normalize_defaults, parse_date
from .formats import ReadOptions, read_csv, read_html, read_json, read_jsonl, read_text
from .records import (
    FieldMap,
    ReadError,
    ReadItem,
    ReadProblem,
    ReadWarning,
    SourceArticle,
)

__all__ = [
    "FIELD_ALIASES",
    "KNOWN_SUFFIXES",
    "FieldMap",
    "ReadError",
    "ReadItem",
    "ReadProblem",
    "ReadWarning",
    "SourceArticle",
    "files_in",
    "format_of",
    "input_format",
    "parse_date",
    "read_articles",
]

STDIN_NAME = "-"
STDIN_ORIGIN = "<stdin>"
Reader = Callable[[BinaryIO, str, ReadOptions], Iterator[ReadItem]]
READERS: dict[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "html": read_html,
}
KNOWN_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".tsv": "csv",
}
#: What ``input_format`` accepts: a format, or a file suffix naming one (``txt``, ``ndjson``).
INPUT_FORMATS: dict[str, str] = {
    **{name: name for name in READERS}, **{s.lstrip("."): f for s, f in KNOWN_SUFFIXES.items()}}
# Errors a (gzip) stream raises mid-way when the data is truncated or corrupt.
STREAM_ERRORS = (OSError, EOFError, ZlibError)


def format_of(name: str) -> str | None:
    """The format a file name announces (``x.jsonl.gz`` -> jsonl), or None if unknown."""
    lowered = name.lower().removesuffix(".gz")
    return KNOWN_SUFFIXES.get(os.path.splitext(lowered)[1])


def input_format(name: str | None) -> str | None:
    """The reader an ``--input-format`` value names (``csv``, ``txt``, ``ndjson`` ...).

    Raises ValueError for an unknown one, before anything is read."""
    if name is None:
        return None
    found = INPUT_FORMATS.get(name.lower().lstrip("."))
    if found is None:
        raise ValueError(f"unknown input format {name!r} (known: {', '.join(INPUT_FORMATS)})")
    return found


def _format_of_stdin(head: bytes) -> str:
    """stdin has no name: '[' opens a JSON array; '{' opens JSON Lines when the first line
    is a whole object, else one (pretty-printed) JSON document; ``<!doctype html`` or
    ``<html`` a web page; anything else is one text article. ``input_format`` says it
    outright (CSV on stdin)."""
    content = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if content[:14].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if content.startswith(b"["):
        return "json"
    if not content.startswith(b"{"):
        return "text"
    first, newline, _ = content.partition(b"\n")
    if not newline:
        return "jsonl"  # a first record longer than the sniffed head: JSON Lines of big texts
    try:
        json.loads(first)
    except ValueError:
        return "json"
    return "jsonl"


def _read_stream(raw: BinaryIO, origin: str, fmt: str | None, options: ReadOptions,
                 ) -> Iterator[ReadItem]:
    """Sniff, refuse unusable content, then hand over to the format's reader."""
    try:
        sniffed = Sniffed(raw)
        reason = unusable_reason(sniffed.head)
        if reason:
            yield ReadProblem(origin, reason, fatal=True)
            return
        reader = READERS[fmt or _format_of_stdin(sniffed.head)]
        yield from reader(sniffed.stream, origin, options)
        warning = sniffed.conversion_warning()
        if warning:
            yield ReadWarning(origin, warning)
    except STREAM_ERRORS as error:
        reason = f"corrupt or unreadable data, stopped reading: {error}"
        yield ReadProblem(origin, reason, fatal=True)


def _open_problem(origin: str, error: OSError) -> ReadProblem:
    if isinstance(error, FileNotFoundError):
        return ReadProblem(origin, "no such file or directory", fatal=True)
    if isinstance(error, PermissionError):
        return ReadProblem(origin, "permission denied", fatal=True)
    return ReadProblem(origin, f"cannot open: {error.strerror or error}", fatal=True)


def _read_file(path: Path, origin: str, options: ReadOptions,
               fmt: str | None = None) -> Iterator[ReadItem]:
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below, after the generator finishes
    except OSError as error:  # checked first: "no such file" beats "unknown type" for typos
        yield _open_problem(origin, error)
        return
    with raw:
        fmt = fmt or format_of(path.name)
        if fmt is None:
            known = ", ".join(KNOWN_SUFFIXES)
            reason = (f"unknown file type (known: {known}, optionally .gz; "
                      "or say which with --input-format)")
            yield ReadProblem(origin, reason, fatal=True)
            return
        yield from _read_stream(raw, origin, fmt, options)


def files_in(directory: Path, pattern: str | None = None,
             on_error: Callable[[OSError], None] | None = None,
             any_type: bool = False) -> list[Path]:
    """Article files under ``directory``, sorted by relative path for deterministic runs.

    Hidden files and directories (``.git``...) and unknown types are skipped (unknown types
    are kept with ``any_type`` and a ``pattern``: the caller names their format); ``pattern``
    is matched against the file name or the path relative to ``directory``.
    """
    found: list[tuple[str, Path]] = []
    for root, dirs, names in os.walk(directory, onerror=on_error):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            if name.startswith(".") or format_of(name) is None and not (any_type and pattern):
                continue
            path = Path(root, name)
            relative = path.relative_to(directory).as_posix()
            if pattern and not (fnmatchcase(name, pattern) or fnmatchcase(relative, pattern)):
                continue
            found.append((relative, path))
    return [path for _, path in sorted(found)]


def _read_directory(directory: Path, pattern: str | None, options: ReadOptions,
                    fmt: str | None = None) -> Iterator[ReadItem]:
    errors: list[OSError] = []
    paths = files_in(directory, pattern, errors.append, any_type=fmt is not None)
    for error in errors:
        yield _open_problem(str(error.filename or directory), error)
    if not paths:
        wanted = pattern or ", ".join(KNOWN_SUFFIXES)
        yield ReadProblem(str(directory), f"no article files found (looked for {wanted})", True)
    for path in paths:
        yield from _read_file(path, str(path), options, fmt)


def _read_any(name: str | Path, pattern: str | None, options: ReadOptions,
              fmt: str | None = None) -> Iterator[ReadItem]:
    if str(name) == STDIN_NAME:
        yield from _read_stream(sys.stdin.buffer, STDIN_ORIGIN, fmt, options)
        return
    path = Path(name)
    if path.is_dir():
        yield from _read_directory(path, pattern, options, fmt)
    else:
        yield from _read_file(path, str(name), options, fmt)


def read_articles(
    paths: Sequence[str | Path],
    *,
    glob: str | None = None,
    encoding: str | None = None,
    strict: bool = False,
    fields: FieldMap | None = None,
    defaults: Mapping[str, Any] | None = None,
    fmt: str | None = None,
) -> Iterator[SourceArticle | ReadProblem | ReadWarning]:
    """Yield every article of ``paths`` (files, directories, ``-`` for stdin) in order.

    ``glob`` filters files inside directories; ``encoding`` replaces the UTF-8 -> cp1252 ->
    latin-1 guesswork; ``fields`` names JSON fields / CSV columns; ``defaults`` is metadata from
    the command line (title/url/outlet/published/lang): it overrides what a single-article
    file says, and fills outlet/published/lang where a JSONL/CSV record has none. ``fmt``
    (see :func:`input_format`) is the format of every input, whatever its name says (Excel's
    "Unicode Text" export is tab-separated in a ``.txt``); in directories, it also admits
    files of unknown type that ``glob`` picks.
    With ``strict`` the first ReadProblem raises ReadError instead (warnings still yield).
    Invalid ``defaults`` raise ValueError at once, before anything is read.
    """
    if isinstance(paths, str | Path):
        paths = [paths]  # a lone path is a common slip; a str would iterate by character
    options = ReadOptions(encoding, fields or FieldMap(), normalize_defaults(defaults))
    return _checked(paths, glob, options, strict, input_format(fmt))


def _checked(paths: Sequence[str | Path], pattern: str | None, options: ReadOptions,
             strict: bool, fmt: str | None) -> Iterator[ReadItem]:
    for name in paths:
        for item in _read_any(name, pattern, options, fmt):
            if strict and isinstance(item, ReadProblem):
                raise ReadError(item)
            yield item

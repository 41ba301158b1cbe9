"""Reading and parsing on a Dask cluster; writing stays in one local writer.

The parser's input and output are plain picklable records, so the work ships
as-is: a partition is either a chunk of JSON Lines (raw bytes, decoded and
parsed on the worker) or a group of whole files (txt, csv, html). Results come
back in submission order, so a Dask ingest stores exactly what a local one
stores, in the same order; at most ``window`` partitions are in flight, which
keeps the driver's memory flat.
"""

from __future__ import annotations

import gzip
import io
import os
import re
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from claims.errors import ClaimsError
from claims.parse import ParsedArticle
from claims.readers import (
    FieldMap,
    ReadProblem,
    ReadWarning,
    SourceArticle,
    files_in,
    format_of,
    read_articles,
)
from claims.readers.fields import normalize_defaults
from claims.readers.formats import ReadOptions, read_jsonl

#: What a partition yields: read problems/warnings, or an article with its parse.
Parsed = tuple[SourceArticle, ParsedArticle]
Item = ReadProblem | ReadWarning | Parsed

CHUNK_LINES = 2_000
FILES_PER_PARTITION = 200
_LINE_SUFFIX = re.compile(r":(\d+)$")


def _parse_items(items: Iterator[SourceArticle | ReadProblem | ReadWarning]) -> list[Item]:
    from claims.ingest import parse_source

    out: list[Item] = []
    for item in items:
        out.append((item, parse_source(item)) if isinstance(item, SourceArticle) else item)
    return out


def _shift(origin: str, base: str, offset: int) -> str:
    """``base:N`` -> ``base:N+offset`` (chunk-relative line numbers to file line numbers)."""
    if origin.startswith(base + ":"):
        found = _LINE_SUFFIX.search(origin)
        if found:
            return f"{origin[:found.start()]}:{int(found.group(1)) + offset}"
    return origin


def parse_jsonl_chunk(blob: bytes, origin: str, first_line: int,
                      options: ReadOptions) -> list[Item]:
    """Worker task: decode and parse a chunk of JSON Lines that starts at ``first_line``."""
    items = _parse_items(read_jsonl(io.BytesIO(blob), origin, options))
    offset = first_line - 1
    for item in items:
        target = item[0] if isinstance(item, tuple) else item
        target.origin = _shift(target.origin, origin, offset)
    return items


def parse_files(paths: Sequence[str], options: ReadOptions) -> list[Item]:
    """Worker task: read and parse whole files."""
    return _parse_items(read_articles(paths, encoding=options.encoding, fields=options.fields,
                                      defaults=dict(options.defaults)))


def _open_lines(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        if not gzipped:
            yield from raw
            return
        with gzip.open(raw) as stream:
            yield from stream


def _expand(paths: Sequence[str | os.PathLike[str]], glob: str | None) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        if str(name) == "-":
            raise ClaimsError("--dask cannot read stdin; give files or directories")
        path = Path(name)
        files.extend(files_in(path, glob) if path.is_dir() else [path])
    return files


def partitions(paths: Sequence[str | os.PathLike[str]], options: ReadOptions,
               glob: str | None = None, chunk_lines: int = CHUNK_LINES,
               ) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    """(task function, arguments) for every partition of the input, in input order."""
    group: list[str] = []
    for path in _expand(paths, glob):
        if format_of(path.name) != "jsonl" or not path.exists():
            group.append(str(path))
            if len(group) >= FILES_PER_PARTITION:
                yield parse_files, (group, options)
                group = []
            continue
        if group:
            yield parse_files, (group, options)
            group = []
        lines: list[bytes] = []
        first = 1
        for number, line in enumerate(_open_lines(path), 1):
            lines.append(line)
            if len(lines) >= chunk_lines:
                yield parse_jsonl_chunk, (b"".join(lines), str(path), first, options)
                lines, first = [], number + 1
        if lines:
            yield parse_jsonl_chunk, (b"".join(lines), str(path), first, options)
    if group:
        yield parse_files, (group, options)


def dask_client(address: str):  # type: ignore[no-untyped-def]
    """A distributed Client: ``local`` starts a local cluster (one process per core)."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ClaimsError("Dask is not installed: pip install 'claims[dask]'") from exc
    if address == "local":  # the client owns this cluster and closes it with itself
        return Client(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None)
    return Client(address)


def parse_on_dask(
    paths: Sequence[str | os.PathLike[str]],
    client: Any,
    *,
    glob: str | None = None,
    encoding: str | None = None,
    fields: FieldMap | None = None,
    defaults: Mapping[str, Any] | None = None,
    chunk_lines: int = CHUNK_LINES,
    window: int | None = None,
) -> Iterator[Item]:
    """Read and parse ``paths`` on the cluster behind ``client``; yield results in input order."""
    options = ReadOptions(encoding, fields or FieldMap(), normalize_defaults(defaults))
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = window or 2 * workers
    pending: deque[Any] = deque()
    for func, args in partitions(paths, options, glob, chunk_lines):
        pending.append(client.submit(func, *args, pure=False))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()

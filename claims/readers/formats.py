"""One reader per input format; each turns a sniffed binary stream into read items.

Multi-article formats (JSONL, CSV) go line by line so memory stays flat; single-article
formats (text, HTML) read their one file whole.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from itertools import chain
from typing import Any, BinaryIO

from .decoding import LineDecoder, decode_bytes
from .fields import (
    SHARED_DEFAULT_KEYS,
    article_from_record,
    candidate_keys,
    missing_text_reason,
    override,
    parse_date,
)
from .records import FieldMap, ReadItem, ReadProblem, ReadWarning, SourceArticle

CSV_DELIMITERS = (",", ";", "\t", "|")
#: How much of a tab-separated file is read to tell whether it quotes its cells.
TAB_SNIFF_LINES, TAB_SNIFF_CHARS = 200, 1_000_000
MAX_CSV_FIELD = 128 * 1024 * 1024
_HTML_LANG = re.compile(
    rb"<html\b[^>]*?(?<![\w-])lang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE
)


@dataclass(slots=True, frozen=True)
class ReadOptions:
    """The caller's choices, validated once and shared by every reader."""

    encoding: str | None = None
    fields: FieldMap = field(default_factory=FieldMap)
    defaults: Mapping[str, Any] = field(default_factory=dict)

    @property
    def shared_defaults(self) -> dict[str, Any]:
        return {key: value for key, value in self.defaults.items() if key in SHARED_DEFAULT_KEYS}


def _json_type(value: Any) -> str:
    names = {list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def read_jsonl(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[ReadItem]:
    """One JSON object per line; a bad line costs that line only."""
    decoder = LineDecoder(origin, options.encoding)
    shared = options.shared_defaults
    seen_content = False
    for lineno, line in enumerate(decoder.lines(stream), 1):
        yield from decoder.drain()
        stripped = line.strip()
        if not stripped:
            continue
        if not seen_content and not stripped.startswith(("{", "[")):
            yield ReadProblem(origin, "not JSON Lines: the first line is not a JSON object", True)
            return
        seen_content = True
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(stripped)
        except json.JSONDecodeError as error:
            yield ReadProblem(where, f"invalid JSON: {error.msg} (column {error.colno})")
            continue
        except (ValueError, RecursionError) as error:  # 5000-digit numbers, [[[[... nesting
            yield ReadProblem(where, f"invalid JSON: {str(error).split(':')[0]}")
            continue
        yield _json_article(record, where, options, shared)


#: A JSON element (one article object) larger than this is refused rather than buffered.
MAX_JSON_ELEMENT = 128 * 1024 * 1024
#: Keys under which a JSON document wraps its list of articles ({"articles": [...]}).
JSON_LIST_KEYS = ("articles", "data", "items", "results", "records", "docs")
_JSON_SPACE = re.compile(r"[\s,]*")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def read_json(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[ReadItem]:
    """A JSON array of article objects, streamed element by element (pretty-printed or one
    object per line), or one object: an article, or a wrapper holding the list under a key
    such as ``articles`` or ``data`` (read whole). Each item is reported as ``file:line`` of
    where it starts. A broken element costs that element: reading resumes at the next line
    that opens an object at the same indentation (a one-line array loses the rest of it).
    """
    decoder = LineDecoder(origin, options.encoding)
    shared = options.shared_defaults
    parser = json.JSONDecoder()
    buffer, first_line = "", 1  # unread text and the line it starts on
    opened: str | None = None  # "[" inside the top-level array, "{" for one object
    closed = False
    resync_indent: int | None = None  # after a broken element: skip to the next one
    lineno = 0

    def line_of(pos: int) -> int:
        return first_line + buffer.count("\n", 0, pos)

    for lineno, line in enumerate(chain(decoder.lines(stream), [None]), 1):
        yield from decoder.drain()
        if line is None:  # the end: what is left in the buffer is read once more
            lineno -= 1
        elif resync_indent is not None:
            if not (line.lstrip().startswith("{") and _indent(line) == resync_indent):
                continue
            resync_indent, buffer, first_line = None, "", lineno
        if line is not None:
            if not buffer:
                first_line = lineno
            buffer += line
            if len(buffer) > MAX_JSON_ELEMENT:
                yield ReadProblem(f"{origin}:{first_line}", "a JSON element larger than "
                                  f"{MAX_JSON_ELEMENT // 2**20} MB; stopped reading", fatal=True)
                return
            if opened == "[" and line.rstrip().rstrip(",")[-1:] not in ("}", "]", ""):
                continue  # inside an element (a pretty-printed property): it cannot end here
        pos = 0
        while True:
            pos = _JSON_SPACE.match(buffer, pos).end() if opened == "[" else (
                len(buffer) - len(buffer[pos:].lstrip()))
            if pos >= len(buffer):
                break
            if closed:
                yield ReadProblem(f"{origin}:{line_of(pos)}",
                                  "unexpected data after the end of the JSON document; "
                                  "stopped reading", fatal=True)
                return
            if opened is None and buffer[pos] == "[":
                opened, pos = "[", pos + 1
                continue
            if opened is None and buffer[pos] != "{":
                yield ReadProblem(origin, "not JSON: expected an array of article objects "
                                  "or one object", fatal=True)
                return
            if opened == "[" and buffer[pos] == "]":
                closed, pos = True, pos + 1
                continue
            try:
                value, end = parser.raw_decode(buffer, pos)
            except (ValueError, RecursionError) as error:  # also 5000-digit numbers, nesting
                if isinstance(error, json.JSONDecodeError):
                    if error.pos >= len(buffer.rstrip()):
                        break  # the element goes on in the next lines
                    reason = (f"invalid JSON: {error.msg} (line {line_of(error.pos)}, "
                              f"column {error.colno})")
                else:
                    reason = f"invalid JSON: {str(error).split(':')[0]}"
                yield ReadProblem(f"{origin}:{line_of(pos)}", reason)
                start = buffer.rfind("\n", 0, pos) + 1
                resync_indent = _indent(buffer[start:pos + 1])
                buffer, pos = "", 0
                break
            where = f"{origin}:{line_of(pos)}"
            if opened is None:
                opened, closed = "{", True
                yield from _json_document(value, where, options, shared)
            else:
                yield _json_article(value, where, options, shared)
            pos = end
        keep = buffer.rfind("\n", 0, pos) + 1
        if buffer[keep:pos].strip(" \t"):
            keep = pos  # an element after another on its line: keep only what is unread
        elif not buffer[pos:].strip():
            keep = len(buffer)  # nothing pending
        first_line = line_of(keep)  # (else from its line's start: the indentation is kept)
        buffer = buffer[keep:]
    yield from decoder.drain()
    if opened is None and not buffer.strip():
        yield ReadProblem(origin, "empty file", fatal=True)
    elif not closed and resync_indent is None or buffer.strip():
        where = f"{origin}:{first_line if buffer.strip() else lineno}"
        yield ReadProblem(where, "the JSON document is cut short (truncated file?); "
                          "what came before was read")


def _json_document(value: dict[str, Any], where: str, options: ReadOptions,
                   shared: Mapping[str, Any]) -> Iterator[ReadItem]:
    """One top-level object: an article, or a wrapper with the articles under a list key."""
    wrapped = next((value[key] for key in value if isinstance(key, str)
                    and key.lower() in JSON_LIST_KEYS and isinstance(value[key], list)), None)
    if wrapped is None or candidate_keys({k.lower(): k for k in value}, "text", options.fields):
        yield article_from_record(value, where, options.fields, shared)
        return
    for n, element in enumerate(wrapped, 1):
        yield _json_article(element, f"{where} #{n}", options, shared)


def _json_article(value: Any, where: str, options: ReadOptions,
                  shared: Mapping[str, Any]) -> ReadItem:
    """A JSON value that should be an article object: the article, or why it is not one."""
    if not isinstance(value, dict):
        return ReadProblem(where, f"expected a JSON object, got {_json_type(value)}")
    return article_from_record(value, where, options.fields, shared)


def _allow_large_csv_fields() -> None:
    """A 10 MB article in one cell exceeds csv's 128 KB default limit.

    Bounded (not sys.maxsize) so an unclosed quote cannot pull a multi-GB file into memory.
    """
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_FIELD))


def sniff_delimiter(header_line: str) -> str:
    """Exports from Indonesian-locale spreadsheets use ';'; tabs and pipes also occur."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in CSV_DELIMITERS}
    best = max(CSV_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _csv_header_problem(header: list[str], chosen: FieldMap) -> str | None:
    """Why this header cannot give articles; checked before any row is yielded."""
    available = {name.lower(): name for name in header if name}
    listing = ", ".join(header) or "(none)"
    if not candidate_keys(available, "text", chosen):
        return f"{missing_text_reason(chosen, 'column')}; columns are: {listing}"
    for choice in fields(chosen):
        name = choice.name
        wanted = getattr(chosen, name)
        if wanted and wanted.lower() not in available:
            return f"no column '{wanted}' (for {name}); columns are: {listing}"
    return None


def _csv_row_error(error: csv.Error, first_line: int, last_line: int) -> str:
    if "unexpected end of data" in str(error):
        return f"unclosed quotation mark: lines {first_line}-{last_line} are not valid rows"
    return f"malformed CSV row: {error}"


def _tab_quoting(header: str, lines: Iterator[str]) -> tuple[int, Iterator[str]]:
    '''Whether a tab-separated file quotes its cells as Excel and pandas do (a cell holding a
    quotation mark is quoted, the mark doubled) or writes them as they are, as Google Sheets
    and database dumps do (a news text starting with a quotation mark). The first rows decide:
    quoting is dropped only where it breaks them and plain tab-splitting gives every row the
    header's width. Returns the lines, none consumed.'''
    head: list[str] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if len(head) >= TAB_SNIFF_LINES or size >= TAB_SNIFF_CHARS:
            break
    rest = chain(head, lines)
    try:
        for _ in csv.reader([header, *head], delimiter="\t", strict=True):
            pass
    except csv.Error:
        width = header.count("\t")
        if all(line.count("\t") == width for line in head if line.strip()):
            return csv.QUOTE_NONE, rest
    return csv.QUOTE_MINIMAL, rest


def read_csv(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[ReadItem]:
    """Header row first; each later row is one article."""
    _allow_large_csv_fields()
    decoder = LineDecoder(origin, options.encoding)
    lines = decoder.lines(stream)
    blank_lines_before_header = 0
    first = ""
    for first in lines:
        if first.strip():
            break
        blank_lines_before_header += 1
    delimiter = sniff_delimiter(first)
    quoting = csv.QUOTE_MINIMAL
    if delimiter == "\t":
        quoting, lines = _tab_quoting(first, lines)
    # strict: an unclosed quote at the end is an error, not one giant silent cell.
    reader = csv.reader(chain([first], lines), delimiter=delimiter, quoting=quoting,
                        strict=True)

    def lines_read() -> int:
        return reader.line_num + blank_lines_before_header

    try:
        header = [cell.strip().lstrip("\ufeff") for cell in next(reader, [])]
    except csv.Error as error:
        yield ReadProblem(origin, f"malformed CSV header: {error}", fatal=True)
        return
    problem = _csv_header_problem(header, options.fields)
    if problem:
        yield ReadProblem(origin, problem, fatal=True)
        return
    yield from decoder.drain()
    shared = options.shared_defaults
    last_line = lines_read()
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield ReadProblem(f"{origin}:{start}", _csv_row_error(error, start, lines_read()))
            continue
        finally:
            last_line = lines_read()
        yield from decoder.drain()
        if not any(cell.strip() for cell in row):
            continue
        where = f"{origin}:{start}"
        if len(row) > len(header):
            reason = f"row has {len(row)} cells but the header has {len(header)}"
            yield ReadProblem(where, reason)
            continue
        record = dict(zip(header, row, strict=False))
        yield article_from_record(record, where, options.fields, shared, what="column")


def read_text(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[ReadItem]:
    """The whole file is one article; metadata only from the command line."""
    text, note = decode_bytes(stream.read(), options.encoding)
    if note:
        yield ReadWarning(origin, note)
    text = text.strip()
    if not text:
        yield ReadProblem(origin, "empty file", fatal=True)
        return
    yield override(SourceArticle(text=text, origin=origin), options.defaults)


def without_leading_title(text: str, title: str | None) -> str:
    """trafilatura keeps the <h1> as the first line; the title is metadata, not body text."""
    first, newline, rest = text.partition("\n")
    if title and newline and first.strip() == title.strip() and rest.strip():
        return rest.lstrip("\n")
    return text


def html_lang(page: bytes) -> str | None:
    """Primary language subtag of ``<html lang="id-ID">``; trafilatura does not report it."""
    match = _HTML_LANG.search(page, 0, 8192)
    return match.group(1).decode("ascii").lower() if match else None


def read_html(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[ReadItem]:
    """Main text and metadata via trafilatura, imported lazily (heavy, optional)."""
    try:
        import trafilatura
    except ImportError:
        yield ReadProblem(origin, "reading HTML needs trafilatura (pip install trafilatura)", True)
        return
    data = stream.read()
    # Without a user encoding, give trafilatura the bytes: it honours <meta charset>.
    page: bytes | str = data
    if options.encoding:
        page, note = decode_bytes(data, options.encoding)
        if note:
            yield ReadWarning(origin, note)
    try:
        result = trafilatura.bare_extraction(
            page, url=options.defaults.get("url"), with_metadata=True
        )
    except Exception as error:  # noqa: BLE001 - third-party parser; one page must not stop a batch
        yield ReadProblem(origin, f"HTML extraction failed: {error}", fatal=True)
        return
    document: dict[str, Any] = {}
    if result is not None:
        document = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = document.get("text") or ""
    if not text.strip():
        yield ReadProblem(origin, "no main text found in HTML", fatal=True)
        return
    title = document.get("title") or None
    article = SourceArticle(
        text=without_leading_title(text, title),
        title=title,
        url=document.get("url") or None,
        outlet=document.get("sitename") or None,
        published=parse_date(document.get("date")),
        lang=document.get("language") or html_lang(data),
        origin=origin,
    )
    yield override(article, options.defaults)

"""Writing rows out: table, CSV, TSV, JSON, JSONL.

CSV and TSV are safe to open in a spreadsheet: a text cell that starts with
``= + - @``, a tab or a carriage return gets a leading ``'`` so it is shown,
not executed (formula injection).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_COLUMNS = [
    "id", "speaker", "speaker_kind", "role", "affiliation", "text", "kind", "cue", "mention",
    "resolution", "confidence", "outlet", "via", "said_on", "published", "lang", "title", "url",
    "article_id", "start", "end", "claim_id", "relation",
]


def neutralise_cell(value: Any) -> Any:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _cells(row: dict[str, Any], columns: list[str]) -> list[Any]:
    return ["" if row.get(c) is None else neutralise_cell(_plain(row.get(c))) for c in columns]


def write_delimited(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str],
                    delimiter: str = ",", bom: bool = False) -> int:
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow(_cells(row, columns))
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str] | None) -> int:
    n = 0
    for row in rows:
        data = row if columns is None else {c: row.get(c) for c in columns}
        out.write(json.dumps(data, ensure_ascii=False, default=_plain) + "\n")
        n += 1
    return n


def write_json(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str] | None) -> int:
    data = [row if columns is None else {c: row.get(c) for c in columns} for row in rows]
    json.dump(data, out, ensure_ascii=False, default=_plain, indent=2)
    out.write("\n")
    return len(data)


def write_table(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str],
                title: str | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for c in columns:
        table.add_column(c, overflow="fold", max_width=70 if c in {"text", "snippet"} else 30)
    n = 0
    for row in rows:
        table.add_row(*[_table_cell(row.get(c)) for c in columns])
        n += 1
    Console(file=out, width=None if out.isatty() else 200, soft_wrap=False).print(table)
    return n


def _table_cell(value: Any):  # type: ignore[no-untyped-def]
    """A rich Text (never parsed as markup); ``[match]`` snippet markers shown bold."""
    from rich.text import Text

    if value is None:
        return Text("")
    cell = Text(str(_plain(value)))
    cell.highlight_regex(r"\[[^\]\n]*\]", "bold yellow")
    return cell


def write_records(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str] | None = None, *,
                  columns: list[str] | None = None, title: str | None = None,
                  table_columns: list[str] | None = None, bom: bool = False) -> int:
    """Write rows in ``fmt``; returns how many were written."""
    out = out or sys.stdout
    rows = iter(rows)
    if fmt in {"csv", "tsv", "table"} and columns is None:
        first = next(rows, None)
        if first is None:
            columns = []
            rows = iter(())
        else:
            columns = list(first)
            rows = _chain_first(first, rows)
    if fmt == "csv":
        return write_delimited(rows, out, columns or [], ",", bom)
    if fmt == "tsv":
        return write_delimited(rows, out, columns or [], "\t", bom)
    if fmt == "jsonl":
        return write_jsonl(rows, out, columns)
    if fmt == "json":
        return write_json(rows, out, columns)
    if fmt == "table":
        return write_table(rows, out, table_columns or columns or [], title)
    raise ValueError(f"unknown format {fmt!r}")


def _chain_first(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest

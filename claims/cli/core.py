"""Reading commands: search, speakers, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from claims.cli.app import (
    DbOption,
    FormatOption,
    OutputFormat,
    SilentOption,
    VerboseOption,
    app,
    err,
    fail,
    handle_errors,
    write_rows,
)
from claims.cli.options import parse_date_option as _date


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(help="Words to find (part of a word works).")]
    = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name or alias.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    via: Annotated[str | None, typer.Option(help="Outlet the quote was taken from.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (said_on, else published).")]
    = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.")] = None,
    kind: Annotated[str | None, typer.Option(help="direct or partial.")] = None,
    lang: Annotated[str | None, typer.Option(help="Article language (id, en).")] = None,
    order: Annotated[str, typer.Option(help="rank (best match) or date (newest).")] = "rank",
    raw: Annotated[bool, typer.Option(help="Pass the query to FTS5 unescaped.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 50,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    verbose: VerboseOption = False,
) -> None:
    """Search quotes by words and filters."""
    from claims.db import open_engine
    from claims.query import QuoteFilter, iter_quotes

    if order not in {"rank", "date"}:
        raise fail("--order must be rank or date", 2)
    flt = QuoteFilter(query=query, speaker=speaker, outlet=outlet, via=via,
                      since=_date(since, "--since"), until=_date(until, "--until"), kind=kind,
                      lang=lang, raw=raw, order=order, limit=limit or None)  # type: ignore[arg-type]
    with handle_errors(verbose):
        engine = open_engine(db)
        with engine.connect() as conn:
            rows = iter_quotes(conn, flt)
            table_cols = ["id", "speaker", "role", "snippet" if query else "text", "outlet",
                          "said_on"]
            write_rows(rows, format, table_columns=table_cols, title="Quotes")


@app.command()
def speakers(
    search: Annotated[str | None, typer.Option(help="Only names containing this text.")] = None,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    verbose: VerboseOption = False,
) -> None:
    """Canonical speakers with their quote counts and roles."""
    from claims.db import open_engine
    from claims.query import speaker_table

    with handle_errors(verbose):
        engine = open_engine(db)
        with engine.connect() as conn:
            write_rows(speaker_table(conn, search), format, title="Speakers")


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="csv, tsv, jsonl or json.")]
    = "csv",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default stdout).")]
    = None,
    add_bom: Annotated[bool, typer.Option(help="Start CSV with a BOM (for Excel).")] = False,
    speaker: Annotated[str | None, typer.Option(help="Speaker name or alias.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.")] = None,
    db: DbOption = "claims.db",
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Export every quote with speaker, role, outlet, dates, article url/title and offsets."""
    from claims.db import open_engine
    from claims.export import EXPORT_COLUMNS, write_records
    from claims.query import QuoteFilter, iter_quotes

    if format not in {"csv", "tsv", "jsonl", "json"}:
        raise fail("--format must be csv, tsv, jsonl or json", 2)
    flt = QuoteFilter(speaker=speaker, outlet=outlet, since=_date(since, "--since"),
                      until=_date(until, "--until"), order="date")
    with handle_errors(verbose):
        engine = open_engine(db)
        with engine.connect() as conn:
            out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                n = write_records(iter_quotes(conn, flt), format, out, columns=EXPORT_COLUMNS,
                                  bom=add_bom)
            finally:
                if output:
                    out.close()
        if not silent:
            err.print(f"{n} quotes exported" + (f" to {output}" if output else ""))

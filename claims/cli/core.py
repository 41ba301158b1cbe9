"""The core commands: ingest, parse, search, speakers, export, db."""

from __future__ import annotations

import json
import sys
from datetime import date
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

db_app = typer.Typer(help="Database maintenance (schema upgrades).", no_args_is_help=True)
app.add_typer(db_app, name="db")

PathsArg = Annotated[list[str], typer.Argument(help="Files or directories ('-' for stdin).")]


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{flag} wants an ISO date like 2024-07-09, got {value!r}", 2) from None


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = "claims.db",
    outlet: Annotated[str | None, typer.Option(help="Outlet of single-article files.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of a single-article file.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    title: Annotated[str | None, typer.Option(help="Title of a single-article file.")] = None,
    glob: Annotated[str | None, typer.Option(help="Pattern for files inside directories.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Force an input encoding.")] = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first bad input.")] = False,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Parse articles and store them with their quotes (re-running adds nothing twice)."""
    from claims.db import open_engine
    from claims.ingest import ingest_sources
    from claims.readers import read_articles

    defaults = {"outlet": outlet, "url": url, "published": _date(published, "--published"),
                "title": title}
    with handle_errors(verbose):
        engine = open_engine(db)
        items = read_articles(paths, glob=glob, encoding=encoding, strict=strict,
                              defaults={k: v for k, v in defaults.items() if v is not None})

        def report(problem: object) -> None:
            if not silent:
                err.print(f"[yellow]{problem}[/yellow]", soft_wrap=True, markup=False)

        summary = ingest_sources(engine, items, on_problem=report)
        if not silent:
            err.print(summary.line())
        if summary.failed and strict:
            raise typer.Exit(1)


@app.command("parse")
def parse_cmd(
    paths: PathsArg,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl (prediction format).")]
    = "jsonl",
    glob: Annotated[str | None, typer.Option(help="Pattern for files inside directories.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Force an input encoding.")] = None,
    verbose: VerboseOption = False,
) -> None:
    """Parse articles without a database: one JSON line per article (id and quotes)."""
    from claims.ingest import parse_source
    from claims.readers import ReadProblem, ReadWarning, read_articles

    if format != "jsonl":
        raise fail("parse supports --format jsonl", 2)
    failed = 0
    with handle_errors(verbose):
        for item in read_articles(paths, glob=glob, encoding=encoding):
            if isinstance(item, ReadProblem | ReadWarning):
                failed += isinstance(item, ReadProblem)
                err.print(str(item), markup=False, soft_wrap=True)
                continue
            parsed = parse_source(item)
            record = {"id": item.source_id or item.origin, "outlet": parsed.outlet,
                      "lang": parsed.lang,
                      "quotes": [q.to_prediction() for q in parsed.quotes]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


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


@db_app.command("upgrade")
def db_upgrade(
    db: DbOption = "claims.db",
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    verbose: VerboseOption = False,
) -> None:
    """Create the database or bring its schema up to date (Alembic)."""
    from claims.db import upgrade

    with handle_errors(verbose):
        current = upgrade(db, revision)
        err.print(f"{db}: schema at revision {current}")


@db_app.command("current")
def db_current(db: DbOption = "claims.db", verbose: VerboseOption = False) -> None:
    """Print the schema revision of the database and the newest one available."""
    from claims.db import current_revision, head_revision, make_engine

    with handle_errors(verbose):
        engine = make_engine(db)
        with engine.connect() as conn:
            typer.echo(f"current: {current_revision(conn)}\nhead: {head_revision()}")

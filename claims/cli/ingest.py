"""Getting articles in: ingest (parse + store) and parse (no database)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from claims.cli.app import DbOption, SilentOption, VerboseOption, app, err, fail, handle_errors
from claims.cli.options import PathsArg, parse_date_option


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

    day = parse_date_option(published, "--published")
    defaults = {"outlet": outlet, "url": url, "published": day, "title": title}
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

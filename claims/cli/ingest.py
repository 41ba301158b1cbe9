"""Getting articles in: ingest (parse + store), reparse (newer parser), parse (no database)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from claims.cli.app import DbOption, SilentOption, VerboseOption, app, err, fail, handle_errors

if TYPE_CHECKING:
    from claims.ingest import IngestSummary

from claims.cli.options import (
    InputFormatOption,
    PathsArg,
    input_format_option,
    parse_date_option,
)

WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", "-w", min=1, show_default="number of cores",
                 help="Parser processes (1: parse in this process, no pool)."),
]
BatchOption = Annotated[
    int, typer.Option("--batch-size", min=1, help="Articles per transaction.")
]


def column_option(flag: str, what: str) -> Any:
    """An option naming the JSON field / CSV column that holds ``what``."""
    return typer.Option(flag, help=f"JSON field / CSV column with {what}.")


#: Seconds between progress redraws: the bar has no refresh thread (workers are forked).
REDRAW_EVERY = 0.2


class RateColumn(ProgressColumn):
    """Articles per second over the recent window (blank until there is a rate)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} articles/s" if speed else "", style="cyan")


@contextmanager
def progress_bar(show: bool, total: int | None, label: str) -> Iterator[Progress | None]:
    """A rich progress bar on stderr (rate and ETA), only for an interactive terminal.

    ``auto_refresh=False``: a refresh thread alive while the parser pool forks could leave a
    worker holding a lock; we redraw from the writer loop instead.
    """
    if not show or not err.is_terminal:
        yield None
        return
    columns = [
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
        MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(),
    ]
    progress = Progress(*columns, console=err, auto_refresh=False, transient=False)
    with progress:
        progress.add_task(label, total=total)
        yield progress


class Redraw:
    """Moves the bar to ``done`` articles, redrawing at most every REDRAW_EVERY seconds."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.last = 0.0

    def __call__(self, done: int, force: bool = False) -> None:
        if self.progress is None:
            return
        task = self.progress.task_ids[0]
        self.progress.update(task, completed=done)
        now = time.monotonic()
        if force or now - self.last >= REDRAW_EVERY:
            self.last = now
            self.progress.refresh()


@contextmanager
def interrupted(stored: list[IngestSummary]) -> Iterator[None]:
    """Ctrl-C: say what is kept (whole batches) and how to finish, exit 130."""
    try:
        yield
    except KeyboardInterrupt:
        done = (f"at least {stored[0].added} articles and {stored[0].quotes} quotes"
                if stored else "no batch")
        err.print(f"interrupted: {done} stored, in whole batches; run the same command again "
                  "to add the rest (it skips what is stored and groups any quotes left "
                  "without a claim)", markup=False)
        raise typer.Exit(130) from None


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = "claims.db",
    outlet: Annotated[str | None, typer.Option(help="Outlet of articles that name none.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of a single-article file.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    title: Annotated[str | None, typer.Option(help="Title of a single-article file.")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of articles that name none.")]
    = None,
    text_col: Annotated[str | None, typer.Option(
        "--text-col", help="JSON field / CSV column with the text (default: text, content, "
        "body, isi, ...).")] = None,
    title_col: Annotated[str | None, column_option("--title-col", "the title")] = None,
    url_col: Annotated[str | None, column_option("--url-col", "the url")] = None,
    date_col: Annotated[str | None, column_option("--date-col", "the publication date")] = None,
    outlet_col: Annotated[str | None, column_option("--outlet-col", "the outlet")] = None,
    id_col: Annotated[str | None, column_option("--id-col", "your article id")] = None,
    lang_col: Annotated[str | None, column_option("--lang-col", "the language")] = None,
    glob: Annotated[str | None, typer.Option(
        help="Pattern for files inside directories (e.g. '*.jsonl.gz').")] = None,
    input_format: InputFormatOption = None,
    encoding: Annotated[str | None, typer.Option(
        help="Input encoding (default: UTF-8, else cp1252/latin-1 with a warning).")] = None,
    strict: Annotated[bool, typer.Option(
        help="Stop at the first bad input (what came before it is stored).")] = False,
    workers: WorkersOption = None,
    batch_size: BatchOption = 500,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="SCHEDULER",
        help="Read and parse on a Dask cluster: a scheduler address (tcp://host:8786) or "
        "'local' for a local cluster; this process still writes.")] = None,
    group: Annotated[bool, typer.Option(
        "--group/--no-group", help="Group the new quotes into claims after storing.")] = True,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Parse articles and store them with their quotes (re-running adds nothing twice).

    Reads .txt/.md, .jsonl/.ndjson, .json, .csv/.tsv, .html/.htm, any of them gzipped,
    directories and '-' for stdin (--input-format csv for CSV there). Bad inputs are
    reported as file:line with a reason and the rest is stored; the exit code is 1 if
    anything could not be stored.
    """
    from claims.db import open_engine
    from claims.ingest import default_workers, estimate_total, ingest_parsed, ingest_sources
    from claims.readers import FieldMap, read_articles

    day = parse_date_option(published, "--published")
    fmt = input_format_option(input_format)
    if fmt and dask:
        raise fail("--input-format does not combine with --dask (name the files by type)", 2)
    defaults = {"outlet": outlet, "url": url, "published": day, "title": title, "lang": lang}
    fields = FieldMap(text=text_col, title=title_col, url=url_col, published=date_col,
                      outlet=outlet_col, id=id_col, lang=lang_col)
    given = {k: v for k, v in defaults.items() if v is not None}
    with handle_errors(verbose):
        engine = open_engine(db)
        total = None if silent or not err.is_terminal else estimate_total(paths, glob)

        def report(problem: object) -> None:
            if not silent:
                err.print(str(problem), soft_wrap=True, markup=False, style="yellow")

        stored: list[IngestSummary] = []  # the summary as of the last committed batch

        def committed(summary: IngestSummary) -> None:
            stored[:] = [summary]
            redraw(summary.seen)

        with progress_bar(not silent, total, "ingest") as progress, interrupted(stored):
            redraw = Redraw(progress)
            callbacks: dict[str, Any] = {
                "batch_size": batch_size, "strict": strict, "group_claims": group,
                "on_problem": report, "on_progress": lambda s: redraw(s.seen),
                "on_batch": committed}
            if dask:
                from claims.distributed import dask_client, parse_on_dask

                with dask_client(dask) as client:
                    parsed = parse_on_dask(paths, client, glob=glob, encoding=encoding,
                                           fields=fields, defaults=given)
                    summary = ingest_parsed(engine, parsed, **callbacks)
            else:
                items = read_articles(paths, glob=glob, encoding=encoding, strict=strict,
                                      fields=fields, defaults=given, fmt=fmt)
                summary = ingest_sources(engine, items, workers=workers or default_workers(),
                                         **callbacks)
            redraw(summary.seen, force=True)
        engine.dispose()
        if not silent:
            err.print(summary.line(), markup=False)
            if summary.claims is not None:
                err.print(summary.claims.line(), markup=False)
            if summary.n_failed:
                err.print("failed:", markup=False)
                for line in summary.failure_lines():
                    err.print(f"  {line}", markup=False, soft_wrap=True)
        if summary.stopped is not None:
            raise fail(f"stopped at the first bad input (--strict): {summary.stopped}")
        if summary.n_failed:
            raise typer.Exit(1)


@app.command()
def reparse(
    db: DbOption = "claims.db",
    all_articles: Annotated[bool, typer.Option(
        "--all", help="Reparse every article, not only those of older parser versions.")]
    = False,
    workers: WorkersOption = None,
    batch_size: BatchOption = 500,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Run the current parser over articles stored by an older one.

    Quotes keep their id (and their reviews) when their span is unchanged; quotes that
    vanished are deleted, and the reviewed ones among them are counted and listed.
    """
    from claims.db import open_engine
    from claims.ingest import count_outdated, default_workers, outdated_versions
    from claims.ingest import reparse as run_reparse

    with handle_errors(verbose):
        engine = open_engine(db)
        total = count_outdated(engine, outdated_versions(engine, everything=all_articles))
        with progress_bar(not silent, total, "reparse") as progress:
            redraw = Redraw(progress)
            summary = run_reparse(engine, everything=all_articles, batch_size=batch_size,
                                  workers=workers or default_workers(),
                                  on_batch=lambda s: redraw(s.articles, force=True))
        engine.dispose()
        if not silent:
            err.print(summary.line(), markup=False)
            for line in summary.failed[:20]:
                err.print(f"  {line}", markup=False, soft_wrap=True)
            ids = summary.result.reviewed_deleted_ids
            if ids:
                listing = ", ".join(map(str, ids[:50])) + (" ..." if len(ids) > 50 else "")
                err.print(f"reviewed quotes that vanished (ids): {listing}", markup=False)
        if summary.failed:
            raise typer.Exit(1)


@app.command("parse")
def parse_cmd(
    paths: PathsArg,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl (prediction format).")]
    = "jsonl",
    glob: Annotated[str | None, typer.Option(help="Pattern for files inside directories.")] = None,
    input_format: InputFormatOption = None,
    encoding: Annotated[str | None, typer.Option(help="Force an input encoding.")] = None,
    verbose: VerboseOption = False,
) -> None:
    """Parse articles without a database: one JSON line per article (id and quotes)."""
    from claims.ingest import parse_source
    from claims.readers import ReadProblem, ReadWarning, read_articles

    if format != "jsonl":
        raise fail("parse supports --format jsonl", 2)
    fmt = input_format_option(input_format)
    failed = 0
    with handle_errors(verbose):
        for item in read_articles(paths, glob=glob, encoding=encoding, fmt=fmt):
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

"""The Typer application and the option set shared by every command.

Commands live in one module per feature (``claims/cli/<feature>.py``) and only
call library functions; this module holds what they share: ``--db``, output
formats, error handling and exit codes (0 ok, 1 error, 2 usage).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console

from claims.errors import ClaimsError

app = typer.Typer(
    name="claims",
    help="Who said what in the news: find, attribute, search and audit quotes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: Messages, progress and summaries go to stderr; data goes to stdout.
err = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_DB = "claims.db"

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="CLAIMS_DB",
        help="Database: a SQLite file path or a SQLAlchemy URL (env CLAIMS_DB).",
        show_default=True,
    ),
]


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
SilentOption = Annotated[bool, typer.Option("--silent", help="No progress or summary on stderr.")]
VerboseOption = Annotated[bool, typer.Option("--verbose", help="Show tracebacks on errors.")]




def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error on stderr and return the Exit to raise."""
    err.print(f"[red]error:[/red] {message}", soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def handle_errors(verbose: bool = False) -> Iterator[None]:
    """Turn library errors into one-line messages and exit code 1."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        _silence_broken_pipe()
        raise typer.Exit(0) from None
    except Exception as exc:  # noqa: BLE001 - the CLI boundary
        if verbose:
            raise
        message = str(exc) if isinstance(exc, ClaimsError) else f"{type(exc).__name__}: {exc}"
        raise fail(message) from None


def _silence_broken_pipe() -> None:
    """Point stdout at devnull so the interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def write_rows(
    rows: Iterable[dict[str, Any]],
    fmt: OutputFormat,
    *,
    columns: list[str] | None = None,
    table_columns: list[str] | None = None,
    title: str | None = None,
    bom: bool = False,
) -> int:
    """Write dict rows to stdout in the chosen format; returns the row count."""
    from claims.export import write_records

    return write_records(rows, fmt.value, sys.stdout, columns=columns, title=title,
                         table_columns=table_columns, bom=bom)


@contextmanager
def connection(db: str, *, write: bool = False) -> Iterator[Any]:
    """A connection to ``db``, upgraded to the newest schema first; a transaction when writing."""
    from claims.db import open_engine

    engine = open_engine(db)
    try:
        with engine.begin() if write else engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()

"""Arguments and option parsing shared by several commands."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from claims.cli.app import fail

PathsArg = Annotated[list[str], typer.Argument(help="Files or directories ('-' for stdin).")]
InputFormatOption = Annotated[str | None, typer.Option(
    "--input-format", metavar="FORMAT",
    help="Read every input as this format, whatever its name says (stdin, export.dat, a "
    "tab-separated .txt): text, jsonl, json, csv, html (or a suffix: txt, ndjson, tsv ...).")]


def input_format_option(value: str | None) -> str | None:
    """The reader an ``--input-format`` names, or a usage error (exit 2)."""
    from claims.readers import input_format

    try:
        return input_format(value)
    except ValueError as error:
        raise fail(f"--input-format: {error}", 2) from None


def parse_date_option(value: str | None, flag: str) -> date | None:
    """An ISO date from an option, or a usage error (exit 2) naming the flag."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{flag} wants an ISO date like 2024-07-09, got {value!r}", 2) from None

"""``claims eval``: score the parser on gold sets (FORMAT.md) and gate on quality floors.

Thin layer over :mod:`claims.evaluate`. Metrics go to stdout as a table or JSON. With
``--misses`` stdout carries the individual errors instead (one per line) and the metrics go to
stderr, so either stream stays usable in a pipe.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from claims.cli.app import VerboseOption, app, err, fail, handle_errors
from claims.evaluate import (
    MISS_KINDS,
    EvalReport,
    Minimum,
    Miss,
    Parser,
    check_minimums,
    evaluate_file,
    gold_stem,
    parse_minimum,
)

#: The parser ``claims eval`` runs; None means ``claims.parse.parse_article``. Tests swap it.
PARSER: Parser | None = None

#: Table columns: (header, metric). "dir" = direct quotes only, "all" = direct + partial,
#: overlap matching unless the header says "exact".
TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("art", "n.articles"), ("gold", "n.gold"), ("pred", "n.pred"),
    ("dir P", "direct.overlap.p"), ("dir R", "direct.overlap.r"), ("dir F1", "direct.overlap.f1"),
    ("all P", "all.overlap.p"), ("all R", "all.overlap.r"), ("all F1", "all.overlap.f1"),
    ("exact F1", "all.exact.f1"), ("speaker", "speaker.acc"), ("role", "role.acc"),
    ("role F1", "role.f1"), ("cue", "cue.acc"),
)
#: Width of the table when stdout is not a terminal: wide enough never to truncate a cell.
PIPE_WIDTH = 200


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def _cell(value: float | int | None) -> str:
    if value is None:
        return "–"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _rounded(metrics: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in metrics.items()}


def render_table(reports: dict[str, EvalReport], console: Console) -> None:
    """One row per gold file with the headline metrics (overlap matching unless 'ex')."""
    table = Table(title="claims eval (FORMAT.md scoring)", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("gold set", no_wrap=True)
    for header, _ in TABLE_COLUMNS:
        table.add_column(header, justify="right")
    for path, report in reports.items():
        table.add_row(gold_stem(path), *(_cell(report.metrics[m]) for _, m in TABLE_COLUMNS))
    console.print(table)


def _stdout_console() -> Console:
    """Stdout console; in a pipe or file, wide enough that no cell is cut."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=PIPE_WIDTH)


def render_json(reports: dict[str, EvalReport]) -> str:
    """``{file: {metric: value}}``, floats rounded to 4 places."""
    return json.dumps({path: _rounded(r.metrics) for path, r in reports.items()},
                      ensure_ascii=False, indent=2)


def miss_line(stem: str, miss: Miss, fmt: EvalFormat) -> str:
    """One error per line: JSON for ``--format json``, tab-separated text otherwise."""
    if fmt is EvalFormat.json:
        return json.dumps({"file": stem, **miss.to_dict()}, ensure_ascii=False)
    pred_span = f" pred@{miss.pred_start}-{miss.pred_end}" if miss.pred_start is not None else ""
    return "\t".join((stem, miss.article, miss.kind, f"{miss.start}-{miss.end}{pred_span}",
                      f"gold={miss.gold!r}", f"pred={miss.pred!r}", miss.context))


def _parse_minimums(specs: list[str], stems: set[str]) -> list[Minimum]:
    """Read every ``--min``; any mistake is a usage error (exit 2) before parsing starts."""
    minimums = []
    for spec in specs:
        try:
            minimum = parse_minimum(spec)
        except ValueError as exc:
            raise fail(str(exc), code=2) from None
        if minimum.stem and minimum.stem not in stems:
            raise fail(f"--min {spec!r}: no gold file named {minimum.stem!r} "
                       f"(given: {', '.join(sorted(stems))})", code=2)
        minimums.append(minimum)
    return minimums


@app.command("eval")
def eval_command(
    gold_files: Annotated[list[Path], typer.Argument(
        metavar="GOLD.jsonl...", exists=True, dir_okay=False, readable=True,
        help="Gold sets in the shared/eval/FORMAT.md shape.")],
    fmt: Annotated[EvalFormat, typer.Option(
        "--format", "-f", case_sensitive=False, help="Metrics as a table or JSON.")
    ] = EvalFormat.table,
    minimums: Annotated[list[str] | None, typer.Option(
        "--min", metavar="[FILE:]METRIC=VALUE",
        help="Fail (exit 1) when METRIC < VALUE, e.g. direct.overlap.f1=0.97 or "
             "news-dev:speaker.acc=0.95. Repeatable.")] = None,
    misses: Annotated[bool, typer.Option(
        "--misses", help="Print every error (missed, false positive, wrong speaker/role/cue, "
                         "...) to stdout, one per line; metrics then go to stderr.")] = False,
    show_misses: Annotated[list[str] | None, typer.Option(
        "--show-misses", metavar="KIND",
        help=f"Like --misses, only these kinds ({', '.join(MISS_KINDS)}). Repeatable.")
    ] = None,
    verbose: VerboseOption = False,
) -> None:
    """Score the parser on gold quote sets: span P/R/F1, speaker, role and cue accuracy.

    P counts only complete articles ("–" when none is). dir: direct quotes; all: + partial.
    """
    with handle_errors(verbose):
        unknown = sorted(set(show_misses or ()) - set(MISS_KINDS))
        if unknown:
            raise fail(f"--show-misses: unknown kind {', '.join(unknown)} "
                       f"(known: {', '.join(MISS_KINDS)})", code=2)
        floors = _parse_minimums(minimums or [], {gold_stem(p) for p in gold_files})
        reports = {str(path): evaluate_file(path, parser=PARSER) for path in gold_files}

        want_misses = misses or bool(show_misses)
        if want_misses:
            for path, report in reports.items():
                for miss in report.misses_of(show_misses):
                    sys.stdout.write(miss_line(gold_stem(path), miss, fmt) + "\n")
        if fmt is EvalFormat.json:
            (sys.stderr if want_misses else sys.stdout).write(render_json(reports) + "\n")
        else:
            render_table(reports, err if want_misses else _stdout_console())

        failures, warnings = check_minimums(reports, floors)
        for note in warnings:
            err.print(f"[yellow]warning:[/yellow] {note}; not checked", soft_wrap=True)
        if failures:
            for note in failures:
                err.print(f"[red]below minimum:[/red] {note}", soft_wrap=True)
            raise typer.Exit(1)

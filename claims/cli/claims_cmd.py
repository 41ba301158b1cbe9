"""Claims: ``claims claims`` (list), ``claims claims rebuild``, ``claims claim show ID``."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from claims.cli.app import (
    DbOption,
    FormatOption,
    OutputFormat,
    SilentOption,
    VerboseOption,
    app,
    connection,
    err,
    handle_errors,
    write_rows,
)

claims_app = typer.Typer(help="Statements carried by several articles or outlets.",
                         invoke_without_command=True, no_args_is_help=False)
claim_app = typer.Typer(help="One claim and its appearances.", no_args_is_help=True)
app.add_typer(claims_app, name="claims")
app.add_typer(claim_app, name="claim")


@claims_app.callback()
def claims_list(
    ctx: typer.Context,
    min_outlets: Annotated[int, typer.Option(help="Only claims carried by this many outlets.")]
    = 1,
    min_articles: Annotated[int, typer.Option(help="Only claims in this many articles.")] = 1,
    speaker: Annotated[str | None, typer.Option(help="Speaker name, alias or id.")] = None,
    contains: Annotated[str | None, typer.Option(help="Claim text contains this.")] = None,
    verdict: Annotated[str | None, typer.Option(help="Only claims with this verdict.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 100,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """List claims, most widely carried first (`claims claims rebuild` regroups)."""
    if ctx.invoked_subcommand is not None:
        return
    from claims.claims_db import list_claims

    with handle_errors(verbose):
        with connection(db) as conn:
            rows = list_claims(conn, min_outlets=min_outlets, min_articles=min_articles,
                               speaker=speaker, query=contains, verdict=verdict,
                               limit=limit or None)
        write_rows(rows, format, title="Claims",
                   table_columns=["id", "speaker", "text", "first_seen", "first_outlet",
                                  "n_articles", "n_outlets", "relations", "verdict"])
        if not silent:
            err.print(f"{len(rows)} claims", markup=False)


@claims_app.command("rebuild")
def claims_rebuild(
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Regroup every quote into claims (claim ids of unchanged claims are kept)."""
    from dataclasses import asdict

    from claims.claims_db import refresh_claims

    with handle_errors(verbose):
        with connection(db, write=True) as conn:
            summary = refresh_claims(conn, full=True)
        if format is OutputFormat.table:
            if not silent:
                err.print(summary.line(), markup=False)
                rel = ", ".join(f"{k} {v}" for k, v in sorted(summary.relations.items()))
                err.print(f"relations to the first appearance: {rel or 'none'}", markup=False)
        else:
            write_rows([{**asdict(summary), "relations": json.dumps(summary.relations)}], format)


@claim_app.command("show")
def claim_show(
    claim_id: Annotated[str, typer.Argument(help="Claim id: c45 (or 45).")],
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """A claim: its first appearance, every appearance with its relation and diff, verdict."""
    from claims.claims_db import claim_detail
    from claims.review import parse_target

    with handle_errors(verbose):
        target = parse_target(claim_id, default_type="claim")
        with connection(db) as conn:
            detail = claim_detail(conn, target.id)
        if format in (OutputFormat.json, OutputFormat.jsonl):
            sys.stdout.write(json.dumps(detail, ensure_ascii=False, default=str,
                                        indent=2 if format is OutputFormat.json else None)
                             + "\n")
            return
        if format is OutputFormat.table and not silent:
            review = detail["review"]
            err.print(f"c{detail['id']} by {detail['speaker'] or '(unknown)'}, first seen "
                      f"{detail['first_seen']}; {detail['n_articles']} articles, "
                      f"{detail['n_outlets']} outlets; verdict "
                      f"{review['verdict'] if review else 'unreviewed'}", markup=False)
            err.print(f"\u201c{detail['text']}\u201d", markup=False)
        write_rows(detail["appearances"], format, title=f"Appearances of c{detail['id']}",
                   table_columns=["quote_id", "relation", "speaker", "outlet", "day", "text",
                                  "diff"])

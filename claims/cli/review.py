"""Fact-checking: ``claims review``, ``claims history``, ``claims audit``."""

from __future__ import annotations

import json
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
    fail,
    handle_errors,
    write_rows,
)


@app.command()
def review(
    target: Annotated[str, typer.Argument(help="q123 (a quote) or c45 (a claim).")],
    verdict: Annotated[str, typer.Option(
        help="unreviewed, in_progress, verified, false, misleading or unverifiable.")],
    note: Annotated[str | None, typer.Option(help="Why (kept when left out).")] = None,
    reviewer: Annotated[str | None, typer.Option(
        envvar="CLAIMS_REVIEWER", help="Who decides (default: login name).")] = None,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Record a verdict on a quote or a claim; the change is appended to the audit log."""
    from claims.review import parse_target, set_verdict, verdicts

    if verdict not in verdicts():
        raise fail(f"--verdict must be one of {', '.join(verdicts())}", 2)
    with handle_errors(verbose):
        parsed = parse_target(target)
        with connection(db, write=True) as conn:
            done = set_verdict(conn, parsed, verdict, note, reviewer)
        if format is OutputFormat.table:
            if not silent:
                err.print(f"{done['target']}: {done['previous']} -> {done['verdict']}",
                          markup=False)
        else:
            write_rows([done], format)


@app.command()
def history(
    target: Annotated[str | None, typer.Argument(
        help="q123, c45 or s7; a quote also shows its claim's and speaker's changes. "
             "Leave out for the whole log.")] = None,
    limit: Annotated[int, typer.Option(help="Only the latest N entries (0: all).")] = 0,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """The audit log: every verdict, merge and rename (when, who, what, old -> new)."""
    from claims.auditlog import history as read_history
    from claims.review import parse_target

    with handle_errors(verbose):
        parsed = parse_target(target) if target else None
        with connection(db) as conn:
            rows = read_history(conn, parsed.type if parsed else None,
                                parsed.id if parsed else None, limit=limit or None)
        if format in (OutputFormat.csv, OutputFormat.tsv, OutputFormat.table):
            rows = [{**r, "old": json.dumps(r["old"], ensure_ascii=False),
                     "new": json.dumps(r["new"], ensure_ascii=False)} for r in rows]
        write_rows(rows, format, title="History",
                   columns=["id", "at", "actor", "action", "target", "change", "old", "new"],
                   table_columns=["at", "actor", "target", "action", "change"])
        if not silent:
            err.print(f"{len(rows)} entries", markup=False)


@app.command()
def audit(
    check: Annotated[list[str] | None, typer.Option(
        "--check", help="Only these checks (repeat): verbatim, unattributed, low_confidence, "
                        "conflict, drift, duplicate_speaker.")] = None,
    min_confidence: Annotated[float, typer.Option(
        help="low_confidence: attributions below this.")] = 0.65,
    limit: Annotated[int, typer.Option(help="At most this many rows per check (0: all).")] = 0,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """What needs a fact-checker's eye: edited articles, unattributed and unsure quotes,
    conflicting attributions, wording drift (with word diffs), duplicate speakers."""
    from claims.audit import AUDIT_COLUMNS, audit_counts, run_audit

    with handle_errors(verbose):
        with connection(db) as conn:
            rows = run_audit(conn, check, limit=limit or None, min_confidence=min_confidence)
        write_rows(rows, format, columns=AUDIT_COLUMNS, title="Audit",
                   table_columns=["check", "claim_id", "quote_id", "speaker", "outlet",
                                  "detail"])
        if not silent:
            counts = audit_counts(rows)
            err.print(", ".join(f"{k} {v}" for k, v in counts.items() if not check or v),
                      markup=False)

"""Reading commands: search, show, who-said, speakers, export.

Each command opens the database, calls one library function and writes its rows; the shared
options (``--format``, ``--silent``, ``--verbose``, ``--db``) come from ``claims.cli.app``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

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
from claims.cli.options import parse_date_option as _date

SpeakerOpt = Annotated[str | None, typer.Option(help="Speaker name or alias.")]
OutletOpt = Annotated[str | None, typer.Option(help="Outlet name (exact, any case).")]
ViaOpt = Annotated[str | None, typer.Option(help="Outlet the quote was taken from.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this day (said_on, else published).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this day (said_on, else published).")]
KindOpt = Annotated[str | None, typer.Option(help="direct or partial.")]
LangOpt = Annotated[str | None, typer.Option(help="Article language (id, en).")]
RawOpt = Annotated[bool, typer.Option(help="Pass the query to FTS5 unescaped (AND, OR, NEAR).")]


def _filter(query: str | None, speaker: str | None, outlet: str | None, via: str | None,
            since: str | None, until: str | None, kind: str | None, lang: str | None,
            raw: bool, order: str, limit: int | None):  # type: ignore[no-untyped-def]
    from claims.query import QuoteFilter

    if order not in {"rank", "date"}:
        raise fail("--order must be rank or date", 2)
    if kind is not None and kind not in {"direct", "partial"}:
        raise fail("--kind must be direct or partial", 2)
    return QuoteFilter(query=query, speaker=speaker, outlet=outlet, via=via,
                       since=_date(since, "--since"), until=_date(until, "--until"), kind=kind,
                       lang=lang, raw=raw, order=order, limit=limit)  # type: ignore[arg-type]


def _summary(silent: bool, message: str) -> None:
    if not silent:
        err.print(message, markup=False)


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(help="Words to find (part of a word works).")]
    = None,
    speaker: SpeakerOpt = None,
    outlet: OutletOpt = None,
    via: ViaOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    kind: KindOpt = None,
    lang: LangOpt = None,
    order: Annotated[str, typer.Option(help="rank (best match, bm25) or date (newest).")]
    = "rank",
    raw: RawOpt = False,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 50,
    pool: Annotated[int, typer.Option(
        help="rank: score the N most recent matches (0: every match, FTS5's exact bm25; "
             "slow for frequent words in big databases).")] = 300,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    r"""Search quotes by words and filters; matches are shown \[like this]."""
    from claims.query import iter_quotes

    flt = _filter(query, speaker, outlet, via, since, until, kind, lang, raw, order,
                  limit or None)
    flt.pool = pool or None
    with handle_errors(verbose):
        with connection(db) as conn:
            table_cols = ["id", "speaker", "role", "snippet" if query else "text", "outlet",
                          "said_on", "claim_id"]
            n = write_rows(iter_quotes(conn, flt), format, table_columns=table_cols,
                           title="Quotes")
        more = " (limit reached: --limit 0 for all)" if limit and n >= limit else ""
        _summary(silent, f"{n} quotes{more}")


def _print_details(d: dict[str, Any]) -> None:
    """``claims show`` for people: context with the quote highlighted, then the facts."""
    from rich.console import Console
    from rich.text import Text

    out = Console(highlight=False, soft_wrap=True)
    art, who, how = d["article"], d["speaker"], d["attribution"]
    out.print(Text(f"q{d['id']}  {art['title'] or '(untitled)'}", style="bold"))
    out.print(f"{art['outlet'] or '?'} · {art['published'] or '?'} · {art['url'] or 'no url'}",
              markup=False)
    out.print()
    if d["context"] is None:
        out.print(Text("The article no longer holds this quote at its offsets (edited after "
                       "ingest); stored text:", style="red"))
        out.print(Text(d["text"], style="bold yellow"))
    else:
        ctx = d["context"]
        body = Text(ctx["before"])
        body.append(ctx["quote"], style="bold yellow")
        body.append(ctx["after"])
        out.print(body)
    out.print()
    capacity = ", ".join(x for x in (who["role"], who["affiliation"]) if x)
    speaker = who["name"] or "(no speaker)"
    out.print(Text(f"speaker   {speaker}" + (f" — {capacity}" if capacity else "")
                   + (f"  [s{who['id']}]" if who["id"] else "")))
    if who["aliases"]:
        out.print(Text(f"aliases   {', '.join(who['aliases'])}"))
    resolved = f"{how['resolution']}" + (f" from {how['mention']!r}" if how["mention"] else "")
    out.print(Text(f"resolved  {resolved}, cue {how['cue']!r}, confidence "
                   f"{how['confidence']:.2f}" + (f", via {how['via']}" if how["via"] else "")))
    out.print(Text(f"said on   {d['said_on'] or '?'}    kind {d['kind']}"))
    if d["claim"]:
        c = d["claim"]
        out.print(Text(f"claim     c{c['id']}: {d['relation']} of the first appearance "
                       f"(q{c['first_quote_id']}, {c['first_outlet']}, {c['first_seen']}); "
                       f"{c['n_articles']} articles, {c['n_outlets']} outlets; verdict "
                       f"{c['verdict']}"))
    review = d["review"]
    out.print(Text("review    " + (f"{review['verdict']} by {review['reviewer']}"
                                   + (f": {review['note']}" if review["note"] else "")
                                   if review else "unreviewed")))
    for h in d["history"]:
        out.print(Text(f"  {str(h['at'])[:19]}  {h['actor'] or '?'}  {h['target']} "
                       f"{h['action']}: {h['change']}"))


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}{k}." if prefix or k else k, v, out)
    elif isinstance(value, list):
        out[prefix.rstrip(".")] = json.dumps(value, ensure_ascii=False, default=str)
    else:
        out[prefix.rstrip(".")] = value


@app.command()
def show(
    quote_id: Annotated[str, typer.Argument(help="Quote id: q123 (or 123).")],
    around: Annotated[int, typer.Option(help="Paragraphs of context on each side.")] = 1,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """One quote in its article: context, speaker, attribution, claim, review and history."""
    from claims.query import quote_details
    from claims.review import parse_target

    with handle_errors(verbose):
        target = parse_target(quote_id, default_type="quote")
        if target.type != "quote":
            raise fail(f"{quote_id} is not a quote; for claims use: claims claim show "
                       f"{quote_id}", 2)
        with connection(db) as conn:
            details = quote_details(conn, target.id, around)
        if format is OutputFormat.table:
            _print_details(details)
        elif format in (OutputFormat.json, OutputFormat.jsonl):
            indent = 2 if format is OutputFormat.json else None
            sys.stdout.write(json.dumps(details, ensure_ascii=False, default=str,
                                        indent=indent) + "\n")
        else:
            flat: dict[str, Any] = {}
            _flatten("", details, flat)
            write_rows([flat], format)


@app.command("who-said")
def who_said_cmd(
    words: Annotated[str, typer.Argument(help="Half-remembered words of the quote.")],
    limit: Annotated[int, typer.Option(help="Best matches to show.")] = 10,
    min_score: Annotated[float, typer.Option(help="Lowest similarity (0-100) to show.")] = 50.0,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Who said something like this? Fuzzy match over every quote, best first."""
    from claims.query import who_said

    with handle_errors(verbose):
        with connection(db) as conn:
            rows = who_said(conn, words, limit=limit, min_score=min_score)
        write_rows(rows, format, title="Who said it",
                   table_columns=["score", "speaker", "role", "outlet", "date", "text", "id"])
        _summary(silent, f"{len(rows)} matches" if rows else
                 "no quote is close enough; try fewer or other words, or --min-score 30")


@app.command()
def speakers(
    search: Annotated[str | None, typer.Option(help="Only names or aliases containing this.")]
    = None,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 100,
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """The speaker directory: canonical speakers, quote and outlet counts, main role."""
    from claims.speakers import speaker_table

    with handle_errors(verbose):
        with connection(db) as conn:
            rows = speaker_table(conn, search, limit or None)
        write_rows(rows, format, title="Speakers")
        more = " (limit reached: --limit 0 for all)" if limit and len(rows) >= limit else ""
        _summary(silent, f"{len(rows)} speakers{more}")


@app.command()
def export(
    query: Annotated[str | None, typer.Argument(help="Only quotes matching these words.")]
    = None,
    format: Annotated[str, typer.Option(
        "--format", "-f", help="csv, tsv, jsonl, json, parquet or claimreview.")] = "csv",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default stdout).")]
    = None,
    add_bom: Annotated[bool, typer.Option(help="Start CSV/TSV with a BOM (for Excel).")] = False,
    speaker: SpeakerOpt = None,
    outlet: OutletOpt = None,
    via: ViaOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    kind: KindOpt = None,
    lang: LangOpt = None,
    raw: RawOpt = False,
    review_url: Annotated[str | None, typer.Option(
        envvar="CLAIMS_REVIEW_URL",
        help="claimreview: URL of each published fact check, {id} = claim id.")] = None,
    publisher: Annotated[str | None, typer.Option(
        help="claimreview: the organisation publishing the fact checks.")] = None,
    db: DbOption = "claims.db",
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Export quotes (with claim id and relation) or ClaimReview JSON-LD of reviewed claims."""
    from claims.export import (
        EXPORT_COLUMNS,
        EXPORT_FORMATS,
        claim_reviews,
        write_parquet,
        write_records,
    )
    from claims.query import iter_quotes

    if format not in EXPORT_FORMATS:
        raise fail(f"--format must be one of {', '.join(EXPORT_FORMATS)}", 2)
    if format == "parquet" and output is None:
        raise fail("parquet is binary: give a file with -o quotes.parquet", 2)
    if format == "claimreview" and not review_url:
        raise fail("claimreview needs where the fact checks live: --review-url "
                   "'https://example.org/cek-fakta/{id}' (or CLAIMS_REVIEW_URL)", 2)
    flt = _filter(query, speaker, outlet, via, since, until, kind, lang, raw, "date", None)
    with handle_errors(verbose):
        with connection(db) as conn:
            if format == "parquet":
                n = write_parquet(iter_quotes(conn, flt), output, EXPORT_COLUMNS)
            else:
                out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
                try:
                    if format == "claimreview":
                        reviews = claim_reviews(conn, review_url or "", publisher,
                                                _claim_ids(conn, flt))
                        json.dump(reviews, out, ensure_ascii=False, indent=2)
                        out.write("\n")
                        n = len(reviews)
                    else:
                        n = write_records(iter_quotes(conn, flt), format, out,
                                          columns=EXPORT_COLUMNS, bom=add_bom)
                finally:
                    if output:
                        out.close()
        what = "claim reviews" if format == "claimreview" else "quotes"
        _summary(silent, f"{n} {what} exported" + (f" to {output}" if output else ""))


def _claim_ids(conn, flt) -> set[int] | None:  # type: ignore[no-untyped-def]
    """Claims with at least one quote passing the filters (None: no filter given)."""
    from claims.query import iter_quotes

    if not (flt.query or flt.has_row_filters()):
        return None
    return {r["claim_id"] for r in iter_quotes(conn, flt) if r["claim_id"] is not None}

"""``claims speaker show|merge|rename``: one speaker, and the editor's identity fixes."""

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

speaker_app = typer.Typer(help="One speaker: profile, merge duplicates, rename.",
                          no_args_is_help=True)
app.add_typer(speaker_app, name="speaker")
ReviewerOpt = Annotated[str | None, typer.Option(
    envvar="CLAIMS_REVIEWER", help="Who makes the change (default: login name).")]


@speaker_app.command("show")
def speaker_show(
    name: Annotated[str, typer.Argument(help="Name, alias, or id (s12).")],
    db: DbOption = "claims.db",
    format: FormatOption = OutputFormat.table,
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Aliases, roles and affiliations over time (first/last seen), outlets, quote counts."""
    from claims.speakers import speaker_profile

    with handle_errors(verbose):
        with connection(db) as conn:
            profile = speaker_profile(conn, name)
        if format in (OutputFormat.json, OutputFormat.jsonl):
            sys.stdout.write(json.dumps(profile, ensure_ascii=False, default=str,
                                        indent=2 if format is OutputFormat.json else None)
                             + "\n")
            return
        if format is not OutputFormat.table:
            write_rows([{"section": "role", **r} for r in profile["roles"]]
                       + [{"section": "outlet", **r} for r in profile["outlets"]], format,
                       columns=["section", "role", "affiliation", "outlet", "quotes",
                                "first_seen", "last_seen"])
            return
        out = sys.stdout
        out.write(f"s{profile['id']} {profile['name']} ({profile['kind']})\n")
        out.write(f"{profile['quotes']} quotes in {profile['articles']} articles, "
                  f"{profile['claims']} claims, seen {profile['first_seen']} .. "
                  f"{profile['last_seen']}\n")
        if profile["aliases"]:
            out.write(f"aliases: {', '.join(profile['aliases'])}\n")
        out.flush()
        if profile["roles"]:
            write_rows(profile["roles"], format, title="Roles and affiliations")
        write_rows(profile["outlets"], format, title="Outlets")
        for h in profile["history"]:
            out.write(f"{str(h['at'])[:19]}  {h['actor'] or '?'}  {h['action']}: "
                      f"{h['change']}\n")


@speaker_app.command("merge")
def speaker_merge(
    keep: Annotated[str, typer.Argument(help="The speaker to keep (name, alias or s12).")],
    duplicate: Annotated[str, typer.Argument(help="The duplicate folded into it.")],
    reviewer: ReviewerOpt = None,
    db: DbOption = "claims.db",
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Fold DUPLICATE into KEEP: quotes move, the name becomes an alias; audit-logged."""
    from claims.speakers import merge_speakers

    with handle_errors(verbose):
        with connection(db, write=True) as conn:
            done = merge_speakers(conn, keep, duplicate, reviewer)
        if not silent:
            err.print(f"merged s{done['merged_id']} {done['merged']!r} into "
                      f"s{done['speaker_id']} {done['speaker']!r} "
                      f"({done['quotes_moved']} quotes moved)", markup=False)


@speaker_app.command("rename")
def speaker_rename(
    name: Annotated[str, typer.Argument(help="Current name, alias or id (s12).")],
    new_name: Annotated[str, typer.Argument(help="The new canonical name.")],
    reviewer: ReviewerOpt = None,
    db: DbOption = "claims.db",
    silent: SilentOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Give a speaker a new canonical name (the old one stays an alias); audit-logged."""
    from claims.speakers import rename_speaker

    with handle_errors(verbose):
        with connection(db, write=True) as conn:
            done = rename_speaker(conn, name, new_name, reviewer)
        if not silent:
            err.print(f"s{done['speaker_id']}: {done['old_name']!r} -> {done['name']!r}",
                      markup=False)

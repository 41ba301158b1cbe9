"""Database maintenance: schema upgrades and status."""

from __future__ import annotations

from typing import Annotated

import typer

from claims.cli.app import DbOption, VerboseOption, app, err, handle_errors

db_app = typer.Typer(help="Database maintenance (schema upgrades).", no_args_is_help=True)
app.add_typer(db_app, name="db")


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

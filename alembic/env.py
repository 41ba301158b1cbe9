"""Alembic environment for claims.

- The URL comes from the Config (set by claims.db), else `-x db=...`, else
  $CLAIMS_DB, else ./claims.db.
- render_as_batch for SQLite; the naming convention comes from claims.models.
- The FTS table and its shadow tables are invisible to autogenerate.
- SQLite migrations run with foreign keys OFF (a batch copy of a parent table
  would otherwise cascade-delete its children) and end with foreign_key_check.
"""

from __future__ import annotations

import os

from sqlmodel import SQLModel

import claims.models  # noqa: F401  (tables and naming convention)
from alembic import context
from claims.db import make_engine, to_url
from claims.fts import include_name

config = context.config
target_metadata = SQLModel.metadata


def _url() -> str:
    x = context.get_x_argument(as_dictionary=True)
    configured = config.get_main_option("sqlalchemy.url")
    return to_url(x.get("db") or configured or os.environ.get("CLAIMS_DB") or "claims.db")


def _configure(**kwargs) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
        **kwargs,
    )


def run_migrations_offline() -> None:
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    url = _url()
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection:
            _configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
            if connection.dialect.name == "sqlite":
                bad = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if bad:
                    raise RuntimeError(f"foreign key violations after migration: {bad[:5]}")
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

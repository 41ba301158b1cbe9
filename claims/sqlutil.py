"""Small helpers for portable SQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import insert
from sqlalchemy.engine import Connection

T = TypeVar("T")

#: SQLite allows 32,766 bound parameters per statement; stay well below.
IN_CHUNK = 900


def chunks(values: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    """Slices of ``values`` small enough for an ``IN (...)`` list."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


def insert_ignoring_duplicates(conn: Connection, table: Any) -> Any:
    """INSERT that skips rows violating a unique constraint (``ON CONFLICT DO NOTHING``).

    Writers pre-check for known rows; this guards against a second writer (two ingests into
    one PostgreSQL database) committing the same row between that check and the insert.
    With ``RETURNING`` only the rows actually inserted come back.
    """
    dialect = conn.dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        return insert(table)
    return dialect_insert(table).on_conflict_do_nothing()

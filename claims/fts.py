"""Full-text index DDL, in one place for migrations and repairs.

SQLite: an external-content FTS5 table over ``quote`` declared with
``content="quote"`` (double quotes: Datasette and sqlite-utils detect it only
so), trigram tokenizer so that ``naik`` finds ``kenaikan`` and ``menaikkan``,
kept in sync by the triggers ``quote_ai``/``quote_ad``/``quote_au``.

A batch ("move and copy") migration of ``quote`` drops these triggers: any
such migration must call :func:`create_sqlite_fts` again (it rebuilds).
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

FTS_TABLE = "quote_fts"
FTS_COLUMNS = ("text", "role", "affiliation")
#: Table-name prefixes that autogenerate must ignore (FTS table and its shadow tables).
FTS_NAMES = (FTS_TABLE,)

_cols = ", ".join(FTS_COLUMNS)
_new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
_old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)

SQLITE_DDL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
    {_cols}, content="quote", content_rowid="id", tokenize="trigram")""",
    f"""CREATE TRIGGER IF NOT EXISTS quote_ai AFTER INSERT ON quote BEGIN
    INSERT INTO {FTS_TABLE}(rowid, {_cols}) VALUES (new.id, {_new});
END""",
    f"""CREATE TRIGGER IF NOT EXISTS quote_ad AFTER DELETE ON quote BEGIN
    INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_cols}) VALUES ('delete', old.id, {_old});
END""",
    f"""CREATE TRIGGER IF NOT EXISTS quote_au AFTER UPDATE ON quote BEGIN
    INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_cols}) VALUES ('delete', old.id, {_old});
    INSERT INTO {FTS_TABLE}(rowid, {_cols}) VALUES (new.id, {_new});
END""",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS quote_ai",
    "DROP TRIGGER IF EXISTS quote_ad",
    "DROP TRIGGER IF EXISTS quote_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def create_fts(conn: Connection) -> None:
    """Create the full-text index and its triggers for this dialect, then rebuild it."""
    if conn.dialect.name == "sqlite":
        for stmt in SQLITE_DDL:
            conn.exec_driver_sql(stmt)
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def drop_fts(conn: Connection) -> None:
    """Remove the full-text index (downgrade)."""
    if conn.dialect.name == "sqlite":
        for stmt in SQLITE_DROP:
            conn.exec_driver_sql(stmt)


def is_fts_name(name: str | None) -> bool:
    """True for the FTS table and its shadow tables (``quote_fts_data`` ...)."""
    return bool(name) and any(name == n or name.startswith(n + "_") for n in FTS_NAMES)

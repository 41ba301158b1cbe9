"""Full-text index: its dialect-specific DDL and match conditions, in one place.

SQLite: an external-content FTS5 table over ``quote`` declared with
``content="quote"`` (double quotes: Datasette and sqlite-utils detect it only
so), trigram tokenizer so that ``naik`` finds ``kenaikan`` and ``menaikkan``,
kept in sync by the triggers ``quote_ai``/``quote_ad``/``quote_au``.

PostgreSQL: a generated ``tsvector`` column (``search_vector``) with a GIN
index for word search and ranking, plus ``pg_trgm`` GIN indexes on the quote
text so that a part of a word matches (``ILIKE '%itra%'``), as the SQLite
trigram index does.

A batch ("move and copy") migration of ``quote`` drops the SQLite triggers:
any such migration must call :func:`create_fts` again (it rebuilds).

Search code asks :func:`match_condition` for the join and WHERE clause that
restrict ``quote q`` to the rows matching some words, so the same filters and
ranking run on both backends.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

FTS_TABLE = "quote_fts"
FTS_COLUMNS = ("text", "role", "affiliation")
#: Table-name prefixes that autogenerate must ignore (FTS table and its shadow tables).
FTS_NAMES = (FTS_TABLE,)
#: PostgreSQL objects made here by hand, invisible to autogenerate.
PG_VECTOR_COLUMN = "search_vector"
PG_INDEXES = ("ix_quote_search_vector", "ix_quote_text_trgm")

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
    # Re-index only when an indexed column changes: regrouping claims or merging speakers
    # updates quote rows without rewriting the full-text index (migration 0003).
    f"""CREATE TRIGGER IF NOT EXISTS quote_au AFTER UPDATE OF {_cols} ON quote BEGIN
    INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_cols}) VALUES ('delete', old.id, {_old});
    INSERT INTO {FTS_TABLE}(rowid, {_cols}) VALUES (new.id, {_new});
END""",
]


def sqlite_quote_au(indexed_columns_only: bool = True) -> str:
    """The SQLite update trigger, re-indexing on any update or only on indexed columns."""
    on = f"OF {_cols} " if indexed_columns_only else ""
    return f"""CREATE TRIGGER quote_au AFTER UPDATE {on}ON quote BEGIN
    INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_cols}) VALUES ('delete', old.id, {_old});
    INSERT INTO {FTS_TABLE}(rowid, {_cols}) VALUES (new.id, {_new});
END"""




def pg_document(alias: str = "") -> str:
    """The searchable document of a quote on PostgreSQL (the trigram index's expression)."""
    prefix = f"{alias}." if alias else ""
    return "(" + " || ' ' || ".join(f"coalesce({prefix}{c}, '')" for c in FTS_COLUMNS) + ")"


PG_DOCUMENT = pg_document()
_pg_doc = PG_DOCUMENT[1:-1]
POSTGRES_DDL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""ALTER TABLE quote ADD COLUMN IF NOT EXISTS {PG_VECTOR_COLUMN} tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', {_pg_doc})) STORED""",
    f"CREATE INDEX IF NOT EXISTS {PG_INDEXES[0]} ON quote USING gin ({PG_VECTOR_COLUMN})",
    f"CREATE INDEX IF NOT EXISTS {PG_INDEXES[1]} ON quote USING gin ({PG_DOCUMENT} gin_trgm_ops)",
]
POSTGRES_DROP = [
    f"DROP INDEX IF EXISTS {PG_INDEXES[1]}",
    f"DROP INDEX IF EXISTS {PG_INDEXES[0]}",
    f"ALTER TABLE quote DROP COLUMN IF EXISTS {PG_VECTOR_COLUMN}",
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
    elif conn.dialect.name == "postgresql":
        for stmt in POSTGRES_DDL:
            conn.exec_driver_sql(stmt)


def drop_fts(conn: Connection) -> None:
    """Remove the full-text index (downgrade)."""
    drops = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(conn.dialect.name, [])
    for stmt in drops:
        conn.exec_driver_sql(stmt)


def is_fts_name(name: str | None) -> bool:
    """True for the FTS table and its shadow tables (``quote_fts_data`` ...)."""
    return bool(name) and any(name == n or name.startswith(n + "_") for n in FTS_NAMES)


def include_name(name: str | None, type_: str, parent_names: object = None) -> bool:
    """Alembic ``include_name`` hook: hide the hand-made full-text objects from autogenerate."""
    if type_ == "table":
        return not is_fts_name(name)
    if type_ == "column":
        return name != PG_VECTOR_COLUMN
    if type_ == "index":
        return name not in PG_INDEXES
    return True


def like_escape(term: str) -> str:
    """Escape LIKE wildcards (backslash is the escape character)."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts5_expression(terms: list[str]) -> str:
    """Escape words for FTS5: every word becomes a quoted phrase (AND-ed)."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def match_condition(dialect: str, terms: list[str], raw: str | None,
                    params: dict[str, object]) -> tuple[str, str]:
    """(join, condition) that keep the rows of ``quote q`` matching every term.

    SQLite: the FTS5 trigram index (``raw`` is FTS5 syntax). PostgreSQL: case-blind substring
    matches on text, role and affiliation served by the ``pg_trgm`` index, or with ``raw``
    PostgreSQL's ``to_tsquery`` syntax (``harga & !beras``) over ``search_vector``.
    ``params`` receives the values.
    """
    if dialect == "sqlite":
        params["fts"] = raw if raw is not None else fts5_expression(terms)
        return f"JOIN {FTS_TABLE} ON {FTS_TABLE}.rowid = q.id", f"{FTS_TABLE} MATCH :fts"
    if raw is not None:
        params["fts"] = raw
        return "", f"q.{PG_VECTOR_COLUMN} @@ to_tsquery('simple', :fts)"
    conditions = []
    for i, term in enumerate(terms):
        params[f"trg{i}"] = f"%{like_escape(term)}%"
        conditions.append(f"{pg_document('q')} ILIKE :trg{i}")
    return "", " AND ".join(conditions) or "1 = 1"

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

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

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


#: How common each trigram is in news text (per 100,000 sentences; absent = rarer than 20):
#: made by ``scripts/trigram-frequencies.py``, counts only.
TRIGRAMS_FILE = Path(__file__).parent / "data" / "trigrams.json"
#: Words at least this long may be matched through their rarest trigrams (then verified).
RARE_TRIGRAM_MIN = 5
#: A candidate row checked in SQL costs about this many posting-list entries walked by FTS5
#: (measured at 1M quotes: ~3.7 us per verified row against ~0.02 us per posting).
VERIFY_COST = 170.0
#: The table counts sentences; a stored quote holds a trigram about this much more often.
SENTENCES_PER_QUOTE = 2.5
_ABSENT = 10  # per 100,000: what a trigram missing from the table is taken to be
_PLAIN_WORD = re.compile(r"[a-z0-9]+")


@cache
def trigram_frequencies() -> dict[str, int]:
    try:
        return json.loads(TRIGRAMS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # without the table every plan stays a phrase: still correct


def _share(gram: str) -> float:
    """Estimated share of quotes holding ``gram`` (a quote is a few sentences long)."""
    return min(1.0, SENTENCES_PER_QUOTE * trigram_frequencies().get(gram, _ABSENT) / 100_000)


def rarest_trigrams(word: str, how_many: int = 2) -> list[str]:
    """Up to ``how_many`` rarest trigrams of ``word`` that do not overlap (overlapping ones
    occur together, so a second one would barely cut the candidates)."""
    grams = sorted((_share(word[i:i + 3]), i) for i in range(len(word) - 2))
    picked: list[int] = []
    for _, i in grams:
        if len(picked) < how_many and all(abs(i - j) >= 3 for j in picked):
            picked.append(i)
    return [word[i:i + 3] for i in sorted(picked)]


@dataclass
class TrigramPlan:
    """An FTS5 expression for some words, and the words each matching row must still contain.

    The trigram index answers a word as the phrase of all its trigrams, walking the long
    posting lists of common trigrams ("kan", "ter") even for a rare word: 50-150 ms at 1M
    quotes. AND-ing a few rare trigrams finds a superset in a few milliseconds; ``verify``
    keeps the rows holding each whole word (lower-cased) in text, role or affiliation, which
    is exactly what the phrase matched. The plan is taken only where its estimated cost
    (postings walked + rows verified) beats the phrases'.
    """

    expression: str
    verify: list[str] = field(default_factory=list)


def trigram_plan(terms: list[str]) -> TrigramPlan:
    """The cheaper of: every term as a phrase, or plain ASCII words of ``RARE_TRIGRAM_MIN``
    letters or more by their rarest trigrams (other terms stay phrases either way).

    Each such word gives its rarest trigram; a second, non-overlapping one is added where the
    rows it saves verifying outweigh its postings.
    """
    phrase_cost = scan = 0.0
    candidates = 1.0
    parts: list[str] = []
    verify: list[str] = []
    extras: list[tuple[float, str]] = []
    for term in terms:
        word = term.lower()
        shares = [_share(word[i:i + 3]) for i in range(len(word) - 2)]
        phrase_cost += sum(shares)
        if len(word) >= RARE_TRIGRAM_MIN and _PLAIN_WORD.fullmatch(word):
            first, *more = rarest_trigrams(word)
            parts.append(first)
            verify.append(word)
            scan += _share(first)
            candidates *= _share(first)
            extras.extend((_share(gram), gram) for gram in more)
        else:
            parts.append(term)
            scan += sum(shares)
            candidates *= min(shares, default=1.0)
    for share, gram in sorted(extras):
        if share < VERIFY_COST * candidates * (1 - share):
            parts.append(gram)
            scan += share
            candidates *= share
    if not verify or scan + VERIFY_COST * candidates >= phrase_cost:
        return TrigramPlan(fts5_expression(terms))
    return TrigramPlan(fts5_expression(parts), verify)


def _in_any_column(values: list[str], params: dict[str, object], name: str, test: str,
                   alias: str) -> str:
    """AND over ``values``: each held by text, role or affiliation, as ``test`` (a format
    string over ``column`` and ``param``) checks it; the values go to ``params``."""
    conditions = []
    for i, value in enumerate(values):
        params[f"{name}{i}"] = value
        either = " OR ".join(test.format(column=f"{alias}.{column}", param=f":{name}{i}")
                             for column in FTS_COLUMNS)
        conditions.append(f"({either})")
    return " AND ".join(conditions)


def verify_condition(words: list[str], params: dict[str, object], alias: str = "q") -> str:
    """SQL that keeps rows of ``alias`` whose text, role or affiliation contains each word
    (lower-cased ASCII words: SQLite's ``lower`` folds ASCII only)."""
    return _in_any_column(words, params, "vw", "instr(lower({column}), {param}) > 0", alias)


def like_condition(terms: list[str], params: dict[str, object], alias: str = "q") -> str:
    """SQL that keeps rows whose text, role or affiliation holds each term, case-blind, as the
    trigram index matches: for reading a narrow filter's rows instead of the index."""
    patterns = [f"%{like_escape(term.casefold())}%" for term in terms]
    return _in_any_column(patterns, params, "word", "lower({column}) LIKE {param} ESCAPE '\\'",
                          alias)


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

"""Finding quotes: full-text search with filters, as plain dict rows.

The CLI, exports and the notebook API all read through here, so a filter
means the same thing everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from claims.errors import ClaimsError
from claims.speakers import speaker_key

#: The trigram tokenizer cannot match terms shorter than this.
MIN_FTS_TERM = 3
SNIPPET_OPEN, SNIPPET_CLOSE = "[", "]"

QUOTE_COLUMNS = [
    "id", "speaker", "speaker_kind", "role", "affiliation", "text", "kind", "cue", "mention",
    "resolution", "confidence", "outlet", "via", "said_on", "published", "lang", "title", "url",
    "article_id", "start", "end", "claim_id", "relation",
]

_SELECT = """
SELECT q.id, s.name AS speaker, s.kind AS speaker_kind, q.role, q.affiliation, q.text, q.kind,
       q.cue, q.mention, q.resolution, q.confidence, a.outlet, q.via, q.said_on, a.published,
       a.lang, a.title, a.url, q.article_id, q.start, q."end", q.claim_id, q.relation{extra}
FROM quote q
JOIN article a ON a.id = q.article_id
LEFT JOIN speaker s ON s.id = q.speaker_id
{join}
WHERE 1=1 {where}
ORDER BY {order}
{limit}
"""


class QueryError(ClaimsError):
    """A search the user can fix (bad FTS syntax, bad filter)."""


@dataclass(slots=True)
class QuoteFilter:
    """Filters shared by search and export."""

    query: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    via: str | None = None
    since: date | None = None
    until: date | None = None
    kind: str | None = None
    lang: str | None = None
    raw: bool = False
    order: Literal["rank", "date"] = "rank"
    limit: int | None = None


def fts_expression(query: str) -> str:
    """Escape a user query for FTS5: every word becomes a quoted phrase (AND-ed)."""
    terms = re.findall(r"\S+", query)
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _like_terms(query: str) -> list[str]:
    return [t for t in re.findall(r"\w+", query.casefold()) if t]


def _build(f: QuoteFilter) -> tuple[str, dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    join = extra = ""
    order = "COALESCE(q.said_on, a.published) DESC, q.id"
    if f.query and f.query.strip():
        expr = f.query if f.raw else fts_expression(f.query)
        short = not f.raw and any(len(t) < MIN_FTS_TERM for t in _like_terms(f.query))
        if short:
            for i, term in enumerate(_like_terms(f.query)):
                where.append(f"lower(q.text) LIKE :like{i}")
                params[f"like{i}"] = f"%{term}%"
        else:
            join = "JOIN quote_fts ON quote_fts.rowid = q.id"
            where.append("quote_fts MATCH :fts")
            params["fts"] = expr
            extra = (", snippet(quote_fts, 0, :sopen, :sclose, '…', 40) AS snippet,"
                     " bm25(quote_fts) AS rank")
            params.update(sopen=SNIPPET_OPEN, sclose=SNIPPET_CLOSE)
            if f.order == "rank":
                order = "rank, q.id"
    if f.speaker:
        key = speaker_key(f.speaker)
        where.append("""(s.key = :skey OR s.id IN (SELECT speaker_id FROM speaker_alias
                         WHERE key = :skey) OR lower(s.name) LIKE :sname)""")
        params.update(skey=key, sname=f"%{f.speaker.casefold()}%")
    if f.outlet:
        where.append("lower(a.outlet) = :outlet")
        params["outlet"] = f.outlet.casefold()
    if f.via:
        where.append("lower(q.via) LIKE :via")
        params["via"] = f"%{f.via.casefold()}%"
    if f.since:
        where.append("COALESCE(q.said_on, a.published) >= :since")
        params["since"] = f.since
    if f.until:
        where.append("COALESCE(q.said_on, a.published) <= :until")
        params["until"] = f.until
    if f.kind:
        where.append("q.kind = :kind")
        params["kind"] = f.kind
    if f.lang:
        where.append("a.lang = :lang")
        params["lang"] = f.lang
    sql = _SELECT.format(
        extra=extra, join=join, where="".join(f"\n  AND {w}" for w in where), order=order,
        limit=f"LIMIT {int(f.limit)}" if f.limit else "",
    )
    return sql, params


def search_quotes(conn: Connection, f: QuoteFilter) -> list[dict[str, Any]]:
    """Quotes matching the filter, best match first (or newest first with order='date')."""
    return list(iter_quotes(conn, f))


def iter_quotes(conn: Connection, f: QuoteFilter):  # type: ignore[no-untyped-def]
    """Stream matching quotes as dicts (exports use this to stay flat in memory)."""
    sql, params = _build(f)
    try:
        result = conn.execute(text(sql), params)
    except OperationalError as exc:
        if "fts" not in params:
            raise
        msg = str(getattr(exc, "orig", exc))
        hint = "drop --raw to search the words literally" if f.raw else "rephrase the query"
        raise QueryError(f"malformed search query ({msg}); {hint}") from None
    for row in result.mappings():
        yield dict(row)


def speaker_table(conn: Connection, search: str | None = None) -> list[dict[str, Any]]:
    """Canonical speakers with quote counts and their most frequent role and affiliation."""
    params: dict[str, Any] = {}
    where = ""
    if search:
        where = "WHERE lower(s.name) LIKE :search"
        params["search"] = f"%{search.casefold()}%"
    sql = f"""
    WITH counted AS (
        SELECT q.speaker_id, q.role, q.affiliation, count(*) AS n,
               row_number() OVER (PARTITION BY q.speaker_id
                                  ORDER BY (q.role IS NULL), count(*) DESC) AS rk
        FROM quote q WHERE q.speaker_id IS NOT NULL
        GROUP BY q.speaker_id, q.role, q.affiliation
    )
    SELECT s.id, s.name AS speaker, s.kind,
           (SELECT sum(n) FROM counted c WHERE c.speaker_id = s.id) AS quotes,
           (SELECT count(DISTINCT a.outlet) FROM quote q JOIN article a ON a.id = q.article_id
             WHERE q.speaker_id = s.id) AS outlets,
           c.role, c.affiliation
    FROM speaker s LEFT JOIN counted c ON c.speaker_id = s.id AND c.rk = 1
    {where}
    ORDER BY quotes DESC, s.name
    """
    return [dict(r) for r in conn.execute(text(sql), params).mappings()]

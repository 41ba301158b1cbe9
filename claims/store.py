"""Bulk writes: parsed articles and their quotes, one transaction per batch.

An article and its quotes are written in the same transaction, so a crash
never leaves an article without its quotes. Articles are deduplicated by the
sha256 of their text and by url (normalised: ``claims.urls``), so re-running an ingest adds
nothing twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.engine import Connection

from claims.models import Article, Quote, Review, utcnow
from claims.parse.records import ParsedArticle, QuoteRecord
from claims.speakers import resolve_speakers, speaker_key
from claims.sqlutil import chunks, insert_ignoring_duplicates
from claims.urls import url_key

#: speaker_key is pure and costly (title stripping, Unicode folding); names repeat a lot.
cached_speaker_key = lru_cache(maxsize=65_536)(speaker_key)


class ArticleMeta(Protocol):
    """What storage needs to know about an input article besides the parse."""

    title: str | None
    url: str | None
    source_id: str | None


@dataclass(slots=True)
class BatchResult:
    added: int = 0
    duplicates: int = 0
    quotes: int = 0
    #: (origin, reason) of quotes the parser returned but storage refused.
    notes: list[tuple[str, str]] = field(default_factory=list)

    def __iadd__(self, other: BatchResult) -> BatchResult:
        self.added += other.added
        self.duplicates += other.duplicates
        self.quotes += other.quotes
        self.notes.extend(other.notes)
        return self


@dataclass(slots=True)
class ReparseResult:
    """How the quotes of reparsed articles changed."""

    unchanged: int = 0
    updated: int = 0
    added: int = 0
    deleted: int = 0
    reviewed_deleted: int = 0
    reviewed_deleted_ids: list[int] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def __iadd__(self, other: ReparseResult) -> ReparseResult:
        self.unchanged += other.unchanged
        self.updated += other.updated
        self.added += other.added
        self.deleted += other.deleted
        self.reviewed_deleted += other.reviewed_deleted
        self.reviewed_deleted_ids.extend(other.reviewed_deleted_ids)
        self.notes.extend(other.notes)
        return self


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def existing_values(conn: Connection, column, values: Iterable[str]) -> set[str]:  # type: ignore[no-untyped-def]
    """Which of ``values`` the (unique, indexed) ``column`` already holds."""
    values = sorted({v for v in values if v})
    found: set[str] = set()
    for chunk in chunks(values):
        found.update(conn.execute(select(column).where(column.in_(chunk))).scalars())
    return found


def known_articles(conn: Connection, hashes: Iterable[str],
                   keys: Iterable[str | None]) -> tuple[set[str], set[str]]:
    """Which of these text hashes, and of these url keys (:func:`claims.urls.url_key`), are
    stored already: an article is a duplicate when either is."""
    return (existing_values(conn, Article.sha256, hashes),
            existing_values(conn, Article.url_key, (k for k in keys if k)))


def storable_quotes(parsed: ParsedArticle) -> tuple[list[QuoteRecord], list[str]]:
    """The quotes that keep the storage invariants, and why any others were refused.

    ``text == article.text[start:end]`` is the contract every reader of the database relies
    on, and (article, start, end) is unique: a parser bug breaking either must cost one
    quote with a warning, never the batch (a unique violation would roll it back).
    """
    kept: list[QuoteRecord] = []
    refused: list[str] = []
    spans: set[tuple[int, int]] = set()
    text = parsed.text
    for q in parsed.quotes:
        if not (0 <= q.start <= q.end <= len(text)) or text[q.start:q.end] != q.text:
            refused.append(f"parser returned a quote whose text is not article[{q.start}:"
                           f"{q.end}]; quote not stored")
        elif (q.start, q.end) in spans:
            refused.append(f"parser returned the span {q.start}-{q.end} twice; stored once")
        else:
            spans.add((q.start, q.end))
            kept.append(q)
    return kept, refused


def quote_row(q: QuoteRecord, speaker_ids: dict[str, int],
              published: date | None = None) -> dict[str, Any]:
    """The parser-owned columns of a quote row (claim grouping columns are not touched);
    ``published`` is the article's day, the quote's ``day`` when it has no ``said_on``."""
    sid = speaker_ids.get(cached_speaker_key(q.speaker)) if q.speaker else None
    return {
        "speaker_id": sid, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
        "cue": q.cue, "mention": q.mention, "resolution": q.resolution, "role": q.role,
        "affiliation": q.affiliation, "via": q.via, "said_on": q.said_on,
        "day": q.said_on or published, "confidence": q.confidence,
    }


def quote_rows(article_id: int, parsed: ParsedArticle, speaker_ids: dict[str, int]) -> list[dict]:
    """Rows for the quote table from one parsed article (quotes assumed storable)."""
    return [{"article_id": article_id, **quote_row(q, speaker_ids, parsed.published)}
            for q in parsed.quotes]


def _speaker_names(quotes: Iterable[QuoteRecord]) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for q in quotes:
        if q.speaker:
            names.setdefault(cached_speaker_key(q.speaker), (q.speaker, q.speaker_type or "person"))
    names.pop("", None)
    return names


#: Quote rows per multi-row INSERT (x 14 columns stays far below SQLite's 32,766 parameters).
QUOTES_PER_STATEMENT = 500


_QUOTE_INSERT_COLUMNS = ("article_id", "speaker_id", "text", "start", "end", "kind", "cue",
                         "mention", "resolution", "role", "affiliation", "via", "said_on",
                         "day", "confidence")


_quote_values = itemgetter(*_QUOTE_INSERT_COLUMNS)
_DATES = (_QUOTE_INSERT_COLUMNS.index("said_on"), _QUOTE_INSERT_COLUMNS.index("day"))


def _sqlite_values(rows: Sequence[dict[str, Any]]) -> list[Any]:
    """Flat parameters for one multi-row INSERT; dates as ISO text, as SQLAlchemy stores them."""
    flat: list[Any] = []
    for row in rows:
        values = list(_quote_values(row))
        for i in _DATES:
            if isinstance(values[i], date):
                values[i] = values[i].isoformat()
        flat.extend(values)
    return flat


def insert_quotes(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert quote rows as multi-row INSERT statements, not executemany.

    The FTS5 trigger makes SQLite flush the full-text index at every statement: one
    statement per row (executemany) indexed ~2,700 quotes/s here, one per 500 rows ~15,000.
    The SQL is written directly because compiling a 7,000-parameter statement with
    SQLAlchemy costs more than the insert itself; other databases use a plain executemany.
    """
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(Quote), list(rows))
        return
    rows = list(rows)
    start = 0
    for size in _statement_sizes(len(rows)):
        values = tuple(_sqlite_values(rows[start:start + size]))
        conn.exec_driver_sql(_multi_row_insert(size), values)
        start += size


#: Rows per statement, largest first: a handful of distinct statements keeps the driver's
#: prepared-statement cache (128 entries, each a compiled multi-row INSERT) small.
_STATEMENT_SIZES = (QUOTES_PER_STATEMENT, 100, 20, 5, 1)


def _statement_sizes(count: int) -> Iterator[int]:
    for size in _STATEMENT_SIZES:
        while count >= size:
            yield size
            count -= size


@lru_cache(maxsize=len(_STATEMENT_SIZES))
def _multi_row_insert(rows: int) -> str:
    names = ", ".join(f'"{name}"' for name in _QUOTE_INSERT_COLUMNS)
    one_row = "(" + ", ".join("?" * len(_QUOTE_INSERT_COLUMNS)) + ")"
    return f"INSERT INTO quote ({names}) VALUES {', '.join([one_row] * rows)}"


#: PostgreSQL advisory lock key held by the writer of a batch.
WRITE_LOCK = 0x636C61696D7331


def write_batch(
    conn: Connection,
    batch: Sequence[tuple[ArticleMeta, ParsedArticle]],
    parser_version: str,
) -> BatchResult:
    """Insert new articles with their quotes; skip texts and urls already stored.

    Runs inside the caller's transaction: the caller commits once per batch, so an article
    and its quotes are stored together or not at all.
    """
    result = BatchResult()
    if conn.dialect.name == "postgresql":
        # Writers of concurrent ingests take turns per batch (parsing still runs in
        # parallel): no deadlock between their unique-index locks, and the duplicate check
        # below sees everything the other writer committed.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
    hashes = [text_sha256(parsed.text) for _, parsed in batch]
    keys = [url_key(meta.url) for meta, _ in batch]
    seen, seen_keys = known_articles(conn, hashes, keys)
    fresh: list[tuple[str, str | None, ArticleMeta, ParsedArticle]] = []
    for digest, key, (meta, parsed) in zip(hashes, keys, batch, strict=True):
        if digest in seen or (key and key in seen_keys):
            result.duplicates += 1
            continue
        seen.add(digest)
        if key:
            seen_keys.add(key)
        kept, refused = storable_quotes(parsed)
        if refused:
            origin = getattr(meta, "origin", "") or "article"
            result.notes.extend((origin, reason) for reason in refused)
            parsed = replace(parsed, quotes=kept)
        fresh.append((digest, key, meta, parsed))
    if not fresh:
        return result

    rows = [{
        "sha256": digest, "url": meta.url, "url_key": key, "source_id": meta.source_id,
        "outlet": parsed.outlet, "title": meta.title, "lang": parsed.lang,
        "published": parsed.published, "text": parsed.text, "parser_version": parser_version,
        "ingested_at": utcnow(),
    } for digest, key, meta, parsed in fresh]
    statement = insert_ignoring_duplicates(conn, Article)
    article_ids = dict(conn.execute(statement.returning(Article.sha256, Article.id), rows).all())
    result.duplicates += len(fresh) - len(article_ids)
    fresh = [item for item in fresh if item[0] in article_ids]

    speaker_ids = resolve_speakers(
        conn, _speaker_names(q for *_, parsed in fresh for q in parsed.quotes))
    quotes: list[dict] = []
    for digest, _, _, parsed in fresh:
        quotes.extend(quote_rows(article_ids[digest], parsed, speaker_ids))
    insert_quotes(conn, quotes)
    result.added = len(fresh)
    result.quotes = len(quotes)
    return result


_PARSER_COLUMNS = ("speaker_id", "text", "kind", "cue", "mention", "resolution", "role",
                   "affiliation", "via", "said_on", "day", "confidence")


StoredQuotes = dict[int, dict[tuple[int, int], dict[str, Any]]]


def _stored_quotes(conn: Connection, article_ids: Sequence[int]) -> StoredQuotes:
    """article id -> (start, end) -> stored row (id plus the parser-owned columns)."""
    table = Quote.__table__
    columns = [table.c.id, table.c.article_id, table.c.start, table.c.end,
               *(table.c[name] for name in _PARSER_COLUMNS)]
    stored: StoredQuotes = {aid: {} for aid in article_ids}
    for chunk in chunks(list(article_ids)):
        for row in conn.execute(select(*columns).where(table.c.article_id.in_(chunk))).mappings():
            stored[row["article_id"]][(row["start"], row["end"])] = dict(row)
    return stored


def _reviewed(conn: Connection, quote_ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunks(sorted(quote_ids)):
        found.update(conn.execute(select(Review.target_id).where(
            Review.target_type == "quote", Review.target_id.in_(chunk))).scalars())
    return found


def reparse_batch(
    conn: Connection,
    batch: Sequence[tuple[int, ParsedArticle]],
    parser_version: str,
) -> ReparseResult:
    """Replace the quotes of stored articles with a new parse, inside the caller's transaction.

    A quote's identity is (article, start, end): such a row keeps its id (reviews point at
    it) and only its changed parser columns are updated, so unchanged rows do not churn the
    full-text index; claim grouping columns are left alone. Quotes that vanished are deleted
    and those with a review are counted and listed.
    """
    result = ReparseResult()
    table = Quote.__table__
    stored = _stored_quotes(conn, [aid for aid, _ in batch])
    kept_by_article: list[tuple[int, list[QuoteRecord]]] = []
    published: dict[int, date | None] = {}
    for article_id, parsed in batch:
        kept, refused = storable_quotes(parsed)
        result.notes.extend((f"article {article_id}", reason) for reason in refused)
        kept_by_article.append((article_id, kept))
        published[article_id] = parsed.published
    speaker_ids = resolve_speakers(
        conn, _speaker_names(q for _, kept in kept_by_article for q in kept))

    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    vanished: list[int] = []
    for article_id, kept in kept_by_article:
        old = stored[article_id]
        for q in kept:
            row = quote_row(q, speaker_ids, published[article_id])
            previous = old.pop((q.start, q.end), None)
            if previous is None:
                inserts.append({"article_id": article_id, **row})
            elif any(previous[name] != row[name] for name in _PARSER_COLUMNS):
                updates.append({"quote_id": previous["id"],
                                **{name: row[name] for name in _PARSER_COLUMNS}})
            else:
                result.unchanged += 1
        vanished.extend(row["id"] for row in old.values())

    if vanished:
        reviewed = _reviewed(conn, vanished)
        result.reviewed_deleted = len(reviewed)
        result.reviewed_deleted_ids = sorted(reviewed)
        for chunk in chunks(sorted(vanished)):
            conn.execute(delete(table).where(table.c.id.in_(chunk)))
    if updates:
        # SET columns come from the parameter keys (the parser columns).
        conn.execute(update(table).where(table.c.id == bindparam("quote_id")), updates)
    insert_quotes(conn, inserts)
    ids = [aid for aid, _ in batch]
    for chunk in chunks(ids):
        conn.execute(update(Article.__table__).where(Article.__table__.c.id.in_(chunk))
                     .values(parser_version=parser_version))
    result.deleted = len(vanished)
    result.updated = len(updates)
    result.added = len(inserts)
    return result

"""Bulk writes: parsed articles and their quotes, one transaction per batch.

An article and its quotes are written in the same transaction, so a crash
never leaves an article without its quotes. Articles are deduplicated by the
sha256 of their text and by url, so re-running an ingest adds nothing twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from claims.models import Article, Quote
from claims.parse.records import ParsedArticle
from claims.speakers import resolve_speakers, speaker_key
from claims.sqlutil import chunks


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

    def __iadd__(self, other: BatchResult) -> BatchResult:
        self.added += other.added
        self.duplicates += other.duplicates
        self.quotes += other.quotes
        return self


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _existing(conn: Connection, column, values: Iterable[str]) -> set[str]:  # type: ignore[no-untyped-def]
    values = sorted({v for v in values if v})
    found: set[str] = set()
    for chunk in chunks(values):
        found.update(conn.execute(select(column).where(column.in_(chunk))).scalars())
    return found


def quote_rows(article_id: int, parsed: ParsedArticle, speaker_ids: dict[str, int]) -> list[dict]:
    """Rows for the quote table from one parsed article."""
    rows = []
    for q in parsed.quotes:
        sid = speaker_ids.get(speaker_key(q.speaker)) if q.speaker else None
        rows.append({
            "article_id": article_id, "speaker_id": sid, "text": q.text, "start": q.start,
            "end": q.end, "kind": q.kind, "cue": q.cue, "mention": q.mention,
            "resolution": q.resolution, "role": q.role, "affiliation": q.affiliation,
            "via": q.via, "said_on": q.said_on, "confidence": q.confidence,
        })
    return rows


def write_batch(
    conn: Connection,
    batch: Sequence[tuple[ArticleMeta, ParsedArticle]],
    parser_version: str,
) -> BatchResult:
    """Insert new articles with their quotes; skip texts and urls already stored.

    Runs inside the caller's transaction: the caller commits once per batch.
    """
    result = BatchResult()
    hashes = [text_sha256(parsed.text) for _, parsed in batch]
    seen = _existing(conn, Article.sha256, hashes)
    seen_urls = _existing(conn, Article.url, (m.url for m, _ in batch if m.url))
    fresh: list[tuple[str, ArticleMeta, ParsedArticle]] = []
    for digest, (meta, parsed) in zip(hashes, batch, strict=True):
        if digest in seen or (meta.url and meta.url in seen_urls):
            result.duplicates += 1
            continue
        seen.add(digest)
        if meta.url:
            seen_urls.add(meta.url)
        fresh.append((digest, meta, parsed))
    if not fresh:
        return result

    rows = [{
        "sha256": digest, "url": meta.url, "source_id": meta.source_id, "outlet": parsed.outlet,
        "title": meta.title, "lang": parsed.lang, "published": parsed.published,
        "text": parsed.text, "parser_version": parser_version,
    } for digest, meta, parsed in fresh]
    article_ids = dict(conn.execute(insert(Article).returning(Article.sha256, Article.id),
                                    rows).all())

    names: dict[str, tuple[str, str]] = {}
    for _, _, parsed in fresh:
        for q in parsed.quotes:
            if q.speaker:
                names.setdefault(speaker_key(q.speaker), (q.speaker, q.speaker_type or "person"))
    names.pop("", None)
    speaker_ids = resolve_speakers(conn, names)

    quotes: list[dict] = []
    for digest, _, parsed in fresh:
        quotes.extend(quote_rows(article_ids[digest], parsed, speaker_ids))
    if quotes:
        conn.execute(insert(Quote), quotes)
    result.added = len(fresh)
    result.quotes = len(quotes)
    return result


def parse_date(value: str | date | None) -> date | None:
    """An ISO date (``2024-07-09`` or a timestamp starting with one), else None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None

"""Bulk writes: dedupe by text hash and url, speakers by key, FTS in sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text

from claims.models import Article, Quote, Speaker
from claims.parse.records import ParsedArticle, QuoteRecord
from claims.store import write_batch

BODY = ('Jakarta - Harga cabai naik. "Kenaikan harga ini musiman," kata Kepala Dinas '
        'Perdagangan Yuliana Sari.')


@dataclass
class Meta:
    title: str | None = None
    url: str | None = None
    source_id: str | None = None


def _parsed(body: str = BODY, speaker: str = "Yuliana Sari") -> ParsedArticle:
    start = body.index('"')
    end = body.index('"', start + 1) + 1
    quote = QuoteRecord(start, end, body[start:end], speaker=speaker, speaker_type="person",
                        cue="kata", resolution="named", role="Kepala Dinas Perdagangan",
                        said_on=date(2025, 1, 2))
    return ParsedArticle(text=body, lang="id", outlet="Detik", quotes=[quote])


def test_same_text_twice_is_stored_once(engine) -> None:
    with engine.begin() as conn:
        first = write_batch(conn, [(Meta(url="u1"), _parsed()), (Meta(), _parsed())], "t")
    with engine.begin() as conn:
        again = write_batch(conn, [(Meta(url="u1"), _parsed())], "t")
    assert (first.added, first.duplicates, first.quotes) == (1, 1, 1)
    assert (again.added, again.duplicates, again.quotes) == (0, 1, 0)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Article)) == 1


def test_same_url_with_changed_text_is_a_duplicate(engine) -> None:
    with engine.begin() as conn:
        write_batch(conn, [(Meta(url="https://x/1"), _parsed())], "t")
        res = write_batch(conn, [(Meta(url="https://x/1"), _parsed(BODY + " Tambahan."))], "t")
    assert res.duplicates == 1 and res.added == 0


def test_speakers_are_shared_across_articles_by_key(engine) -> None:
    other = BODY.replace("cabai", "bawang")
    with engine.begin() as conn:
        write_batch(conn, [(Meta(), _parsed()), (Meta(), _parsed(other, "Ibu Yuliana Sari"))], "t")
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Speaker)) == 1
        assert conn.scalar(select(func.count()).select_from(Quote)) == 2


def test_quote_text_is_exactly_the_article_slice_and_indexed(engine) -> None:
    with engine.begin() as conn:
        write_batch(conn, [(Meta(), _parsed())], "t")
    with engine.connect() as conn:
        row = conn.execute(text('SELECT q.text, a.text, q.start, q."end" FROM quote q '
                                "JOIN article a ON a.id = q.article_id")).one()
        assert row[0] == row[1][row[2]:row[3]]
        if conn.dialect.name == "sqlite":
            hits = conn.execute(text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'naikan'"))
            assert len(hits.all()) == 1


def test_deleting_an_article_removes_its_quotes_and_index_rows(engine) -> None:
    with engine.begin() as conn:
        write_batch(conn, [(Meta(), _parsed())], "t")
        conn.execute(text("DELETE FROM article"))
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Quote)) == 0
        if conn.dialect.name == "sqlite":
            assert conn.execute(text("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'musim'")
                                ).scalar() == 0

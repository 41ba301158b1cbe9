"""``reparse``: a newer parser replaces quotes while reviews stay attached to their quotes."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import invoke
from sqlalchemy import Engine, insert, text
from test_ingest import quick_parse, source
from test_ingest_corpus import write_corpus

from claims.ingest import StoredArticle, ingest_sources, parse_stored, reparse
from claims.models import Review
from claims.parse import PARSER_VERSION, ParsedArticle, QuoteRecord
from claims.readers import SourceArticle


def newer_parse(article: StoredArticle) -> ParsedArticle:
    """The 'next parser version': other cue, second quote gone, the dateline city quoted."""
    parsed = quick_parse(SourceArticle(text=article.text, lang=article.lang))
    first = replace(parsed.quotes[0], cue="ujar")
    city_end = article.text.index(",")
    city = QuoteRecord(0, city_end, article.text[:city_end], kind="partial")
    return replace(parsed, quotes=[city, first])


def setup_old_articles(engine: Engine, n: int = 3) -> dict[str, int]:
    """Ingest ``n`` articles as parser 0.0.1 and review the two quotes of the first one."""
    ingest_sources(engine, (source(i) for i in range(n)), parse=quick_parse)
    with engine.begin() as conn:
        conn.execute(text("UPDATE article SET parser_version = '0.0.1'"))
        kept, vanishing = conn.execute(text(
            "SELECT id FROM quote WHERE article_id = 1 ORDER BY start")).scalars().all()
        conn.execute(insert(Review), [
            {"target_type": "quote", "target_id": kept, "verdict": "true"},
            {"target_type": "quote", "target_id": vanishing, "verdict": "false"}])
    return {"kept": kept, "vanishing": vanishing}


@pytest.mark.parametrize("workers", [1, 2])
def test_reparse_keeps_ids_of_unchanged_spans_and_counts_vanished_reviews(
        engine: Engine, workers: int) -> None:
    ids = setup_old_articles(engine)
    summary = reparse(engine, parse=newer_parse, workers=workers, batch_size=2)
    r = summary.result
    assert summary.articles == 3 and summary.failed == []
    assert (r.unchanged, r.updated, r.added, r.deleted) == (0, 3, 3, 3)
    assert (r.reviewed_deleted, r.reviewed_deleted_ids) == (1, [ids["vanishing"]])
    with engine.connect() as conn:
        kept = conn.execute(text("SELECT cue, article_id FROM quote WHERE id = :i"),
                            {"i": ids["kept"]}).one()
        assert tuple(kept) == ("ujar", 1)
        assert conn.execute(text("SELECT count(*) FROM quote WHERE id = :i"),
                            {"i": ids["vanishing"]}).scalar_one() == 0
        versions = conn.execute(text("SELECT DISTINCT parser_version FROM article")).scalars()
        assert list(versions) == [PARSER_VERSION]
        # reviews are editorial records: they are kept, and the kept one still joins its quote
        joined = conn.execute(text("SELECT r.verdict FROM review r JOIN quote q ON "
                                   "q.id = r.target_id WHERE r.target_type = 'quote'")).scalars()
        assert list(joined) == ["true"]


def test_reparse_keeps_the_full_text_index_in_sync(sqlite_engine: Engine) -> None:
    setup_old_articles(sqlite_engine)
    reparse(sqlite_engine, parse=newer_parse)
    with sqlite_engine.connect() as conn:
        def found(term: str) -> int:
            return conn.execute(text("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH :q"),
                                {"q": f'"{term}"'}).scalar_one()

        cities = conn.execute(text("SELECT text FROM quote WHERE kind = 'partial'")).scalars()
        assert all(found(city) >= 1 for city in cities)
        integrity = "INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)"
        conn.execute(text(integrity))  # raises if the index disagrees with the table


def test_reparse_is_idempotent_and_leaves_current_articles_alone(engine: Engine) -> None:
    setup_old_articles(engine)
    reparse(engine, parse=newer_parse)
    again = reparse(engine, parse=newer_parse)
    assert again.articles == 0
    forced = reparse(engine, parse=newer_parse, everything=True)
    assert forced.articles == 3
    assert (forced.result.unchanged, forced.result.updated, forced.result.deleted) == (6, 0, 0)


def test_reparse_skips_articles_of_a_newer_parser(engine: Engine) -> None:
    ingest_sources(engine, [source(1)], parse=quick_parse)
    with engine.begin() as conn:
        conn.execute(text("UPDATE article SET parser_version = '99.0.0'"))
    assert reparse(engine, parse=newer_parse).articles == 0


def rewriting_parse(article: StoredArticle) -> ParsedArticle:
    """A parser that normalises the text: its offsets do not fit the stored text."""
    return ParsedArticle(text=article.text.replace("  ", " ") + " ", lang="id")


def test_reparse_refuses_a_parse_of_another_text(engine: Engine) -> None:
    setup_old_articles(engine, n=1)
    summary = reparse(engine, parse=rewriting_parse)
    assert summary.failed == ["article 1: the parser changed the text"]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT parser_version FROM article")).scalar_one() == "0.0.1"
        assert conn.execute(text("SELECT count(*) FROM quote")).scalar_one() == 2


def test_parse_stored_matches_ingest_parse() -> None:
    from claims.ingest import parse_source

    src = source(4)
    stored = StoredArticle(1, src.text, src.lang, src.outlet, src.published, src.url)
    assert parse_stored(stored) == parse_source(src)


def test_reparse_command_reports_reviewed_quotes_that_vanished(runner, db_path: Path,
                                                              tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "arsip.jsonl", 5)
    assert invoke(runner, "ingest", corpus, "--db", db_path, "-w", "1").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        before = conn.execute("SELECT id, start, \"end\" FROM quote ORDER BY id").fetchall()
        conn.execute("UPDATE article SET parser_version = '0.0.1'")
        # a quote an old parser found at the dateline, which the current one does not find
        bogus = conn.execute("INSERT INTO quote (article_id, text, start, \"end\", kind, "
                             "resolution, confidence) SELECT id, substr(text, 1, 5), 0, 5, "
                             "'partial', 'none', 0 FROM article WHERE id = 1").lastrowid
        conn.execute("INSERT INTO review (target_type, target_id, verdict, updated_at) "
                     "VALUES ('quote', ?, 'false', '2024-07-10')", (bogus,))
    result = invoke(runner, "reparse", "--db", db_path, "-w", "1")
    assert result.exit_code == 0, result.stderr
    assert (f"5 articles reparsed, 0 failed; quotes: {len(before)} unchanged, 0 updated, "
            "0 added, 1 deleted (1 of them reviewed)") in result.stderr
    assert f"reviewed quotes that vanished (ids): {bogus}" in result.stderr
    with sqlite3.connect(db_path) as conn:
        after = conn.execute("SELECT id, start, \"end\" FROM quote ORDER BY id").fetchall()
    assert after == before

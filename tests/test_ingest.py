"""The ingest pipeline: workers, batches, idempotence, strict mode and parser failures."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from test_ingest_corpus import make_article, write_corpus

from claims.ingest import (
    BatchWriter,
    ParseFailure,
    estimate_total,
    ingest_paths,
    ingest_sources,
    is_older,
    parse_chunk,
    parsed_stream,
)
from claims.parse import ParsedArticle, QuoteRecord
from claims.readers import ReadProblem, SourceArticle, read_articles

_PAIR = re.compile(r'"[^"\n]+"')


def quick_parse(src: SourceArticle) -> ParsedArticle:
    """A stand-in parser (straight-quote pairs) so pipeline tests do not time the parser."""
    quotes = [QuoteRecord(m.start(), m.end(), m.group(), speaker="Yuliana Sari",
                          speaker_type="person") for m in _PAIR.finditer(src.text)]
    return ParsedArticle(text=src.text, lang=src.lang or "id", outlet=src.outlet,
                         published=src.published, quotes=quotes)


def exploding_parse(src: SourceArticle) -> ParsedArticle:
    """Raises on articles that mention 'meledak', like a parser bug on odd input."""
    if "meledak" in src.text:
        raise ValueError("tidak terduga")
    return quick_parse(src)


def offsets_off_by_one(src: SourceArticle) -> ParsedArticle:
    """A buggy parser: its second quote does not match the article text."""
    parsed = quick_parse(src)
    if len(parsed.quotes) > 1:
        q = parsed.quotes[1]
        parsed.quotes[1] = QuoteRecord(q.start + 1, q.end + 1, q.text)
        parsed.quotes.append(parsed.quotes[0])  # and a repeated span
    return parsed


def source(index: int) -> SourceArticle:
    record = make_article(index)
    return SourceArticle(text=record["text"], url=record["url"], outlet=record["outlet"],
                         title=record["title"], published=date.fromisoformat(record["date"]),
                         lang="id", source_id=record["id"], origin=f"gen:{index}")


def table_rows(engine: Engine) -> dict[str, list[tuple]]:
    """Every stored row that a run decides, without ids and timestamps."""
    queries = {
        "article": "SELECT sha256, url, source_id, outlet, title, lang, published, text, "
                   "parser_version FROM article ORDER BY sha256",
        "quote": "SELECT a.sha256, q.start, q.\"end\", q.text, q.kind, q.cue, q.mention, "
                 "q.resolution, q.role, q.affiliation, q.via, q.said_on, q.confidence, s.key "
                 "FROM quote q JOIN article a ON a.id = q.article_id "
                 "LEFT JOIN speaker s ON s.id = q.speaker_id ORDER BY a.sha256, q.start",
        "speaker": "SELECT name, key, kind FROM speaker ORDER BY key",
    }
    with engine.connect() as conn:
        return {name: [tuple(row) for row in conn.execute(text(sql))]
                for name, sql in queries.items()}


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_parsed_stream_keeps_input_order_with_workers() -> None:
    items = [source(i) for i in range(150)]
    single = [(s.origin, r) for s, r in parsed_stream(items, quick_parse, workers=1)]
    pooled = [(s.origin, r) for s, r in parsed_stream(items, quick_parse, workers=2,
                                                        chunk_size=7)]
    assert [o for o, _ in pooled] == [f"gen:{i}" for i in range(150)]
    assert pooled == single


def test_parser_exception_inside_a_worker_comes_back_in_place() -> None:
    items = [source(i) for i in range(10)]
    items[6] = SourceArticle(text='"Trafo meledak," kata warga.', origin="gen:6")
    results = [r for _, r in parsed_stream(items, exploding_parse, workers=2, chunk_size=2)]
    assert [isinstance(r, ParseFailure) for r in results] == [False] * 6 + [True] + [False] * 3
    assert results[6] == ParseFailure("parser error: ValueError: tidak terduga")


def test_parse_chunk_does_not_send_unchanged_text_back() -> None:
    results = parse_chunk([source(1)], quick_parse)
    assert isinstance(results[0], ParsedArticle) and results[0].text == ""
    restored = next(parsed_stream([source(1)], quick_parse))[1]
    assert isinstance(restored, ParsedArticle) and restored.text == source(1).text


def test_rows_do_not_depend_on_worker_count_or_batch_size(tmp_path: Path,
                                                          parse_pools: list[int]) -> None:
    from claims.db import open_engine

    rows = []
    for workers, batch in ((1, 500), (2, 7)):
        engine = open_engine(tmp_path / f"w{workers}.db")
        summary = ingest_sources(engine, (source(i) for i in range(120)), batch_size=batch,
                                 workers=workers, parse=quick_parse)
        assert (summary.added, summary.quotes, summary.n_failed) == (120, 240, 0)
        rows.append(table_rows(engine))
        engine.dispose()
    assert rows[0] == rows[1]
    assert parse_pools == [2]  # the second run really parsed in two worker processes


def test_second_ingest_adds_nothing_and_skips_before_parsing(engine: Engine) -> None:
    ingest_sources(engine, (source(i) for i in range(60)), parse=quick_parse)
    before = table_rows(engine)
    again = ingest_sources(engine, (source(i) for i in range(60)), parse=exploding_parse,
                           batch_size=10)
    assert (again.added, again.duplicates, again.quotes, again.n_failed) == (0, 60, 0, 0)
    assert table_rows(engine) == before


def test_rerun_groups_quotes_an_interrupted_run_left_without_a_claim(engine: Engine) -> None:
    """Stored, then stopped before grouping (Ctrl-C there): the rerun adds nothing but
    groups; a rerun with nothing left to group does not regroup."""
    ingest_sources(engine, (source(i) for i in range(12)), parse=quick_parse,
                   group_claims=False)
    ungrouped = "SELECT count(*) FROM quote WHERE claim_id IS NULL"
    with engine.connect() as conn:
        assert conn.execute(text(ungrouped)).scalar() == 24
    again = ingest_sources(engine, (source(i) for i in range(12)), parse=quick_parse)
    assert (again.added, again.duplicates) == (0, 12)
    assert again.claims is not None
    with engine.connect() as conn:
        assert conn.execute(text(ungrouped)).scalar() == 0
    third = ingest_sources(engine, (source(i) for i in range(12)), parse=quick_parse)
    assert third.claims is None


def test_duplicates_inside_one_run_by_text_and_by_url(engine: Engine) -> None:
    first, second = source(1), source(2)
    same_url = SourceArticle(text=second.text + " Pembaruan.", url=second.url, origin="x")
    summary = ingest_sources(engine, [first, second, first, same_url], parse=quick_parse)
    assert (summary.added, summary.duplicates) == (2, 2)
    assert count(engine, "article") == 2


def test_a_page_rescraped_under_another_spelling_of_its_url_is_a_duplicate(
        engine: Engine) -> None:
    """A re-scrape writes the url with tracking parameters, http, or as the AMP copy, and the
    text has changed a little (an ad line): the same page, so not stored twice."""
    first = source(1)
    assert first.url and first.url.startswith("https://")
    spellings = [first.url.replace("https://", "http://") + "/",
                 first.url + "?utm_source=whatsapp&utm_medium=share",
                 first.url + "/amp"]
    assert ingest_sources(engine, [first], parse=quick_parse).added == 1
    again = [SourceArticle(text=first.text + f" Iklan {i}.", url=url, origin=f"ulang:{i}")
             for i, url in enumerate(spellings)]
    summary = ingest_sources(engine, again + [source(2)], parse=quick_parse)
    assert (summary.added, summary.duplicates) == (1, 3)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT url, url_key FROM article ORDER BY id")).all()
    assert [url for url, _ in rows] == [first.url, source(2).url]  # kept as given
    assert rows[0][1] == first.url.removeprefix("https://")


def test_parser_exception_costs_one_article_with_its_origin(engine: Engine) -> None:
    bad = SourceArticle(text='"Gudang itu meledak semalam," kata Agus.', origin="berita.jsonl:2")
    summary = ingest_sources(engine, [source(1), bad, source(3)], parse=exploding_parse,
                             workers=2)
    assert summary.added == 2 and summary.n_failed == 1
    assert str(summary.failed[0]) == ("berita.jsonl:2: parser error: ValueError: "
                                      "tidak terduga")
    assert "1 failed" in summary.line()


def test_strict_stops_at_first_problem_after_storing_what_came_before(engine: Engine) -> None:
    items = [source(1), source(2), ReadProblem("berita.jsonl:3", "invalid JSON"), source(4)]
    summary = ingest_sources(engine, items, strict=True, parse=quick_parse, batch_size=500)
    assert summary.stopped == ReadProblem("berita.jsonl:3", "invalid JSON")
    assert summary.added == 2
    with engine.connect() as conn:
        urls = conn.execute(text("SELECT url FROM article ORDER BY id")).scalars().all()
    assert urls == [source(1).url, source(2).url]


def test_quotes_breaking_the_offset_invariant_are_refused_with_a_warning(engine: Engine) -> None:
    summary = ingest_sources(engine, [source(7)], parse=offsets_off_by_one)
    assert summary.added == 1 and summary.quotes == 1
    reasons = sorted(w.reason for w in summary.warnings)
    assert reasons[0].startswith("parser returned a quote whose text is not article[")
    assert reasons[1].startswith("parser returned the span")
    with engine.connect() as conn:
        row = conn.execute(text("SELECT q.text, substr(a.text, q.start + 1, q.\"end\" - q.start)"
                                " FROM quote q JOIN article a ON a.id = q.article_id")).one()
    assert row[0] == row[1]


def test_article_without_quotes_is_stored_with_zero_quotes(engine: Engine) -> None:
    plain = SourceArticle(text="Hujan turun sejak pagi di Bogor. Jalan utama sempat tergenang.",
                          origin="cuaca.txt")
    summary = ingest_sources(engine, [plain], parse=quick_parse)
    assert (summary.added, summary.quotes) == (1, 0)
    assert count(engine, "article") == 1 and count(engine, "quote") == 0


def test_ingest_paths_with_real_parser_and_pool(engine: Engine, tmp_path: Path,
                                                parse_pools: list[int]) -> None:
    corpus = write_corpus(tmp_path / "berita.jsonl", 40)
    summary = ingest_paths(engine, [str(corpus)], workers=2, batch_size=16)
    assert (summary.added, summary.n_failed) == (40, 0)
    assert parse_pools == [2]
    assert summary.quotes == count(engine, "quote") > 0
    with engine.connect() as conn:
        bad = conn.execute(text("SELECT count(*) FROM quote q JOIN article a ON a.id = "
                                "q.article_id WHERE substr(a.text, q.start + 1, q.\"end\" - "
                                "q.start) != q.text")).scalar_one()
    assert bad == 0


def test_estimate_total_counts_records_of_every_format(tmp_path: Path) -> None:
    import gzip

    write_corpus(tmp_path / "a.jsonl", 30)
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress((tmp_path / "a.jsonl").read_bytes()))
    (tmp_path / "c.csv").write_text("judul,isi\nSatu,Teks satu\nDua,Teks dua\n",
                                    encoding="utf-8")
    (tmp_path / "d.txt").write_text("Satu artikel.", encoding="utf-8")
    assert estimate_total([str(tmp_path)]) == 30 + 30 + 2 + 1
    assert estimate_total([str(tmp_path)], "*.csv") == 2
    assert estimate_total(["-"]) is None


_ITEMS = [{"judul": f"Berita {i}", "isi": f"Teks {i}.", "sumber": {"nama": "Kompas"},
           "tag": [{"nama": "politik"}]} for i in range(3)]


@pytest.mark.parametrize(("content", "expected"), [
    (json.dumps(_ITEMS, indent=2), 3),  # pretty-printed (nested objects deeper or inline)
    ("[\n" + ",\n".join(json.dumps(item) for item in _ITEMS) + "\n]", 3),  # Scrapy's -o .json
    ("[" + ",\n".join(json.dumps(item) for item in _ITEMS) + "]", 3),  # first on "[" line
    (json.dumps({"articles": _ITEMS}, indent=4), 3),  # a wrapper
    (json.dumps(_ITEMS[0], indent=2), 1),  # one article
    (json.dumps(_ITEMS), None),  # one line: not counted without parsing
], ids=["pretty", "scrapy", "inline-first", "wrapper", "one-object", "one-line"])
def test_estimate_total_counts_json_array_elements(tmp_path: Path, content: str,
                                                   expected: int | None) -> None:
    """The progress bar's ETA for .json: counted as lines are, without parsing."""
    import gzip

    path = tmp_path / "berita.json.gz"
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    assert estimate_total([str(path)]) == expected
    if expected:  # what the count estimates is what the reader reads
        assert len([a for a in read_articles([path]) if isinstance(a, SourceArticle)]) == expected


@pytest.mark.parametrize(("stored", "current", "older"), [
    ("0.0.1", "1.0.0", True),
    ("1.2.0", "1.10.0", True),
    ("1.10.0", "1.2.0", False),
    ("1.0.0", "1.0.0", False),
    ("dev", "1.0.0", True),
])
def test_parser_version_order(stored: str, current: str, older: bool) -> None:
    assert is_older(stored, current) is older


def test_parse_failure_is_a_plain_picklable_record() -> None:
    import pickle

    failure = ParseFailure("parser error: ValueError: x")
    assert pickle.loads(pickle.dumps(failure)) == failure


@pytest.mark.parametrize("count", [0, 1, 7, 499, 500, 1234])
def test_quote_statements_use_a_few_fixed_sizes(count: int) -> None:
    from claims.store import _STATEMENT_SIZES, _statement_sizes

    sizes = list(_statement_sizes(count))
    assert sum(sizes) == count and set(sizes) <= set(_STATEMENT_SIZES)
    assert sizes == sorted(sizes, reverse=True)


def test_article_with_more_quotes_than_one_statement_holds(engine: Engine) -> None:
    body = " ".join(f'Warga ke-{i} berkata "setuju nomor {i}".' for i in range(1234))
    summary = ingest_sources(engine, [SourceArticle(text=body, origin="panjang.txt")],
                             parse=quick_parse)
    assert summary.quotes == 1234
    with engine.connect() as conn:
        mismatched = conn.execute(text(
            "SELECT count(*) FROM quote q JOIN article a ON a.id = q.article_id "
            "WHERE substr(a.text, q.start + 1, q.\"end\" - q.start) != q.text")).scalar_one()
        assert mismatched == 0 and count(engine, "quote") == 1234


def test_batch_writer_commits_in_order_and_returns_results_to_the_caller() -> None:
    committed: list[int] = []

    def commit(batch: list[int]) -> int:
        committed.extend(batch)
        return sum(batch)

    writer = BatchWriter(commit)
    results: list[int] = []
    for start in range(0, 30, 3):
        writer.submit([start, start + 1, start + 2])
        results.extend(writer.finished())
    results.extend(writer.close())
    assert committed == list(range(30))
    assert results == [3 * start + 3 for start in range(0, 30, 3)]


def test_batch_writer_error_reaches_the_caller_and_nothing_after_it_is_written() -> None:
    committed: list[int] = []

    def commit(batch: int) -> int:
        if batch == 2:
            raise OSError("disk full")
        committed.append(batch)
        return batch

    writer = BatchWriter(commit)
    with pytest.raises(OSError, match="disk full"):
        for batch in range(6):
            writer.submit(batch)
            list(writer.finished())
        list(writer.close())
    assert committed == [0, 1]


def test_a_failing_batch_stops_the_ingest_with_the_batches_before_it_stored(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import claims.ingest

    real = claims.ingest.write_batch
    calls = []

    def failing_second(conn, batch, version):  # type: ignore[no-untyped-def]
        calls.append(len(batch))
        if len(calls) == 2:
            raise RuntimeError("database is locked")
        return real(conn, batch, version)

    monkeypatch.setattr(claims.ingest, "write_batch", failing_second)
    with pytest.raises(RuntimeError, match="database is locked"):
        ingest_sources(engine, (source(i) for i in range(50)), parse=quick_parse,
                       batch_size=10)
    assert count(engine, "article") == 10  # the first batch whole, nothing of the second


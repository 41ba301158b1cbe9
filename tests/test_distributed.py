"""Parsing on a Dask cluster yields exactly what the local path yields."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest
from conftest import SAMPLE, SHARED

from claims.distributed import parse_on_dask, partitions
from claims.ingest import parse_source
from claims.readers import ReadProblem, SourceArticle, read_articles
from claims.readers.formats import ReadOptions

distributed = pytest.importorskip("distributed")


def _local(paths: list[str]) -> list:
    return [(a, parse_source(a)) if isinstance(a, SourceArticle) else a
            for a in read_articles(paths)]


def _key(item) -> tuple:  # type: ignore[no-untyped-def]
    if isinstance(item, tuple):
        src, parsed = item
        return ("article", src.origin, src.text, parsed.outlet, parsed.lang,
                tuple((q.start, q.end, q.speaker, q.role, q.cue, q.said_on) for q in parsed.quotes))
    return ("problem", item.origin, item.reason)


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_jsonl_is_cut_into_line_chunks_with_true_line_numbers(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines[:3] + ["{broken"] + lines[3:]) + "\n", encoding="utf-8")
    parts = list(partitions([path], ReadOptions(), chunk_lines=2))
    assert len(parts) == 4
    items = [item for func, args in parts for item in func(*args)]
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert [p.origin for p in problems] == [f"{path}:4"]
    assert sum(isinstance(i, tuple) for i in items) == 6


def test_dask_results_equal_local_results_on_sample(client, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text(SAMPLE.read_text(encoding="utf-8") + "{nope\n", encoding="utf-8")
    paths = [str(SAMPLE), str(broken)]
    got = [_key(i) for i in parse_on_dask(paths, client, chunk_lines=4)]
    assert got == [_key(i) for i in _local(paths)]


@pytest.mark.skipif(not (SHARED / "corpus" / "id-news.jsonl.gz").exists(),
                    reason="../shared corpus not present")
def test_dask_results_equal_local_results_on_real_corpus_sample(client, tmp_path: Path) -> None:
    sample = tmp_path / "corpus-sample.jsonl.gz"
    with gzip.open(SHARED / "corpus" / "id-news.jsonl.gz", "rb") as src, \
            gzip.open(sample, "wb") as dst:
        dst.writelines(itertools.islice(src, 400))
    got = [_key(i) for i in parse_on_dask([sample], client, chunk_lines=50)]
    assert len(got) == 400
    assert got == [_key(i) for i in _local([str(sample)])]


def _rows(db: Path) -> dict[str, list[tuple]]:
    """Every stored row that a run decides, without ids and timestamps."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return {
            "article": sorted(con.execute(
                "SELECT sha256, url, source_id, outlet, title, lang, published, parser_version "
                "FROM article")),
            "quote": sorted(con.execute(
                'SELECT a.sha256, q.start, q."end", q.text, q.kind, q.cue, q.mention, '
                "q.resolution, q.role, q.affiliation, q.via, q.said_on, s.name, s.kind "
                "FROM quote q JOIN article a ON a.id = q.article_id "
                "LEFT JOIN speaker s ON s.id = q.speaker_id")),
            "speaker": sorted(con.execute("SELECT name, key, kind FROM speaker")),
        }
    finally:
        con.close()


@pytest.mark.skipif(not (SHARED / "corpus" / "id-news.jsonl.gz").exists(),
                    reason="../shared corpus not present")
def test_ingest_on_dask_stores_exactly_the_rows_of_a_local_ingest(client, runner,
                                                                   tmp_path: Path) -> None:
    from conftest import invoke

    sample = tmp_path / "corpus-sample.jsonl.gz"
    with gzip.open(SHARED / "corpus" / "id-news.jsonl.gz", "rb") as src, \
            gzip.open(sample, "wb") as dst:
        dst.writelines(itertools.islice(src, 300))
    local, remote = tmp_path / "local.db", tmp_path / "dask.db"
    assert invoke(runner, "ingest", sample, "--db", local, "--workers", "1").exit_code == 0
    address = client.scheduler.address
    result = invoke(runner, "ingest", sample, "--db", remote, "--dask", address)
    assert result.exit_code == 0, result.stderr
    assert "300 articles added" in result.stderr
    assert _rows(remote) == _rows(local)

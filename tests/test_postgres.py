"""A shared PostgreSQL newsroom database: concurrent ingests never duplicate or half-show."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PG_URL, REPO
from sqlalchemy import text

pytestmark = pytest.mark.skipif(not PG_URL, reason="CLAIMS_TEST_PG_URL not set")

SPEAKERS = ["Budi Santoso", "Rina Marlina", "Hendra Wibisono", "Siti Aminah", "Dedi Kurniawan"]


def _article(i: int) -> dict:
    """A small article with two quotes by one named speaker (written for this test)."""
    who = SPEAKERS[i % len(SPEAKERS)]
    text = (f"Jakarta - Harga komoditas nomor {i} naik pekan ini. "
            f"\"Kenaikan harga nomor {i} bersifat musiman dan akan turun lagi,\" kata {who}.\n"
            f"\"Pasokan dari daerah penghasil nomor {i} sudah kami tambah,\" ujarnya.\n")
    return {"id": f"pg-{i}", "text": text, "outlet": "Contoh", "published": "2025-05-01",
            "url": f"https://example.org/pg/{i}"}


def _write(path: Path, numbers: range) -> None:
    path.write_text("".join(json.dumps(_article(i)) + "\n" for i in numbers), encoding="utf-8")


def test_two_concurrent_ingests_store_each_article_once_with_all_its_quotes(
        engine, db: str, tmp_path: Path) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the concurrency contract is about the shared PostgreSQL database")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write(first, range(0, 400))
    _write(second, range(200, 600))  # 200 articles in both inputs
    env = {**os.environ, "CLAIMS_DB": db}
    command = [sys.executable, "-m", "claims", "ingest", "--workers", "1", "--batch-size",
               "25", "--silent"]
    runs = [subprocess.Popen([*command, str(path)], cwd=REPO, env=env,
                             stderr=subprocess.PIPE, text=True) for path in (first, second)]
    # A reader meanwhile: every visible article already has both of its quotes.
    half_written = 0
    while any(run.poll() is None for run in runs):
        with engine.connect() as conn:
            counts = conn.execute(text(
                "SELECT count(q.id) FROM article a LEFT JOIN quote q ON q.article_id = a.id "
                "GROUP BY a.id")).scalars().all()
        half_written += sum(1 for n in counts if n != 2)
        time.sleep(0.05)
    for run in runs:
        assert run.wait() == 0, run.stderr.read() if run.stderr else ""
    assert half_written == 0
    with engine.connect() as conn:
        articles = conn.execute(text("SELECT count(*), count(DISTINCT sha256) FROM article")).one()
        quotes = conn.execute(text("SELECT count(*) FROM quote")).scalar()
        speakers = conn.execute(text("SELECT count(*) FROM speaker")).scalar()
        claimless = conn.execute(text("SELECT count(*) FROM quote WHERE claim_id IS NULL")
                                 ).scalar()
    assert tuple(articles) == (600, 600)
    assert quotes == 1200
    assert speakers == len(SPEAKERS)
    assert claimless == 0

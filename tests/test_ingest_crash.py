"""Killing an ingest mid-run (kill -9) leaves a consistent database; a rerun completes it.

The end state must be exactly the rows of one clean run: no article without its quotes, no
quote twice, no article lost.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from test_ingest import table_rows
from test_ingest_corpus import write_corpus

from claims.db import open_engine

ARTICLES = 300
BATCH = 20
KILL_AFTER = 3 * BATCH  # committed articles seen before the kill


def ingest_command(corpus: Path, db: Path, workers: int = 1) -> list[str]:
    return [sys.executable, "-c", "from claims.cli import main; main()", "ingest", str(corpus),
            "--db", str(db), "--batch-size", str(BATCH), "--workers", str(workers), "--silent"]


def committed_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or schema not there yet
        return 0


def kill_after_commits(corpus: Path, db: Path, wanted: int, timeout: float = 60) -> int:
    """Start an ingest, SIGKILL it once ``wanted`` articles are committed; return the count."""
    process = subprocess.Popen(ingest_command(corpus, db), stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if committed_articles(db) >= wanted:
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            process.kill()
        _, stderr = process.communicate()
    assert process.returncode == -signal.SIGKILL, stderr.decode()
    return committed_articles(db)


def test_kill_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "arsip.jsonl", ARTICLES)
    crashed, clean = tmp_path / "crashed.db", tmp_path / "clean.db"

    at_kill = kill_after_commits(corpus, crashed, KILL_AFTER)
    assert KILL_AFTER <= at_kill < ARTICLES  # really mid-run
    with sqlite3.connect(crashed) as conn:  # whole batches only, every article with its quotes
        assert at_kill % BATCH == 0
        orphans = conn.execute("SELECT count(*) FROM article a WHERE NOT EXISTS "
                               "(SELECT 1 FROM quote q WHERE q.article_id = a.id)").fetchone()
        assert orphans == (0,)

    rerun = subprocess.run(ingest_command(corpus, crashed)[:-1], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert (f"{ARTICLES - at_kill} articles added, {at_kill} duplicates skipped, 0 failed"
            in rerun.stderr)
    # the reference run uses a worker pool: rows must not depend on the worker count either
    subprocess.run(ingest_command(corpus, clean, workers=2), check=True)

    engines = [open_engine(crashed), open_engine(clean)]
    try:
        after_crash, reference = (table_rows(engine) for engine in engines)
    finally:
        for engine in engines:
            engine.dispose()
    assert len(reference["article"]) == ARTICLES
    assert len(reference["quote"]) >= ARTICLES
    assert after_crash == reference

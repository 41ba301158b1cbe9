"""The corpus benchmark counts what it parses and never hides an error."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from claims.parse.bench import main, read_articles, run

ARTICLES = [
    {"id": "a", "lang": "id", "date_iso": "2024-07-09",
     "text": 'JAKARTA, KOMPAS.com - "Stok aman," kata Direktur Bulog Budi Waseso, Selasa (9/7).'},
    {"id": "b", "lang": "id", "date_iso": None, "text": 'Film "Gadis Kretek" tayang pekan depan.'},
]


def write_corpus(path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for article in ARTICLES:
            handle.write(json.dumps(article) + "\n")
    return path


def test_run_counts_quotes_cues_and_speakers(tmp_path: Path) -> None:
    articles = list(read_articles(write_corpus(tmp_path / "c.jsonl.gz")))
    report = run(articles, date(2026, 11, 26))
    assert (report.articles, report.quotes, report.errors, report.offset_mismatches) == (
        2, 1, 0, 0)
    assert report.cues == {"kata": 1}
    assert report.without_speaker == 0
    assert report.articles_per_second > 0


def test_main_reads_a_limit_and_exits_zero(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main([str(write_corpus(tmp_path / "c.jsonl.gz")), "--limit", "1"]) == 0
    assert "1 articles" in capsys.readouterr().out

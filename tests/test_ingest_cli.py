"""``claims ingest`` options end to end: formats, --glob, stdin, workers, progress bar."""

from __future__ import annotations

import gzip
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import invoke
from rich.console import Console
from test_ingest_corpus import make_article, write_corpus


def stored(db: Path, column: str = "source_id") -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute(f"SELECT {column} FROM article ORDER BY id")]


def test_directory_with_glob_and_gzip(runner, db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    (folder / "2024").mkdir(parents=True)
    write_corpus(folder / "a.jsonl", 3, seed=1)
    packed = gzip.compress(write_corpus(tmp_path / "b.jsonl", 2, seed=2).read_bytes())
    (folder / "2024" / "b.jsonl.gz").write_bytes(packed)
    (folder / "catatan.txt").write_text("Catatan redaksi tanpa kutipan.", encoding="utf-8")
    result = invoke(runner, "ingest", folder, "--glob", "*.jsonl*", "--db", db_path, "-w", "1")
    assert result.exit_code == 0, result.stderr
    assert "5 articles added" in result.stderr
    assert stored(db_path) == [f"gen-2-{i}" for i in range(2)] + [f"gen-1-{i}" for i in range(3)]


def test_stdin_jsonl(runner, db_path: Path) -> None:
    lines = "".join(json.dumps(make_article(i, seed=3)) + "\n" for i in range(2))
    from claims.cli import app

    result = runner.invoke(app, ["ingest", "-", "--db", str(db_path), "-w", "1"], input=lines)
    assert result.exit_code == 0, result.stderr
    assert stored(db_path) == ["gen-3-0", "gen-3-1"]


def test_stdin_csv_with_input_format(runner, db_path: Path) -> None:
    """A spreadsheet export piped in: stdin has no name, --input-format says it is CSV."""
    from claims.cli import app

    rows = [make_article(i, seed=4) for i in range(2)]
    table = "id;judul;isi\n" + "".join(
        f"{r['id']};{r['title']};\"{r['text'].replace(chr(34), chr(34) * 2)}\"\n" for r in rows)
    args = ["ingest", "-", "--input-format", "csv", "--db", str(db_path), "-w", "1"]
    result = runner.invoke(app, args, input=table)
    assert result.exit_code == 0, result.stderr
    assert stored(db_path) == ["gen-4-0", "gen-4-1"]
    assert stored(db_path, "title") == [r["title"] for r in rows]


def test_json_array_file(runner, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "ekspor.json"
    path.write_text(json.dumps([make_article(i, seed=5) for i in range(3)], indent=2))
    result = invoke(runner, "ingest", path, "--db", db_path, "-w", "1")
    assert result.exit_code == 0, result.stderr
    assert stored(db_path) == [f"gen-5-{i}" for i in range(3)]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--input-format", "xls"], "unknown input format 'xls'"),
     (["--input-format", "csv", "--dask", "local"], "does not combine with --dask")],
)
def test_input_format_usage_errors(runner, db_path: Path, tmp_path: Path, args: list[str],
                                   message: str) -> None:
    path = tmp_path / "ekspor.dat"
    path.write_text("isi\nTeks.\n")
    result = invoke(runner, "ingest", path, *args, "--db", db_path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not db_path.exists() or stored(db_path) == []


def test_ctrl_c_says_what_is_stored_and_exits_130(runner, db_path: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C after a committed batch: no traceback, the count kept, how to finish."""
    import claims.ingest

    real = claims.ingest.ingest_sources

    def interrupted_after_one_batch(engine, items, **options):  # type: ignore[no-untyped-def]
        def first_batch_then_ctrl_c(summary):  # type: ignore[no-untyped-def]
            options["on_batch"].__call__(summary)
            raise KeyboardInterrupt
        return real(engine, items, **{**options, "on_batch": first_batch_then_ctrl_c})

    monkeypatch.setattr(claims.ingest, "ingest_sources", interrupted_after_one_batch)
    path = write_corpus(tmp_path / "arsip.jsonl", 5, seed=6)
    result = invoke(runner, "ingest", path, "--db", db_path, "-w", "1", "--batch-size", "2")
    assert result.exit_code == 130
    said = re.search(r"interrupted: at least (\d+) articles and \d+ quotes stored", result.stderr)
    assert said, result.stderr
    assert "run the same command again" in result.stderr
    assert "Traceback" not in result.stderr
    # the writer thread may have committed the next batch meanwhile: "at least"
    assert 2 <= int(said.group(1)) <= len(stored(db_path))


def test_defaults_fill_what_records_do_not_say(runner, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "tanpa-media.jsonl"
    record = {k: v for k, v in make_article(0).items() if k not in ("outlet", "date")}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = invoke(runner, "ingest", path, "--outlet", "Kabar Kota", "--published",
                    "2024-07-09", "--db", db_path, "-w", "1")
    assert result.exit_code == 0, result.stderr
    assert stored(db_path, "outlet || ' ' || published") == ["Kabar Kota 2024-07-09"]


def test_bad_published_date_is_a_usage_error(runner, db_path: Path, tmp_path: Path) -> None:
    result = invoke(runner, "ingest", tmp_path, "--published", "9 Juli", "--db", db_path)
    assert result.exit_code == 2
    assert "--published wants an ISO date" in result.stderr


def test_worker_count_does_not_change_the_rows(runner, tmp_path: Path,
                                               parse_pools: list[int]) -> None:
    corpus = write_corpus(tmp_path / "arsip.jsonl", 80)
    dumps = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = invoke(runner, "ingest", corpus, "--db", db, "-w", workers, "--batch-size", "30")
        assert result.exit_code == 0, result.stderr
        with sqlite3.connect(db) as conn:
            dumps.append(conn.execute(
                'SELECT a.source_id, q.start, q."end", q.text, q.cue, s.name FROM quote q '
                "JOIN article a ON a.id = q.article_id LEFT JOIN speaker s ON "
                "s.id = q.speaker_id ORDER BY q.id").fetchall())
    assert dumps[0] == dumps[1] and len(dumps[0]) >= 80
    assert parse_pools == [2]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Make the CLI's stderr console an interactive terminal writing into a buffer."""
    import claims.cli.ingest as cli_ingest

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=120, color_system=None)
    monkeypatch.setattr(cli_ingest, "err", console)
    return buffer


def test_progress_bar_on_a_terminal(runner, db_path: Path, tmp_path: Path,
                                    terminal: io.StringIO) -> None:
    corpus = write_corpus(tmp_path / "arsip.jsonl", 40)
    result = invoke(runner, "ingest", corpus, "--db", db_path, "-w", "1", "--batch-size", "10")
    assert result.exit_code == 0
    shown = terminal.getvalue()
    assert "ingest" in shown and "40/40" in shown and "articles/s" in shown
    assert "40 articles added, 0 duplicates skipped, 0 failed" in shown


def test_silent_hides_the_progress_bar(runner, db_path: Path, tmp_path: Path,
                                       terminal: io.StringIO) -> None:
    corpus = write_corpus(tmp_path / "arsip.jsonl", 5)
    result = invoke(runner, "ingest", corpus, "--db", db_path, "-w", "1", "--silent")
    assert result.exit_code == 0 and terminal.getvalue() == ""
    assert len(stored(db_path)) == 5


def test_reparse_with_nothing_to_do(runner, db_path: Path, tmp_path: Path) -> None:
    invoke(runner, "ingest", write_corpus(tmp_path / "a.jsonl", 2), "--db", db_path, "-w", "1")
    result = invoke(runner, "reparse", "--db", db_path)
    assert result.exit_code == 0
    assert "0 articles reparsed, 0 failed; quotes: 0 unchanged" in result.stderr

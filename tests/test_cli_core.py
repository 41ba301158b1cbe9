"""The walking skeleton end to end through the CLI, on real files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import SAMPLE, SEED, invoke

from claims.db import head_revision


def test_ingest_twice_stores_nothing_new(runner, db_path: Path) -> None:
    first = invoke(runner, "ingest", SAMPLE, "--db", db_path)
    assert first.exit_code == 0
    assert "6 articles added, 0 duplicates skipped" in first.stderr
    second = invoke(runner, "ingest", SAMPLE, "--db", db_path)
    assert "0 articles added, 6 duplicates skipped, 0 failed, 0 quotes stored" in second.stderr


def test_db_option_falls_back_to_environment(runner, db_path: Path) -> None:
    result = invoke(runner, "ingest", SAMPLE, env={"CLAIMS_DB": str(db_path)})
    assert result.exit_code == 0 and db_path.exists()


@pytest.mark.parametrize(
    ("make_db", "message"),
    [
        (lambda tmp: tmp / "catatan.txt", "sqlite:///{tmp}/catatan.txt: file is not a database"),
        (lambda tmp: tmp, "sqlite:///{tmp}: unable to open database file"),
        (lambda tmp: "postgresql+psycopg://redaksi:rahasia@127.0.0.1:1/claims",
         "postgresql+psycopg://redaksi:***@127.0.0.1:1/claims: connection"),
    ],
    ids=["not-a-database", "a-directory", "no-server"],
)
def test_a_database_that_cannot_be_opened_is_one_clear_line(runner, tmp_path: Path, make_db,
                                                            message: str) -> None:
    """No traceback, no SQLAlchemy background link, and never the password."""
    (tmp_path / "catatan.txt").write_text("bukan basis data " * 100)
    result = invoke(runner, "search", "banjir", "--db", make_db(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot open the database ")
    assert message.format(tmp=tmp_path) in result.stderr
    assert "rahasia" not in result.stderr and "sqlalche.me" not in result.stderr


def test_search_finds_part_of_a_word_with_trigrams(runner, db_path: Path) -> None:
    invoke(runner, "ingest", SEED, "--db", db_path, "--outlet", "CNN Indonesia")
    result = invoke(runner, "search", "itra", "--db", db_path, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all("mitra" in r["text"] for r in rows)
    assert "[itra]" in rows[0]["snippet"]


def test_search_short_terms_and_filters(runner, db_path: Path) -> None:
    invoke(runner, "ingest", SAMPLE, "--db", db_path)
    result = invoke(runner, "search", "beras", "--outlet", "detik", "--db", db_path, "-f", "json")
    rows = json.loads(result.stdout)
    assert [r["outlet"] for r in rows] == ["Detik"]
    # two-letter words cannot use the trigram index; they still match
    short = json.loads(invoke(runner, "search", "RT", "--db", db_path, "-f", "json").stdout)
    assert all("rt" in r["text"].casefold() for r in short)


def test_malformed_raw_query_is_a_one_line_error(runner, db_path: Path) -> None:
    invoke(runner, "ingest", SAMPLE, "--db", db_path)
    result = invoke(runner, "search", 'beras AND "', "--raw", "--db", db_path)
    assert result.exit_code == 1
    assert "malformed search query" in result.stderr and "Traceback" not in result.stderr


def test_bad_date_is_a_usage_error(runner, db_path: Path) -> None:
    result = invoke(runner, "search", "--since", "kemarin", "--db", db_path)
    assert result.exit_code == 2 and "ISO date" in result.stderr


def test_export_csv_has_offsets_and_article_fields(runner, db_path: Path) -> None:
    invoke(runner, "ingest", SAMPLE, "--db", db_path)
    result = invoke(runner, "export", "--format", "csv", "--db", db_path)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) >= 10
    articles = {json.loads(line)["url"]: json.loads(line)["text"]
                for line in SAMPLE.read_text(encoding="utf-8").splitlines()}
    for row in rows:
        body = articles[row["url"]]
        assert body[int(row["start"]):int(row["end"])] == row["text"]
        assert row["title"] and row["published"]


def test_export_neutralises_formulas(runner, db_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "x.txt"
    article.write_text('Jakarta - "Harga cabai naik lagi minggu ini," kata Budi Santoso.\n',
                       encoding="utf-8")
    invoke(runner, "ingest", article, "--db", db_path, "--outlet", '=HYPERLINK("http://x","y")')
    out = tmp_path / "quotes.csv"
    invoke(runner, "export", "-o", out, "--db", db_path)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(not r["outlet"].startswith("=") for r in rows)
    assert rows[0]["outlet"].startswith("'=")


def test_speakers_lists_counts(runner, db_path: Path) -> None:
    invoke(runner, "ingest", SEED, "--db", db_path, "--outlet", "CNN Indonesia")
    rows = json.loads(invoke(runner, "speakers", "--db", db_path, "-f", "json").stdout)
    assert sum(r["quotes"] or 0 for r in rows) <= 10


def test_parse_writes_prediction_lines_without_a_database(runner, tmp_path: Path) -> None:
    result = invoke(runner, "parse", SAMPLE, "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [f"sample-00{i}" for i in range(1, 7)]
    quote = lines[0]["quotes"][0]
    assert {"start", "end", "text", "kind", "speaker", "speaker_type", "mention", "cue", "role",
            "affiliation", "via", "said_on"} <= set(quote)


def test_db_upgrade_command(runner, db_path: Path) -> None:
    result = invoke(runner, "db", "upgrade", "--db", db_path)
    assert result.exit_code == 0 and "schema at revision" in result.stderr
    current = invoke(runner, "db", "current", "--db", db_path)
    now, head = current.stdout.splitlines()
    assert now.removeprefix("current: ") == head.removeprefix("head: ") == head_revision()


def _commands():  # type: ignore[no-untyped-def]
    from typer.main import get_command

    from claims.cli import app

    def walk(command, path):  # type: ignore[no-untyped-def]
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                yield from walk(sub, [*path, name])
        else:
            yield path, command

    return list(walk(get_command(app), []))


@pytest.mark.parametrize(("path", "command"), _commands(), ids=lambda v: " ".join(v)
                         if isinstance(v, list) else "")
def test_help_shows_the_whole_first_sentence(runner, path: list[str], command) -> None:  # type: ignore[no-untyped-def]
    """Help is rendered as rich markup: a bracketed word in a docstring ("[like this]") is
    swallowed unless escaped. The first sentence must come through word for word."""
    result = invoke(runner, *path, "--help")
    assert result.exit_code == 0
    first = command.help.split("\n\n")[0].replace("\\[", "[")
    shown = " ".join(result.stdout.replace("│", " ").split())
    assert " ".join(first.split()) in shown

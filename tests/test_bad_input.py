"""Every kind of bad input, each ingested next to a good article in the same run.

Each test asserts the message the user sees and that the other inputs of the run were stored.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from conftest import invoke
from test_ingest import quick_parse

from claims.ingest import ingest_paths

GOOD = ('BOGOR, Warta Contoh - Kepala Dinas Perdagangan Yuliana Sari memastikan stok beras aman.\n'
        '"Stok kami cukup sampai akhir bulan," kata Yuliana di Bogor, Rabu (10/7/2024).\n')


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "baik.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def stored_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM article ORDER BY id")]


def ingest(runner, db: Path, *args: str | Path):  # type: ignore[no-untyped-def]
    return invoke(runner, "ingest", *args, "--db", db, "--workers", "1")


def test_binary_file(runner, db_path: Path, good: Path, tmp_path: Path) -> None:
    binary = tmp_path / "foto.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = ingest(runner, db_path, binary, good)
    assert f"{binary}: binary file, not text" in result.stderr
    assert "1 articles added, 0 duplicates skipped, 1 failed" in result.stderr
    assert result.exit_code == 1
    assert stored_texts(db_path) == [GOOD.strip()]


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning(runner, db_path: Path, good: Path,
                                                         tmp_path: Path) -> None:
    legacy = tmp_path / "lama.txt"
    body = "\u201cHarga turun,\u201d kata Budi Santoso, pedagang di Pasar Baru."
    legacy.write_bytes(body.encode("cp1252"))
    result = ingest(runner, db_path, legacy, good)
    assert f"{legacy}: warning: not valid UTF-8; decoded as cp1252" in result.stderr
    assert result.exit_code == 0
    assert stored_texts(db_path) == [body, GOOD.strip()]


def test_forced_encoding_reads_without_guessing(runner, db_path: Path, tmp_path: Path) -> None:
    legacy = tmp_path / "lama.txt"
    legacy.write_bytes("Kafe di Menteng ramai, \u201ckata\u201d pemiliknya.".encode("cp1252"))
    result = ingest(runner, db_path, legacy, "--encoding", "latin-1")
    assert "warning" not in result.stderr and result.exit_code == 0
    assert stored_texts(db_path) == ["Kafe di Menteng ramai, \x93kata\x94 pemiliknya."]


def test_empty_file(runner, db_path: Path, good: Path, tmp_path: Path) -> None:
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    result = ingest(runner, db_path, good, empty)
    assert f"{empty}: empty file" in result.stderr
    assert result.exit_code == 1
    assert stored_texts(db_path) == [GOOD.strip()]


def test_article_without_quotes_is_stored_with_zero_quotes(runner, db_path: Path, good: Path,
                                                          tmp_path: Path) -> None:
    plain = tmp_path / "cuaca.txt"
    weather = "Hujan deras mengguyur Bogor sejak pagi. Jalan utama sempat tergenang."
    plain.write_text(weather, encoding="utf-8")
    result = ingest(runner, db_path, plain, good)
    assert "2 articles added, 0 duplicates skipped, 0 failed, 1 quotes stored" in result.stderr
    assert result.exit_code == 0
    assert stored_texts(db_path) == [weather, GOOD.strip()]
    with sqlite3.connect(db_path) as conn:
        per_article = conn.execute("SELECT a.id, count(q.id) FROM article a LEFT JOIN quote q "
                                   "ON q.article_id = a.id GROUP BY a.id ORDER BY a.id").fetchall()
    assert [n for _, n in per_article] == [0, 1]


def test_malformed_jsonl_line_is_reported_and_the_rest_continues(runner, db_path: Path,
                                                                 tmp_path: Path) -> None:
    lines = [json.dumps({"text": GOOD, "url": "https://contoh.example/1"}),
             '{"text": "Terpotong di tengah',
             json.dumps({"text": GOOD.replace("beras", "gula"), "url": "https://contoh.example/3"})]
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ingest(runner, db_path, path)
    assert f"{path}:2: invalid JSON" in result.stderr
    assert "2 articles added, 0 duplicates skipped, 1 failed" in result.stderr
    assert "failed:\n" in result.stderr and result.exit_code == 1
    assert len(stored_texts(db_path)) == 2


def test_strict_stops_at_the_first_bad_line(runner, db_path: Path, tmp_path: Path) -> None:
    lines = [json.dumps({"text": GOOD}), "bukan json",
             json.dumps({"text": GOOD.replace("beras", "gula")})]
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ingest(runner, db_path, path, "--strict")
    assert f"stopped at the first bad input (--strict): {path}:2: invalid JSON" in result.stderr
    assert result.exit_code == 1
    assert stored_texts(db_path) == [GOOD]


def test_csv_without_text_column_is_refused_before_any_row(runner, db_path: Path, good: Path,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "berita.csv"
    path.write_text("judul,tanggal\nBanjir di Bekasi,2024-07-09\n", encoding="utf-8")
    result = ingest(runner, db_path, path, good)
    assert f"{path}: no text (looked for columns: text, content, body, isi" in result.stderr
    assert "columns are: judul, tanggal" in result.stderr
    assert stored_texts(db_path) == [GOOD.strip()]


def test_csv_columns_named_on_the_command_line(runner, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "ekspor.csv"
    path.write_text("kepala;naskah;tautan;terbit;media\n"
                    f'Stok Beras;"{GOOD.replace(chr(34), chr(34) * 2)}";https://contoh.example/9;'
                    "2024-07-10;Warta Contoh\n", encoding="utf-8")
    result = ingest(runner, db_path, path, "--text-col", "naskah", "--title-col", "kepala",
                    "--url-col", "tautan", "--date-col", "terbit", "--outlet-col", "media")
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("SELECT title, url, published, outlet, text FROM article").fetchone()
    assert row == ("Stok Beras", "https://contoh.example/9", "2024-07-10", "Warta Contoh", GOOD)


def test_missing_named_column_is_a_clear_error(runner, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "ekspor.csv"
    path.write_text("judul,isi\nSatu,Teks satu\n", encoding="utf-8")
    result = ingest(runner, db_path, path, "--text-col", "naskah")
    assert f"{path}: no column 'naskah'; columns are: judul, isi" in result.stderr
    assert stored_texts(db_path) == []


def test_html_without_main_text(runner, db_path: Path, good: Path, tmp_path: Path) -> None:
    page = tmp_path / "kosong.html"
    page.write_text('<html lang="id"><head><title>Aplikasi Berita</title></head><body>'
                    '<div id="app"></div><script src="/app.js"></script></body></html>',
                    encoding="utf-8")
    result = ingest(runner, db_path, page, good)
    assert f"{page}: no main text found in HTML" in result.stderr
    assert stored_texts(db_path) == [GOOD.strip()]


def test_summary_lists_every_failure_reason(runner, db_path: Path, good: Path,
                                            tmp_path: Path) -> None:
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "tidak-ada.jsonl"
    result = ingest(runner, db_path, empty, good, missing)
    tail = result.stderr[result.stderr.index("failed:\n"):]
    assert f"  {empty}: empty file" in tail
    assert f"  {missing}: no such file or directory" in tail
    assert "1 articles added, 0 duplicates skipped, 2 failed, " in result.stderr


def test_silent_prints_nothing_but_keeps_the_exit_code(runner, db_path: Path, good: Path,
                                                       tmp_path: Path) -> None:
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    result = ingest(runner, db_path, good, empty, "--silent")
    assert result.stderr == "" and result.exit_code == 1
    assert stored_texts(db_path) == [GOOD.strip()]


def ten_megabytes() -> str:
    prose = ("Pemerintah kota terus memantau harga bahan pokok di pasar tradisional setiap "
             "pekan, termasuk beras, gula, minyak goreng dan telur ayam ras. ")
    paragraph = prose * 20 + "\n"
    quote = '"Kami pantau setiap hari," kata Yuliana Sari, Kepala Dinas Perdagangan.\n'
    return quote + paragraph * (10_000_000 // len(paragraph)) + quote


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_ten_megabyte_article_in_a_record(engine, tmp_path: Path, good: Path, fmt: str) -> None:
    big = ten_megabytes()
    path = tmp_path / f"besar.{fmt}"
    if fmt == "jsonl":
        path.write_text(json.dumps({"text": big}) + "\n", encoding="utf-8")
    else:
        with path.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows([["isi"], [big]])
    summary = ingest_paths(engine, [str(path), str(good)], parse=quick_parse)
    assert (summary.added, summary.n_failed, summary.quotes) == (2, 0, 3)
    with engine.connect() as conn:
        from sqlalchemy import text

        lengths = conn.execute(text("SELECT length(text) FROM article")).scalars()
        assert sorted(lengths) == sorted([len(big), len(GOOD.strip())])


def test_ten_megabyte_article_through_the_cli(runner, db_path: Path, good: Path,
                                             tmp_path: Path) -> None:
    path = tmp_path / "besar.txt"
    path.write_text(ten_megabytes(), encoding="utf-8")
    result = ingest(runner, db_path, path, good)
    assert result.exit_code == 0 and "2 articles added, 0 duplicates skipped, 0 failed" in \
        result.stderr
    with sqlite3.connect(db_path) as conn:
        lengths = [row[0] for row in conn.execute("SELECT length(text) FROM article ORDER BY id")]
        first_quote = conn.execute("SELECT text FROM quote ORDER BY article_id, start").fetchone()
    assert lengths == [len(ten_megabytes().strip()), len(GOOD.strip())]
    assert first_quote == ('"Kami pantau setiap hari,"',)

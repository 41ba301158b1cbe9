"""Readers: every format and every kind of bad input, each read next to a good input.

Every bad-input test also checks that the good input given in the same call still comes
through, because "one bad file must not stop the batch" is the point of the layer.
"""

from __future__ import annotations

import gzip
import io
import json
import pickle
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.readers import (
    FieldMap,
    ReadError,
    ReadProblem,
    ReadWarning,
    SourceArticle,
    files_in,
    parse_date,
    read_articles,
)
from claims.readers.formats import html_lang

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
TXT = FIXTURES / "berita.txt"
JSONL = FIXTURES / "berita.jsonl"
CSV = FIXTURES / "berita.csv"
HTML = FIXTURES / "berita.html"
GOOD_TEXT = '"Kami siap membantu," kata Kepala Desa Sukamaju, Rabu (10/7/2024).'


def split(items):
    """(articles, problems, warnings) of a whole read, asserting nothing unknown came out."""
    items = list(items)
    articles = [item for item in items if isinstance(item, SourceArticle)]
    problems = [item for item in items if isinstance(item, ReadProblem)]
    warnings = [item for item in items if isinstance(item, ReadWarning)]
    assert len(articles) + len(problems) + len(warnings) == len(items)
    return articles, problems, warnings


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A good article read alongside every bad input."""
    path = tmp_path / "baik.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def assert_good_read(articles: list[SourceArticle], good: Path) -> None:
    assert [a.text for a in articles if a.origin == str(good)] == [GOOD_TEXT]


# --- formats -----------------------------------------------------------------------------


def test_txt_is_one_article_with_command_line_metadata(good: Path) -> None:
    defaults = {"title": "Defisit Dijaga", "outlet": "Warta Contoh", "published": "2024-07-09"}
    articles, problems, _ = split(read_articles([TXT, good], defaults=defaults))
    assert problems == []
    first = articles[0]
    assert first.text.startswith("Menteri Keuangan Sri Mulyani")
    assert first.text.endswith("kesehatan.")
    assert (first.title, first.outlet, first.published) == (
        "Defisit Dijaga", "Warta Contoh", date(2024, 7, 9))
    assert first.origin == str(TXT)
    assert_good_read(articles, good)


def test_md_reads_like_txt(tmp_path: Path) -> None:
    path = tmp_path / "catatan.md"
    path.write_text("# Catatan\n\n" + GOOD_TEXT + "\n", encoding="utf-8")
    (article,) = split(read_articles([path]))[0]
    assert article.text == "# Catatan\n\n" + GOOD_TEXT
    assert article.title is None


def test_jsonl_maps_common_field_names() -> None:
    articles, problems, _ = split(read_articles([JSONL]))
    assert problems == []
    first, second, third = articles
    assert first.source_id == "warta-001"
    assert first.published == date(2024, 7, 9)  # date_iso wins over the unparsable raw date
    assert (first.outlet, first.lang, first.origin) == ("Warta Contoh", "id", f"{JSONL}:1")
    assert second.title == "Kemenkes Imbau Warga Waspada DBD"  # judul
    assert second.text.startswith("Kementerian Kesehatan")  # isi
    assert second.published == date(2024, 7, 10)  # tanggal with time and offset
    assert (second.outlet, second.url) == ("Kabar Contoh", "https://kabar.example/b/2")
    assert (third.source_id, third.lang, third.published) == ("17", "en", date(2024, 7, 11))


def test_jsonl_defaults_fill_only_what_records_lack() -> None:
    defaults = {"outlet": "Dari CLI", "lang": "id", "title": "not for rows"}
    articles, _, _ = split(read_articles([JSONL], defaults=defaults))
    assert [a.outlet for a in articles] == ["Warta Contoh", "Kabar Contoh", "Dari CLI"]
    assert [a.lang for a in articles] == ["id", "id", "en"]
    assert articles[2].title is None


def test_jsonl_bad_lines_are_problems_and_the_rest_continues(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "campur.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Pertama."}),
        '{"id": "b", "text": "rusak" "lagi"}',
        "",
        json.dumps({"id": "c", "title": "Tanpa isi"}),
        json.dumps(["bukan", "objek"]),
        json.dumps({"id": "d", "text": [{"p": "daftar"}]}),
        json.dumps({"id": "alinea", "text": [" Alinea satu.", "", "Alinea dua. "]}),
        '{"id": "besar", "text": "x", "n": ' + "7" * 5000 + "}",
        "[" * 100_000,
        json.dumps({"id": "e", "text": "Terakhir."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems, _ = split(read_articles([path, good]))
    assert [a.source_id for a in articles if a.source_id] == ["a", "alinea", "e"]
    assert articles[1].text == "Alinea satu.\nAlinea dua."  # paragraphs as a list of strings
    assert [(p.origin, p.fatal) for p in problems] == [
        (f"{path}:{line}", False) for line in (2, 4, 5, 6, 8, 9)]
    assert problems[0].reason.startswith("invalid JSON: Expecting ',' delimiter")
    assert problems[1].reason.startswith("no text (looked for fields: text, content")
    assert problems[2].reason == "expected a JSON object, got array"
    assert problems[3].reason == "text is a list of non-strings, not a string"
    assert problems[4].reason.startswith("invalid JSON: Exceeds the limit (4300 digits)")
    assert problems[5].reason.startswith("invalid JSON: maximum recursion depth exceeded")
    assert_good_read(articles, good)


def test_jsonl_explicit_field_map(tmp_path: Path) -> None:
    path = tmp_path / "lain.ndjson"
    record = {"naskah": "Isi naskah.", "text": "bukan ini", "kapan": "2024-01-02"}
    path.write_text(json.dumps(record))
    fields = FieldMap(text="naskah", published="kapan")
    (article,) = split(read_articles([path], fields=fields))[0]
    assert (article.text, article.published) == ("Isi naskah.", date(2024, 1, 2))


def test_csv_with_named_text_column_and_multiline_cells(good: Path) -> None:
    articles, problems, _ = split(read_articles([CSV, good], fields=FieldMap(text="isi_berita")))
    assert problems == []
    first, second = articles[:2]
    assert first.text.startswith("Presiden meresmikan") and "\n\n\"Tol ini" in first.text
    assert (first.title, first.outlet, first.source_id) == (
        "Jalan Tol Baru Diresmikan", "Warta Contoh", "csv-1")
    assert first.published == date(2024, 7, 12)
    assert [first.origin, second.origin] == [f"{CSV}:2", f"{CSV}:5"]
    assert_good_read(articles, good)


def test_csv_without_text_column_fails_before_any_row(good: Path) -> None:
    articles, problems, _ = split(read_articles([CSV, good]))
    (problem,) = problems
    assert problem.fatal and problem.origin == str(CSV)
    assert problem.reason.startswith("no text (looked for columns: text, content")
    assert "columns are: id, judul, isi_berita, tanggal, media" in problem.reason
    assert [a.origin for a in articles] == [str(good)]


def test_csv_named_column_that_does_not_exist(good: Path) -> None:
    _, problems, _ = split(read_articles([CSV, good], fields=FieldMap(text="isi_berita",
                                                                   title="headline")))
    assert problems[0].reason.startswith("no column 'headline' (for title)")


def test_csv_semicolon_bom_and_short_rows(tmp_path: Path) -> None:
    path = tmp_path / "ekspor.csv"
    content = "\ufeffJudul;Text;Tanggal\nSatu;Isi pertama.;2024-02-01\nDua;Isi kedua.\n"
    path.write_text(content, encoding="utf-8")
    articles, problems, _ = split(read_articles([path]))
    assert problems == []
    assert [(a.title, a.text, a.published) for a in articles] == [
        ("Satu", "Isi pertama.", date(2024, 2, 1)), ("Dua", "Isi kedua.", None)]


def test_csv_bad_rows_are_problems(tmp_path: Path) -> None:
    path = tmp_path / "baris.csv"
    path.write_text("title,text\nA,Isi A.\nB,,\nC,Isi C.,lebih,banyak\nD,Isi D.\n")
    articles, problems, _ = split(read_articles([path]))
    assert [a.title for a in articles] == ["A", "D"]
    assert [(p.origin, p.reason) for p in problems] == [
        (f"{path}:3", "row has 3 cells but the header has 2"),
        (f"{path}:4", "row has 4 cells but the header has 2"),
    ]


def test_csv_quote_errors_are_row_problems(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "kutip.csv"
    path.write_text('\n\ntitle,text\nA,"Isi" A\nB,Isi B.\nC,"Isi tanpa tutup\nD,Isi D.\n')
    articles, problems, _ = split(read_articles([path, good]))
    assert [a.title for a in articles if a.origin.startswith(str(path))] == ["B"]
    assert [a.origin for a in articles][0] == f"{path}:5"
    assert [(p.origin, p.reason) for p in problems] == [
        (f"{path}:4", "malformed CSV row: ',' expected after '\"'"),
        (f"{path}:6", "unclosed quotation mark: lines 6-7 are not valid rows"),
    ]
    assert_good_read(articles, good)


def test_csv_field_larger_than_the_csv_default_limit(tmp_path: Path) -> None:
    body = "Kalimat panjang sekali. " * 50_000  # ~1.2 MB, far above csv's 128 KB default
    path = tmp_path / "besar.csv"
    path.write_text(f'text\n"{body}"\n', encoding="utf-8")
    (article,) = split(read_articles([path]))[0]
    assert len(article.text) == len(body)


def test_html_main_text_and_metadata(good: Path) -> None:
    articles, problems, _ = split(read_articles([HTML, good]))
    assert problems == []
    page = articles[0]
    assert page.title == "Gubernur: Banjir Jakarta Surut Dalam Dua Hari"
    assert page.text.startswith("Gubernur DKI Jakarta memperkirakan")  # <h1> not repeated
    assert '"Pompa-pompa air sudah kami operasikan' in page.text
    assert "Beranda" not in page.text and "Hak cipta" not in page.text
    assert (page.outlet, page.published, page.lang) == ("Warta Contoh", date(2024, 7, 9), "id")
    assert page.url == "https://warta.example/berita/2024/07/09/banjir-jakarta"
    assert_good_read(articles, good)


@pytest.mark.parametrize(
    ("page", "lang"),
    [(b'<!DOCTYPE html><html lang="id-ID">', "id"), (b"<HTML class=x LANG=en>", "en"),
     (b'<html data-lang="fr">', None), (b"<html>", None)],
)
def test_html_lang_attribute(page: bytes, lang: str | None) -> None:
    assert html_lang(page) == lang


def test_html_command_line_metadata_wins() -> None:
    (page,) = split(read_articles([HTML], defaults={"outlet": "Pilihan Saya"}))[0]
    assert page.outlet == "Pilihan Saya"


def test_html_without_main_text_is_a_problem(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "kosong.html"
    path.write_text(  # a script-rendered page: nothing to extract without a browser
        '<html><head><title>Memuat...</title></head>'
        '<body><div id="app"></div><script src="/app.js"></script></body></html>')
    articles, problems, _ = split(read_articles([path, good]))
    assert [(p.origin, p.reason, p.fatal) for p in problems] == [
        (str(path), "no main text found in HTML", True)]
    assert_good_read(articles, good)


@pytest.mark.parametrize("source", [JSONL, CSV, TXT])
def test_gzipped_inputs_read_like_plain_ones(tmp_path: Path, source: Path) -> None:
    packed = tmp_path / (source.name + ".gz")
    packed.write_bytes(gzip.compress(source.read_bytes()))
    fields = FieldMap(text="isi_berita") if source == CSV else None
    plain = [a.text for a in split(read_articles([source], fields=fields))[0]]
    unpacked = split(read_articles([packed], fields=fields))
    assert [a.text for a in unpacked[0]] == plain and plain
    assert unpacked[1] == []


def test_gzip_is_recognised_without_the_gz_suffix(tmp_path: Path) -> None:
    path = tmp_path / "salah-nama.jsonl"
    path.write_bytes(gzip.compress(JSONL.read_bytes()))
    assert len(split(read_articles([path]))[0]) == 3


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path, good: Path) -> None:
    lines = "".join(json.dumps({"id": str(n), "text": f"Artikel {n}."}) + "\n"
                    for n in range(20_000))
    packed = gzip.compress(lines.encode())
    path = tmp_path / "terpotong.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    articles, problems, _ = split(read_articles([path, good]))
    (problem,) = problems
    assert problem.fatal and problem.reason.startswith("corrupt or unreadable data")
    assert 0 < len(articles) - 1 < 20_000
    assert_good_read(articles, good)


def test_directory_is_recursive_sorted_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "dua.txt").write_text("Dua.")
    (tmp_path / "a.txt").write_text("Satu.")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "Tiga."}))
    (tmp_path / "gambar.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".git" / "catatan.txt").write_text("tersembunyi")
    articles, problems, _ = split(read_articles([tmp_path]))
    assert problems == []
    assert [a.text for a in articles] == ["Satu.", "Dua.", "Tiga."]
    assert [a.text for a in split(read_articles([tmp_path], glob="*.txt"))[0]] == [
        "Satu.", "Dua."]
    assert files_in(tmp_path, "b/*") == [tmp_path / "b" / "dua.txt"]


def test_empty_directory_and_explicit_unknown_type(tmp_path: Path, good: Path) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    picture = tmp_path / "gambar.png"
    picture.write_bytes(b"\x89PNG")
    articles, problems, _ = split(read_articles([empty, picture, good]))
    assert [(p.origin, p.fatal) for p in problems] == [(str(empty), True), (str(picture), True)]
    assert problems[0].reason.startswith("no article files found")
    assert problems[1].reason.startswith("unknown file type")
    assert_good_read(articles, good)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'\n{"text": "Dari stdin.", "id": "s1"}\n{"text": "Kedua."}\n',
         [("Dari stdin.", "<stdin>:2"), ("Kedua.", "<stdin>:3")]),
        (b"Teks biasa dari pipa.\n", [("Teks biasa dari pipa.", "<stdin>")]),
        (gzip.compress(b'{"text": "Terkompresi."}\n'), [("Terkompresi.", "<stdin>:1")]),
        (b'[{"text": "Larik."},\n {"text": "Dari pipa."}]', [("Larik.", "<stdin>:1"),
                                                            ("Dari pipa.", "<stdin>:2")]),
        (b'{\n  "text": "Satu objek, dicetak rapi."\n}\n',
         [("Satu objek, dicetak rapi.", "<stdin>:1")]),
        (HTML.read_bytes(), [(None, "<stdin>")]),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles, problems, _ = split(read_articles(["-"]))
    assert problems == []
    if expected[0][0] is None:  # a web page: its main text, no markup
        assert len(articles) == 1 and "<" not in articles[0].text and articles[0].title
        expected = [(articles[0].text, "<stdin>")]
    assert [(a.text, a.origin) for a in articles] == expected


def test_stdin_csv_needs_the_input_format(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"judul;isi\nSatu;Dari lembar kerja.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles, problems, _ = split(read_articles(["-"], fmt="csv"))
    assert problems == []
    assert [(a.title, a.text, a.origin) for a in articles] == [
        ("Satu", "Dari lembar kerja.", "<stdin>:2")]


def test_input_format_is_the_format_of_every_input(tmp_path: Path) -> None:
    """Explicit beats the suffix (a tab-separated export named .txt); in a directory it also
    admits files of unknown type that the glob picks; without it they are skipped."""
    (tmp_path / "ekspor.dat").write_text("judul,isi\nA,Teks CSV.\n")
    (tmp_path / "tabel.txt").write_text("judul\tisi\nB\tTeks TSV.\n")
    articles, problems, _ = split(read_articles(
        [tmp_path / "ekspor.dat", tmp_path / "tabel.txt"], fmt="csv"))
    assert problems == []
    assert [(a.title, a.text) for a in articles] == [("A", "Teks CSV."), ("B", "Teks TSV.")]
    assert [a.text for a in split(read_articles([tmp_path], glob="*.dat", fmt="csv"))[0]] == [
        "Teks CSV."]
    assert [a.text for a in split(read_articles([tmp_path]))[0]] == ["judul\tisi\nB\tTeks TSV."]
    with pytest.raises(ValueError, match="unknown input format 'xls'"):
        read_articles([tmp_path], fmt="xls")


@pytest.mark.parametrize(
    "table",
    ['title\ttext\nA\t"""Kami siap,"" kata Budi."\nB\t"Dua\nbaris."\n',  # Excel, pandas
     'title\ttext\nA\t"Kami siap," kata Budi.\nB\tDua baris.\n'],  # Google Sheets, dumps
    ids=["quoted", "as-written"],
)
def test_tsv_quoted_or_as_written(tmp_path: Path, table: str) -> None:
    path = tmp_path / "berita.tsv"
    path.write_text(table, encoding="utf-8")
    articles, problems, _ = split(read_articles([path]))
    assert problems == []
    assert [a.text for a in articles][0] == '"Kami siap," kata Budi.'
    assert [a.title for a in articles] == ["A", "B"]


# --- JSON documents ------------------------------------------------------------------------

PRETTY = [{"judul": "Satu", "isi": "Teks satu.", "tanggal": "2024-07-10",
           "meta": {"penulis": "Redaksi", "tag": ["a", "b"]}},
          {"judul": "Dua", "isi": "Teks dua."}]


@pytest.mark.parametrize(
    ("document", "origins"),
    [
        (json.dumps(PRETTY, indent=2), ["berita.json:2", "berita.json:14"]),
        (json.dumps(PRETTY), ["berita.json:1", "berita.json:1"]),
        ("[\n" + ",\n".join(json.dumps(a) for a in PRETTY) + "\n]\n",
         ["berita.json:2", "berita.json:3"]),
        (json.dumps({"articles": PRETTY}, indent=1),
         ["berita.json:1 #1", "berita.json:1 #2"]),
    ],
    ids=["pretty", "one-line", "object-per-line", "wrapped"],
)
def test_json_array_in_every_layout(tmp_path: Path, document: str, origins: list[str]) -> None:
    path = tmp_path / "berita.json"
    path.write_text(document, encoding="utf-8")
    articles, problems, _ = split(read_articles([path]))
    assert problems == []
    assert [(a.title, a.text, a.origin.replace(str(tmp_path) + "/", "")) for a in articles] == [
        ("Satu", "Teks satu.", origins[0]), ("Dua", "Teks dua.", origins[1])]
    assert articles[0].published == date(2024, 7, 10)


def test_json_single_article_object(tmp_path: Path) -> None:
    path = tmp_path / "satu.json"
    path.write_text(json.dumps({"title": "T", "content": GOOD_TEXT}, indent=4))
    articles, problems, _ = split(read_articles([path]))
    assert problems == []
    assert [(a.title, a.text) for a in articles] == [("T", GOOD_TEXT)]


def test_json_broken_element_costs_that_element_only(tmp_path: Path, good: Path) -> None:
    """A syntax error inside one pretty-printed element is reported at its line; reading
    resumes at the next element; a non-object element and a missing text are problems."""
    lines = json.dumps(PRETTY + [{"isi": "Teks tiga."}, 7, {"judul": "tanpa isi"}],
                       indent=2).splitlines()
    broken = lines.index('    "isi": "Teks satu.",')
    lines[broken] = '    "isi": "Teks satu." "rusak",'
    path = tmp_path / "rusak.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems, _ = split(read_articles([path, good]))
    assert [a.text for a in articles] == ["Teks dua.", "Teks tiga.", GOOD_TEXT]
    where = [(p.origin.replace(str(tmp_path) + "/", ""), p.reason.split(" (")[0], p.fatal)
             for p in problems]
    assert where == [
        ("rusak.json:2", "invalid JSON: Expecting ',' delimiter", False),
        ("rusak.json:21", "expected a JSON object, got number", False),
        ("rusak.json:22", "no text", False),
    ]
    assert "line 4" in problems[0].reason


@pytest.mark.parametrize(
    ("content", "reason", "fatal"),
    [
        ("", "empty file", True),
        ('"hanya teks"', "not JSON: expected an array of article objects", True),
        ('[{"isi": "Teks satu."},\n{"isi": "Teks', "invalid JSON: Unterminated string", False),
        ('[{"isi": "Teks satu."},\n', "the JSON document is cut short", False),
        ('[{"isi": "Teks satu."}]\n[{"isi": "lagi"}]', "unexpected data after the end", True),
    ],
    ids=["empty", "scalar", "cut-in-a-string", "cut-between-elements", "two-documents"],
)
def test_json_bad_documents(tmp_path: Path, good: Path, content: str, reason: str,
                            fatal: bool) -> None:
    path = tmp_path / "buruk.json"
    path.write_text(content, encoding="utf-8")
    articles, problems, _ = split(read_articles([path, good]))
    assert [(p.reason.startswith(reason), p.fatal) for p in problems] == [(True, fatal)], problems
    assert [a.text for a in articles if a.origin != str(good)] == (
        ["Teks satu."] if "Teks satu" in content else [])
    assert_good_read(articles, good)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path: Path, codec: str) -> None:
    """Excel's "Unicode Text" export: UTF-16 with a BOM, tab-separated, named .txt."""
    bom = {"utf-16-be": "\ufeff"}.get(codec, "")
    table = bom + "judul\tisi\nTes\t\"\"\"Kami siap,\"\" kata Budi Santoso di Bandung.\"\n"
    path = tmp_path / "ekspor.txt"
    path.write_bytes(gzip.compress(table.encode(codec)))
    articles, problems, warnings = split(read_articles([path], fmt="csv"))
    assert (problems, warnings) == ([], [])
    assert [(a.title, a.text) for a in articles] == [
        ("Tes", '"Kami siap," kata Budi Santoso di Bandung.')]
    long_text = "Gubernur Jawa Barat berkata: “Kita siap.” " * 5000  # past the sniffed head
    path.write_bytes(long_text.encode("utf-16"))
    assert [a.text for a in split(read_articles([path]))[0]] == [long_text.strip()]


def test_invalid_utf16_is_replaced_and_said(tmp_path: Path) -> None:
    """A lone surrogate (a cut-and-pasted emoji half) and an odd last byte: the text is kept
    with U+FFFD in their place, and the reader says how many, as it does for bad UTF-8."""
    body = "judul\tisi\nTes\tKami siap, kata Budi Santoso di Bandung."
    broken = body.encode("utf-16-le")
    cut = broken.index("siap".encode("utf-16-le"))
    data = b"\xff\xfe" + broken[:cut] + b"\x3d\xd8" + broken[cut:] + b"\x0a"
    path = tmp_path / "ekspor.txt"
    path.write_bytes(data)
    articles, problems, warnings = split(read_articles([path], fmt="csv"))
    assert problems == []
    assert [(w.origin, w.reason) for w in warnings] == [
        (str(path), "2 characters not valid UTF-16 replaced by U+FFFD")]
    assert [a.text for a in articles] == ["Kami \ufffdsiap, kata Budi Santoso di Bandung.\ufffd"]


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("gambar.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        ("acak.jsonl", bytes(range(1, 32)) * 20, "binary file, not text"),
        ("kosong.txt", b"", "empty file"),
        ("spasi.jsonl", b"  \n\n \t\n", "empty file"),
        ("utf16-kosong.txt", "  \n".encode("utf-16"), "empty file"),
        ("bom-lalu-biner.txt", b"\xff\xfe" + bytes(range(256)) * 8, "binary file, not text"),
        ("teks.jsonl", b"Ini bukan JSON.\n", "not JSON Lines: the first line is not a JSON object"),
    ],
)
def test_unusable_files(tmp_path: Path, good: Path, name: str, content: bytes,
                        reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles, problems, _ = split(read_articles([path, good]))
    assert [(p.origin, p.reason, p.fatal) for p in problems] == [(str(path), reason, True)]
    assert_good_read(articles, good)


@pytest.mark.parametrize("name", ["tidak-ada.jsonl", "tanpa-akhiran"])
def test_missing_path_is_fatal_problem(tmp_path: Path, good: Path, name: str) -> None:
    missing = tmp_path / name
    articles, problems, _ = split(read_articles([missing, good]))
    assert [(p.origin, p.reason, p.fatal) for p in problems] == [
        (str(missing), "no such file or directory", True)]
    assert_good_read(articles, good)


@pytest.mark.parametrize(
    ("raw", "expected_text", "warning"),
    [
        ("Kata “Presiden” – jelas.".encode("cp1252"), "Kata “Presiden” – jelas.",
         "not valid UTF-8; decoded as cp1252"),
        (b"Kode \x81 aneh \xe9", "Kode \x81 aneh é", "not valid UTF-8; decoded as latin-1"),
        ("\ufeffDengan BOM.".encode(), "Dengan BOM.", None),
    ],
)
def test_encoding_fallbacks_warn_but_keep_the_article(tmp_path: Path, good: Path, raw: bytes,
                                                       expected_text: str,
                                                       warning: str | None) -> None:
    path = tmp_path / "lama.txt"
    path.write_bytes(raw)
    articles, problems, warnings = split(read_articles([path, good]))
    assert problems == []
    assert articles[0].text == expected_text
    assert [w.reason for w in warnings] == ([warning] if warning else [])
    assert_good_read(articles, good)


def test_jsonl_encoding_warning_names_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "campur.jsonl"
    path.write_bytes(b'{"text": "Baik."}\n{"text": "Caf\xe9 \x93kutip\x94"}\n{"text": "\xe9"}\n')
    articles, problems, warnings = split(read_articles([path]))
    assert [a.text for a in articles] == ["Baik.", "Café “kutip”", "é"]
    assert [str(w) for w in warnings] == [
        f"{path}: warning: not valid UTF-8; decoded as cp1252 (first at line 2)"]


def test_user_encoding_is_used_instead_of_guessing(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("text\n“Kutipan”\n".encode("cp1252"))
    articles, _, warnings = split(read_articles([path], encoding="cp1252"))
    assert articles[0].text == "“Kutipan”" and warnings == []


def test_text_after_a_long_run_of_blank_lines_is_not_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "jauh.jsonl"
    path.write_text("\n" * 100_000 + json.dumps({"text": "Akhirnya."}) + "\n")
    articles, problems, _ = split(read_articles([path]))
    assert problems == [] and [a.origin for a in articles] == [f"{path}:100001"]


def test_ten_megabyte_article_streams(tmp_path: Path) -> None:
    body = "x" * (10 * 1024 * 1024)
    path = tmp_path / "raksasa.jsonl"
    path.write_text(json.dumps({"text": "kecil"}) + "\n" + json.dumps({"text": body}) + "\n")
    articles, problems, _ = split(read_articles([path]))
    assert problems == [] and [len(a.text) for a in articles] == [5, len(body)]


# --- strict mode, defaults, records -------------------------------------------------------


def test_strict_raises_at_the_first_problem_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "rusak.jsonl"
    path.write_text('{"text": "Baik."}\n{"text": \n{"text": "Tak terbaca."}\n')
    seen: list[str] = []
    with pytest.raises(ReadError) as raised:
        for item in read_articles([path], strict=True):
            seen.append(item.text)
    assert seen == ["Baik."]
    assert str(raised.value).startswith(f"{path}:2: invalid JSON: Expecting value")
    assert raised.value.problem.origin == f"{path}:2"


def test_strict_csv_without_text_column_yields_nothing_of_it() -> None:
    items = read_articles([CSV], strict=True)
    with pytest.raises(ReadError, match="no text"):
        next(items)


@pytest.mark.parametrize(
    ("defaults", "message"),
    [({"penulis": "x"}, "unknown default field"), ({"published": "9/7/2024"}, "not YYYY-MM-DD")],
)
def test_bad_defaults_fail_before_reading(defaults: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_articles(["tidak-dibaca.txt"], defaults=defaults)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07-09", date(2024, 7, 9)),
        ("2024-07-09T23:30:00+07:00", date(2024, 7, 9)),  # the day as the outlet wrote it
        ("2024-07-09 10:00", date(2024, 7, 9)),
        ("2024/07/09", date(2024, 7, 9)),
        ("13+December+2018", None),
        ("2024-02-30", None),
        ("20240709", None),
        (None, None),
        (20240709, None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_records_are_picklable() -> None:
    items = list(read_articles([JSONL, "tidak-ada.txt"]))
    assert pickle.loads(pickle.dumps(items)) == items


def test_dry_run_command_summarises(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from claims.readers.__main__ import main

    assert main([str(JSONL), str(TXT)]) == 0
    assert capsys.readouterr().out.startswith("4 articles (")
    assert main([str(tmp_path / "hilang.txt")]) == 1
    captured = capsys.readouterr()
    assert "hilang.txt: no such file or directory" in captured.err
    assert captured.out.startswith("0 articles (0 characters), 1 problems, 0 warnings")


JUNK_PIECES = st.sampled_from([
    b"\n", b"\r\n", b",", b";", b'"', b"{", b"}", b"[", b'"text": ', b'"isi"', b"text,title\n",
    b"\xe9", b"\x93", b"\xff", b"\x00", b"\x1f\x8b", b"\xef\xbb\xbf", b"Presiden", b" ", b"7",
])


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.lists(JUNK_PIECES, max_size=40).map(b"".join),
       suffix=st.sampled_from([".jsonl", ".json", ".csv", ".txt"]), compress=st.booleans())
def test_any_bytes_give_records_never_exceptions(tmp_path: Path, content: bytes, suffix: str,
                                                  compress: bool) -> None:
    """Whatever the bytes, the batch goes on: only records come out, the next file is read."""
    path = tmp_path / f"acak{suffix}"
    path.write_bytes(gzip.compress(content)[:-3] if compress and content else content)
    items = list(read_articles([path, TXT]))
    assert all(isinstance(i, SourceArticle | ReadProblem | ReadWarning) for i in items)
    assert items[-1].origin == str(TXT)

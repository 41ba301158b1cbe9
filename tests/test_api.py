"""The analysts' API: typed frames, joins and every filter, over a database written by hand.

The database is filled through ``store.write_batch`` with records built here, so these tests
pin the API's behaviour independently of how well the parser attributes quotes.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import PG_URL, _reset_postgres, invoke
from sqlalchemy import text

import claims
from claims.parse.records import ParsedArticle, QuoteRecord
from claims.store import write_batch


@dataclass
class Meta:
    title: str | None = None
    url: str | None = None
    source_id: str | None = None


ANTARA = (
    "Jakarta (ANTARA) - Pemerintah memastikan stok beras aman menjelang Ramadhan.\n"
    "“Cadangan beras pemerintah mencapai dua juta ton,” kata Kepala Badan Pangan Nasional "
    "Hendra Wibisono di Jakarta, Selasa (14/1/2025).\n"
)
KOMPAS = (
    "BEKASI, KOMPAS.com - Harga beras di Pasar Baru Bekasi naik Rp 2.000 per kilogram.\n"
    "\"Operasi pasar kami mulai pekan depan,\" ujarnya.\n"
    "Seorang pedagang, Siti Aminah, mengeluhkan pembeli yang berkurang. \"Sepi sekali, "
    "orang menahan belanja,\" tutur Siti.\n"
    "Spanduk di pasar bertuliskan \"harga wajar untuk semua\".\n"
)
TEMPO = (
    "TEMPO.CO, Jakarta - Direktur Utama PT Sinar Pangan Rudi Hartono menilai pasokan gabah "
    "seret. \"Kami kesulitan membeli gabah dari petani,\" kata Rudi seperti dikutip Antara.\n"
)
GUARDIAN = (
    "JAKARTA - Indonesia's food agency said rice stocks were ample. \"We have enough rice until "
    "Eid,\" said Hendra Wibisono, head of the agency.\n"
)


def _quote(body: str, quote: str, **attrs) -> QuoteRecord:  # type: ignore[no-untyped-def]
    start = body.index(quote)
    return QuoteRecord(start, start + len(quote), quote, **attrs)


HENDRA = {"speaker": "Hendra Wibisono", "speaker_type": "person"}
ARTICLES: list[tuple[Meta, ParsedArticle]] = [
    (Meta(title="Stok Beras Aman", url="https://example.org/antara/beras"), ParsedArticle(
        ANTARA, "id", "Antara", date(2025, 1, 15), [
            _quote(ANTARA, "“Cadangan beras pemerintah mencapai dua juta ton,”", **HENDRA,
                   cue="kata", resolution="named", role="Kepala", affiliation="Bapanas",
                   said_on=date(2025, 1, 14), confidence=0.9),
        ])),
    (Meta(title="Harga Beras Naik", url="https://example.org/kompas/beras"), ParsedArticle(
        KOMPAS, "id", "Kompas.com", date(2025, 2, 3), [
            _quote(KOMPAS, "\"Operasi pasar kami mulai pekan depan,\"", **HENDRA, cue="ujar",
                   resolution="clitic", confidence=0.7),
            _quote(KOMPAS, "\"Sepi sekali, orang menahan belanja,\"", speaker="Siti Aminah",
                   speaker_type="person", cue="tutur", role="pedagang", resolution="named",
                   said_on=date(2025, 2, 2), confidence=0.8),
            _quote(KOMPAS, "\"harga wajar untuk semua\"", kind="partial"),
        ])),
    (Meta(title="Gabah Seret"), ParsedArticle(
        TEMPO, "id", "Tempo", date(2025, 3, 10), [
            _quote(TEMPO, "\"Kami kesulitan membeli gabah dari petani,\"", speaker="Rudi Hartono",
                   speaker_type="person", cue="kata", role="Direktur Utama",
                   affiliation="PT Sinar Pangan", via="Antara", resolution="named",
                   confidence=0.8),
        ])),
    (Meta(title="Rice stocks ample"), ParsedArticle(
        GUARDIAN, "en", "The Jakarta Post", date(2025, 3, 20), [
            _quote(GUARDIAN, "\"We have enough rice until Eid,\"", **HENDRA, cue="said",
                   role="head", resolution="named", confidence=0.9),
        ])),
]


def _filled(path: str | Path) -> claims.ClaimsDB:
    handle = claims.open(path)
    with handle.engine.begin() as conn:
        write_batch(conn, ARTICLES, "test")
    return handle


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Shared by the read-only tests (a migration per test would dominate the run time).

    On each backend: PostgreSQL when ``CLAIMS_TEST_PG_URL`` names a server.
    """
    if request.param == "sqlite":
        target: str | Path = tmp_path_factory.mktemp("api") / "claims.db"
    elif not PG_URL:
        pytest.skip("CLAIMS_TEST_PG_URL not set (no PostgreSQL server)")
    else:
        _reset_postgres(PG_URL)
        target = PG_URL
    handle = _filled(target)
    yield handle
    handle.close()


@pytest.fixture
def writable_db(db_path: Path):  # type: ignore[no-untyped-def]
    handle = _filled(db_path)
    yield handle
    handle.close()


def _texts(frame: pd.DataFrame) -> set[str]:
    return set(frame["text"])


# --- dtypes ------------------------------------------------------------------------------------

QUOTE_TYPES = {
    "id": "Int64", "speaker_id": "Int64", "article_id": "Int64", "start": "Int64", "end": "Int64",
    "claim_id": "Int64", "speaker": "string", "role": "string", "affiliation": "string",
    "speaker_role": "string", "text": "string", "cue": "string", "via": "string",
    "title": "string", "url": "string", "outlet": "category", "kind": "category",
    "lang": "category", "resolution": "category", "speaker_kind": "category",
    "said_on": "datetime64[ns]", "published": "datetime64[ns]", "date": "datetime64[ns]",
    "confidence": "float64",
}


@pytest.mark.parametrize(("column", "dtype"), sorted(QUOTE_TYPES.items()))
def test_quote_columns_are_typed(db, column: str, dtype: str) -> None:
    assert str(db.quotes()[column].dtype) == dtype


@pytest.mark.parametrize(("column", "dtype"), sorted(QUOTE_TYPES.items()))
def test_an_empty_result_keeps_columns_and_types(db, column: str, dtype: str) -> None:
    empty = db.quotes(speaker="Tidak Ada Orangnya")
    assert empty.empty
    assert str(empty[column].dtype) == dtype


def test_a_misread_year_becomes_a_missing_date_not_an_error() -> None:
    rows = [{"said_on": date(3025, 10, 13)}, {"said_on": date(2025, 10, 13)}]
    frame = claims.api.typed_frame(rows, {"said_on": "datetime64[ns]"})
    assert frame["said_on"].isna().tolist() == [True, False]


def test_missing_values_are_missing_not_text(db) -> None:
    partial = db.quotes(kind="partial")
    assert len(partial) == 1
    assert partial["speaker"].isna().all() and partial["role"].isna().all()
    assert partial["speaker"].iloc[0] is pd.NA


# --- joins -------------------------------------------------------------------------------------


def test_speaker_name_role_and_affiliation_are_joined(db) -> None:
    row = db.quotes(outlet="Tempo").iloc[0]
    assert (row["speaker"], row["role"], row["affiliation"], row["via"]) == (
        "Rudi Hartono", "Direktur Utama", "PT Sinar Pangan", "Antara")
    assert (row["title"], row["outlet"], row["lang"]) == ("Gabah Seret", "Tempo", "id")


def test_a_clitic_quote_gets_the_speakers_usual_role(db) -> None:
    row = db.quotes(speaker="Hendra", outlet="Kompas.com").iloc[0]
    assert row["speaker"] == "Hendra Wibisono"
    assert row["role"] is pd.NA
    assert (row["speaker_role"], row["speaker_affiliation"]) == ("Kepala", "Bapanas")


def test_speaker_ids_match_the_speakers_frame(db) -> None:
    quotes = db.quotes()
    speakers = db.speakers().set_index("speaker")["id"]
    attributed = quotes.dropna(subset=["speaker"])
    assert (attributed["speaker_id"].to_numpy() == speakers[attributed["speaker"]].to_numpy()).all()


def test_date_is_said_on_else_published(db) -> None:
    by_text = db.quotes().set_index("text")["date"]
    assert by_text["“Cadangan beras pemerintah mencapai dua juta ton,”"] == pd.Timestamp(
        "2025-01-14")
    assert by_text["\"Operasi pasar kami mulai pekan depan,\""] == pd.Timestamp("2025-02-03")


def test_quote_text_is_the_article_slice(db) -> None:
    quotes = db.quotes()
    articles = db.articles(with_text=True).set_index("id")["text"]
    for _, row in quotes.iterrows():
        assert articles[row["article_id"]][row["start"]:row["end"]] == row["text"]


# --- filters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("filters", "expected"), [
    ({"speaker": "Hendra Wibisono"}, 3),
    ({"speaker": "hendra"}, 3),                      # part of a name, any case
    ({"speaker": "Bapak Hendra Wibisono"}, 3),       # titles do not matter
    ({"outlet": "kompas.com"}, 3),
    ({"outlet": "Kompas"}, 0),                       # an outlet is matched whole
    ({"via": "antara"}, 1),
    ({"kind": "partial"}, 1),
    ({"kind": "direct"}, 5),
    ({"lang": "en"}, 1),
    ({"since": "2025-02-03"}, 4),                    # said 2 Feb: Siti is out
    ({"since": date(2025, 2, 2)}, 5),
    ({"until": pd.Timestamp("2025-01-14")}, 1),      # said_on beats published (15 Jan)
    ({"since": "2025-02-01", "until": "2025-02-28"}, 3),
    ({"speaker": "Hendra", "lang": "id", "until": "2025-02-28"}, 2),
    ({"limit": 2}, 2),
    ({}, 6),
])
def test_every_filter(db, filters: dict, expected: int) -> None:
    assert len(db.quotes(**filters)) == expected


def test_query_finds_part_of_a_word_and_adds_snippet_and_rank(db) -> None:
    found = db.quotes("lit membe")  # kesulitan membeli
    assert list(found["speaker"]) == ["Rudi Hartono"]
    assert found["snippet"].str.contains(r"\[", regex=True).all()
    assert str(found["snippet"].dtype) == "string" and found["rank"].dtype == "float64"


def test_query_and_filters_combine(db) -> None:
    assert _texts(db.quotes("beras")) == {"“Cadangan beras pemerintah mencapai dua juta ton,”"}
    assert db.quotes("beras", outlet="Tempo").empty


def test_a_speaker_alias_finds_the_canonical_speaker(writable_db) -> None:
    db = writable_db
    with db.engine.begin() as conn:
        sid = conn.execute(text("SELECT id FROM speaker WHERE name = 'Rudi Hartono'")).scalar()
        conn.execute(text("INSERT INTO speaker_alias (speaker_id, alias, key) "
                          "VALUES (:s, 'Pak RH', 'rh')"), {"s": sid})
    assert list(db.quotes(speaker="RH")["speaker"]) == ["Rudi Hartono"]


@pytest.mark.parametrize("options", [
    ["--speaker", "hendra"], ["--outlet", "kompas.com"], ["--since", "2025-02-03"],
    ["--kind", "partial"], ["--lang", "en"], ["--via", "antara"],
])
def test_the_cli_export_and_the_api_select_the_same_quotes(db, runner, options) -> None:
    """``claims export`` and ``db.quotes`` share one filter path, so they agree row for row."""
    import json

    url = db.engine.url.render_as_string(hide_password=False)
    result = invoke(runner, "export", "--format", "jsonl", "--db", url, "--silent", *options)
    exported = sorted(json.loads(line)["id"] for line in result.stdout.splitlines())
    name = options[0].removeprefix("--")
    assert exported == sorted(db.quotes(**{name: options[1]})["id"].tolist())
    assert exported


def test_order_by_date_is_newest_first(db) -> None:
    dates = db.quotes()["date"].tolist()
    assert dates == sorted(dates, reverse=True)


def test_a_bad_date_is_a_clear_error(db) -> None:
    with pytest.raises(ValueError, match="not a date"):
        db.quotes(since="kemarin")


# --- speakers, articles, claims ------------------------------------------------------------------


def test_speakers_frame(db) -> None:
    speakers = db.speakers().set_index("speaker")
    assert speakers.loc["Hendra Wibisono", "quotes"] == 3
    assert speakers.loc["Hendra Wibisono", "outlets"] == 3
    assert speakers.loc["Rudi Hartono", "sector"] == "business"
    assert speakers.loc["Siti Aminah", "sector"] == "citizen"
    assert speakers.loc["Hendra Wibisono", "sector"] == "government"
    assert bool(speakers.loc["Hendra Wibisono", "official"]) is True
    assert str(speakers["kind"].dtype) == "category" and str(speakers["quotes"].dtype) == "Int64"
    assert speakers.loc["Hendra Wibisono", "first_seen"] == pd.Timestamp("2025-01-14")
    assert speakers.loc["Hendra Wibisono", "last_seen"] == pd.Timestamp("2025-03-20")
    assert list(db.speakers("siti")["speaker"]) == ["Siti Aminah"]


def test_articles_frame_and_filters(db) -> None:
    articles = db.articles()
    assert list(articles["quotes"]) == [1, 3, 1, 1]
    assert str(articles["published"].dtype) == "datetime64[ns]"
    assert "text" not in articles
    assert list(db.articles(outlet="tempo")["title"]) == ["Gabah Seret"]
    assert list(db.articles(since="2025-03-01", lang="id")["outlet"]) == ["Tempo"]
    assert len(db.articles(until="2025-02-03")) == 2


def test_claims_frame_counts_quotes_and_defaults_verdicts(writable_db) -> None:
    db = writable_db
    assert db.claims().empty and str(db.claims()["first_seen"].dtype) == "datetime64[ns]"
    with db.engine.begin() as conn:
        sid = conn.execute(text("SELECT id FROM speaker WHERE name = 'Hendra Wibisono'")).scalar()
        for i in (1, 2):
            conn.execute(text(
                "INSERT INTO claim (id, text, speaker_id, first_quote_id, first_seen, n_articles,"
                " n_outlets, created_at) VALUES (:i, 'stok aman', :s, 1, '2025-01-14', 2, 2,"
                " '2025-04-01 10:00:00+00:00')"), {"i": i, "s": sid})
        conn.execute(text("UPDATE quote SET claim_id = 1 WHERE speaker_id = :s"), {"s": sid})
        conn.execute(text("INSERT INTO review (target_type, target_id, verdict, updated_at) "
                          "VALUES ('claim', 1, 'false', '2025-04-02')"))
    frame = db.claims()
    assert list(frame["quotes"]) == [3, 0]
    assert list(frame["verdict"]) == ["false", "unreviewed"]
    assert list(frame["speaker"]) == ["Hendra Wibisono"] * 2
    assert frame["created_at"].iloc[0] == pd.Timestamp("2025-04-01 10:00:00")
    assert db.quotes()["claim_id"].notna().sum() == 3


# --- open, parse_text, import cost ------------------------------------------------------------


def test_open_creates_an_upgraded_database(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "new.db"
    with claims.open(path) as fresh:
        assert fresh.quotes().empty and fresh.speakers().empty
        with fresh.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    assert path.exists()


ARTICLE = ('Jakarta - Menteri Perdagangan Laras Anggraini memastikan harga minyak goreng turun. '
           '"Harga akan kembali normal bulan depan," kata Laras di Jakarta, Senin (6/1/2025).')


def test_parse_text_returns_records_without_a_database(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    records = claims.parse_text(ARTICLE, outlet="Detik", published="2025-01-06")
    assert [r.text for r in records] == ['"Harga akan kembali normal bulan depan,"']
    assert list(tmp_path.iterdir()) == []


def test_parse_text_as_frame_is_typed_and_carries_the_metadata() -> None:
    frame = claims.parse_text(ARTICLE, as_frame=True, outlet="Detik", published=date(2025, 1, 6),
                              title="Minyak goreng")
    assert len(frame) == 1
    row = frame.iloc[0]
    assert ARTICLE[row["start"]:row["end"]] == row["text"]
    assert (row["outlet"], row["published"], row["title"]) == (
        "Detik", pd.Timestamp("2025-01-06"), "Minyak goreng")
    assert str(frame["published"].dtype) == "datetime64[ns]"
    assert str(frame["kind"].dtype) == "category" and str(frame["speaker"].dtype) == "string"


def test_parse_text_with_no_quotes_is_an_empty_typed_frame() -> None:
    frame = claims.parse_text("Tidak ada kutipan di sini.", as_frame=True)
    assert frame.empty and str(frame["said_on"].dtype) == "datetime64[ns]"


def test_parse_text_rejects_unknown_metadata() -> None:
    with pytest.raises(TypeError, match="unknown metadata"):
        claims.parse_text(ARTICLE, outlett="Detik")


def test_import_claims_does_not_load_pandas() -> None:
    code = "import sys, claims; print('pandas' in sys.modules, callable(claims.open))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


# --- sectors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "affiliation", "expected"), [
    ("Menteri Keuangan", None, "government"),
    ("Wakil Menteri", "Kementerian Perdagangan", "government"),
    ("Kepala Pelaksana Badan Penanggulangan Bencana Daerah Kota Bekasi", None, "government"),
    ("Kapolres", "Polres Metro Bekasi", "security"),
    ("Direktur Utama", "PT Sinar Pangan", "business"),
    ("Direktur", "PT Kereta Api Indonesia (Persero)", "business"),
    ("Warga", "Kota Bekasi", "citizen"),             # the role decides before the place
    ("seorang pedagang", None, "other"),             # determiners are the parser's job
    ("pedagang", None, "citizen"),
    ("Ekonom", "INDEF", "expert"),
    ("Direktur Eksekutif", "INDEF", "civil_society"),  # role head first
    ("Anggota Komisi IV", "DPR", "politics"),
    ("mantan Gubernur", "Jawa Barat", "government"),
    ("Hakim", "Pengadilan Negeri Jakarta Selatan", "judiciary"),
    ("Ketua", "Walhi", "civil_society"),
    ("Ketua", None, "other"),
    (None, None, "unknown"),
])
def test_sector_of(role: str | None, affiliation: str | None, expected: str) -> None:
    assert claims.sector_of(role, affiliation) == expected


def test_an_organisation_speaking_as_a_body_is_placed_by_its_name() -> None:
    assert claims.sector_of(None, None, "Kementerian Kesehatan", "organization") == "government"
    assert claims.sector_of(None, None, "Kementerian Kesehatan", "person") == "unknown"


# --- the README example --------------------------------------------------------------------------

README = Path(__file__).resolve().parent.parent / "README.md"
README_HEADING = "## Analysts"
EXAMPLE = '''
import claims
from claims import plots

db = claims.open("claims.db")      # creates or upgrades the schema; no CLI involved
db.ingest_sample()                 # the bundled data/*.jsonl, only when the database is empty
quotes = db.quotes(speaker="Hendra Wibisono", since="2025-01-01", until="2025-06-30")
print(quotes[["date", "outlet", "role", "text"]])
print(db.quotes("harga", outlet="Detik", kind="direct")[["speaker", "snippet"]])
speakers, articles, grouped = db.speakers(), db.articles(outlet="Antara"), db.claims()
plots.quotes_per_month(db.quotes(), top=4).savefig("per-month.png")
found = claims.parse_text('"Stok beras aman," kata Hendra Wibisono di Jakarta.', as_frame=True,
                          outlet="Antara", published="2025-03-06")
print(found[["speaker", "cue", "text"]])
'''


def _readme_example() -> str | None:
    """The first python block after the analysts' heading of README.md, if there is one."""
    if not README.exists() or README_HEADING not in README.read_text(encoding="utf-8"):
        return None
    section = README.read_text(encoding="utf-8").split(README_HEADING, 1)[1]
    if "```python" not in section:
        return None
    return section.split("```python", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("source", ["test copy", "README"])
def test_the_documented_example_runs(source: str, tmp_path: Path, monkeypatch) -> None:
    code = EXAMPLE if source == "test copy" else _readme_example()
    if code is None:
        pytest.skip("README has no analysts' example yet")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Hendra Wibisono" in out.stdout
    assert (tmp_path / "per-month.png").stat().st_size > 1000


@pytest.mark.parametrize(("role", "affiliation", "expected"), [
    ("Chief Economist", "Bank Permata", "expert"),        # the role head decides first
    ("Head of Research", None, "expert"),
    ("Direktur Keuangan", None, "business"),
    ("Kepala Ekonom", "BCA", "expert"),
    ("Direktur", "Sucorinvest Asset Management", "business"),
    ("Kombes", "Polda Metro Jaya", "security"),
    ("Ketua Majelis Hakim", None, "judiciary"),
    ("Komisioner", "OJK", "government"),
])
def test_sector_of_newsroom_roles_seen_in_business_news(role: str, affiliation: str | None,
                                                        expected: str) -> None:
    assert claims.sector_of(role, affiliation) == expected

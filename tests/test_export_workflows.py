"""Exports: formula-safe CSV, TSV, JSONL, Parquet with claim ids and relations, ClaimReview."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import invoke

REVIEW_URL = "https://cekfakta.example/klaim/{id}"



def test_csv_neutralises_a_hyperlink_formula(runner, wf_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    result = invoke(runner, "export", "-o", out, "--add-bom", "--db", wf_db)
    assert result.exit_code == 0 and "13 quotes exported" in result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    cells = [r["text"] for r in rows if "HYPERLINK" in r["text"]]
    assert cells == ["'=HYPERLINK(\"http://x\",\"y\")"]
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


@pytest.mark.parametrize(("value", "expected"), [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+62 812", "'+62 812"), ("-5 persen", "'-5 persen"), ("@kemenkeu", "'@kemenkeu"),
    ("\tTab", "'\tTab"), ("\rCR", "'\rCR"), ("Harga naik", "Harga naik"), (5, 5), (-5, -5),
])
def test_neutralise_cell(value, expected) -> None:
    from claims.export import neutralise_cell

    assert neutralise_cell(value) == expected


def test_export_carries_claim_id_and_relation(runner, wf_db: Path) -> None:
    rows = [json.loads(line) for line in invoke(
        runner, "export", "Defisit", "-f", "jsonl", "--db", wf_db).stdout.splitlines()]
    assert len({r["claim_id"] for r in rows}) == 1
    assert sorted(r["relation"] for r in rows) == ["identical", "identical", "substantive"]


def test_export_takes_the_search_filters(runner, wf_db: Path) -> None:
    result = invoke(runner, "export", "-f", "tsv", "--outlet", "Detik", "--since", "2025-06-01",
                    "--db", wf_db)
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].split("\t")[0] == "id"
    assert "Tiga tersangka" in lines[1]


def test_parquet_round_trip_with_types(runner, wf_db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "quotes.parquet"
    result = invoke(runner, "export", "-f", "parquet", "-o", out, "--db", wf_db)
    assert result.exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == 13
    assert str(table.schema.field("said_on").type) == "date32[day]"
    assert str(table.schema.field("claim_id").type) == "int64"
    rows = table.to_pylist()
    assert {r["relation"] for r in rows} >= {"identical", "substantive"}


def test_parquet_needs_a_file(runner, wf_db: Path) -> None:
    result = invoke(runner, "export", "-f", "parquet", "--db", wf_db)
    assert result.exit_code == 2 and "-o quotes.parquet" in result.stderr


REQUIRED = {"@context", "@type", "url", "claimReviewed", "reviewRating", "author",
            "datePublished", "inLanguage", "itemReviewed"}


def test_claimreview_has_required_and_recommended_fields(runner, wf_db: Path) -> None:
    claims = json.loads(invoke(runner, "claims", "--min-outlets", "3", "--db", wf_db,
                               "-f", "json").stdout)
    cid = claims[0]["id"]
    invoke(runner, "review", f"c{cid}", "--verdict", "false", "--note", "Defisit 2,8 persen",
           "--db", wf_db, "--reviewer", "ani")
    other = next(c["id"] for c in json.loads(invoke(runner, "claims", "--db", wf_db,
                                                    "-f", "json").stdout) if c["id"] != cid)
    invoke(runner, "review", f"c{other}", "--verdict", "in_progress", "--db", wf_db)
    result = invoke(runner, "export", "-f", "claimreview", "--review-url", REVIEW_URL,
                    "--publisher", "Cek Fakta Contoh", "--db", wf_db)
    reviews = json.loads(result.stdout)
    assert len(reviews) == 1  # in_progress is not a verdict to publish
    review = reviews[0]
    assert set(review) >= REQUIRED
    assert review["@type"] == "ClaimReview" and review["url"] == f"https://cekfakta.example/klaim/{cid}"
    assert "Defisit anggaran" in review["claimReviewed"]
    rating = review["reviewRating"]
    assert {"alternateName", "ratingValue", "bestRating", "worstRating"} <= set(rating)
    assert rating["alternateName"] == "Salah" and rating["ratingValue"] == 1
    assert rating["ratingExplanation"] == "Defisit 2,8 persen"
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Sri Wahyuni"}
    assert item["datePublished"] == "2025-03-03"
    assert item["firstAppearance"]["url"] == "https://example.org/kompas/defisit"
    assert len(item["appearance"]) == 3
    assert review["author"]["name"] == "Cek Fakta Contoh" and review["inLanguage"] == "id"


def test_claimreview_needs_a_review_url(runner, wf_db: Path) -> None:
    result = invoke(runner, "export", "-f", "claimreview", "--db", wf_db)
    assert result.exit_code == 2 and "--review-url" in result.stderr

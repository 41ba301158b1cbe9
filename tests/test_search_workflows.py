"""Search filters, `claims show` and `claims who-said` on the fixture database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import invoke
from fixtures.workflows.build import build
from sqlalchemy import text


def search(runner, db: Path, *args: str) -> list[dict]:  # type: ignore[no-untyped-def]
    result = invoke(runner, "search", *args, "--db", db, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(("args", "outlets"), [
    (("Defisit",), {"Kompas.com", "Detik", "Tempo"}),
    (("Defisit", "--outlet", "detik"), {"Detik"}),
    (("Defisit", "--via", "antara"), {"Detik"}),
    (("--speaker", "Agus Santoso"), {"Detik", "Tribunnews"}),
    (("--speaker", "santoso"), {"Kompas.com", "Detik", "Tribunnews"}),
    (("--since", "2025-06-05", "--until", "2025-06-09"), {"Detik", "Tribunnews"}),
    # said_on (3 March) wins over Detik's published day (4 March)
    (("Defisit", "--until", "2025-03-03"), {"Kompas.com", "Detik"}),
    (("--kind", "partial"), {"Okezone"}),
    (("--lang", "en"), {"BBC News"}),
    (("lain OR listrik", "--raw"), {"Tribunnews", "Kontan", "Bisnis.com"}),
])
def test_every_filter(runner, wf_engine, wf_db: str, args: tuple[str, ...],
                      outlets: set[str]) -> None:
    if "--raw" in args and wf_engine.dialect.name == "postgresql":  # to_tsquery syntax there
        args = tuple(a.replace(" OR ", " | ") for a in args)
    assert {r["outlet"] for r in search(runner, wf_db, *args)} == outlets


def test_alias_finds_a_merged_speaker(runner, wf_db: Path) -> None:
    invoke(runner, "speaker", "merge", "Bambang Hartono", "Agus Hartono", "--db", wf_db)
    rows = search(runner, wf_db, "--speaker", "Agus Hartono")
    assert {r["speaker"] for r in rows} == {"Bambang Hartono"} and len(rows) == 2


def test_rank_order_and_highlighted_snippet(runner, wf_db: Path) -> None:
    rows = search(runner, wf_db, "kami")
    assert rows == sorted(rows, key=lambda r: r["rank"])
    assert all("[kami]" in r["snippet"].casefold() for r in rows)
    # part of a word: the trigram index finds "kantongi" from "kantong"
    assert "[kantong]i" in search(runner, wf_db, "kantong")[0]["snippet"]


def test_date_order_is_newest_first(runner, wf_db: Path) -> None:
    rows = search(runner, wf_db, "--order", "date")
    days = [r["said_on"] or r["published"] for r in rows]
    assert days == sorted(days, reverse=True) and len(rows) == 13


def test_short_and_long_terms_together(runner, wf_db: Path) -> None:
    rows = search(runner, wf_db, "RT kantongi")
    assert rows == []
    rows = search(runner, wf_db, "di bawah")
    assert {r["outlet"] for r in rows} == {"Kompas.com", "Detik", "Tempo"}


#: Malformed in each backend's own full-text syntax (FTS5 on SQLite, to_tsquery on PostgreSQL).
MALFORMED = {"sqlite": ['"unbalanced', "AND", "kami NEAR("],
             "postgresql": ["kami & (", "& beras", "harga |"]}


@pytest.mark.parametrize("nth", range(3))
def test_malformed_raw_query_is_one_line_with_a_hint(runner, wf_engine, wf_db: str,
                                                     nth: int) -> None:
    query = MALFORMED[wf_engine.dialect.name][nth]
    result = invoke(runner, "search", query, "--raw", "--db", wf_db)
    assert result.exit_code == 1
    assert "malformed search query" in result.stderr and "drop --raw" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_escaped_by_default(runner, wf_db: Path) -> None:
    assert search(runner, wf_db, '"unbalanced') == []
    assert {r["outlet"] for r in search(runner, wf_db, "OR listrik")} == set()


def test_bad_order_and_kind_are_usage_errors(runner, wf_db: Path) -> None:
    assert invoke(runner, "search", "--order", "best", "--db", wf_db).exit_code == 2
    assert invoke(runner, "search", "--kind", "indirect", "--db", wf_db).exit_code == 2


def test_fast_path_and_filtered_path_agree(sqlite_engine) -> None:
    from claims.query import QuoteFilter, search_quotes

    build(sqlite_engine)
    with sqlite_engine.connect() as conn:
        fast = search_quotes(conn, QuoteFilter(query="kami", limit=3))
        slow = search_quotes(conn, QuoteFilter(query="kami", limit=3, lang="id"))
    assert [r["id"] for r in fast] == [r["id"] for r in slow]


# --- show --------------------------------------------------------------------------------------

def _qid(db: Path, outlet: str) -> int:
    from claims.db import open_engine

    with open_engine(db).connect() as conn:
        return conn.execute(text("SELECT q.id FROM quote q JOIN article a ON a.id = q.article_id "
                                 "WHERE a.outlet = :o"), {"o": outlet}).scalars().first()


def test_show_gives_context_speaker_article_claim_and_review(runner, wf_db: Path) -> None:
    qid = _qid(wf_db, "Detik")
    invoke(runner, "review", f"q{qid}", "--verdict", "false", "--note", "angka keliru",
           "--db", wf_db, "--reviewer", "ani")
    d = json.loads(invoke(runner, "show", f"q{qid}", "--db", wf_db, "-f", "json").stdout)
    assert d["verbatim"] is True
    assert d["context"]["before"].startswith("Jakarta - Menteri Keuangan")
    assert d["context"]["quote"] == d["text"] and "ujar Sri Wahyuni" in d["context"]["after"]
    assert d["speaker"]["name"] == "Sri Wahyuni" and d["speaker"]["role"] == "Menteri Keuangan"
    assert d["attribution"]["resolution"] == "named" and d["attribution"]["via"] == "Antara"
    assert d["article"]["outlet"] == "Detik" and d["article"]["url"].endswith("/detik/defisit")
    assert d["claim"]["n_outlets"] == 3 and d["relation"] == "substantive"
    assert d["review"]["verdict"] == "false"
    assert [h["change"] for h in d["history"]] == ["unreviewed -> false (angka keliru)"]


def test_show_as_text_highlights_nothing_but_prints_everything(runner, wf_db: Path) -> None:
    out = invoke(runner, "show", str(_qid(wf_db, "Antara")), "--db", wf_db).stdout
    assert "Bendungan Grobogan Rampung Tahun Depan" in out
    assert "speaker   Bambang Hartono — Menteri Pekerjaan Umum" in out
    assert "resolved  named" in out and "review    unreviewed" in out


def test_show_unknown_quote(runner, wf_db: Path) -> None:
    result = invoke(runner, "show", "q999", "--db", wf_db)
    assert result.exit_code == 1 and "no quote q999" in result.stderr


def test_quote_context_without_line_breaks_is_cut_around_the_quote() -> None:
    from claims.query import quote_context

    body = "a " * 2000 + '"Kami siap," kata Budi. ' + "b " * 2000
    start = body.index('"Kami')
    ctx = quote_context(body, start, start + len('"Kami siap,"'), max_chars=200)
    assert ctx["quote"] == '"Kami siap,"'
    assert len(ctx["before"]) + len(ctx["after"]) <= 200


# --- who-said ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "speaker"), [
    ("bendungan grobogan selesai akhir tahun", {"Bambang Hartono", "Agus Hartono"}),
    ("tersangka diamankan tujuh motor", {"Agus Santoso"}),
    ("defisit di bawah 3 persen PDB", {"Sri Wahyuni"}),
])
def test_who_said_finds_half_remembered_words(runner, wf_db: Path, words: str,
                                              speaker: set[str]) -> None:
    rows = json.loads(invoke(runner, "who-said", words, "--db", wf_db, "-f", "json").stdout)
    assert rows and rows[0]["speaker"] in speaker
    assert {"score", "speaker", "outlet", "date", "text"} <= set(rows[0])
    assert rows == sorted(rows, key=lambda r: -r["score"])


def test_who_said_nothing_close(runner, wf_db: Path) -> None:
    result = invoke(runner, "who-said", "xyzzy plugh", "--db", wf_db, "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "no quote is close enough" in result.stderr


# --- output conventions ------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "jsonl"])
def test_every_reading_command_takes_every_format(runner, wf_db: Path, fmt: str) -> None:
    qid = _qid(wf_db, "Kompas.com")
    for args in (("search", "kami"), ("show", f"q{qid}"), ("who-said", "defisit anggaran"),
                 ("speakers",), ("speaker", "show", "Sri Wahyuni"), ("claims",),
                 ("claim", "show", "1"), ("audit",), ("history",)):
        result = invoke(runner, *args, "--db", wf_db, "--format", fmt, "--silent")
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stderr == "", args


def test_piping_into_head_is_quiet(sqlite_engine, db_path: Path, tmp_path: Path) -> None:
    from fixtures.workflows.build import load_articles, store

    copies = []
    for i in range(40):  # ~500 KB of JSON lines: far more than a pipe buffer
        for a in load_articles():
            copies.append({**a, "text": a["text"] + f"\n({i})", "url": f"{a['url']}/{i}"})
    store(sqlite_engine, copies)
    claims = Path(sys.executable).parent / "claims"
    script = tmp_path / "run.sh"
    script.write_text(f"{claims} export -f jsonl --db {db_path} | head -n 1\n"
                      f"{claims} search --order date --limit 0 --db {db_path} -f csv | head -n 2\n")
    done = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=120)
    assert len(done.stdout.splitlines()) == 3
    assert done.stderr == ""


def test_verbose_shows_the_traceback(runner, wf_db: Path) -> None:
    from claims.errors import ClaimsError

    with pytest.raises(ClaimsError):
        invoke(runner, "show", "q999", "--db", wf_db, "--verbose")


def test_pooled_rank_and_exact_bm25_find_the_same_quotes(sqlite_engine) -> None:
    from claims.query import QuoteFilter, search_quotes

    build(sqlite_engine)
    with sqlite_engine.connect() as conn:
        pooled = search_quotes(conn, QuoteFilter(query="kami"))
        exact = search_quotes(conn, QuoteFilter(query="kami", pool=None))
        small_pool = search_quotes(conn, QuoteFilter(query="kami", pool=2))
    assert {r["id"] for r in pooled} == {r["id"] for r in exact} and len(pooled) == 5
    # a pool takes the most recent matches (highest ids), then ranks them
    assert sorted(r["id"] for r in small_pool) == sorted(r["id"] for r in pooled)[-2:]


@pytest.mark.parametrize(("texts", "best"), [
    ({1: "kami kami kami siap", 2: "kami siap membantu warga desa"}, 1),  # more occurrences
    ({1: "kami " + "jalan " * 40, 2: "kami siap"}, 2),  # shorter text, same count
])
def test_bm25_scores(texts: dict[int, str], best: int) -> None:
    from claims.query import bm25_scores

    scores = bm25_scores(texts, ["kami"])
    assert max(scores, key=scores.get) == best


@pytest.mark.parametrize("args", [
    {"query": "kami", "outlet": "detik"}, {"query": "Defisit", "speaker": "sri wahyuni"},
    {"query": "pelaku lain", "speaker": "santoso", "outlet": "Tribunnews"},
])
def test_filter_first_and_index_walk_plans_agree(sqlite_engine, monkeypatch, args) -> None:
    import claims.query as query

    build(sqlite_engine)
    with sqlite_engine.connect() as conn:
        narrow = query.search_quotes(conn, query.QuoteFilter(**args))
        monkeypatch.setattr(query, "FILTER_FIRST_MAX", 0)
        walked = query.search_quotes(conn, query.QuoteFilter(**args))
    assert narrow and [r["id"] for r in narrow] == [r["id"] for r in walked]

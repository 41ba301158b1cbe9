"""Search plans that must not change results: rare-trigram matching and filter-first reads."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures.workflows.build import Meta


def _store(engine, texts: list[tuple[str, str, str | None]]) -> None:  # type: ignore[no-untyped-def]
    """One article per (outlet, quote text, role); quotes get increasing ids in list order."""
    from claims.parse.records import ParsedArticle, QuoteRecord
    from claims.store import write_batch

    batch = []
    for n, (outlet, quote, role) in enumerate(texts):
        body = f"Artikel {n}. “{quote},” kata Budi Santoso."
        start = body.index("“")
        end = body.index("”") + 1
        record = QuoteRecord(start=start, end=end, text=body[start:end], kind="direct",
                             speaker="Budi Santoso", speaker_type="person", role=role)
        batch.append((Meta(title=f"t{n}", url=f"https://x.test/{n}"),
                      ParsedArticle(text=body, lang="id", outlet=outlet,
                                    published=date(2024, 1, 1 + n % 28), quotes=[record])))
    with engine.begin() as conn:
        write_batch(conn, batch, "test")


QUOTES = [
    ("Kompas", "Kasus ini teridentifikasi sejak Januari", None),
    ("Detik", "Pasien TERIDENTIFIKASI di rumah sakit daerah", None),
    ("Kompas", "Kami belum tahu siapa yang teridentifikasi", None),
    ("Tempo", "Pergerakan harganya sulit ditebak pekan ini", None),
    ("Kompas", "Harganya naik, tapi pergerakan pasar stabil", None),
    ("Detik", "Pergerakan pasar dan harga beras", None),  # 'harganya' absent
    ("Tempo", "Semua berjalan normal", "Kepala Bidang Identifikasi"),  # only the role matches
    ("Kompas", "Pria dari Madrid itu memverifikasi datanya", None),  # 'rid' + 'fik', no word
]


@pytest.mark.parametrize("query", ["teridentifikasi", "pergerakan harganya", "identifikasi",
                                   "harganya", "Pergerakan", "pasar stabil"])
def test_rare_trigram_plan_finds_exactly_what_the_phrases_find(sqlite_engine, query) -> None:
    from claims.query import QuoteFilter, search_quotes

    _store(sqlite_engine, QUOTES)
    with sqlite_engine.connect() as conn:
        planned = search_quotes(conn, QuoteFilter(query=query))
        exact = search_quotes(conn, QuoteFilter(query=query, pool=None))  # FTS5 phrases
    assert sorted(r["id"] for r in planned) == sorted(r["id"] for r in exact)
    assert planned  # every query above matches something


def test_rare_trigram_plan_keeps_whole_words_only(sqlite_engine) -> None:
    from claims.query import QuoteFilter, search_quotes

    _store(sqlite_engine, QUOTES)
    with sqlite_engine.connect() as conn:
        found = search_quotes(conn, QuoteFilter(query="teridentifikasi"))
    assert sorted(r["text"][1:12] for r in found) == ["Kami belum ", "Kasus ini t", "Pasien TERI"]


def test_a_plan_uses_the_rarest_trigrams_and_verifies_the_word() -> None:
    from claims.fts import rarest_trigrams, trigram_plan

    plan = trigram_plan(["teridentifikasi"])
    assert plan.verify == ["teridentifikasi"]
    grams = rarest_trigrams("teridentifikasi")
    assert plan.expression == " ".join(f'"{g}"' for g in grams)
    assert "ter" not in grams and "asi" not in grams  # the commonest trigrams are skipped
    assert len(grams) == 2 and abs("teridentifikasi".index(grams[0])
                                   - "teridentifikasi".index(grams[1])) >= 3
    # short, common or non-ASCII words stay phrases: nothing to gain, or folding to respect
    for words in (["dalam"], ["yang", "akan"], ["Ökonomie"], ["harga-nya"]):
        assert trigram_plan(words).verify == []


def test_outlets_are_listed_by_index_seeks(sqlite_engine) -> None:
    from claims.query import outlets_for, stored_outlets

    _store(sqlite_engine, QUOTES)
    with sqlite_engine.connect() as conn:
        assert stored_outlets(conn) == ["Detik", "Kompas", "Tempo"]
        assert outlets_for(conn, "kompas") == ["Kompas"]
        assert outlets_for(conn, "Antara") == []


@pytest.mark.parametrize("args", [
    {"query": "pergerakan", "outlet": "kompas"}, {"query": "identifikasi", "outlet": "Tempo"},
    {"query": "harga", "outlet": "Detik", "pool": 1},
])
def test_outlet_read_first_and_index_walk_agree(sqlite_engine, monkeypatch, args) -> None:
    import claims.query as query

    _store(sqlite_engine, QUOTES)
    with sqlite_engine.connect() as conn:
        narrow = query.search_quotes(conn, query.QuoteFilter(**args))
        monkeypatch.setattr(query, "FILTER_FIRST_MAX", 0)
        walked = query.search_quotes(conn, query.QuoteFilter(**args))
    assert narrow and [r["id"] for r in narrow] == [r["id"] for r in walked]

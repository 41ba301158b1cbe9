"""Speaker identity rules: short forms, name shapes, dominance, aliases after a rename."""

from __future__ import annotations

import pytest
from fixtures.workflows.build import build, load_articles, store
from sqlalchemy import text

from claims.speakers import _dominant, is_short_form, name_like, speaker_key


@pytest.mark.parametrize(("short", "full", "expected"), [
    ("santoso", "budi santoso", True),
    ("sri mulyani", "sri mulyani indrawati", True),
    ("mulyani", "sri mulyani indrawati", False),  # a middle word is no short form
    ("budi santoso", "budi santoso", False),
    ("agus santoso", "budi santoso", False),  # shared surname, different people
])
def test_is_short_form(short: str, full: str, expected: bool) -> None:
    assert is_short_form(tuple(short.split()), tuple(full.split())) is expected


@pytest.mark.parametrize(("key", "expected"), [
    ("m. chatib basri", True), ("sri mulyani indrawati", True),
    ("indonesia.perry warjiyo", False), ("apbn. sri mulyani", False),
])
def test_name_like(key: str, expected: bool) -> None:
    assert name_like(tuple(key.split())) is expected


@pytest.mark.parametrize(("fits", "weights", "expected"), [
    ([1], {1: 1}, 1),
    ([], {}, None),
    ([1, 2], {1: 300, 2: 4}, 1),  # a famous name against a mis-split variant
    ([1, 2], {1: 5, 2: 4}, None),  # two real candidates: ambiguous, keep apart
])
def test_dominant(fits, weights, expected) -> None:
    assert _dominant(fits, weights) == expected


@pytest.mark.parametrize(("name", "key"), [
    ("Dr. Sri Wahyuni, M.Si.", "sri wahyuni"),
    ("  AKBP Agus Santoso ", "agus santoso"),
    ("Prof. Dr. Agus Santoso", "agus santoso"),
    ("Rina  Marlina", "rina marlina"),
])
def test_speaker_key_folds_titles_and_spacing(name: str, key: str) -> None:
    assert speaker_key(name) == key


def test_renamed_speaker_keeps_the_old_name_for_later_ingests(sqlite_engine) -> None:
    from claims.speakers import rename_speaker

    build(sqlite_engine, keys=["detik-polres"])
    with sqlite_engine.begin() as conn:
        rename_speaker(conn, "Agus Santoso", "Agus Budi Santoso", "editor")
    item = next(a for a in load_articles() if a["key"] == "detik-polres")
    store(sqlite_engine, [{**item, "text": item["text"] + "\n", "url": item["url"] + "/2"}])
    with sqlite_engine.connect() as conn:
        names = conn.execute(text("SELECT s.name FROM quote q JOIN speaker s "
                                  "ON s.id = q.speaker_id")).scalars().all()
    assert names == ["Agus Budi Santoso", "Agus Budi Santoso"]


def test_refresh_runs_inside_the_callers_transaction(sqlite_engine) -> None:
    from claims.claims_db import refresh_claims

    store(sqlite_engine, load_articles())
    with sqlite_engine.begin() as conn:
        summary = refresh_claims(conn)
        assert summary.claims == conn.execute(text("SELECT count(*) FROM claim")).scalar()
    assert summary.multi_outlet == 3 and summary.relations == {
        "identical": 3, "substantive": 1}
    assert "3 in 2+ outlets" in summary.line()

"""The database opens in Datasette with full-text search and no configuration."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from fixtures.workflows.build import build

datasette = pytest.importorskip("datasette")


@pytest.fixture
def wf_db(sqlite_engine, db_path: Path) -> Path:  # type: ignore[no-untyped-def]
    build(sqlite_engine)
    sqlite_engine.dispose()
    return db_path


def test_datasette_detects_the_quote_fts_table(wf_db: Path) -> None:
    from datasette.utils import detect_fts

    with sqlite3.connect(wf_db) as conn:
        assert detect_fts(conn, "quote") == "quote_fts"


def _get(ds, path: str):  # type: ignore[no-untyped-def]
    async def fetch():  # type: ignore[no-untyped-def]
        await ds.invoke_startup()
        return await ds.client.get(path)

    return asyncio.run(fetch())


def test_search_and_canned_queries_through_datasette(wf_db: Path) -> None:
    from datasette.app import Datasette

    from claims.datasette import METADATA_FILE, metadata_for

    ds = Datasette([str(wf_db)], metadata=metadata_for(wf_db.stem))
    found = _get(ds, f"/{wf_db.stem}/quote.json?_search=bendungan&_shape=array")
    assert found.status_code == 200
    assert {"Antara", "Republika"} == {a for a in _article_outlets(wf_db, found.json())}
    for name in ("most_quoted_speakers", "claims_in_several_outlets", "open_reviews"):
        page = _get(ds, f"/{wf_db.stem}/{name}.json?_shape=array")
        assert page.status_code == 200, name
    several = _get(ds, f"/{wf_db.stem}/claims_in_several_outlets.json?_shape=array")
    assert max(r["n_outlets"] for r in several.json()) == 3
    meta = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    assert meta["title"] and meta["source"] and meta["license"]


def _article_outlets(db: Path, rows: list[dict]) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [conn.execute("SELECT outlet FROM article WHERE id = ?",
                             (r["article_id"],)).fetchone()[0] for r in rows]

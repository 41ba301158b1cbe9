"""Shared fixtures: fresh databases built through the real migrations.

``db`` is parametrized over the backends: SQLite always, PostgreSQL when
``CLAIMS_TEST_PG_URL`` names a server (``.ci/run`` starts a throwaway one).
Tests that only make sense on SQLite use ``db_path``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "sample.jsonl"
SEED = REPO / "tests" / "fixtures" / "seed" / "cnnindonesia-nato-indopasifik.txt"
SHARED = REPO.parent / "shared"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def parse_pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small parse chunks, so that a test corpus of a few dozen articles is parsed by a
    worker pool as a large one would be; the list gets each pool's worker count, for the
    test to assert that a pool really ran."""
    from concurrent.futures import ProcessPoolExecutor

    import claims.ingest

    started: list[int] = []

    def counted(workers: int, **options: object) -> ProcessPoolExecutor:
        started.append(workers)
        return ProcessPoolExecutor(workers, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(claims.ingest, "PARSE_CHUNK", 8)
    monkeypatch.setattr(claims.ingest, "ProcessPoolExecutor", counted)
    return started


PG_URL = os.environ.get("CLAIMS_TEST_PG_URL")
_pg_ready: list[bool] = []


def _reset_postgres(url: str) -> None:
    """Migrate once per session, then empty every table (much faster than a new database)."""
    from sqlalchemy import text

    from claims.db import make_engine, upgrade

    engine = make_engine(url)
    if not _pg_ready:  # a clean schema from the migrations of this checkout
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(url)
        _pg_ready.append(True)
    with engine.begin() as conn:
        tables = conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'")).scalars().all()
        if tables:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database as a ``--db`` value, on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "claims.db")
    if not PG_URL:
        pytest.skip("CLAIMS_TEST_PG_URL not set (no PostgreSQL server)")
    _reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def engine(db: str):  # type: ignore[no-untyped-def]
    """An engine on a fresh database, on each backend."""
    from claims.db import open_engine

    eng = open_engine(db)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(db_path: Path):  # type: ignore[no-untyped-def]
    """An engine on a fresh SQLite file (for SQLite-only behaviour: pragmas, FTS5)."""
    from claims.db import open_engine

    eng = open_engine(db_path)
    yield eng
    eng.dispose()


def invoke(runner: CliRunner, *args: str | Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """Run the CLI in-process and return the result (stdout and stderr kept apart)."""
    from claims.cli import app

    return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)


@pytest.fixture
def wf_engine(engine):  # type: ignore[no-untyped-def]
    """The workflows fixture database (tests/fixtures/workflows), on each backend."""
    from fixtures.workflows.build import build

    build(engine)
    return engine


@pytest.fixture
def wf_db(wf_engine, db: str) -> str:  # type: ignore[no-untyped-def]
    """``--db`` value of the workflows fixture database, on each backend."""
    return db

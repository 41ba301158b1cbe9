"""Shared fixtures: fresh databases built through the real migrations."""

from __future__ import annotations

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
def engine(db_path: Path):  # type: ignore[no-untyped-def]
    from claims.db import open_engine

    eng = open_engine(db_path)
    yield eng
    eng.dispose()


def invoke(runner: CliRunner, *args: str | Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """Run the CLI in-process and return the result (stdout and stderr kept apart)."""
    from claims.cli import app

    return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)

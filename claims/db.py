"""Engine setup and schema upgrades.

Every SQLite connection gets foreign keys on, WAL, ``synchronous=NORMAL`` and a
busy timeout, so the CLI and notebooks can read while an ingest writes. The
schema belongs to Alembic: opening a database that is behind head upgrades it.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError

import claims.models  # noqa: F401  (registers the tables on the metadata)
from claims.errors import ClaimsError

BUSY_TIMEOUT_MS = 30_000
REPO_ROOT = Path(__file__).resolve().parent.parent


def to_url(db: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL from a file path or a URL (``postgresql+psycopg://...``)."""
    db = os.fspath(db)
    if "://" in db:
        return db
    if db == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # The sqlite3 driver ignores PRAGMA foreign_keys inside a transaction, so
    # set everything on connect, before SQLAlchemy begins one.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(db: str | os.PathLike[str], *, foreign_keys: bool = True) -> Engine:
    """A configured engine (no schema changes). ``foreign_keys=False`` is for migrations."""
    url = to_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        if not foreign_keys:
            event.listen(engine, "connect",
                         lambda c, _r: c.execute("PRAGMA foreign_keys=OFF"))
        return engine
    return create_engine(url, pool_pre_ping=True)


def shared_dir(name: str) -> Path:
    """``name`` (``alembic``, ``data``) at the root of the source tree, or else the copy that an
    install that is not editable puts under ``<prefix>/share/claims`` (setup.py)."""
    installed = Path(sys.prefix) / "share" / "claims" / name
    # installed, the package's parent is site-packages (where "alembic" is the library)
    source_tree = (REPO_ROOT / "pyproject.toml").exists()
    return installed if not source_tree and installed.exists() else REPO_ROOT / name


def alembic_dir() -> Path:
    """The migrations folder: $CLAIMS_ALEMBIC_DIR, else ``alembic/`` of the source tree or of
    the install (see ``shared_dir``)."""
    override = os.environ.get("CLAIMS_ALEMBIC_DIR")
    path = Path(override) if override else shared_dir("alembic")
    if not (path / "env.py").exists():
        raise RuntimeError(f"alembic migrations not found at {path}; install claims from its "
                           "source tree (pip install -e .) or set CLAIMS_ALEMBIC_DIR")
    return path


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    """An Alembic Config pointing at our migrations and the given database."""
    from alembic.config import Config

    ini = REPO_ROOT / "alembic.ini"
    cfg = Config(str(ini)) if ini.exists() else Config()
    cfg.set_main_option("script_location", str(alembic_dir()))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@cache
def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: str | os.PathLike[str], revision: str = "head") -> str | None:
    """Run migrations up to ``revision``; returns the revision now current."""
    from alembic import command

    url = to_url(db)
    command.upgrade(alembic_config(url), revision)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return current_revision(conn)
    finally:
        engine.dispose()


def open_engine(db: str | os.PathLike[str], *, upgrade_schema: bool = True) -> Engine:
    """An engine for ``db``, upgraded to head first when it is behind (or new)."""
    url = to_url(db)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    if upgrade_schema:
        try:
            with engine.connect() as conn:
                behind = current_revision(conn) != head_revision()
        except DatabaseError as error:  # no server, wrong password, not a database file
            engine.dispose()
            reason = str(error.orig or error).strip().splitlines()[0]
            where = make_url(url).render_as_string(hide_password=True)
            raise DatabaseUnavailable(f"cannot open the database {where}: {reason}") from None
        if behind:
            upgrade(url)
    return engine


class DatabaseUnavailable(ClaimsError):
    """The database named by --db / CLAIMS_DB cannot be reached or opened."""

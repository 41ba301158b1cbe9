"""audit_log append-only; FTS re-index only when indexed columns change

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-26

- Two SQLite triggers refuse UPDATE and DELETE on audit_log: the editorial history can only grow.
- quote_au re-indexes a quote only when text, role or affiliation change, so regrouping claims
  (quote.claim_id, quote.relation) or merging speakers does not rewrite the full-text index.
"""
from collections.abc import Sequence

from alembic import op
from claims.fts import FTS_COLUMNS, FTS_TABLE

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_cols = ", ".join(FTS_COLUMNS)
_new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
_old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)


def _quote_au(columns: str) -> str:
    return f"""CREATE TRIGGER quote_au AFTER UPDATE {columns}ON quote BEGIN
    INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_cols}) VALUES ('delete', old.id, {_old});
    INSERT INTO {FTS_TABLE}(rowid, {_cols}) VALUES (new.id, {_new});
END"""


APPEND_ONLY = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: record a new entry instead');
END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END""",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for stmt in APPEND_ONLY:
        bind.exec_driver_sql(stmt)
    bind.exec_driver_sql("DROP TRIGGER IF EXISTS quote_au")
    bind.exec_driver_sql(_quote_au(f"OF {_cols} "))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    bind.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
    bind.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
    bind.exec_driver_sql("DROP TRIGGER IF EXISTS quote_au")
    bind.exec_driver_sql(_quote_au(""))

"""audit_log append-only; FTS re-index only when indexed columns change

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-26

- Triggers refuse UPDATE and DELETE on audit_log (SQLite and PostgreSQL): the editorial history
  can only grow.
- quote_au re-indexes a quote only when text, role or affiliation change, so regrouping claims
  (quote.claim_id, quote.relation) or merging speakers does not rewrite the full-text index.
"""
from collections.abc import Sequence

from alembic import op
from claims.auditlog import APPEND_ONLY_DDL, APPEND_ONLY_DROP
from claims.fts import sqlite_quote_au

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    for stmt in APPEND_ONLY_DDL.get(bind.dialect.name, []):
        bind.exec_driver_sql(stmt)
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS quote_au")
        bind.exec_driver_sql(sqlite_quote_au(indexed_columns_only=True))


def downgrade() -> None:
    bind = op.get_bind()
    for stmt in APPEND_ONLY_DROP.get(bind.dialect.name, []):
        bind.exec_driver_sql(stmt)
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS quote_au")
        bind.exec_driver_sql(sqlite_quote_au(indexed_columns_only=False))

"""article.url_key: the url normalised for dedupe (claims.urls.url_key), unique

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

Ingest deduped on the url as written, so the same page re-scraped as
``http://``/``https://``, with ``www.``, a trailing slash, ``?utm_source=…`` or as its AMP
copy was stored again when its text had changed at all. The writer now dedupes on
``url_key``. Existing rows are keyed here; where two stored articles share a key (stored
before this check existed) the first keeps it and the later ones get none, so nothing is
deleted and the unique index holds.

A plain ADD COLUMN and CREATE INDEX (no batch "move and copy"), so nothing else is rebuilt.
"""
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op
from claims.urls import url_key

revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PAGE = 5_000


def upgrade() -> None:
    op.add_column('article', sa.Column('url_key', sa.String(), nullable=True))
    bind = op.get_bind()
    keyed: set[str] = set()
    last = 0
    while True:
        rows = bind.execute(sa.text(
            "SELECT id, url FROM article WHERE url IS NOT NULL AND id > :last ORDER BY id "
            "LIMIT :page"), {"last": last, "page": _PAGE}).all()
        if not rows:
            break
        last = rows[-1][0]
        updates = []
        for article_id, url in rows:
            key = url_key(url)
            if key is not None and key not in keyed:
                keyed.add(key)
                updates.append({"id": article_id, "key": key})
        if updates:
            bind.execute(sa.text("UPDATE article SET url_key = :key WHERE id = :id"), updates)
    op.create_index('ix_article_url_key', 'article', ['url_key'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_article_url_key', table_name='article')
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE article DROP COLUMN url_key")  # native: no table copy
    else:
        op.drop_column('article', 'url_key')

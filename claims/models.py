"""Database tables (SQLModel). Alembic owns the schema: see ``alembic/versions``.

Every table here is created by a migration, never by ``create_all`` on a real
database. Column types are portable (SQLite and PostgreSQL); dialect-specific
DDL (the full-text index) lives in ``claims.fts``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

# Constraint names must be deterministic: SQLite cannot drop unnamed ones, and
# batch migrations rely on names. Set before any table is declared.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    """One article, stored once per distinct text (sha256)."""

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(unique=True, max_length=64)
    url: str | None = Field(default=None, unique=True)
    #: ``claims.urls.url_key(url)``: the same page under another spelling is a duplicate
    url_key: str | None = Field(default=None, unique=True, index=True)
    source_id: str | None = Field(default=None, index=True)
    outlet: str | None = Field(default=None, index=True)
    title: str | None = None
    lang: str | None = Field(default=None, max_length=8)
    published: date | None = Field(default=None, index=True)
    text: str
    ingested_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    parser_version: str


class Speaker(SQLModel, table=True):
    """A canonical speaker: a person, an organisation speaking as a body, or an anonymous source."""

    id: int | None = Field(default=None, primary_key=True)
    name: str
    key: str = Field(unique=True)
    kind: str = Field(default="person", max_length=16)


class SpeakerAlias(SQLModel, table=True):
    """Other keys that resolve to a speaker (short forms, merged duplicates)."""

    __tablename__ = "speaker_alias"

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="CASCADE"),
                                             nullable=False, index=True))
    alias: str
    key: str = Field(unique=True)


class Claim(SQLModel, table=True):
    """One statement carried by one or more articles (its appearances are quotes)."""

    id: int | None = Field(default=None, primary_key=True)
    text: str
    speaker_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="SET NULL"),
                                       index=True))
    first_quote_id: int | None = None
    first_seen: date | None = None
    n_articles: int = 1
    n_outlets: int = 1
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))


class Quote(SQLModel, table=True):
    """A quotation: exactly ``article.text[start:end]``, with its attribution."""

    __table_args__ = (
        UniqueConstraint("article_id", "start", "end"),
        # a speaker's quotes newest first, read from the index alone (no quote row touched)
        Index("ix_quote_speaker_day", "speaker_id", "day", "id"),
        Index("ix_quote_day", "day", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"),
                                             nullable=False))
    speaker_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="SET NULL"),
                                       index=True))
    text: str
    start: int
    end: int
    kind: str = Field(default="direct", max_length=16)
    cue: str | None = None
    mention: str | None = None
    resolution: str = Field(default="none", max_length=16)
    role: str | None = None
    affiliation: str | None = None
    via: str | None = None
    said_on: date | None = Field(default=None, index=True)
    #: the day the words were said, else the article's publication day (said_on or
    #: article.published, kept here so that date order and date filters need no join)
    day: date | None = None
    confidence: float = 0.0
    claim_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("claim.id", ondelete="SET NULL"),
                                       index=True))
    relation: str | None = Field(default=None, max_length=16)


class Review(SQLModel, table=True):
    """The current verdict on a quote or a claim; every change is in ``audit_log``."""

    __table_args__ = (UniqueConstraint("target_type", "target_id"),)

    id: int | None = Field(default=None, primary_key=True)
    target_type: str = Field(max_length=8)  # quote | claim
    target_id: int
    verdict: str = Field(default="unreviewed", max_length=16)
    note: str | None = None
    reviewer: str | None = None
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))


class AuditLog(SQLModel, table=True):
    """Append-only record of every editorial change (verdicts, merges, renames)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_target", "target_type", "target_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    actor: str | None = None
    action: str = Field(max_length=32)
    target_type: str = Field(max_length=8)
    target_id: int
    old: dict[str, Any] | None = Field(default=None, sa_type=JSONType)
    new: dict[str, Any] | None = Field(default=None, sa_type=JSONType)

"""Plain records the readers yield.

Readers never talk to the database; everything they produce is a picklable dataclass so
that ingest can fan the stream out to worker processes and report problems uniformly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class SourceArticle:
    """One article as read from the input, before any parsing."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    lang: str | None = None
    source_id: str | None = None
    origin: str = ""


@dataclass(slots=True)
class ReadProblem:
    """Something in the input that did NOT become an article.

    ``fatal`` means nothing (more) of that file was read; otherwise only the one line/row named
    in ``origin`` was lost.
    """

    origin: str
    reason: str
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class ReadWarning:
    """Something the user should know although every article was still read.

    Kept separate from ``ReadProblem`` so that "articles lost" can be counted by type alone
    (e.g. text decoded as cp1252 instead of UTF-8).
    """

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: warning: {self.reason}"


@dataclass(slots=True, frozen=True)
class FieldMap:
    """Column/field names chosen by the user (``--text-col`` ...); None means "auto-detect"."""

    text: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    id: str | None = None
    lang: str | None = None


class ReadError(Exception):
    """Raised in strict mode at the first problem; carries the problem for callers."""

    def __init__(self, problem: ReadProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


ReadItem = SourceArticle | ReadProblem | ReadWarning

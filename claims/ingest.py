"""The ingest pipeline: read -> parse (pure) -> write in batches (one writer).

Each batch is one transaction, so an interrupted run leaves only whole
articles behind and a rerun completes the rest (duplicates are skipped by
text hash and url).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Engine

from claims.parse import PARSER_VERSION, ParsedArticle, parse_article
from claims.readers import ReadProblem, ReadWarning, SourceArticle, read_articles
from claims.store import BatchResult, write_batch

DEFAULT_BATCH = 500


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did; printed at the end of every run."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    quotes: int = 0
    failed: list[ReadProblem] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.added} articles added, {self.duplicates} duplicates skipped, "
                f"{len(self.failed)} failed, {self.quotes} quotes stored")


def parse_source(src: SourceArticle) -> ParsedArticle:
    """Parse one input article with its metadata (pure, picklable in and out)."""
    return parse_article(src.text, lang=src.lang, outlet=src.outlet,
                         published=src.published, url=src.url)


def _batches(items: Iterable[SourceArticle], size: int) -> Iterator[list[SourceArticle]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest_sources(
    engine: Engine,
    items: Iterable[SourceArticle | ReadProblem | ReadWarning],
    *,
    batch_size: int = DEFAULT_BATCH,
    on_problem: Callable[[ReadProblem | ReadWarning], None] | None = None,
    on_batch: Callable[[int, IngestSummary], None] | None = None,
) -> IngestSummary:
    """Parse and store articles; read problems are collected, never fatal to the run."""
    summary = IngestSummary()

    def articles() -> Iterator[SourceArticle]:
        for item in items:
            if isinstance(item, ReadProblem | ReadWarning):
                if isinstance(item, ReadProblem):
                    summary.failed.append(item)
                else:
                    summary.warnings.append(item)
                if on_problem:
                    on_problem(item)
            else:
                summary.read += 1
                yield item

    for batch in _batches(articles(), batch_size):
        parsed = [(src, parse_source(src)) for src in batch]
        with engine.begin() as conn:
            result: BatchResult = write_batch(conn, parsed, PARSER_VERSION)
        summary.added += result.added
        summary.duplicates += result.duplicates
        summary.quotes += result.quotes
        if on_batch:
            on_batch(len(batch), summary)
    return summary


def ingest_paths(engine: Engine, paths: Iterable[str], **read_options: Any) -> IngestSummary:
    """Read files (txt, jsonl, csv, html, gz, directories, '-') and ingest them."""
    return ingest_sources(engine, read_articles(list(paths), **read_options))

"""The ingest pipeline: read -> parse (pure, in worker processes) -> write in batches.

One process writes; ``workers`` processes parse. Parsing is fanned out in small chunks with
a bounded number in flight, and results come back in input order, so memory stays flat
whatever the corpus size and the rows of a run do not depend on the worker count.

Each batch is one transaction, so an interrupted run leaves only whole articles (with all
their quotes) behind and a rerun completes the rest: texts and urls already stored are
skipped as duplicates. ``reparse`` runs the current parser over stored articles written by an
older one, keeping the ids (and so the reviews) of quotes whose span did not change.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
import queue
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Engine, select

from claims.models import Article
from claims.parse import PARSER_VERSION, ParsedArticle, parse_article
from claims.readers import (
    ReadError,
    ReadProblem,
    ReadWarning,
    SourceArticle,
    files_in,
    format_of,
    read_articles,
)
from claims.store import (
    BatchResult,
    ReparseResult,
    known_articles,
    reparse_batch,
    text_sha256,
    write_batch,
)
from claims.urls import url_key

DEFAULT_BATCH = 500
#: Articles per task sent to a worker: big enough to amortise the pool's per-task cost in the
#: parent (futures, queue threads, wake-ups), small enough to keep every worker busy. The
#: parent's CPU per article, which it takes from the workers' cores: 29 µs with 32-article
#: chunks, 22 µs with 64, 18-20 µs with 128 and 256 (compiled parser, 2 workers).
PARSE_CHUNK = 128
#: Chunks in flight per worker; bounds memory while keeping workers fed. The writer stops
#: submitting while it commits a batch (DEFAULT_BATCH articles, ~0.15 s with the full-text
#: index), so each worker needs more queued work than that: 96 articles left them idle
#: (8,000 articles: 8.1 s), 384 keep them busy (6.4 s); 4 chunks are 512 articles per
#: worker, about 1,000 articles (a few MB) in flight with 2 workers.
IN_FLIGHT_PER_WORKER = 4
#: Batches handed to the writer thread that may wait while it commits the one before: memory
#: stays flat (at most this many batches more than a synchronous writer holds).
WRITE_QUEUE_DEPTH = 1
#: Articles looked up at once when skipping those already stored, before parsing.
LOOKUP_CHUNK = 256
#: Failures kept with their reasons for the summary; beyond this only counted.
MAX_KEPT_PROBLEMS = 10_000

T = TypeVar("T", bound="HasText")
B = TypeVar("B")
R = TypeVar("R")


class HasText(Protocol):
    text: str


@dataclass(slots=True)
class ParseFailure:
    """The parser raised on one article: the article is reported, not stored."""

    reason: str


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did; printed at the end of every run."""

    read: int = 0
    seen: int = 0
    added: int = 0
    duplicates: int = 0
    quotes: int = 0
    n_failed: int = 0
    failed: list[ReadProblem] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    stopped: ReadProblem | None = None
    #: What regrouping claims after the ingest did (None when nothing new was stored).
    claims: Any = None

    def fail(self, problem: ReadProblem) -> None:
        self.n_failed += 1
        if len(self.failed) < MAX_KEPT_PROBLEMS:
            self.failed.append(problem)

    def warn(self, warning: ReadWarning) -> None:
        if len(self.warnings) < MAX_KEPT_PROBLEMS:
            self.warnings.append(warning)

    @property
    def processed(self) -> int:
        """Articles written or skipped so far (what the progress bar counts)."""
        return self.added + self.duplicates

    def line(self) -> str:
        return (f"{self.added} articles added, {self.duplicates} duplicates skipped, "
                f"{self.n_failed} failed, {self.quotes} quotes stored")

    def failure_lines(self, limit: int = 20) -> list[str]:
        """The failures as 'origin: reason' lines, the first ``limit`` of them."""
        lines = [str(problem) for problem in self.failed[:limit]]
        if self.n_failed > len(lines):
            lines.append(f"... and {self.n_failed - len(lines)} more")
        return lines


# --- parsing (pure, runs in workers) ------------------------------------------------------


def parse_source(src: SourceArticle) -> ParsedArticle:
    """Parse one input article with its metadata (pure, picklable in and out)."""
    return parse_article(src.text, lang=src.lang, outlet=src.outlet,
                         published=src.published, url=src.url)


def parse_chunk(chunk: Sequence[T], parse: Callable[[T], ParsedArticle],
                ) -> list[ParsedArticle | ParseFailure]:
    """Parse a chunk; a parser exception costs that one article, never the run.

    The article text is not sent back when the parser kept it unchanged (the caller still
    has it): for long articles that halves what crosses the process boundary.
    """
    results: list[ParsedArticle | ParseFailure] = []
    for item in chunk:
        try:
            parsed = parse(item)
        except Exception as error:  # noqa: BLE001 - any parser bug must not stop an ingest
            results.append(ParseFailure(f"parser error: {type(error).__name__}: {error}"))
            continue
        if parsed.text == item.text:
            parsed.text = ""
        results.append(parsed)
    return results


def _restored(chunk: Sequence[T], results: list[ParsedArticle | ParseFailure],
              ) -> Iterator[tuple[T, ParsedArticle | ParseFailure]]:
    for item, result in zip(chunk, results, strict=True):
        if isinstance(result, ParsedArticle) and not result.text:
            result.text = item.text
        yield item, result


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def default_workers() -> int:
    """One parser process per core (the writer mostly waits on SQLite)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def _pool_context() -> Any:
    """fork where available: workers start in milliseconds with the parser already imported.

    Safe here because the pool starts before any thread (e.g. a progress refresher) exists.
    """
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def parsed_stream(
    items: Iterable[T],
    parse: Callable[[T], ParsedArticle],
    *,
    workers: int = 1,
    chunk_size: int | None = None,
) -> Iterator[tuple[T, ParsedArticle | ParseFailure]]:
    """Yield ``(item, parse result)`` in input order, parsing in ``workers`` processes.

    At most ``workers * IN_FLIGHT_PER_WORKER`` chunks are in flight, so a million-article
    input never sits in memory; ``workers <= 1`` parses in this process, without a pool, and
    so does an input of one chunk (``chunk_size``, default ``PARSE_CHUNK``) or less.
    """
    chunks = _chunks(items, chunk_size or PARSE_CHUNK)
    head = list(islice(chunks, 2))
    if workers <= 1 or len(head) < 2:  # a pool is not worth starting for one chunk
        for chunk in chain(head, chunks):
            yield from _restored(chunk, parse_chunk(chunk, parse))
        return
    limit = workers * IN_FLIGHT_PER_WORKER
    pool = ProcessPoolExecutor(workers, mp_context=_pool_context())
    finished = False
    try:
        pending: deque[tuple[list[T], Future[list[ParsedArticle | ParseFailure]]]] = deque()
        for chunk in chain(head, chunks):
            pending.append((chunk, pool.submit(parse_chunk, chunk, parse)))
            if len(pending) >= limit:
                done, future = pending.popleft()
                yield from _restored(done, future.result())
        while pending:
            done, future = pending.popleft()
            yield from _restored(done, future.result())
        finished = True
    finally:
        # On an error or Ctrl-C, drop the queued chunks instead of parsing them first.
        pool.shutdown(wait=True, cancel_futures=not finished)


# --- writing (one thread, batches in order) ------------------------------------------------


class BatchWriter(Generic[B, R]):
    """Commits batches one after another in a background thread, in submission order.

    The database does its work with the GIL released (sqlite3 and psycopg both do), so the
    SQL of one batch (mostly the FTS5 index) runs while this process reads, hashes and
    hands the next articles to the parsers: with a fast parser the writing process, not the
    parsers, had set the pace. Each batch is still one transaction; at most
    ``WRITE_QUEUE_DEPTH`` batches wait. Results return to the calling thread through
    ``finished``/``close`` in order, so only the caller touches its summary; an error in the
    thread is raised in the caller at its next call, and no batch after it is written.
    """

    _STOP = object()

    def __init__(self, commit: Callable[[B], R], depth: int = WRITE_QUEUE_DEPTH) -> None:
        self._commit = commit
        self._todo: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._done: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="claims-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (batch := self._todo.get()) is not self._STOP:
            if self._error is not None:
                continue  # drain without writing, so that submit never blocks for ever
            try:
                self._done.put(self._commit(batch))
            except BaseException as error:  # noqa: BLE001 - handed to the caller
                self._error = error

    def submit(self, batch: B) -> None:
        """Queue a batch (waits while ``depth`` batches are already waiting)."""
        self._raise()
        self._todo.put(batch)

    def finished(self) -> Iterator[R]:
        """Results of the batches committed since the last call, in order."""
        while True:
            try:
                yield self._done.get_nowait()
            except queue.Empty:
                break
        self._raise()

    def close(self) -> Iterator[R]:
        """Wait for the queued batches; their results, in order."""
        self._todo.put(self._STOP)
        self._thread.join()
        yield from self.finished()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error


def write_in_batches(items: Iterable[B], batch_size: int,
                     commit: Callable[[list[B]], R], count: Callable[[Iterable[R]], None],
                     ) -> None:
    """Commit ``items`` in batches of ``batch_size`` through a :class:`BatchWriter`, passing
    each batch's result to ``count`` as it finishes; also on an error or Ctrl-C, the batches
    already handed over are committed (each whole) and counted."""
    writer: BatchWriter[list[B], R] = BatchWriter(commit)
    try:
        for batch in _chunks(items, batch_size):
            writer.submit(batch)
            count(writer.finished())
    finally:
        count(writer.close())


# --- ingest ---------------------------------------------------------------------------------


Pair = tuple[SourceArticle, "ParsedArticle | ParseFailure"]


def ingest_sources(
    engine: Engine,
    items: Iterable[SourceArticle | ReadProblem | ReadWarning],
    *,
    batch_size: int = DEFAULT_BATCH,
    workers: int = 1,
    strict: bool = False,
    group_claims: bool = True,
    parse: Callable[[SourceArticle], ParsedArticle] = parse_source,
    on_problem: Callable[[ReadProblem | ReadWarning], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Parse and store articles; problems are collected and reported, never fatal to the run.

    ``on_batch`` runs after each committed batch, ``on_progress`` after each parsed article
    (``summary.seen`` counts them), for a progress display. With ``group_claims`` the new
    quotes are grouped into claims at the end (``claims.claims_db.refresh_claims``).

    With ``strict`` the run stops at the first problem, after storing every article read
    before it (``summary.stopped`` names the problem).
    """
    summary = IngestSummary()
    report = _reporter(summary, on_problem)

    def unknown(sources: Iterable[SourceArticle]) -> Iterator[SourceArticle]:
        for known, source in not_yet_stored(engine, sources):
            if known:
                summary.duplicates += 1
                summary.seen += 1
            else:
                yield source

    articles = _without_problems(items, summary, report, strict)
    pairs = parsed_stream(unknown(articles), parse, workers=workers)
    return _write_stream(engine, summary, pairs, report, batch_size=batch_size, strict=strict,
                         group_claims=group_claims, on_batch=on_batch, on_progress=on_progress)


def ingest_parsed(
    engine: Engine,
    items: Iterable[ReadProblem | ReadWarning | tuple[SourceArticle, ParsedArticle]],
    *,
    batch_size: int = DEFAULT_BATCH,
    strict: bool = False,
    group_claims: bool = True,
    on_problem: Callable[[ReadProblem | ReadWarning], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Store articles parsed elsewhere (a Dask cluster): the same writer as a local ingest."""
    summary = IngestSummary()
    report = _reporter(summary, on_problem)
    pairs = _without_problems(items, summary, report, strict)
    return _write_stream(engine, summary, pairs, report, batch_size=batch_size,
                         strict=strict, group_claims=group_claims, on_batch=on_batch,
                         on_progress=on_progress)


def _without_problems(items: Iterable[Any], summary: IngestSummary,
                      report: Callable[[ReadProblem | ReadWarning], None],
                      strict: bool) -> Iterator[Any]:
    """The articles of a read stream; problems and warnings go to ``report``.

    With ``strict`` the stream ends at the first problem (``summary.stopped`` names it).
    """
    try:
        for item in items:
            if isinstance(item, ReadProblem | ReadWarning):
                report(item)
                if strict and isinstance(item, ReadProblem):
                    summary.stopped = item
                    return
            else:
                summary.read += 1
                yield item
    except ReadError as error:  # strict readers raise at the first problem
        report(error.problem)
        summary.stopped = error.problem


def _reporter(summary: IngestSummary,
              on_problem: Callable[[ReadProblem | ReadWarning], None] | None,
              ) -> Callable[[ReadProblem | ReadWarning], None]:
    def report(item: ReadProblem | ReadWarning) -> None:
        if isinstance(item, ReadProblem):
            summary.fail(item)
        else:
            summary.warn(item)
        if on_problem:
            on_problem(item)
    return report


def _write_stream(
    engine: Engine,
    summary: IngestSummary,
    pairs: Iterable[Pair],
    report: Callable[[ReadProblem | ReadWarning], None],
    *,
    batch_size: int,
    strict: bool,
    group_claims: bool,
    on_batch: Callable[[IngestSummary], None] | None,
    on_progress: Callable[[IngestSummary], None] | None,
) -> IngestSummary:
    """The single writer: parsed articles in batches, one transaction each, then claims."""

    def commit(batch: list[tuple[SourceArticle, ParsedArticle]]) -> BatchResult:
        with engine.begin() as conn:
            return write_batch(conn, batch, PARSER_VERSION)

    def count(results: Iterable[BatchResult]) -> None:
        for result in results:
            summary.added += result.added
            summary.duplicates += result.duplicates
            summary.quotes += result.quotes
            for note in result.notes:
                report(ReadWarning(*note))
            if on_batch:
                on_batch(summary)

    def storable() -> Iterator[tuple[SourceArticle, ParsedArticle]]:
        for src, result in pairs:
            summary.seen += 1
            if on_progress:
                on_progress(summary)
            if isinstance(result, ParseFailure):
                problem = ReadProblem(src.origin, result.reason)
                report(problem)
                if strict:
                    summary.stopped = problem
                    return
                continue
            yield src, result

    write_in_batches(storable(), batch_size, commit, count)
    if group_claims:
        from claims.claims_db import has_ungrouped_quotes, refresh_claims

        # also when nothing was added: a run stopped while grouping left its quotes ungrouped
        if summary.added or has_ungrouped_quotes(engine):
            summary.claims = refresh_claims(engine)
    return summary


def not_yet_stored(engine: Engine, sources: Iterable[SourceArticle],
                   ) -> Iterator[tuple[bool, SourceArticle]]:
    """Pair each article with whether its text or url is already stored.

    Checked before parsing so that a rerun after a crash skips the stored part at reading
    speed; the write still checks again (the parser may change the text, and a duplicate
    inside one run is only known at write time).
    """
    for chunk in _chunks(sources, LOOKUP_CHUNK):
        hashes = [text_sha256(source.text) for source in chunk]
        keys = [url_key(source.url) for source in chunk]
        with engine.connect() as conn:
            known, known_keys = known_articles(conn, hashes, keys)
        for digest, key, source in zip(hashes, keys, chunk, strict=True):
            yield digest in known or bool(key and key in known_keys), source


def ingest_paths(engine: Engine, paths: Iterable[str], **options: Any) -> IngestSummary:
    """Read files (txt, jsonl, csv, html, gz, directories, '-') and ingest them.

    ``options`` are those of :func:`claims.readers.read_articles` (glob, encoding, fields,
    defaults, fmt, strict) and of :func:`ingest_sources` (batch_size, workers, callbacks).
    """
    read_keys = {"glob", "encoding", "fields", "defaults", "fmt"}
    read_options = {key: value for key, value in options.items() if key in read_keys}
    ingest_options = {key: value for key, value in options.items() if key not in read_keys}
    strict = bool(options.get("strict"))
    items = read_articles(list(paths), strict=strict, **read_options)
    return ingest_sources(engine, items, **ingest_options)


# --- progress estimate ---------------------------------------------------------------------

_COUNT_BLOCK = 1 << 20
#: A line opening an object: its indentation is that of the array's elements.
_ELEMENT_LINE = re.compile(rb"\n([ \t]*)\{")


def _count_lines(path: Path) -> int:
    """Lines of a (gzipped) file, counted in blocks: well under a second per 100 MB."""
    lines = 0
    last = b"\n"
    with _open_maybe_gzip(path) as stream:
        while block := stream.read(_COUNT_BLOCK):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def _count_json_elements(path: Path) -> int | None:
    """About how many objects a JSON array holds, at C speed: the lines that open an object
    at the indentation of the array's first such line (pretty-printed, or one object per line
    as Scrapy writes), plus one for a first element on the bracket's line. A document that
    is one object with no such lines counts as one article; a one-line array, none."""
    with _open_maybe_gzip(path) as stream:
        head = stream.read(_COUNT_BLOCK)
        bracket = head.find(b"[")
        element = _ELEMENT_LINE.search(head, bracket) if bracket >= 0 else None
        if element is None:
            return 1 if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" else None
        opening = b"\n" + element.group(1) + b"{"
        inline = head.find(b"{", bracket) < element.start()  # "[{…},\n{…}"
        count, tail, block = 0, b"", head
        while block:
            data = tail + block
            count += data.count(opening)
            tail = data[1 - len(opening):]  # an opening split between two blocks
            block = stream.read(_COUNT_BLOCK)
    return count + inline


def _open_maybe_gzip(path: Path) -> Any:
    with open(path, "rb") as stream:
        gzipped = stream.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else open(path, "rb")  # noqa: SIM115


def _estimate_file(path: Path) -> int | None:
    """None where the type is not known or a count would mean parsing."""
    fmt = format_of(path.name)
    if fmt in ("text", "html"):
        return 1
    if fmt == "jsonl":
        return _count_lines(path)
    if fmt == "csv":
        return max(0, _count_lines(path) - 1)
    if fmt == "json":
        return _count_json_elements(path)
    return None


def estimate_total(paths: Sequence[str], glob: str | None = None) -> int | None:
    """About how many articles ``paths`` hold, for the progress bar's ETA; None if unknown.

    Counts lines, so CSV cells spanning lines overcount; stdin cannot be counted.
    """
    total = 0
    try:
        for name in paths:
            if name == "-":
                return None
            path = Path(name)
            files = files_in(path, glob) if path.is_dir() else [path] if path.is_file() else []
            for file in files:
                count = _estimate_file(file)
                if count is None:
                    return None
                total += count
    except (OSError, EOFError, ValueError):
        return None
    return total


# --- reparse --------------------------------------------------------------------------------


@dataclass(slots=True)
class StoredArticle:
    """An article read back from the database for reparsing (picklable)."""

    id: int
    text: str
    lang: str | None
    outlet: str | None
    published: date | None
    url: str | None


def parse_stored(article: StoredArticle) -> ParsedArticle:
    """The same call as at ingest, so a reparse gives what a fresh ingest would."""
    return parse_article(article.text, lang=article.lang, outlet=article.outlet,
                         published=article.published, url=article.url)


def version_key(version: str) -> tuple[int, ...] | None:
    """``"1.10.2"`` -> (1, 10, 2); None when the version is not dotted numbers."""
    try:
        return tuple(int(part) for part in version.strip().split("."))
    except ValueError:
        return None


def is_older(version: str, current: str = PARSER_VERSION) -> bool:
    """Whether articles parsed by ``version`` need the ``current`` parser.

    Versions that are not numbers count as older when they differ (they cannot be newer
    than a release we know); a newer version is left alone (a newer tool wrote it).
    """
    if version == current:
        return False
    old, new = version_key(version), version_key(current)
    if old is None or new is None:
        return True
    return old < new


@dataclass(slots=True)
class ReparseSummary:
    articles: int = 0
    failed: list[str] = field(default_factory=list)
    result: ReparseResult = field(default_factory=ReparseResult)

    def line(self) -> str:
        r = self.result
        return (f"{self.articles} articles reparsed, {len(self.failed)} failed; quotes: "
                f"{r.unchanged} unchanged, {r.updated} updated, {r.added} added, "
                f"{r.deleted} deleted ({r.reviewed_deleted} of them reviewed)")


def outdated_versions(engine: Engine, current: str = PARSER_VERSION,
                      everything: bool = False) -> list[str]:
    """Parser versions present in the database that ``current`` should replace."""
    with engine.connect() as conn:
        versions = conn.execute(select(Article.parser_version).distinct()).scalars().all()
    if everything:
        return sorted(versions)
    return sorted(v for v in versions if is_older(v, current))


def count_outdated(engine: Engine, versions: Sequence[str]) -> int:
    from sqlalchemy import func

    if not versions:
        return 0
    with engine.connect() as conn:
        query = select(func.count()).select_from(Article).where(
            Article.parser_version.in_(versions))
        return int(conn.scalar(query) or 0)


def _stored_articles(engine: Engine, versions: Sequence[str], page: int,
                     ) -> Iterator[StoredArticle]:
    """Outdated articles by id, one page per short read (keyset: flat memory, no long cursor)."""
    last_id = 0
    columns = (Article.id, Article.text, Article.lang, Article.outlet, Article.published,
               Article.url)
    while True:
        with engine.connect() as conn:
            rows = conn.execute(
                select(*columns).where(Article.parser_version.in_(versions), Article.id > last_id)
                .order_by(Article.id).limit(page)).all()
        if not rows:
            return
        for row in rows:
            yield StoredArticle(*row)
        last_id = rows[-1][0]


def reparse(
    engine: Engine,
    *,
    everything: bool = False,
    batch_size: int = DEFAULT_BATCH,
    workers: int = 1,
    parse: Callable[[StoredArticle], ParsedArticle] = parse_stored,
    parser_version: str = PARSER_VERSION,
    on_batch: Callable[[ReparseSummary], None] | None = None,
) -> ReparseSummary:
    """Re-run the parser over articles stored by an older one (all of them with ``everything``).

    Quotes keep their row id when (article, start, end) is unchanged, so reviews stay
    attached; vanished quotes are deleted and counted (reviewed ones separately). Each batch
    is one transaction and marks its articles with ``parser_version``: an interrupted reparse
    resumes where it stopped.
    """
    summary = ReparseSummary()
    versions = outdated_versions(engine, parser_version, everything)
    if not versions:
        return summary
    stored = _stored_articles(engine, versions, batch_size)

    def commit(batch: list[tuple[int, ParsedArticle]]) -> tuple[int, ReparseResult]:
        with engine.begin() as conn:
            return len(batch), reparse_batch(conn, batch, parser_version)

    def count(results: Iterable[tuple[int, ReparseResult]]) -> None:
        for articles, result in results:
            summary.result += result
            summary.articles += articles
            if on_batch:
                on_batch(summary)

    def storable() -> Iterator[tuple[int, ParsedArticle]]:
        for article, result in parsed_stream(stored, parse, workers=workers):
            if isinstance(result, ParseFailure):
                summary.failed.append(f"article {article.id}: {result.reason}")
            elif result.text != article.text:  # offsets would point into a text we do not store
                summary.failed.append(f"article {article.id}: the parser changed the text")
            else:
                yield article.id, result

    write_in_batches(storable(), batch_size, commit, count)
    return summary

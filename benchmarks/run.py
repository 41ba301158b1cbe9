"""One-command benchmark: parse speed, ingest speed, memory, database size, search latency.

    python benchmarks/run.py --corpus ../shared/corpus/id-news.jsonl.gz [--limit N]

Prints a markdown table on stdout (progress on stderr), measuring the ``claims`` this Python
imports: pure Python, or the compiled parser (``CLAIMS_MYPYC=1 pip install .``; the header says
which). Everything is built in a temporary directory that is deleted afterwards. The parse and
ingest measures run ``--repeat`` times (default 3); the best run is reported with the range of
all, since other load on a shared machine only ever slows a run down. Steps:

1. parse articles/s with 1 worker and with N workers (the whole corpus, or a sample spread
   over it with ``--parse-sample``);
2. ``claims ingest`` of the corpus into a fresh SQLite database in a subprocess: articles/s,
   peak RSS (all ingest processes together, sampled), database size; then a second ingest
   of the same corpus, which must add 0 articles and 0 quotes;
3. the database scaled to ``--quotes`` quotes by replicating real quotes under new ids
   (INSERT ... SELECT, full-text index rebuilt once), then ``--queries`` searches through
   ``claims.query.search_quotes``: words and bigrams sampled from stored quotes, with and
   without filters; p50/p95 latency.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import os
import pstats
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

import claims.parse
from claims.ingest import default_workers, parse_source, parsed_stream
from claims.readers import SourceArticle, read_articles

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "id-news.jsonl.gz"
TARGETS = {
    "parse_1": 2000.0, "parse_ratio": 1.7, "ingest": 1000.0, "rss_mb": 300.0, "p95_ms": 50.0,
    "pg_ingest": 500.0,
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- corpus -----------------------------------------------------------------------------------


def articles(corpus: Path, limit: int | None) -> Iterator[SourceArticle]:
    items = (item for item in read_articles([corpus]) if isinstance(item, SourceArticle))
    return islice(items, limit) if limit else items


def spread_sample(corpus: Path, limit: int | None, size: int) -> list[SourceArticle]:
    """Every k-th article, so the sample has the corpus' mix of outlets and lengths."""
    everything = list(articles(corpus, limit))
    if not size or size >= len(everything):
        return everything
    step = len(everything) / size
    return [everything[int(i * step)] for i in range(size)]


def limited_copy(corpus: Path, limit: int, directory: Path) -> Path:
    """The first ``limit`` lines of a (gzipped) JSONL corpus as a plain file."""
    target = directory / f"corpus-{limit}.jsonl"
    opener = gzip.open if corpus.name.endswith(".gz") else open
    with opener(corpus, "rb") as source, target.open("wb") as out:  # type: ignore[operator]
        out.writelines(islice(source, limit))
    return target


# --- parse ------------------------------------------------------------------------------------


@dataclass
class ParseRun:
    per_second: float
    per_cpu_second: float
    quotes: int


def cpu_seconds(children_only: bool = False) -> float:
    """CPU time of this process (unless ``children_only``) and of its reaped children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = children.ru_utime + children.ru_stime
    if not children_only:
        own = resource.getrusage(resource.RUSAGE_SELF)
        total += own.ru_utime + own.ru_stime
    return total


def speed_probe() -> float:
    """CPU seconds of a fixed pure-Python loop: the machine's speed at that moment (a shared
    VM's moves by tens of percent within an hour), to compare runs by; lower is faster."""
    start = time.process_time()
    total = 0
    for i in range(5_000_000):
        total += i
    return time.process_time() - start


def spread(rates: list[float]) -> str:
    """The range of repeated runs, after the best one (nothing for a single run)."""
    if len(rates) < 2:
        return ""
    return f"; runs {min(rates):,.0f}–{max(rates):,.0f}"


def parse_rate(sample: list[SourceArticle], workers: int) -> ParseRun:
    """Articles per wall-clock second and per CPU second through the ingest parse stage.

    The CPU rate is what to compare on a shared machine: wall-clock speed-up needs the
    cores to be free.
    """
    started, cpu = time.perf_counter(), cpu_seconds()
    quotes = sum(len(result.quotes) for _, result in parsed_stream(sample, parse_source,
                                                                    workers=workers)
                 if hasattr(result, "quotes"))
    wall, used = time.perf_counter() - started, cpu_seconds() - cpu
    return ParseRun(len(sample) / wall, len(sample) / used, quotes)


def profile_parser(sample: list[SourceArticle], top: int = 15) -> str:
    """cProfile of the parser over (part of) the sample: where its time goes."""
    profiler = cProfile.Profile()
    profiler.enable()
    for src in sample:
        parse_source(src)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# --- ingest -----------------------------------------------------------------------------------


@dataclass
class RunStats:
    seconds: float
    peak_rss_mb: float
    peak_single_mb: float
    cpu_seconds: float
    stderr: str
    returncode: int


def _memory(process) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(proportional, resident) bytes: PSS counts pages shared by forked workers once."""
    try:
        full = process.memory_full_info()
        return getattr(full, "pss", full.rss), full.rss
    except Exception:  # noqa: BLE001 - no smaps access: fall back to RSS
        rss = process.memory_info().rss
        return rss, rss


def _tree_memory(pid: int) -> tuple[int, int]:
    """(sum of PSS, largest RSS) of a process and its descendants."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    shared, resident = 0, 0
    for process in processes:
        try:
            pss, rss = _memory(process)
        except psutil.NoSuchProcess:
            continue
        shared, resident = shared + pss, max(resident, rss)
    return shared, resident


#: Reading a process's PSS (/proc/PID/smaps) costs ~2-3 ms of CPU per 100 MB: sampled every
#: 50 ms, the three ingest processes lost ~9 % of a 2-core machine to it (22.4 -> 24.4 s). Memory
#: grows and plateaus over seconds, so half a second still finds the peak.
MEMORY_SAMPLE_S = 0.5


def run_measured(command: list[str]) -> RunStats:
    """Run a command, sampling the memory of its whole process tree every ``MEMORY_SAMPLE_S``."""
    started, cpu = time.perf_counter(), cpu_seconds(children_only=True)
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, single = _tree_memory(process.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], single)
            done.wait(MEMORY_SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return RunStats(seconds, peak[0] / 2**20, peak[1] / 2**20, cpu_seconds(True) - cpu, stderr,
                    process.returncode)


def claims_command(*args: str) -> list[str]:
    # -P: the cwd (a checkout) must not shadow the installed claims, compiled or not
    return [sys.executable, "-P", "-c", "from claims.cli import main; main()", *args]


def summary_numbers(stderr: str) -> dict[str, int]:
    match = re.search(r"(\d+) articles added, (\d+) duplicates skipped, (\d+) failed, "
                      r"(\d+) quotes stored", stderr)
    if not match:
        raise RuntimeError(f"no ingest summary in:\n{stderr}")
    added, duplicates, failed, quotes = map(int, match.groups())
    return {"added": added, "duplicates": duplicates, "failed": failed, "quotes": quotes}


def db_size_mb(db: Path) -> float:
    files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    return sum(f.stat().st_size for f in files if f.exists()) / 2**20


# --- search -----------------------------------------------------------------------------------

QUOTE_COLUMNS = ("speaker_id, text, start, \"end\", kind, cue, mention, resolution, role, day, "
                 "affiliation, via, said_on, confidence")


def scale_quotes(db: Path, target: int) -> tuple[int, float]:
    """Replicate articles and their quotes (new ids) until ``target`` quotes; rebuild FTS once.

    Replica articles keep their metadata (outlet, date, title) but not their text: search
    never reads article text, and copying it would only bloat the temp file.
    """
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                       "PRAGMA cache_size=-200000; DROP TRIGGER IF EXISTS quote_ai;")
    base_quotes = conn.execute("SELECT count(*) FROM quote").fetchone()[0]
    max_article = conn.execute("SELECT max(id) FROM article").fetchone()[0]
    copies = 0
    total = base_quotes
    while total < target and base_quotes:
        copies += 1
        offset = copies * max_article
        conn.execute(f"""INSERT INTO article (id, sha256, url, source_id, outlet, title, lang,
                         published, text, ingested_at, parser_version)
                         SELECT id + {offset}, sha256 || '-{copies}', NULL, source_id, outlet,
                                title, lang, published, '', ingested_at, parser_version
                         FROM article WHERE id <= {max_article}""")
        need = target - total
        conn.execute(f"""INSERT INTO quote (article_id, {QUOTE_COLUMNS})
                         SELECT article_id + {offset}, {QUOTE_COLUMNS}
                         FROM quote WHERE article_id <= {max_article}
                         ORDER BY id LIMIT {need}""")
        total = conn.execute("SELECT count(*) FROM quote").fetchone()[0]
    conn.commit()
    log(f"replicated to {total:,} quotes; rebuilding the full-text index")
    conn.execute("INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')")
    conn.commit()
    conn.close()
    # put the trigger back so the database is exactly the application's schema
    from sqlalchemy import create_engine

    from claims.fts import SQLITE_DDL

    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as connection:
        connection.exec_driver_sql(SQLITE_DDL[1])
    engine.dispose()
    return total, time.perf_counter() - started


@dataclass
class Query:
    kind: str
    query: str | None = None
    outlet: str | None = None
    since: date | None = None
    speaker: str | None = None


def query_mix(db: Path, count: int, seed: int = 5) -> list[Query]:
    """Words and bigrams sampled from stored quotes, some with outlet/date/speaker filters."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    texts = [row[0] for row in conn.execute(
        "SELECT text FROM quote WHERE id IN (SELECT id FROM quote ORDER BY random() LIMIT 2000)")]
    outlets = [row[0] for row in conn.execute(
        "SELECT DISTINCT outlet FROM article WHERE outlet IS NOT NULL")]
    speakers = [row[0] for row in conn.execute(
        "SELECT s.name FROM speaker s JOIN quote q ON q.speaker_id = s.id "
        "GROUP BY s.id ORDER BY count(*) DESC LIMIT 200")]
    conn.close()
    words_per_quote = [re.findall(r"\w{4,}", text) for text in texts]
    words_per_quote = [words for words in words_per_quote if len(words) >= 2]
    mix: list[Query] = []
    kinds = (["word"] * 8 + ["bigram"] * 5 + ["word+outlet"] * 3 + ["word+since"] * 2
             + ["speaker"] * 2)
    for _ in range(count):
        kind = rng.choice(kinds if speakers else [k for k in kinds if k != "speaker"])
        words = rng.choice(words_per_quote)
        at = rng.randrange(len(words) - 1)
        if kind == "bigram":
            mix.append(Query(kind, f"{words[at]} {words[at + 1]}"))
        elif kind == "word+outlet" and outlets:
            mix.append(Query(kind, words[at], outlet=rng.choice(outlets)))
        elif kind == "word+since":
            mix.append(Query(kind, words[at], since=date(2020, 1, 1)))
        elif kind == "speaker":
            mix.append(Query(kind, speaker=rng.choice(speakers)))
        else:
            mix.append(Query("word", words[at]))
    return mix


def search_latencies(db: Path, mix: list[Query], limit: int = 50,
                     ) -> dict[str, list[float]]:
    """Milliseconds per query through claims.query.search_quotes, by kind and overall."""
    from sqlalchemy import create_engine

    from claims.query import QuoteFilter, search_quotes

    engine = create_engine(f"sqlite:///{db}")
    timings: dict[str, list[float]] = {"all": []}
    with engine.connect() as conn:
        search_quotes(conn, QuoteFilter(query="warmup", limit=limit))
        for q in mix:
            started = time.perf_counter()
            search_quotes(conn, QuoteFilter(query=q.query, outlet=q.outlet, since=q.since,
                                            speaker=q.speaker, limit=limit))
            elapsed = (time.perf_counter() - started) * 1000
            timings["all"].append(elapsed)
            timings.setdefault(q.kind, []).append(elapsed)
    engine.dispose()
    return timings


def percentile(values: list[float], p: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


# --- report -----------------------------------------------------------------------------------


def pg_ingest(url: str, corpus: Path, workers: int) -> tuple[float, tuple[int, int], float]:
    """Ingest into an emptied PostgreSQL database: (articles/s, (articles, quotes), seconds)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    run = run_measured(claims_command("db", "upgrade", "--db", url))
    run = run_measured(claims_command("ingest", str(corpus), "--db", url, "--silent",
                                      "--workers", str(workers), "--no-group"))
    with engine.connect() as conn:
        counts = tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                       for t in ("article", "quote"))
    engine.dispose()
    return counts[0] / run.seconds, counts, run.seconds  # type: ignore[return-value]


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--parse-sample", type=int, default=0,
                        help="articles for the parse-speed runs (default 0: all; a short run "
                             "makes the 2-worker figure depend on pool start and drain)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the parse and ingest measures; the best is reported, "
                             "with the range (the machine's other load only ever slows a run)")
    parser.add_argument("--quotes", type=int, default=1_000_000,
                        help="quotes in the search database")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--profile", action="store_true",
                        help="print the parser's cProfile top functions on stderr")
    parser.add_argument("--keep", type=Path, default=None,
                        help="copy the ingested database here before scaling it")
    parser.add_argument("--pg", default=None, metavar="URL",
                        help="also ingest into this PostgreSQL database (its public schema is "
                        "DROPPED and recreated first: use a throwaway database)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1

    rows: list[tuple[str, str, str]] = []
    pg_rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp:
        work = Path(tmp)
        corpus = limited_copy(args.corpus, args.limit, work) if args.limit else args.corpus

        sample = spread_sample(args.corpus, args.limit, args.parse_sample)
        load_before = os.getloadavg()[0]
        probe_before = speed_probe()
        singles, pools = [], []
        for run in range(1, args.repeat + 1):
            log(f"parse {run}/{args.repeat}: {len(sample):,} articles, 1 worker "
                f"(load average {os.getloadavg()[0]:.1f})")
            singles.append(parse_rate(sample, 1))
            log(f"parse: {singles[-1].per_second:,.0f} articles/s; now {args.workers} workers")
            pools.append(parse_rate(sample, args.workers))
            assert singles[-1].quotes == pools[-1].quotes, "worker count changed the parse"
        single = max(singles, key=lambda r: r.per_second)
        pooled = max(pools, key=lambda r: r.per_second)
        one, many = single.per_second, pooled.per_second
        if args.profile:
            log("profiling the parser on 300 articles")
            print(profile_parser(sample[:300]), file=sys.stderr)
        del sample

        db = work / "bench.db"
        ingests = []
        for run in range(1, args.repeat + 1):
            for stale in work.glob("bench.db*"):
                stale.unlink()
            log(f"ingest {run}/{args.repeat}: {corpus} -> fresh database, {args.workers} workers")
            ingests.append(run_measured(claims_command(
                "ingest", str(corpus), "--db", str(db), "--silent", "--workers",
                str(args.workers), "--no-group")))
            log(f"ingest: {ingests[-1].seconds:.1f} s")
        best_ingest = min(ingests, key=lambda r: r.seconds)
        peak_pss = max(r.peak_rss_mb for r in ingests)
        peak_single = max(r.peak_single_mb for r in ingests)
        log("claims: grouping every quote (claims claims rebuild)")
        grouping = run_measured(claims_command("claims", "rebuild", "--db", str(db),
                                               "--silent"))
        log(best_ingest.stderr.strip() or "(silent)")
        # --silent hides the summary; a second, verbose run prints it and checks idempotence
        again = run_measured(claims_command("ingest", str(corpus), "--db", str(db),
                                            "--workers", str(args.workers), "--no-group"))
        second = summary_numbers(again.stderr)
        conn = sqlite3.connect(db)
        n_articles, n_quotes = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                for t in ("article", "quote"))
        conn.close()
        size = db_size_mb(db)
        ingest_rate = n_articles / best_ingest.seconds
        if args.keep:
            shutil.copy(db, args.keep)
        if args.pg:
            log(f"ingest: {corpus} -> fresh PostgreSQL database, {args.workers} workers")
            pg_rate, pg_counts, pg_seconds = pg_ingest(args.pg, corpus, args.workers)
            pg_rows.append(("ingest into a fresh PostgreSQL database",
                         f"{pg_rate:,.0f} articles/s ({pg_counts[0]:,} articles, "
                         f"{pg_counts[1]:,} quotes in {pg_seconds:.1f} s)",
                         f"≥ {TARGETS['pg_ingest']:,.0f}: "
                         f"{verdict(pg_rate >= TARGETS['pg_ingest'])}"))

        log(f"search: scaling to {args.quotes:,} quotes")
        scaled, build_seconds = scale_quotes(db, args.quotes)
        mix = query_mix(db, args.queries)
        log(f"search: {len(mix)} queries")
        timings = search_latencies(db, mix)

    p50, p95 = percentile(timings["all"], 50), percentile(timings["all"], 95)
    load_after = os.getloadavg()[0]
    probe_after = speed_probe()
    # Wall-clock speed-up needs idle cores; CPU efficiency times workers is what they would give.
    projected = args.workers * pooled.per_cpu_second / single.per_cpu_second
    rows += [
        ("parse, 1 worker", f"{one:,.0f} articles/s ({single.per_cpu_second:,.0f} per CPU-s)"
         + spread([r.per_second for r in singles]),
         f"≥ {TARGETS['parse_1']:,.0f}: {verdict(one >= TARGETS['parse_1'])}"),
        (f"parse, {args.workers} workers",
         f"{many:,.0f} articles/s ({many / one:.2f}×; {pooled.per_cpu_second:,.0f} per CPU-s, "
         f"so {projected:.2f}× on {args.workers} idle cores)"
         + spread([r.per_second for r in pools]),
         f"≥ {TARGETS['parse_ratio']}×: {verdict(many / one >= TARGETS['parse_ratio'])}"),
        ("ingest into a fresh SQLite database",
         f"{ingest_rate:,.0f} articles/s ({n_articles:,} articles, {n_quotes:,} quotes in "
         f"{best_ingest.seconds:.1f} s; {n_articles / best_ingest.cpu_seconds:,.0f} per CPU-s)"
         + spread([n_articles / r.seconds for r in ingests]),
         f"≥ {TARGETS['ingest']:,.0f}: {verdict(ingest_rate >= TARGETS['ingest'])}"),
        *pg_rows,
        ("peak memory during ingest (PSS, all processes)",
         f"{peak_pss:,.0f} MB (largest process RSS {peak_single:,.0f} MB; highest of the runs)",
         f"< {TARGETS['rss_mb']:.0f} MB: {verdict(peak_pss < TARGETS['rss_mb'])}"),
        ("grouping every quote into claims (claims claims rebuild; ingest does it for the "
         "days it touched)", f"{grouping.seconds:.1f} s, peak RSS {grouping.peak_rss_mb:,.0f} MB",
         ""),
        ("database size", f"{size:,.1f} MB", ""),
        ("second ingest of the same corpus",
         f"{second['added']} articles, {second['quotes']} quotes added in "
         f"{again.seconds:.1f} s", f"0 and 0: {verdict(second['added'] == second['quotes'] == 0)}"),
        (f"search p50 / p95 at {scaled:,} quotes",
         f"{p50:.1f} ms / {p95:.1f} ms ({len(mix)} queries)",
         f"p95 < {TARGETS['p95_ms']:.0f} ms: {verdict(p95 < TARGETS['p95_ms'])}"),
    ]
    for kind in sorted(k for k in timings if k != "all"):
        values = timings[kind]
        rows.append((f"  search: {kind} ({len(values)})",
                     f"{percentile(values, 50):.1f} ms / {percentile(values, 95):.1f} ms", ""))
    corpus_name = args.corpus.name + (f" (first {args.limit:,})" if args.limit else "")
    build = "compiled with mypyc" if claims.parse.COMPILED else "pure Python"
    print(f"Benchmark on {corpus_name}, {os.cpu_count()} cores (load average "
          f"{load_before:.1f} at start, {load_after:.1f} at end; speed probe {probe_before:.2f} s "
          f"at start, {probe_after:.2f} s at end: a fixed loop, lower is faster), parser {build}, "
          "parse sample "
          f"{args.parse_sample or 'all'}; best of {args.repeat} runs for parse and ingest; "
          f"search DB built in {build_seconds:.0f} s\n")
    print("| measure | result | target |")
    print("|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

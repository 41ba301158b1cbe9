"""Parser throughput and robustness over a JSONL(.gz) corpus: ``python -m claims.parse.bench``.

Reports articles per second of CPU time on one core (process time, so other processes on a
shared machine inflate it less than wall time), quotes per article, the share of quotes
without a speaker, the most frequent cues, and any exception or offset mismatch.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claims.parse.extract import _parse
from claims.parse.language import get_language

DEFAULT_CORPUS = Path(__file__).parents[3] / "shared" / "corpus" / "id-news.jsonl.gz"


@dataclass
class BenchReport:
    """What one pass over the corpus measured."""

    articles: int = 0
    cpu_seconds: float = 0.0
    quotes: int = 0
    without_speaker: int = 0
    errors: int = 0
    offset_mismatches: int = 0
    cues: Counter[str | None] = field(default_factory=Counter)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0

    def summary(self) -> str:
        share = self.without_speaker / self.quotes if self.quotes else 0.0
        return (
            f"{self.articles} articles, {self.articles_per_second:,.0f} articles/s (CPU), "
            f"{self.quotes} quotes ({self.quotes / max(self.articles, 1):.2f}/article), "
            f"{share:.1%} without speaker, {self.errors} errors, "
            f"{self.offset_mismatches} offset mismatches\n"
            f"top cues: {self.cues.most_common(10)}"
        )


def read_articles(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Articles of a JSONL or JSONL.gz file (at most ``limit``)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            yield json.loads(line)


def run(articles: list[dict[str, Any]], today: date) -> BenchReport:
    """Parse every article once, timing only the parser."""
    report = BenchReport()
    for article in articles:
        text = article.get("text") or ""
        lang = get_language(article.get("lang") or "id")
        published = _date(article.get("date_iso"))
        started = time.process_time()
        try:
            parsed = _parse(text, lang, lang.code, None, published, article.get("url"), today)
        except Exception:  # counted: the contract says this never happens
            report.errors += 1
            continue
        finally:
            report.cpu_seconds += time.process_time() - started
        report.articles += 1
        for quote in parsed.quotes:
            report.quotes += 1
            report.cues[quote.cue] += 1
            report.without_speaker += quote.speaker is None
            report.offset_mismatches += text[quote.start:quote.end] != quote.text
    return report


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}")
        return 1
    articles = list(read_articles(args.corpus, args.limit))
    report = run(articles, date.today())
    print(report.summary())
    return 1 if report.errors or report.offset_mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())

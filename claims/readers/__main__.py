"""``python -m claims.readers PATH...``: read inputs, print problems and a summary.

A dry run for users ("will ingest read my files?") and the speed check for the readers.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from . import ReadProblem, ReadWarning, SourceArticle, read_articles


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claims.readers", description=__doc__)
    parser.add_argument("paths", nargs="+", help="files, directories, or - for stdin")
    parser.add_argument("--glob", help="filter for files inside directories, e.g. '*.jsonl'")
    parser.add_argument("--encoding", help="use this encoding instead of guessing")
    parser.add_argument("--input-format", help="read every input as this format, whatever its "
                        "name says (text, jsonl, json, csv, html)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    articles = problems = warnings = characters = 0
    try:
        items = read_articles(args.paths, glob=args.glob, encoding=args.encoding,
                              fmt=args.input_format)
    except ValueError as error:
        parser.error(str(error))
    for item in items:
        if isinstance(item, SourceArticle):
            articles += 1
            characters += len(item.text)
        elif isinstance(item, ReadProblem):
            problems += 1
            print(item, file=sys.stderr)
        elif isinstance(item, ReadWarning):
            warnings += 1
            print(item, file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"{articles} articles ({characters:,} characters), {problems} problems, "
          f"{warnings} warnings in {elapsed:.2f}s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

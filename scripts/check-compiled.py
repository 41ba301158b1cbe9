"""Check that the compiled parser (setup.py, CLAIMS_MYPYC=1) is the same parser, only faster.

Copies the checkout's tracked files to a scratch folder, compiles ``claims/parse`` there with
mypyc, runs the parser tests against the compiled modules, and compares the compiled parser's
output with the pure-Python parser's on the gold sets and on a sample of the corpus (when
``../shared`` is present): every field of every quote must be equal.

    python scripts/check-compiled.py            # needs mypy (the dev extra) and a C compiler
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SETUPTOOLS_MIN = 77  # license = "MIT" (an SPDX string) in pyproject.toml

# run in a child interpreter with the checkout to test first on sys.path: one JSON line per
# article (its quotes, every field), read from the files named on the command line
DUMP = r"""
import gzip, json, sys
from datetime import date
import claims.parse
from claims.parse import parse_article
print(json.dumps({"compiled": claims.parse.COMPILED}), flush=True)
every = int(sys.argv[1])
for name in sys.argv[2:]:
    opener = gzip.open if name.endswith(".gz") else open
    with opener(name, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if not name.endswith(".gold.jsonl") and n % every:
                continue
            article = json.loads(line)
            published = article.get("published") or article.get("date_iso")
            try:
                published = date.fromisoformat(published[:10]) if published else None
            except ValueError:
                published = None
            parsed = parse_article(article.get("text") or "", lang=article.get("lang"),
                                   published=published, url=article.get("url"),
                                   today=date(2026, 1, 1))
            quotes = [q.to_prediction() for q in parsed.quotes]
            print(json.dumps([parsed.outlet, parsed.lang, quotes], default=str), flush=True)
"""


def inputs(every: int) -> list[str]:
    """The gold sets (whole) and the corpora (every ``every``-th article), when present."""
    found = sorted(str(p) for p in (SHARED / "eval").glob("*.gold.jsonl"))
    found += sorted(str(p) for p in (SHARED / "corpus").glob("*.jsonl.gz")) if every else []
    return found or [str(REPO / "data" / "sample.jsonl")]


def copy_checkout(target: Path) -> None:
    """The checkout's files as they are in the working tree (edits and new files included;
    ignored files such as .venv left out)."""
    command = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    listed = subprocess.run(command, cwd=REPO, check=True,
                            capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def build(copy: Path) -> None:
    from importlib.metadata import version

    if int(version("setuptools").split(".")[0]) < SETUPTOOLS_MIN:
        raise SystemExit(f"check-compiled: setuptools >= {SETUPTOOLS_MIN} is needed to read "
                         "pyproject.toml (pip install -e '.[dev]' updates it)")
    started = time.monotonic()
    env = {**os.environ, "CLAIMS_MYPYC": "1"}
    subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace"], cwd=copy,
                   env=env, check=True, stdout=subprocess.DEVNULL)
    compiled = sorted(p.name for p in (copy / "claims" / "parse").glob("*.so"))
    if not compiled:
        raise SystemExit("check-compiled: nothing was compiled (see the messages above)")
    print(f"compiled {len(compiled)} modules in {time.monotonic() - started:.0f} s",
          file=sys.stderr)


def run_tests(copy: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(copy), "CLAIMS_EXPECT_COMPILED": "1"}
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "tests/parse", "tests/test_fuzz_parser.py"], cwd=copy, env=env, check=True)


def dump(checkout: Path, files: list[str], every: int) -> tuple[bool, list[str]]:
    """(compiled?, one digest per article) of the parser found first in ``checkout``."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable, "-c", DUMP, str(every), *files], cwd=checkout,
                         env=env, check=True, capture_output=True, text=True).stdout.splitlines()
    compiled = json.loads(out[0])["compiled"]
    return compiled, out[1:]


def compare(copy: Path, every: int) -> int:
    files = inputs(every)
    pure_build, pure = dump(REPO, files, every)
    compiled_build, compiled = dump(copy, files, every)
    if pure_build or not compiled_build:
        print("check-compiled: the builds under comparison are not pure and compiled",
              file=sys.stderr)
        return 1
    differ = [n for n, (a, b) in enumerate(zip(pure, compiled, strict=True)) if a != b]
    quotes = sum(len(json.loads(line)[2]) for line in pure)
    digest = hashlib.sha256("\n".join(pure).encode()).hexdigest()[:12]
    print(f"{len(pure)} articles, {quotes} quotes from {len(files)} files: "
          f"{len(differ)} articles differ (pure output {digest})", file=sys.stderr)
    for n in differ[:5]:
        print(f"  article {n}:\n    pure     {pure[n][:300]}\n    compiled {compiled[n][:300]}",
              file=sys.stderr)
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=25,
                        help="compare every N-th corpus article (0: the gold sets only)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="build in this folder and keep it (default: a scratch folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claims-compiled-") as scratch:
        copy = args.keep or Path(scratch)
        copy.mkdir(parents=True, exist_ok=True)
        copy_checkout(copy)
        build(copy)
        run_tests(copy)
        return compare(copy, args.every)


if __name__ == "__main__":
    raise SystemExit(main())

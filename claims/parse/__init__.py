"""Quote extraction and attribution: pure functions, text in, records out.

Nothing in this package touches a database. Language data (cue verbs, titles,
ranks, pronouns, day and month names, outlet datelines) lives in ``lang/*.toml``.
The package may be compiled with mypyc (``CLAIMS_MYPYC=1 pip install .``, see setup.py):
``COMPILED`` tells which build is running.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Final

from claims.parse import extract
from claims.parse.extract import PARSER_VERSION, parse_article
from claims.parse.records import ParsedArticle, QuoteRecord

COMPILED: Final = not extract.__file__.endswith(".py")


def stale_compiled_modules(folder: Path | None = None) -> list[str]:
    """Parser modules whose source is newer than their compiled module: in an editable
    checkout a compiled module shadows its .py file, so an edit would be silently ignored."""
    folder = folder or Path(extract.__file__).parent
    stale = []
    for source in sorted(folder.glob("*.py")):
        for built in folder.glob(f"{source.stem}.*.so"):
            if source.stat().st_mtime > built.stat().st_mtime + 1:
                stale.append(source.name)
    return stale


if COMPILED and (_stale := stale_compiled_modules()):
    warnings.warn(f"claims.parse: the compiled parser is older than {', '.join(_stale)}; "
                  "rebuild it (CLAIMS_MYPYC=1 pip install -e .) or delete claims/parse/*.so",
                  stacklevel=2)

__all__ = ["COMPILED", "PARSER_VERSION", "ParsedArticle", "QuoteRecord", "parse_article",
           "stale_compiled_modules"]

"""Optional compiled build of the parser (``claims/parse``) with mypyc: same source, ~1.5x faster.

``CLAIMS_MYPYC=1 pip install .`` compiles it (mypy is added to the build environment by
``scripts/build_backend.py``; a C compiler and the Python headers must be on the machine).
Without the variable, or when compilation is not possible, the package installs as pure
Python; the compiled modules are built from the same source, so the output is identical either
way (``scripts/check-compiled.py`` checks it), only the speed differs. ``pyproject.toml`` stays
the one source of the package's metadata.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

# every parser module but the benchmark script; a language hook class must live here too,
# since an interpreted class cannot subclass a compiled one
PARSER_MODULES = sorted(str(p) for p in Path("claims/parse").glob("*.py") if p.name != "bench.py")
WANTED = os.environ.get("CLAIMS_MYPYC") == "1"


def _warn(message: str) -> None:
    print(f"claims: {message}; installing the pure-Python parser", file=sys.stderr)


def _compiled_parser() -> list[Any]:
    """The mypyc extensions, or none when compilation is not asked for or not possible."""
    if not WANTED:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("CLAIMS_MYPYC=1 but mypy is not installed in the build environment")
        return []
    try:
        # silent: claims/__init__ names claims.api for type checkers; only the parser compiles
        return mypycify(
            ["--follow-imports=silent", "--ignore-missing-imports", *PARSER_MODULES],
            opt_level="3",
        )
    except (Exception, SystemExit) as exc:  # a type error mypyc refuses
        _warn(f"mypyc failed ({exc})")
        return []


class OptionalBuildExt(build_ext):
    """All compiled modules or none: a module shim without its shared library would not import."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, no Python headers, a compiler error, ...
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            _warn(f"compiling the parser failed ({exc})")


def _shared_files() -> list[tuple[str, list[str]]]:
    """The Alembic migrations and the sample articles, installed under ``<prefix>/share/claims``
    so that an install that is not editable (``pip install .``, a wheel) can create and upgrade
    databases and load the samples (``claims.db.shared_dir`` looks there when no source tree is
    beside the package)."""
    return [
        ("share/claims/alembic", ["alembic/env.py", "alembic/script.py.mako"]),
        ("share/claims/alembic/versions",
         sorted(str(p) for p in Path("alembic/versions").glob("*.py"))),
        ("share/claims/data", sorted(str(p) for p in Path("data").glob("*.jsonl"))),
    ]


setup(ext_modules=_compiled_parser(), cmdclass={"build_ext": OptionalBuildExt},
      data_files=_shared_files())
